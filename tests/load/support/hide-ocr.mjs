// Node --import hook: the optional OCR component is not installed (resolving onnxruntime-node
// fails as it does when the package is missing), to test the message a user then gets.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === 'onnxruntime-node') {
        const error = new Error("Cannot find package 'onnxruntime-node'");
        error.code = 'ERR_MODULE_NOT_FOUND';
        throw error;
      }
      return next(specifier, context);
    }
  `)}`,
);

// Starts `fzcheck serve` through the real bin as a child process, waits for the URL it prints,
// and stops it (SIGTERM, by its own pid) when the test is done.

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/fzcheck.js', import.meta.url));

/** A running `fzcheck serve`. */
export interface ServeProcess {
  readonly url: string; // as printed (with ?token= when there is one)
  readonly origin: string; // http://host:port
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Runs `fzcheck serve …args` (always with --no-open) and resolves once it listens. */
export function startServe(args: readonly string[]): Promise<ServeProcess> {
  const { CI: _ci, DISPLAY: _display, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', ...args, '--no-open'], {
    env: { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /(http:\/\/[^\s]+)/.exec(output)?.[1];
      if (url && output.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve({
          url,
          origin: new URL(url).origin,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

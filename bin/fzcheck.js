#!/usr/bin/env node
// fzcheck command-line entry: run the CLI (bundled by `npm run build`) and hand its exit code to
// the process.
import { run } from '../dist/bundle/run.js';

process.exitCode = await run();

#!/usr/bin/env node
// fzcheck command-line entry: run main() and hand its exit code to the process.
import { main } from '../dist/cli/main.js';
import { processIo } from '../dist/cli/io.js';

process.exitCode = await main(processIo());

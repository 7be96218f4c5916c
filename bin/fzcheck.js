#!/usr/bin/env node
import { processIo } from '../dist/cli/io.js';
// fzcheck command-line entry: run main() and hand its exit code to the process.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(processIo());

// Starts `fzcheck serve` over a folder: the rules loaded, a temporary directory for uploads, the
// server listening (on a free port unless one is asked for), and the folder checked in the
// background. Nothing is written outside the folder and that temporary directory, which is removed
// when the server closes.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { RunResult } from '../shared/results.js';
import { createApp } from './app.js';
import { ReportStore } from './report-store.js';
import type { UploadLimits } from './upload.js';

/** How to start the server. */
export interface ServeOptions {
  readonly folder: string; // absolute
  readonly host: string;
  readonly port: number; // 0: a free one
  readonly token: string | null; // required off the loopback; generated when null there
  readonly maxFileBytes: number;
  readonly tool: RunResult['tool'];
}

/** A running server. */
export interface RunningServer {
  readonly url: string; // with ?token= when a token is required
  readonly token: string | null;
  readonly store: ReportStore;
  close(): Promise<void>;
}

/** Upload limits besides the file size: files per upload, and all of one upload together. */
export const MAX_UPLOAD_FILES = 50;
export const MAX_UPLOAD_TOTAL_FACTOR = 10; // × the file size limit

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether a host name binds only the loopback. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const loopback = isLoopback(options.host);
  const token = options.token ?? (loopback ? null : randomBytes(18).toString('base64url'));
  const store = await ReportStore.open(options.folder, options.maxFileBytes, options.tool);
  const temporary = mkdtempSync(join(tmpdir(), 'fzcheck-serve-'));
  let port = options.port;
  const limits: UploadLimits = {
    maxFiles: MAX_UPLOAD_FILES,
    maxFileBytes: options.maxFileBytes,
    maxTotalBytes: options.maxFileBytes * MAX_UPLOAD_TOTAL_FACTOR,
  };
  const app = createApp(store, {
    access: { token, loopback, port: () => port },
    limits,
    temporary,
    version: options.tool.version,
    today: () => localDate(new Date()),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        port = info.port;
        resolve(started);
      },
    );
    started.on('error', reject);
  });
  void store.refresh();
  const shownHost = options.host.includes(':')
    ? `[${options.host}]`
    : options.host === '0.0.0.0'
      ? '127.0.0.1'
      : options.host;
  const url = `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`;
  return {
    url,
    token,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(temporary, { recursive: true, force: true });
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** A date as YYYY-MM-DD in local time. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// fzcheck serve [文件夹]: a local web application over a folder of reports. The server (and its
// HTTP framework) is imported only here, so `check` never pays for it. Runs until Ctrl+C (or
// SIGTERM); the URL is printed and, where a desktop is available, opened in the browser.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../../load/load-source.js';
import { childProcess } from '../../shared/lazy-modules.js';
import type { RunResult } from '../../shared/results.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

/** Parsed options of `fzcheck serve`. */
export interface ServeCommandOptions {
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  readonly open?: boolean; // --no-open sets false
  readonly maxFileSize?: number;
}

const DEFAULT_HOST = '127.0.0.1';

/** Runs the serve command; resolves when the server has been stopped. */
export async function runServe(
  folder: string | undefined,
  options: ServeCommandOptions,
  io: CliIo,
  tool: RunResult['tool'],
  stop: Promise<void>,
): Promise<number> {
  const root = resolve(io.cwd, folder ?? '.');
  const info = (() => {
    try {
      return statSync(root);
    } catch {
      return null;
    }
  })();
  if (!info?.isDirectory()) throw new UsageError(`“${folder ?? '.'}”不是一个文件夹`);
  const host = options.host ?? DEFAULT_HOST;
  const { isLoopback, startServer } = await import('../../serve/start-server.js');
  if (options.token !== undefined && options.token.length < 8) throw new UsageError('--token 至少 8 个字符');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      folder: root,
      host,
      port: options.port ?? 0,
      token: options.token ?? null,
      maxFileBytes: options.maxFileSize !== undefined ? options.maxFileSize * 1024 * 1024 : DEFAULT_MAX_BYTES,
      tool,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`端口 ${options.port} 已被占用，换一个端口或不写 --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`无法监听地址 ${host}`);
    throw error;
  }
  io.stdout.write(`fzcheck 审阅服务已启动：${server.url}\n`);
  io.stdout.write(`文件夹：${root}\n`);
  if (!isLoopback(host)) {
    io.stdout.write(
      `注意：服务对网络开放（${host}），每个请求都须带访问令牌；请把上面的完整地址（含令牌）只发给审阅人${options.token ? '' : `。令牌：${server.token}`}\n`,
    );
  }
  io.stdout.write('按 Ctrl+C 停止。\n');
  if (options.open !== false) openBrowser(server.url, io);
  await stop;
  await server.close();
  return ExitCode.Ok;
}

/** Opens the URL in the desktop's browser, if there is a desktop; never fails the command. */
function openBrowser(url: string, io: CliIo): void {
  const platform = process.platform;
  const hasDesktop =
    platform === 'darwin' || platform === 'win32' || Boolean(io.env.DISPLAY || io.env.WAYLAND_DISPLAY);
  if (!hasDesktop) return;
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = childProcess().spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser: the printed URL is enough.
  }
}

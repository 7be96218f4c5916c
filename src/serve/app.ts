// The routes of `fzcheck serve`: pages, their assets, the folder's status (polled for the progress
// bar), uploads, decisions, and downloads in every format. A report is named in a request by the
// path the list shows; it is looked up in the store, never opened as given.

import { basename } from 'node:path';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { REVIEW_SCRIPT, REVIEW_STYLE, reviewView } from '../format/html.js';
import { FORMATTERS } from '../format/index.js';
import { decidedCount, isMissingStatutory } from '../format/summary.js';
import type { FileResult } from '../shared/results.js';
import { appendDecision, removeDecisions } from './decisions-file.js';
import { APP_STYLE, LIST_SCRIPT, listPage, REPORT_SCRIPT, reportPage } from './pages.js';
import type { ReportStore } from './report-store.js';
import { type AccessRules, guard } from './security.js';
import { receiveUpload, UploadError, type UploadLimits } from './upload.js';

/** What the app needs besides the store. */
export interface AppOptions {
  readonly access: AccessRules;
  readonly limits: UploadLimits;
  readonly temporary: string; // where uploads are received before they are moved into the folder
  readonly version: string;
  readonly today: () => string; // YYYY-MM-DD, for decisions
}

const FORMAT_OPTIONS = { color: false, verbose: false, width: 100 };
const MAX_REASON = 500;
const ASSETS: Readonly<Record<string, readonly [string, string]>> = {
  'review.css': ['text/css; charset=utf-8', REVIEW_STYLE()],
  'app.css': ['text/css; charset=utf-8', APP_STYLE],
  'review.js': ['text/javascript; charset=utf-8', REVIEW_SCRIPT()],
  'list.js': ['text/javascript; charset=utf-8', LIST_SCRIPT],
  'report.js': ['text/javascript; charset=utf-8', REPORT_SCRIPT],
};
const DOWNLOADS: Readonly<Record<string, readonly [string, string]>> = {
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.xlsx'],
  csv: ['text/csv; charset=utf-8', '.csv'],
  json: ['application/json; charset=utf-8', '.json'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.批注.docx'],
};

/** The Hono app over one folder's store. */
export function createApp(store: ReportStore, options: AppOptions): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use('*', guard(options.access));

  app.get('/', (c) => c.html(listPage(basename(store.folder), options.version)));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.text('没有这个文件', 404);
    return c.body(asset[1], 200, { 'Content-Type': asset[0] });
  });

  app.get('/api/status', (c) =>
    c.json({
      progress: store.status,
      decisionsError: store.decisionsError,
      reports: store.files().map(reportRow),
    }),
  );

  app.get('/report', (c) => {
    const file = store.file(c.req.query('file') ?? '');
    if (!file) return c.text('没有这份报告', 404);
    const view = reviewView(store.run([file]), FORMAT_OPTIONS, { actions: true });
    const title = file.identity?.subject
      ? `${file.identity.subject}${file.identity.year ? ` ${file.identity.year}年度` : ''}`
      : file.path;
    return c.html(reportPage(file.path, title, view));
  });

  app.post('/api/upload', async (c) => {
    try {
      const outcome = await receiveUpload(
        c.env.incoming.headers,
        c.env.incoming,
        store.folder,
        options.temporary,
        options.limits,
      );
      if (outcome.saved.length > 0) void store.refresh();
      const status = outcome.saved.length === 0 && outcome.rejected.length > 0 ? 400 : 200;
      return c.json(outcome, status);
    } catch (error) {
      // The body may be left unread: the connection is not kept for another request.
      if (error instanceof UploadError)
        return c.json({ saved: [], rejected: [], error: error.message }, error.status, {
          Connection: 'close',
        });
      throw error;
    }
  });

  app.post('/api/decisions', async (c) => {
    const body = await jsonBody(c.req.raw);
    const file = store.file(String(body?.file ?? ''));
    const ruleId = String(body?.ruleId ?? '');
    const kind =
      body?.decision === 'verified' ? '已核实' : body?.decision === 'not-applicable' ? '不适用' : null;
    const reason = String(body?.reason ?? '').trim();
    if (!file || file.error) return c.json({ error: '没有这份报告' }, 404);
    if (!file.results.some((result) => result.ruleId === ruleId) || !store.hasRule(ruleId))
      return c.json({ error: '这份报告没有这条规则' }, 400);
    if (!kind) return c.json({ error: '决定应为 不适用 或 已核实' }, 400);
    if (reason === '' || [...reason].length > MAX_REASON)
      return c.json({ error: `请填写理由（至多 ${MAX_REASON} 字）` }, 400);
    const excerpt = typeof body?.excerpt === 'string' && body.excerpt !== '' ? body.excerpt : undefined;
    const by =
      typeof body?.by === 'string' && body.by.trim() !== '' ? body.by.trim().slice(0, 40) : undefined;
    appendDecision(store.decisionsFile, {
      report: file.path,
      rule: ruleId,
      decision: kind,
      reason,
      date: options.today(),
      by,
      excerpt,
    });
    const result = await store.recheck(file.path);
    return c.json({ score: result?.score?.points ?? null, grade: result?.score?.grade ?? null });
  });

  app.post('/api/decisions/undo', async (c) => {
    const body = await jsonBody(c.req.raw);
    const file = store.file(String(body?.file ?? ''));
    if (!file) return c.json({ error: '没有这份报告' }, 404);
    const reports = [
      file.path,
      basename(file.path),
      ...(file.identity?.subject ? [file.identity.subject] : []),
    ];
    const excerpt = typeof body?.excerpt === 'string' ? body.excerpt : null;
    const removed = removeDecisions(store.decisionsFile, {
      reports,
      rule: String(body?.ruleId ?? ''),
      excerpt,
    });
    await store.recheck(file.path);
    return c.json({ removed });
  });

  app.get('/download/:format', async (c) => {
    const name = c.req.param('format');
    const download = DOWNLOADS[name];
    const entry = FORMATTERS.get(name);
    if (!download || !entry) return c.text('没有这种格式', 404);
    const path = c.req.query('file');
    let files: FileResult[];
    if (path !== undefined) {
      // The Word copy is made from the original bytes, read again for this download.
      const file = name === 'docx' ? await store.recheck(path, true) : store.file(path);
      if (!file) return c.text('没有这份报告', 404);
      files = [file];
    } else if (name === 'docx') return c.text('Word 批注版请在某份报告的页面下载', 400);
    else files = store.files();
    const format = await entry.load();
    const output = await format(store.run(files), FORMAT_OPTIONS);
    const stem =
      path !== undefined ? basename(path).replace(/\.[^.]+$/, '') : `fzcheck-${basename(store.folder)}`;
    const body =
      typeof output === 'string'
        ? output
        : output instanceof Uint8Array
          ? new Uint8Array(output)
          : [...output].join(''); // text in pieces (JSON)
    return c.body(body, 200, {
      'Content-Type': download[0],
      'Content-Disposition': `attachment; filename="fzcheck${download[1].replace(/[^\x20-\x7e]/g, '')}"; filename*=UTF-8''${encodeURIComponent(`${stem}${download[1]}`)}`,
    });
  });

  app.onError((error, c) => c.json({ error: `服务器内部错误：${error.message}` }, 500));
  return app;
}

/** A report's row in the list. */
function reportRow(file: FileResult) {
  return {
    path: file.path,
    subject: file.identity?.subject ?? null,
    year: file.identity?.year ?? null,
    score: file.score?.points ?? null,
    grade: file.score?.grade ?? null,
    missing: file.error ? null : file.results.filter(isMissingStatutory).length,
    decided: decidedCount(file),
    error: file.error?.message ?? null,
  };
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const text = await request.text();
    if (text.length > 16_384) return null;
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

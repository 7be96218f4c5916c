// `fzcheck serve` refuses what it must: requests without the token when it is open to a network,
// a foreign Host header on the loopback, changing requests without the page's marker, uploads
// whose names try to leave the folder (directly or inside a zip), oversized uploads; every answer
// carries the Content-Security-Policy.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-bin.js';
import { type ServeProcess, startServe } from '../support/serve-process.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A multipart body with one file part per name. */
function multipart(files: ReadonlyArray<readonly [name: string, bytes: Uint8Array]>): {
  body: Uint8Array;
  headers: Record<string, string>;
} {
  const boundary = 'fzcheckboundary1234';
  const parts: Buffer[] = [];
  for (const [name, bytes] of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  return {
    body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
      'x-fzcheck': '1',
    },
  };
}

const REPORT = readFileSync(join(REPO_ROOT, 'fixtures/inputs/qinghe-sfj-2021.docx'));
const CSP = "default-src 'self'";

describe('fzcheck serve on the loopback', () => {
  let server: ServeProcess;
  let outside: string;
  let folder: string;
  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'fzcheck-serve-security-'));
    folder = join(outside, 'reports');
    mkdirSync(folder);
    server = await startServe([folder, '--max-file-size', '0.5']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers with a Content-Security-Policy and no token asked for', async () => {
    const answer = await send(`${server.origin}/`);
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-security-policy'])).toContain(CSP);
    expect(String(answer.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a Host header that is not this machine (DNS rebinding)', async () => {
    const answer = await send(`${server.origin}/api/status`, { headers: { host: 'attacker.example:80' } });
    expect(answer.status).toBe(403);
  });

  it('refuses a changing request without the page marker, or from another origin', async () => {
    const upload = multipart([['a.txt', strToU8('内容')]]);
    const { 'x-fzcheck': _marker, ...withoutMarker } = upload.headers;
    expect(
      (
        await send(`${server.origin}/api/upload`, {
          method: 'POST',
          headers: withoutMarker,
          body: upload.body,
        })
      ).status,
    ).toBe(403);
    const foreign = { ...upload.headers, origin: 'http://attacker.example' };
    expect(
      (await send(`${server.origin}/api/upload`, { method: 'POST', headers: foreign, body: upload.body }))
        .status,
    ).toBe(403);
    expect(readdirSync(folder)).toEqual([]);
  });

  it.each([
    ['../../escape.docx'],
    ['..\\..\\escape.docx'],
    ['/tmp/escape.docx'],
    ['sub/escape.docx'],
    ['..'],
  ])('refuses an upload named %s and writes nothing', async (name) => {
    const upload = multipart([[name, REPORT]]);
    const answer = await send(`${server.origin}/api/upload`, {
      method: 'POST',
      headers: upload.headers,
      body: upload.body,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).saved).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(outside, 'escape.docx'))).toBe(false);
  });

  it('unpacks a zip inside the folder and refuses its entries that point outside', async () => {
    const zip = zipSync({
      'good/报告.txt': strToU8('二、存在的不足\n执法力量不足。'),
      '../escape.txt': strToU8('x'),
    });
    const upload = multipart([['一批报告.zip', zip]]);
    const answer = await send(`${server.origin}/api/upload`, {
      method: 'POST',
      headers: upload.headers,
      body: upload.body,
    });
    expect(answer.status).toBe(200);
    const outcome = JSON.parse(answer.body) as { saved: string[]; rejected: Array<{ name: string }> };
    expect(outcome.saved).toEqual([join('一批报告', 'good', '报告.txt')]);
    expect(outcome.rejected.map((item) => item.name)).toEqual(['一批报告.zip/../escape.txt']);
    expect(existsSync(join(outside, 'escape.txt'))).toBe(false);
    expect(existsSync(join(folder, '..', 'escape.txt'))).toBe(false);
  });

  it('refuses a file over the size limit and an upload over the total', async () => {
    const big = new Uint8Array(600 * 1024).fill(0x41);
    const upload = multipart([['大.txt', big]]);
    const answer = await send(`${server.origin}/api/upload`, {
      method: 'POST',
      headers: upload.headers,
      body: upload.body,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).rejected[0].reason).toContain('文件过大');
    expect(existsSync(join(folder, '大.txt'))).toBe(false);
    const declared = { ...upload.headers, 'content-length': String(100 * 1024 * 1024) };
    const total = await send(`${server.origin}/api/upload`, {
      method: 'POST',
      headers: declared,
      body: '',
    }).catch(() => null);
    expect(total?.status ?? 413).toBe(413);
  });

  it('keeps a cleaned name and never overwrites a file already there', async () => {
    for (let i = 0; i < 2; i++) {
      const upload = multipart([['青禾 区:报告?.docx', REPORT]]);
      const answer = await send(`${server.origin}/api/upload`, {
        method: 'POST',
        headers: upload.headers,
        body: upload.body,
      });
      expect(answer.status).toBe(200);
      // Asked at once, the status already shows the check the upload started (a page that polls
      // only while a check runs would otherwise never show the new report).
      const now = JSON.parse((await send(`${server.origin}/api/status`)).body);
      const saved = (JSON.parse(answer.body) as { saved: string[] }).saved[0];
      expect(now.progress.running || now.reports.some((r: { path: string }) => r.path === saved)).toBe(true);
    }
    expect(
      readdirSync(folder)
        .filter((name) => name.endsWith('.docx'))
        .sort(),
    ).toEqual(['青禾 区报告.docx', '青禾 区报告（2）.docx']);
  });
  it('takes decisions through the API only for a known report and rule, with a reason, and takes them back', async () => {
    const status = async () => JSON.parse((await send(`${server.origin}/api/status`)).body);
    await expect
      .poll(
        async () => {
          const now = await status();
          return (
            !now.progress.running && now.reports.some((r: { path: string }) => r.path === '青禾 区报告.docx')
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const post = (path: string, body: object) =>
      send(`${server.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fzcheck': '1' },
        body: JSON.stringify(body),
      });
    const base = {
      file: '青禾 区报告.docx',
      ruleId: 'metrics/litigation',
      decision: 'not-applicable',
      reason: '本局无诉讼',
    };
    expect((await post('/api/decisions', { ...base, file: '../secret.docx' })).status).toBe(404);
    expect((await post('/api/decisions', { ...base, ruleId: 'no/such-rule' })).status).toBe(400);
    expect((await post('/api/decisions', { ...base, reason: '  ' })).status).toBe(400);
    expect((await post('/api/decisions', { ...base, decision: 'maybe' })).status).toBe(400);
    const before = (await status()).reports.find((r: { path: string }) => r.path === base.file);
    expect((await post('/api/decisions', base)).status).toBe(200);
    expect(readFileSync(join(folder, 'fzcheck.decisions.yaml'), 'utf8')).toContain('reason: 本局无诉讼');
    const decided = (await status()).reports.find((r: { path: string }) => r.path === base.file);
    expect(decided.decided).toBe(1);
    expect(decided.score).toBeGreaterThan(before.score);
    expect(
      JSON.parse((await post('/api/decisions/undo', { file: base.file, ruleId: base.ruleId })).body),
    ).toEqual({ removed: 1 });
    const undone = (await status()).reports.find((r: { path: string }) => r.path === base.file);
    expect([undone.decided, undone.score]).toEqual([0, before.score]);
  });
});

describe('fzcheck serve open to a network (--host)', () => {
  let server: ServeProcess;
  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fzcheck-serve-host-'));
    server = await startServe([folder, '--host', '0.0.0.0']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('prints a token and refuses every request without it', async () => {
    const token = new URL(server.url).searchParams.get('token');
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(server.output()).toContain(`令牌：${token}`);
    for (const path of ['/', '/api/status', '/assets/list.js', '/download/json']) {
      const answer = await send(`${server.origin}${path}`);
      expect(answer.status).toBe(401);
      expect(String(answer.headers['content-security-policy'])).toContain(CSP);
    }
    expect((await send(`${server.origin}/api/status?token=wrong-token-123`)).status).toBe(401);
    expect(
      (await send(`${server.origin}/api/status`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('takes the token once from the URL and then from a cookie', async () => {
    const answer = await send(server.url);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = String(answer.headers['set-cookie']).split(';')[0] as string;
    expect(cookie).toMatch(/^fzcheck_token=/);
    expect((await send(`${server.origin}/`, { headers: { cookie } })).status).toBe(200);
  });
});

// What every request to `fzcheck serve` passes before a route sees it: the Host header (bound to
// the loopback, only the loopback names: a web page cannot reach the server through DNS
// rebinding), the access token (required when bound to another address, accepted from the
// Authorization header, a cookie, or once from the URL), a marker header on every request that
// changes something (a page on another site cannot send it without CORS, which is never
// granted), and the headers of every answer: a Content-Security-Policy allowing nothing but this
// origin, no sniffing, no referrer, no caching, no framing.

import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Who may talk to the server. */
export interface AccessRules {
  readonly token: string | null; // null: loopback without a token
  readonly loopback: boolean; // bound to 127.0.0.1 / ::1 / localhost
  readonly port: () => number; // known once listening
}

/** The header every changing request must carry (the page's scripts send it). */
export const CHANGE_HEADER = 'x-fzcheck';
export const TOKEN_COOKIE = 'fzcheck_token';

/** The Content-Security-Policy of every answer: this origin only, no inline script. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The middleware that checks host, token and marker, and sets the security headers. */
export function guard(rules: AccessRules): MiddlewareHandler {
  return async (c, next) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const refuse = (status: 400 | 401 | 403, text: string) => c.text(text, status, headers);
    const host = c.req.header('host') ?? '';
    if (rules.loopback && !LOOPBACK_NAMES.some((name) => host === `${name}:${rules.port()}`))
      return refuse(403, '拒绝访问：请求的主机名不是本机');
    if (rules.token !== null) {
      const fromUrl = c.req.query('token');
      const given =
        bearer(c.req.header('authorization')) ??
        cookie(c.req.header('cookie'), TOKEN_COOKIE) ??
        fromUrl ??
        null;
      if (given === null || !same(given, rules.token))
        return refuse(401, '需要访问令牌：请使用启动时打印的完整地址（含 ?token=）');
      if (fromUrl !== undefined && c.req.method === 'GET') {
        // Once from the URL, then from a cookie: the token leaves the address bar.
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.body(null, 303, {
          ...headers,
          Location: `${url.pathname}${url.search}`,
          'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(rules.token)}; Path=/; HttpOnly; SameSite=Strict`,
        });
      }
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.header(CHANGE_HEADER) !== '1') return refuse(403, '拒绝访问：缺少页面请求标记');
      const origin = c.req.header('origin');
      if (origin && origin !== `http://${host}`) return refuse(403, '拒绝访问：请求来自其他网站');
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    return undefined;
  };
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

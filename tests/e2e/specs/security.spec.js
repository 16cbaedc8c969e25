// The Content-Security-Policy the build writes to dist/_headers, as served.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, expect, test } from '../support/site.js';

test('dist/_headers carries a strict policy with the hash of the inline loader', async () => {
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const policy = headers.match(/^\/\*\n\s+Content-Security-Policy: (.*)$/m)[1];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).toMatch(/style-src 'self' 'sha256-/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(headers).toMatch(/^\/article\/\*\n\s+Content-Security-Policy: frame-ancestors 'self'$/m);
});

test("the app runs under that policy; its pages are served with frame-ancestors 'self', the ticker's page without", async ({
  page,
  site,
}) => {
  const answer = await fetch(site.url);
  expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9); // no violation: the fixture fails on any
  const ticker = await fetch(`${site.url}embed.html`);
  expect(ticker.headers.get('content-security-policy')).not.toContain('frame-ancestors');
});

test('the bundle has no eval, no Function constructor and no inline handlers', async () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    expect(text, file).not.toMatch(/\beval\s*\(/);
    expect(text, file).not.toMatch(/new Function\s*\(/);
  }
});

test('nothing in dist/ looks like a secret', async () => {
  const SECRETS = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\bAKIA[0-9A-Z]{16}\b/,
    /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
    /\bsk_(live|test)_[A-Za-z0-9]{16,}/,
    /\bxox[abpr]-[A-Za-z0-9-]{10,}/,
    /\bAIza[0-9A-Za-z_-]{35}\b/,
    /["']?(api[_-]?key|secret|password|access[_-]?token)["']?\s*[:=]\s*["'][^"']{8,}["']/i,
  ];
  const files = fs.readdirSync(DIST).filter((f) => /\.(js|wasm|html|json|css)$/.test(f));
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  for (const file of files) {
    const text = fs.readFileSync(path.join(DIST, file)).toString('latin1');
    for (const pattern of SECRETS) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  }
});

// `node --test scripts/`: which sub-paths scripts/subpath.mjs takes, and what it
// rebases (the pages and `_redirects`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { publicUrl, rebaseRedirects, subpath } from '../subpath.mjs';

test('clean folder paths are taken, in any script, percent-encoded as the browser sends them', () => {
  assert.equal(publicUrl('/news/'), '/news/');
  assert.equal(publicUrl('/he/mivzak/'), '/he/mivzak/');
  assert.equal(publicUrl('/חדשות/'), '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/');
  // Already escaped: the same path, not escaped twice.
  assert.equal(publicUrl('/%D7%97%D7%93%D7%A9%D7%95%D7%AA/'), '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/');
  assert.equal(publicUrl('/أخبار/v1.2/'), '/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/v1.2/');
  assert.equal(publicUrl('/новости_24/~live/'), '/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8_24/~live/');
  assert.equal(publicUrl('/מבזקים-2025/'), '/%D7%9E%D7%91%D7%96%D7%A7%D7%99%D7%9D-2025/');
});

test('anything but a clean absolute folder path is refused', () => {
  for (const bad of [
    '/../',
    '/news/../',
    '/./',
    '/news/./x/',
    '/%2e%2E/',
    '/%2E/',
    '//',
    '/news//x/',
    '/',
    'news/',
    '/news',
    '',
    undefined,
    'https://example.co.il/news/',
    '/news?x=1/',
    '/news#a/',
    '/a b/',
    '/a"b/',
    '/<x>/',
    '\\news\\',
    '/a\\b/',
    '/%2F/',
    '/%/',
    '/%D7/',
    '/news\n/',
  ])
    assert.throws(() => publicUrl(bad), /not a (folder path|clean path segment)/, JSON.stringify(bad));
});

test("_redirects' rules move under the sub-path", () => {
  assert.equal(rebaseRedirects('/*    /shell.html   200\n', '/he/mivzak/'), '/he/mivzak/*    /he/mivzak/shell.html   200\n');
  assert.equal(
    rebaseRedirects(
      '# the app\n/*  /index.html 200\n\n/old/*  https://cdn.example/x  301\n',
      '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/',
    ),
    '# the app\n/%D7%97%D7%93%D7%A9%D7%95%D7%AA/*  /%D7%97%D7%93%D7%A9%D7%95%D7%AA/index.html 200\n\n' +
      '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/old/*  https://cdn.example/x  301\n',
  );
});

test('a copy for a sub-path rebases its pages and its _redirects', () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'subpath-'));
  const from = path.join(temp, 'dist');
  fs.mkdirSync(from);
  fs.writeFileSync(
    path.join(from, 'index.html'),
    '<base href="/"><script type="module">import init from "/mivzak-1a2b.js"; init("/mivzak-1a2b_bg.wasm")</script>',
  );
  fs.writeFileSync(path.join(from, 'mivzak-1a2b.js'), '');
  fs.writeFileSync(path.join(from, '_redirects'), '/*    /index.html   200\n');
  const to = path.join(temp, 'out');
  subpath(from, to, '/חדשות/');
  const base = '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/';
  assert.equal(
    fs.readFileSync(path.join(to, 'index.html'), 'utf8'),
    `<base href="${base}"><script type="module">import init from "${base}mivzak-1a2b.js"; init("${base}mivzak-1a2b_bg.wasm")</script>`,
  );
  assert.equal(fs.readFileSync(path.join(to, '_redirects'), 'utf8'), `${base}*    ${base}index.html   200\n`);
  assert.throws(() => subpath(from, path.join(temp, 'bad'), '/../'));
  assert.equal(fs.existsSync(path.join(temp, 'bad')), false);
  fs.rmSync(temp, { recursive: true, force: true });
});

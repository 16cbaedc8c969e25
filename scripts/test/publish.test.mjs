// `node --test scripts/`: `make publish` (README, "Deployment"), the build over a
// publish folder of the publisher's own, with the publisher's config.json in it and
// the security headers written from it, then every page rendered.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A stand-in for `make build`'s dist/: the shell, the sample config and feed. */
function build(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(root, 'index.html'), path.join(dir, 'index.html'));
  fs.copyFileSync(path.join(root, 'public/config.json'), path.join(dir, 'config.json'));
  fs.copyFileSync(path.join(root, 'public/feed.json'), path.join(dir, 'feed.json'));
  fs.writeFileSync(path.join(dir, '_redirects'), '/*    /index.html   200\n');
}

function feed(ids) {
  const items = ids.map((id, i) => ({
    id,
    title: `מבזק ${id}`,
    content_text: 'גוף',
    date_published: `2025-03-10T10:0${i}:00Z`,
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items });
}

function publish(vars) {
  return execFileSync(
    'make',
    ['--no-print-directory', '-C', root, 'publish', 'RENDER_PROFILE=dev', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, env: { ...process.env, MAKEFLAGS: '' } },
  );
}

test("a cross-origin feed and comments server reach connect-src; later builds keep what was published", () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
  const dist = path.join(temp, 'dist');
  const site = path.join(temp, 'site');
  build(dist);
  const config = path.join(temp, 'my-config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      feed_url: 'https://cms.example.co.il/api/feed.json',
      comments_url: 'https://תגובות.example/isso',
      site_name: 'חדשות הצפון',
    }),
  );
  const cms = path.join(temp, 'cms.json');
  fs.writeFileSync(cms, feed(['first']));
  publish({ BUILD: dist, SITE: site, CONFIG: config, FEED: cms });

  const headers = fs.readFileSync(path.join(site, '_headers'), 'utf8');
  const connect = headers.match(/connect-src ([^;\n]*)/)[1].split(' ');
  assert.ok(connect.includes('https://cms.example.co.il'), headers);
  assert.ok(connect.includes('https://xn--5dbbjb5he.example'), headers);
  assert.equal(fs.readFileSync(path.join(site, 'config.json'), 'utf8'), fs.readFileSync(config, 'utf8'));
  assert.equal(fs.existsSync(path.join(site, 'feed.json')), false, "the build's sample feed stays out");
  assert.match(fs.readFileSync(path.join(site, 'index.html'), 'utf8'), /מבזק first/);
  assert.match(fs.readFileSync(path.join(site, '_redirects'), 'utf8'), /shell\.html/);

  // A new build: its sample config over dist/ again, and a feed that moved on.
  build(dist);
  fs.writeFileSync(cms, feed(['second']));
  publish({ BUILD: dist, SITE: site, CONFIG: config, FEED: cms });
  assert.ok(fs.existsSync(path.join(site, 'article/first/index.html')), 'the page that left the feed stays');
  assert.ok(fs.existsSync(path.join(site, 'article/second/index.html')));
  assert.ok(fs.existsSync(path.join(site, 'mivzak-render.json')));
  assert.match(fs.readFileSync(path.join(site, '_headers'), 'utf8'), /connect-src [^;\n]*https:\/\/cms\.example\.co\.il/);
  fs.rmSync(temp, { recursive: true, force: true });
});

// Writes the feed that config.json names into index.html's
// <meta name="mivzak-feed">, so the head start asks for it together with
// config.json instead of one round trip later. Run it again after changing
// config.json (a stale hint costs one wasted request, never a wrong feed: the
// page uses the early answer only when config.json names the same URL).
//
//   node scripts/feed-hint.mjs dist
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The rule the page and the service worker use: public/config-rules.js.
const { feedNamed } = createRequire(import.meta.url)('../public/config-rules.js');

const dist = process.argv[2] ?? 'dist';
let config = null;
try {
  config = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
} catch {
  /* no readable config.json: the default feed, as the page does */
}
const feed = feedNamed(config);
const attribute = feed.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
for (const page of ['index.html', '404.html']) {
  const file = path.join(dist, page);
  if (!fs.existsSync(file)) continue;
  const html = fs.readFileSync(file, 'utf8');
  const written = html.replace(
    /<meta name="mivzak-feed" content="[^"]*">/,
    `<meta name="mivzak-feed" content="${attribute}">`,
  );
  if (written === html && !html.includes(`<meta name="mivzak-feed" content="${attribute}">`)) {
    throw new Error(`${file}: no <meta name="mivzak-feed"> to write`);
  }
  fs.writeFileSync(file, written);
}
console.log(`feed hint: ${feed}`);

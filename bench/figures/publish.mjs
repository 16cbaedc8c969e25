// 8. mivzak-render (issue 15): a 10,000-item feed, each item with a body and
// tags, rendered into a copy of dist/ from nothing; then a re-run after one new
// item, counting the files it rewrote besides the sitemaps and the manifest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figure, median, RUNS } from '../lib/figures.mjs';
import { renderDir } from '../lib/render.mjs';
import { CONFIG, DIST, feedOf } from '../lib/site.mjs';

const TAGS = Array.from({ length: 50 }, (_, i) => `נושא ${i}`);

/** feedOf(n) with what real items carry: an HTML body and two tags each. */
function publishedFeed(n, extra = []) {
  const feed = feedOf(n, extra);
  for (const item of feed.items) {
    // From the item's own number, so the same item is the same in both runs.
    const i = Number(item.id.replace('item-', '')) || 0;
    item.content_html ??= `<p>פסקה ראשונה של כתבה ${i}, עם <a href="/x/${i}">קישור</a>.</p><p>פסקה שנייה.</p>`;
    item.tags ??= [TAGS[i % TAGS.length], TAGS[(i * 7) % TAGS.length]];
  }
  return feed;
}

const run = (dir) => renderDir(dir, Date.UTC(2024, 11, 27, 13) / 1000);

export async function publish() {
  const first = [];
  const rewritten = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-publish-'));
    try {
      fs.cpSync(DIST, dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'config.json'),
        JSON.stringify({ ...CONFIG, site_url: 'https://news.example.co.il/' }),
      );
      fs.writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(publishedFeed(10000)));
      first.push(run(dir).ms);
      // One new item on a feed at its 10,000-item limit (feed/parse.rs): from
      // 9,999 items, so nothing else leaves.
      fs.writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(publishedFeed(9999)));
      run(dir);
      const fresh = { id: 'fresh', title: 'מבזק חדש', date_published: '2024-12-27T14:30:00+02:00', tags: [TAGS[0]] };
      fs.writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(publishedFeed(9999, [fresh])));
      const again = run(dir).stdout;
      const files = again
        .split('\n')
        .filter((line) => line.startsWith('wrote ') && !/sitemap|mivzak-render\.json/.test(line));
      rewritten.push(files.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  figure(
    'publish.render_10000_items',
    median(first),
    'ms',
    'mivzak-render from nothing, 10,000 items with bodies and tags (target ≤ 10,000)',
  );
  figure(
    'publish.rerun_one_new_item_files',
    median(rewritten),
    'files',
    'rewritten besides the sitemaps and the manifest (target ≤ 5)',
  );
}

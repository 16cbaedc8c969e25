// Issue 23's second target: the published sample home's HTML, ≤ 8 KB brotli (at
// quality 11, as a CDN precompresses and as the bench's server sends it), with
// ≤ 4 KB of executable inline script (raw UTF-8 bytes of the scripts' texts;
// bench/lib/inline-script.mjs says which scripts run). Measured on the home page
// mivzak-render writes for the sample feed into a served copy, as the other
// figures of the group load it.
import fs from 'node:fs';
import path from 'node:path';
import { figure } from '../lib/figures.mjs';
import { inlineScripts } from '../lib/inline-script.mjs';
import { publishSample } from '../lib/render.mjs';
import { brotli, ROOT, site } from '../lib/site.mjs';

const utf8 = (text) => Buffer.byteLength(text, 'utf8');
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

export async function publishedHomeBytes() {
  const s = await site();
  try {
    publishSample(s);
    const html = fs.readFileSync(path.join(s.root, 'index.html'), 'utf8');
    const { executable, data } = inlineScripts(html);
    const scripts = executable.join('');
    const styles = [...html.matchAll(STYLE)].map(([, css]) => css).join('');
    // The sample as `make build` publishes it has no site_url, so no canonical
    // link, og:url or JSON-LD address: a little smaller than a real site's home.
    const sample = path.join(ROOT, 'target/dist-published/index.html');
    const bare = fs.existsSync(sample)
      ? `; target/dist-published, no site_url: ${brotli(fs.readFileSync(sample))} B`
      : '';
    figure(
      'published_home.html_brotli_bytes',
      brotli(html),
      'B',
      `brotli 11, site_url set (raw ${utf8(html)} B${bare}); target ≤ 8192`,
    );
    figure(
      'published_home.inline_script_bytes',
      utf8(scripts),
      'B',
      `raw, ${executable.length} executable inline scripts (brotli 11 alone: ${brotli(scripts)} B); target ≤ 4096`,
    );
    figure(
      'published_home.inline_data_bytes',
      utf8(data.join('')),
      'B',
      `raw, ${data.length} inline data blocks (JSON, JSON-LD): no script, not in the target`,
    );
    figure('published_home.inline_style_bytes', utf8(styles), 'B', 'raw, inline <style> (not in the target)');
  } finally {
    await s.close();
  }
}

// mivzak-render (issue 15) as the figures run it: on a served copy of dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG, ROOT } from './site.mjs';

/** The renderer: `MIVZAK_RENDER` when set (the Makefile sets it to the
 *  `RENDER_PROFILE` build it makes), else the optimised build `make bench` makes. */
const RENDER = process.env.MIVZAK_RENDER || path.join(ROOT, 'target/render/mivzak-render');

/** Runs mivzak-render on `dir` (with `SOURCE_DATE_EPOCH` when `epochSeconds` is
 *  given, else the clock); returns the milliseconds it took and its output.
 *  Throws with its stderr when it fails. */
export function renderDir(dir, epochSeconds) {
  const env = { ...process.env };
  if (epochSeconds === undefined) delete env.SOURCE_DATE_EPOCH;
  else env.SOURCE_DATE_EPOCH = String(epochSeconds);
  const started = process.hrtime.bigint();
  const done = spawnSync(RENDER, ['--dist', dir], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (done.status !== 0) throw new Error(`mivzak-render failed: ${done.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: done.stdout };
}

/** Publishes the sample feed into the served copy `s` (from `site()`), with its
 *  own address as `site_url` so canonical links and the sitemap name it. */
export function publishSample(s) {
  fs.writeFileSync(path.join(s.root, 'config.json'), JSON.stringify({ ...CONFIG, site_url: s.url }));
  renderDir(s.root);
}

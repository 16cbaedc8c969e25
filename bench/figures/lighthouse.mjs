// 3. Lighthouse's mobile run (its own throttling): the four scores and the paint,
// blocking and layout-shift audits.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROME_PATH } from '../lib/chromium.mjs';
import { figure, median, RUNS } from '../lib/figures.mjs';
import { publishSample } from '../lib/render.mjs';
import { ROOT, SAMPLE, site } from '../lib/site.mjs';

const LIGHTHOUSE = path.join(ROOT, 'bench/node_modules/.bin/lighthouse');
const ATTEMPTS = 3;

/** One Lighthouse report of `url` (`extra`: more command-line options), or
 *  the reason there is none. Asynchronous:
 *  this process serves the pages Lighthouse loads. */
async function report(url, extra = []) {
  try {
    const { stdout } = await promisify(execFile)(
      LIGHTHOUSE,
      [url, '--output=json', '--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu', ...extra],
      {
        env: { ...process.env, CHROME_PATH },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
        killSignal: 'SIGKILL',
      },
    );
    const parsed = JSON.parse(stdout);
    // Lighthouse 12.8.2 on Chromium 156 says NO_NAVSTART now and then: worth a retry.
    if (parsed.runtimeError) return { failure: `${parsed.runtimeError.code}: ${parsed.runtimeError.message}` };
    return { parsed };
  } catch (error) {
    return { failure: error.killed ? 'killed after 120 s' : String(error.message).split('\n')[0] };
  }
}

export async function lighthouse() {
  const s = await site();
  const scores = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
  const audits = {
    'first-contentful-paint': [],
    'largest-contentful-paint': [],
    'total-blocking-time': [],
    'cumulative-layout-shift': [],
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      let parsed;
      for (let attempt = 1; attempt <= ATTEMPTS && !parsed; attempt++) {
        const answer = await report(s.url);
        parsed = answer.parsed;
        if (answer.failure) console.log(`# lighthouse: run ${run + 1}, attempt ${attempt} failed: ${answer.failure}`);
      }
      if (!parsed) continue; // said above; the median is of the runs that succeeded
      for (const key of Object.keys(scores)) scores[key].push(parsed.categories[key].score * 100);
      for (const key of Object.keys(audits)) audits[key].push(parsed.audits[key].numericValue);
    }
    if (!scores.performance.length) {
      console.log('# lighthouse: no run succeeded');
      return;
    }
    for (const [key, values] of Object.entries(scores)) figure(`lighthouse.${key}`, median(values), 'score');
    figure('lighthouse.fcp', median(audits['first-contentful-paint']), 'ms');
    figure('lighthouse.lcp', median(audits['largest-contentful-paint']), 'ms');
    figure('lighthouse.tbt', median(audits['total-blocking-time']), 'ms');
    figure('lighthouse.cls', median(audits['cumulative-layout-shift']), 'score');
  } finally {
    await s.close();
  }
}

/** Issue 15: Lighthouse's SEO score of the pages mivzak-render published (home,
 *  an article), read as crawlers without JavaScript read them: served with
 *  `script-src 'none'`, since Lighthouse cannot run in a browser with scripting
 *  off ("Script execution is prohibited"); the audits that failed are named
 *  (target 100). */
export async function publishedSeo() {
  const s = await site({}, { headers: { 'content-security-policy': "script-src 'none'" } });
  try {
    publishSample(s);
    const pages = { home: s.url, article: `${s.url}article/${encodeURIComponent(SAMPLE.items[0].id)}` };
    for (const [name, url] of Object.entries(pages)) {
      let parsed;
      for (let attempt = 1; attempt <= ATTEMPTS && !parsed; attempt++) {
        const answer = await report(url, ['--only-categories=seo']);
        parsed = answer.parsed;
        if (answer.failure) console.log(`# lighthouse seo ${name}: attempt ${attempt} failed: ${answer.failure}`);
      }
      if (!parsed) continue;
      const seo = parsed.categories.seo;
      const failed = seo.auditRefs
        .filter((ref) => ref.weight > 0 && parsed.audits[ref.id].score !== null && parsed.audits[ref.id].score < 1)
        .map((ref) => ref.id);
      figure(
        `published_seo_js_off.${name}`,
        seo.score * 100,
        'score',
        failed.length ? `failed: ${failed.join(', ')}` : 'no audit failed',
      );
    }
  } finally {
    await s.close();
  }
}

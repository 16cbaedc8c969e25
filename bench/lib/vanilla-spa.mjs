// The vanilla-JS SPA of bench/fixtures/vanilla-spa/ put into a served copy of
// dist/ under vanilla/, with the app's own CSS in its page: what issue 23's click
// figure compares the app with, on the same server and the same feed.json.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './site.mjs';

const FIXTURE = path.join(ROOT, 'bench/fixtures/vanilla-spa');

/** The app's stylesheets, as index.html names them (style/*.css), joined. */
function appCss() {
  const shell = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const sheets = [...shell.matchAll(/href="(style\/[^"]+\.css)"/g)].map(([, href]) => href);
  if (!sheets.length) throw new Error('index.html names no style/*.css: the vanilla SPA would have no CSS');
  return sheets.map((href) => fs.readFileSync(path.join(ROOT, href), 'utf8')).join('\n');
}

/** Writes the SPA into `root/vanilla/`; returns its path under the site ("vanilla/"). */
export function addVanillaSpa(root) {
  const dir = path.join(root, 'vanilla');
  fs.mkdirSync(dir, { recursive: true });
  const page = fs.readFileSync(path.join(FIXTURE, 'index.html'), 'utf8');
  // A function, so that no `$&` in the CSS is read as a replacement pattern.
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    page.replace('/* APP CSS */', () => appCss()),
  );
  fs.copyFileSync(path.join(FIXTURE, 'app.mjs'), path.join(dir, 'app.mjs'));
  return 'vanilla/';
}

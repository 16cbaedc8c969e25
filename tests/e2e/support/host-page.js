// A partner's page, on an origin of its own, that embeds the ticker from `site`
// the way the README tells embedders to: its script last in the body (`site:
// null` when `body` brings its own scripts). `css` is the partner's own style
// sheet, `head` anything else its head holds (a viewport for phones).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDir } from './static-server.js';

export async function hostPage(site, body, { css = '', head = '' } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${head}<title>Partner</title>
<style>${css}</style></head>
<body><h1>A partner page</h1>${body}
${site ? `<script src="${site.url}embed.js" async></script>` : ''}</body></html>`,
  );
  const server = await serveDir(root);
  return {
    ...server,
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// A partner's page, on an origin of its own, that embeds the ticker from `site`
// the way the README tells embedders to: its script last in the body (`site:
// null` when `body` brings its own scripts). `css` is the partner's own style
// sheet, `head` anything else its head holds (a viewport for phones). `charset:
// 'windows-1255'` writes and serves the page in that encoding, as older Hebrew
// sites still are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDir } from './static-server.js';

export async function hostPage(site, body, { css = '', head = '', charset = 'utf-8' } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="${charset}">${head}<title>Partner</title>
<style>${css}</style></head>
<body><h1>A partner page</h1>${body}
${site ? `<script src="${site.url}embed.js" async></script>` : ''}</body></html>`;
  fs.writeFileSync(path.join(root, 'index.html'), charset === 'windows-1255' ? windows1255(html) : html);
  const type = `text/html; charset=${charset}`;
  const server = await serveDir(root, { types: { '': type, 'index.html': type } });
  return {
    ...server,
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `text` in windows-1255: ASCII as it is, the Hebrew letters U+05D0–U+05EA at
 *  0xE0–0xFA (the code page's layout); anything else is refused. */
function windows1255(text) {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0);
      if (code < 0x80) return code;
      if (code >= 0x5d0 && code <= 0x5ea) return code - 0x5d0 + 0xe0;
      throw new Error(`not in this test's windows-1255: ${c}`);
    }),
  );
}

// The app's page without the comments of the CSS it inlines: style/*.css explain
// themselves at length, and every published page carries its first screen's
// rules inline, so their comments were a third of its compressed bytes. The
// files keep them; so do the hashed external sheets (article.css, comments.css,
// print.css), which trunk gives an integrity hash as they are, and which
// mivzak-render inlines as they are in article and tag pages. Run by
// scripts/post-build.sh on the app's index.html, before its copies (404.html;
// mivzak-render's pages) and before scripts/security-headers.mjs hashes the
// styles. The embedded ticker's page is left as trunk wrote it.
//
//   node scripts/css-comments.mjs index.html
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `css` without its comments, strings left whole (CSS Syntax §4.3: a comment
 *  begins with `/*` outside a string and ends at the first `*\/`), and without the
 *  lines they leave empty. An unclosed comment runs to the end, as in CSS. */
export function withoutComments(css) {
  let out = '';
  let at = 0;
  while (at < css.length) {
    const c = css[at];
    if (c === '"' || c === "'") {
      let end = at + 1;
      while (end < css.length && css[end] !== c && css[end] !== '\n') end += css[end] === '\\' ? 2 : 1;
      out += css.slice(at, end + 1);
      at = end + 1;
    } else if (c === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end < 0 ? css.length : end + 2;
    } else {
      out += c;
      at += 1;
    }
  }
  return out.replace(/\n[ \t]*(?=\n)/g, '').replace(/^\s*\n/, '');
}

/** `html` with the CSS of each `<style>` element without its comments. */
export function inlineStylesWithoutComments(html) {
  return html.replace(
    /(<style(?:\s[^>]*)?>)([\s\S]*?)(<\/style>)/gi,
    (_, open, css, close) => open + withoutComments(css) + close,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  fs.writeFileSync(file, inlineStylesWithoutComments(fs.readFileSync(file, 'utf8')));
}

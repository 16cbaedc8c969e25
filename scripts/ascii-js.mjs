// A script as pure ASCII: every character above U+007F written as a `\uXXXX`
// escape (UTF-16 code units, so astral characters become their surrogate pair).
// For embed.js, which runs on other sites' pages: a host page in windows-1255
// loads a script served without a charset in the page's own encoding, and a
// UTF-8 "מבזקים" would read "׳׳‘׳–׳§׳™׳" there. ASCII reads the same in every
// encoding a page can have. The escape is valid JavaScript wherever such a
// character may stand: in strings, templates, regular expressions, identifiers
// and comments.
//
//   node scripts/ascii-js.mjs < in.js > out.js
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `source` with every non-ASCII UTF-16 code unit as `\uXXXX`. */
export function asciiScript(source) {
  return source.replace(/[\u0080-\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(asciiScript(fs.readFileSync(0, 'utf8')));
}

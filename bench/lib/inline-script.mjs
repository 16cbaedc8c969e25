// What of a page's HTML is executable inline script (issue 23's target: the
// published home carries ≤ 4 KB of it), as the HTML standard decides what a
// <script> element runs ("prepare the script element"): no `src`, and a `type`
// that is absent, empty, `module`, or a JavaScript MIME type. Data blocks
// (application/json, application/ld+json, importmap, anything else) run nothing.

/** The JavaScript MIME type essences of the HTML standard (§ 2.1.5 of MIME Sniffing). */
const JS_MIME_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

// A comment, or a script: a `<script>` inside a comment is no script.
const SCRIPT = /<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The attributes of a start tag's inside (`' type="module" defer'`), names lowercased. */
function attributes(inside) {
  const found = new Map();
  for (const [, name, dq, sq, bare] of inside.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    if (!found.has(key)) found.set(key, dq ?? sq ?? bare ?? '');
  }
  return found;
}

/** Whether a `<script>` with these attributes runs its own text as script. */
export function runsInline(attrs) {
  if (attrs.has('src')) return false;
  const type = (attrs.get('type') ?? '').trim().toLowerCase();
  if (type === '' || type === 'module') return true;
  // A MIME type's parameters (`;charset=…`) do not change what it is.
  return JS_MIME_TYPES.has(type.split(';')[0].trim());
}

/** The inline scripts of `html` (a document our own renderer wrote: `</script>`
 *  closes every script, as the HTML parser has it): `executable` are the texts of
 *  those that run, `data` the texts of the data blocks, in document order. */
export function inlineScripts(html) {
  const executable = [];
  const data = [];
  for (const [, inside, text] of html.matchAll(SCRIPT)) {
    if (inside === undefined) continue;
    const attrs = attributes(inside);
    if (attrs.has('src')) continue;
    (runsInline(attrs) ? executable : data).push(text);
  }
  return { executable, data };
}

/** UTF-8 bytes of the executable inline scripts' texts in `html` (their tags left out). */
export const executableInlineScriptBytes = (html) =>
  inlineScripts(html).executable.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

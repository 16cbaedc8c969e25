// `node --test bench/lib/`: which inline scripts count as executable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { executableInlineScriptBytes, inlineScripts } from './inline-script.mjs';

test('classic, module and JavaScript MIME types run; data blocks and src scripts do not', () => {
  const html = [
    '<script>a()</script>',
    '<script type="module">b()</script>',
    "<SCRIPT TYPE='Text/JavaScript; charset=utf-8'>c()</SCRIPT>",
    '<script type="">d()</script>',
    '<script type="application/json">{"x":1}</script>',
    '<script type="application/ld+json">{"@type":"WebSite"}</script>',
    '<script type="importmap">{}</script>',
    '<script src="x.js" defer>ignored()</script>',
    '<!-- <script>commented()</script> -->',
  ].join('\n');
  const { executable, data } = inlineScripts(html);
  assert.deepEqual(executable, ['a()', 'b()', 'c()', 'd()']);
  assert.deepEqual(data, ['{"x":1}', '{"@type":"WebSite"}', '{}']);
});

test('bytes are UTF-8 bytes of the scripts\u2019 texts, tags left out', () => {
  // "מבזק" is four two-byte letters; the quotes and semicolon one byte each.
  assert.equal(executableInlineScriptBytes('<p>x</p><script data-x=">">"מבזק";</script>'), 11);
  assert.equal(executableInlineScriptBytes('<script type="application/json">[1,2,3]</script>'), 0);
});

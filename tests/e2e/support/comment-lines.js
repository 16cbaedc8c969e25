// Where each line of a comment's text sits on screen: for the paragraph-by-
// paragraph direction tests, in Playwright and in the cross-engine suite alike.

/**
 * Runs in the page. For every non-blank text node directly in a block (p, li)
 * of `selector`'s `.comment-text`: its trimmed text, its distance from the
 * block's left and right edges (px), and where its last "!" is from the line's
 * own left edge (0: at the left end, as a right-to-left sentence ends).
 */
export function commentLines(selector) {
  const text = document.querySelector(`${selector} .comment-text`);
  if (!text) return [];
  const rectOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range.getBoundingClientRect();
  };
  return [...text.querySelectorAll('p, li')].flatMap((block) => {
    const box = block.getBoundingClientRect();
    return [...block.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE && n.data.trim())
      .map((n) => {
        const start = n.data.search(/\S/);
        const end = n.data.trimEnd().length;
        const line = rectOf(n, start, end);
        const bang = n.data.lastIndexOf('!');
        return {
          text: n.data.trim(),
          left: Math.round(line.left - box.left),
          right: Math.round(box.right - line.right),
          bang: bang < 0 ? null : Math.round(rectOf(n, bang, bang + 1).left - line.left),
        };
      });
  });
}

/** What a line's place must be: flush right (right to left) or flush left. */
export function flush(line, side) {
  return side === 'right' ? line.right <= 1 && line.left > 1 : line.left <= 1 && line.right > 1;
}

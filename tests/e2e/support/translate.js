// What Chrome's built-in translation (and many extensions) does to a page:
// each text node that holds more than white space is replaced by
// <font><font>…</font></font>, the inner one holding the translated text, and
// the original node leaves the page. Frameworks that keep that node and write
// an update into it then update nothing on screen (issue 25 §1).

/**
 * Run in the page (`page.evaluate(translateLikeChrome)`; it uses nothing from
 * here): wraps every such text node of the body, script and style aside,
 * leaving the text as it was (this "translation" is the identity, so a test
 * can tell an update from a stale node by its words). Returns how many nodes
 * it replaced.
 */
export function translateLikeChrome() {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.data.trim() && !skip.has(node.parentNode.nodeName) && node.parentNode.nodeName !== 'FONT'
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const found = [];
  while (walker.nextNode()) found.push(walker.currentNode);
  for (const node of found) {
    const outer = document.createElement('font');
    const inner = document.createElement('font');
    inner.textContent = node.data;
    outer.append(inner);
    node.replaceWith(outer);
  }
  return found.length;
}

// The allowlist audit of sanitized HTML in the page, one walk for every spec that
// shows untrusted HTML (feed bodies, comments).
import { ALLOWED_ATTRIBUTES, FORBIDDEN_TAGS } from '../fixtures/xss-vectors.js';

/** What breaks the allowlist among the elements under `locator` that match
 *  `nodes` (a selector; every element by default): a forbidden tag, a namespace
 *  other than HTML's, an attribute not allowed, an `href` or `src` that is not
 *  http(s) or mailto. One string a problem, empty when there is none. */
export function allowlistProblems(locator, { nodes = '*' } = {}) {
  return locator.evaluate(
    (root, { nodes, forbidden, allowed }) => {
      const problems = [];
      for (const node of root.querySelectorAll(nodes)) {
        if (forbidden.includes(node.localName)) problems.push(`tag ${node.localName}`);
        if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`namespace ${node.namespaceURI}`);
        for (const attr of node.attributes) {
          if (!allowed.includes(attr.name)) problems.push(`attribute ${attr.name}`);
          if (['href', 'src'].includes(attr.name) && !/^(https?:|mailto:)/i.test(attr.value)) {
            problems.push(`url ${attr.value}`);
          }
        }
      }
      return problems;
    },
    { nodes, forbidden: FORBIDDEN_TAGS, allowed: ALLOWED_ATTRIBUTES },
  );
}

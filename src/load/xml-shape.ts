// A linear scan of an XML part before a parser builds a tree of it: how deep its elements nest,
// and how many of one element it holds. Tree builders and walkers recurse on depth, and a
// document of a million empty paragraphs costs a parser seconds before any limit sees it.

import { checkCount, DOCUMENT_LIMITS, OverBudgetError } from '../shared/budget.js';

/**
 * Refuses XML nested deeper than DOCUMENT_LIMITS.nestingDepth, and (when `counted` names an
 * element such as w:p) holding more of it than a document may have paragraphs. Comments, processing
 * instructions and declarations are skipped; the count is an upper bound, which is all a cap needs.
 */
export function checkXmlShape(xml: Uint8Array, part: string, counted: string | null, what: string): void {
  const name = counted ? Buffer.from(`<${counted}`) : null;
  let depth = 0;
  let deepest = 0;
  let count = 0;
  for (let at = xml.indexOf(0x3c); at >= 0; at = xml.indexOf(0x3c, at + 1)) {
    const next = xml[at + 1];
    if (next === 0x2f) {
      depth--; // </…>
      continue;
    }
    if (next === 0x3f || next === 0x21) continue; // <?…?> <!…>
    const end = xml.indexOf(0x3e, at);
    if (end < 0) break;
    if (name && startsWith(xml, at, name)) {
      const after = xml[at + name.length];
      if (after === 0x3e || after === 0x20 || after === 0x2f) count++; // <w:p> <w:p …> <w:p/>
    }
    if (xml[end - 1] !== 0x2f) {
      depth++;
      if (depth > deepest) deepest = depth;
    }
    at = end;
  }
  if (deepest > DOCUMENT_LIMITS.nestingDepth) {
    throw new OverBudgetError(`${what}的元素嵌套超过 ${DOCUMENT_LIMITS.nestingDepth} 层（${part}）`);
  }
  if (counted) checkCount(`${what}的段落数`, count, DOCUMENT_LIMITS.wordParagraphs, ' 段');
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

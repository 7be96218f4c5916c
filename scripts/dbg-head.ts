import { readFileSync } from 'node:fs';
import { parseDocument } from '../src/parse/parse-document.js';
for (const id of process.argv.slice(2)) {
  const text = readFileSync(`/work/shared/corpus/openings/${id}.txt`, 'utf8');
  const doc = parseDocument(text);
  const { identity } = doc;
  console.log(`== ${id}`, JSON.stringify({ t: identity.title, tl: identity.titleLine, y: identity.year, ys: identity.yearSource, s: identity.subject, st: identity.subjectType, k: identity.kind, kr: identity.kindReason, p: identity.publishedAt, ps: identity.publishedAtSource }));
  for (const line of doc.lines.slice(0, 16)) if (line.role !== 'blank') console.log(`  ${line.number} ${line.role.padEnd(9)} ${line.text.slice(0, 70)}`);
}

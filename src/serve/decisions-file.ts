// Writing a reviewer's decisions into the folder's fzcheck.decisions.yaml from the review page:
// an entry appended (or removed, to undo), the rest of the file — comments, order, entries written
// by hand — kept as it was (the yaml library edits the document, not a re-dump of its values).

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';

/** The decisions file `fzcheck serve` reads and writes, inside the served folder. */
export const DECISIONS_FILE = 'fzcheck.decisions.yaml';

const HEADER = `# fzcheck 审阅决定：某份报告的某条规则（或某处问题）不适用或已核实。
# report：文件名或报告单位；rule：规则 id；decision：不适用 / 已核实；reason：理由；date：日期。
# 可手工编辑；fzcheck serve 在页面上标记时也写入这里。
`;

/** A decision as the review page sends it. */
export interface NewDecision {
  readonly report: string;
  readonly rule: string;
  readonly decision: '不适用' | '已核实';
  readonly reason: string;
  readonly date: string;
  readonly by?: string | undefined;
  readonly excerpt?: string | undefined;
}

/** The text of the decisions file, or null when there is none. */
export function readDecisionsText(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** Appends a decision to the file (creating it). */
export function appendDecision(file: string, decision: NewDecision): void {
  const doc = parseDocument(readDecisionsText(file) ?? `${HEADER}decisions: []\n`);
  let list = doc.get('decisions');
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('decisions', list);
  }
  (list as YAMLSeq).flow = false;
  const entry = new YAMLMap();
  for (const [key, value] of Object.entries(decision))
    if (value !== undefined && value !== '') entry.set(key, value);
  (list as YAMLSeq).add(entry);
  writeAtomically(file, doc.toString({ lineWidth: 0 }));
}

/** Removes the decisions about one report's rule (and excerpt); returns how many were removed. */
export function removeDecisions(
  file: string,
  match: { readonly reports: readonly string[]; readonly rule: string; readonly excerpt: string | null },
): number {
  const text = readDecisionsText(file);
  if (text === null) return 0;
  const doc = parseDocument(text);
  const list = doc.get('decisions');
  if (!isSeq(list)) return 0;
  const before = list.items.length;
  list.items = list.items.filter((item) => {
    if (!isMap(item)) return true;
    const same =
      match.reports.includes(String(item.get('report'))) &&
      item.get('rule') === match.rule &&
      (match.excerpt === null || item.get('excerpt') === match.excerpt);
    return !same;
  });
  const removed = before - list.items.length;
  if (removed > 0) writeAtomically(file, doc.toString({ lineWidth: 0 }));
  return removed;
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

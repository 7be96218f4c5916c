// Comparing the reports of one batch with each other (rules whose kind is `acrossBatch`: shared
// paragraphs). While each file is checked, only a MinHash signature and the place of each long
// paragraph are kept (at most MAX_PRINTS per file); after all files are checked, signatures are
// bucketed by LSH bands, candidate pairs from different units are compared, and paragraphs that
// several units share become findings in each of their files and one entry in the summary.
// Cost: linear in the number of paragraphs, plus the pairs inside a bucket (capped).

import type { ReportDocument } from '../parse/document.js';
import { notApplicable } from '../rules/engine/applicability.js';
import type { RuleSet } from '../rules/engine/compile-rules.js';
import { batchResult, type FindingPlace, placedFinding, placeOf } from '../rules/engine/to-result.js';
import { sharedParagraphsOptions } from '../rules/kinds/shared-paragraphs.js';
import type { CompiledRule } from '../rules/types.js';
import { applyDecisions } from '../score/apply-decisions.js';
import { type GradeScale, scoreResults } from '../score/score.js';
import type { DecisionEntry } from '../shared/decisions.js';
import type { FileResult, Finding, SharedParagraph } from '../shared/results.js';
import {
  bandKeys,
  countHanChars,
  minhashSignature,
  shingleHashes,
  signatureSimilarity,
} from '../text/shingles.js';

/** A long paragraph of one file, as the comparison keeps it. */
export interface ParagraphPrint {
  readonly signature: Uint32Array;
  readonly place: FindingPlace;
}

const MAX_PRINTS = 400; // paragraphs kept per file
const MAX_BUCKET = 1000; // members of one LSH bucket compared pairwise
const MAX_UNITS_NAMED = 5;

/** The batch comparison rule of a rule set (enabled), or null. */
export function batchRule(ruleSet: RuleSet): CompiledRule | null {
  return ruleSet.rules.find((rule) => rule.kind.acrossBatch && rule.spec.disabled !== true) ?? null;
}

/** The prints of a document's long paragraphs, or null when the batch rule does not apply to it. */
export function paragraphPrints(doc: ReportDocument, ruleSet: RuleSet): ParagraphPrint[] | null {
  const rule = batchRule(ruleSet);
  if (!rule || notApplicable(rule.spec, doc)) return null;
  const { minChars } = sharedParagraphsOptions(rule.spec);
  const prints: ParagraphPrint[] = [];
  for (const paragraph of doc.paragraphs) {
    if (prints.length >= MAX_PRINTS) break;
    if (countHanChars(paragraph.text) < minChars) continue;
    prints.push({
      signature: minhashSignature(shingleHashes(paragraph.text)),
      place: placeOf(doc, paragraph),
    });
  }
  return prints;
}

/** The files with the batch rule's results filled in, and the paragraphs several units share. */
export function compareBatch(
  files: readonly FileResult[],
  prints: ReadonlyArray<readonly ParagraphPrint[] | null>,
  ruleSet: RuleSet,
  grades?: GradeScale,
  decisions: readonly DecisionEntry[] = [],
): { files: FileResult[]; shared: SharedParagraph[] } {
  const rule = batchRule(ruleSet);
  if (!rule || files.length < 2) return { files: [...files], shared: [] };
  const { similarity } = sharedParagraphsOptions(rule.spec);
  const units = files.map(unitOf);
  // Every print gets an id; union-find joins the ids of paragraphs that are the same.
  const owners: Array<{ file: number; print: number }> = [];
  const buckets = new Map<string, number[]>();
  prints.forEach((list, file) => {
    list?.forEach((print, index) => {
      const id = owners.push({ file, print: index }) - 1;
      for (const key of bandKeys(print.signature)) {
        const bucket = buckets.get(key);
        if (!bucket) buckets.set(key, [id]);
        else if (bucket.length < MAX_BUCKET) bucket.push(id);
      }
    });
  });
  const parent = owners.map((_, id) => id);
  const root = (id: number): number => {
    let at = id;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at] as number] as number;
      at = parent[at] as number;
    }
    return at;
  };
  const printOf = (id: number) => {
    const owner = owners[id] as { file: number; print: number };
    return (prints[owner.file] as readonly ParagraphPrint[])[owner.print] as ParagraphPrint;
  };
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i] as number;
        const b = bucket[j] as number;
        if (units[(owners[a] as { file: number }).file] === units[(owners[b] as { file: number }).file])
          continue;
        if (root(a) === root(b)) continue;
        if (signatureSimilarity(printOf(a).signature, printOf(b).signature) >= similarity)
          parent[root(a)] = root(b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let id = 0; id < owners.length; id++) {
    const key = root(id);
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  const shared: SharedParagraph[] = [];
  const found: Finding[][] = files.map(() => []);
  for (const ids of groups.values()) {
    const members = ids.map((id) => ({ id, ...(owners[id] as { file: number; print: number }) }));
    members.sort((a, b) => a.file - b.file || a.print - b.print);
    const names = [...new Set(members.map((member) => units[member.file] as string))];
    if (names.length < 2) continue;
    shared.push({
      excerpt: printOf((members[0] as { id: number }).id).place.excerpt,
      units: names,
      places: members.map((member) => ({
        path: (files[member.file] as FileResult).path,
        line: printOf(member.id).place.line,
      })),
    });
    for (const member of members) {
      const others = names.filter((name) => name !== units[member.file]);
      const listed = others.slice(0, MAX_UNITS_NAMED).join('、');
      const data = {
        units: others.length > MAX_UNITS_NAMED ? `${listed}等${others.length}家单位` : listed,
        count: names.length,
      };
      (found[member.file] as Finding[]).push(
        placedFinding(rule, rule.spec.level, 'shared', data, printOf(member.id).place),
      );
    }
  }
  shared.sort((a, b) => b.units.length - a.units.length || a.excerpt.localeCompare(b.excerpt));
  const compared = files.map((file, i) => {
    const list = prints[i];
    if (file.error || !list) return file;
    const findings = (found[i] as Finding[]).sort((a, b) => a.offset - b.offset);
    const checkedResult = batchResult(
      rule,
      findings.length === 0
        ? { fraction: 1, messageId: 'clean' }
        : { fraction: 0, messageId: 'summary', data: { count: findings.length } },
      findings,
    );
    // A reviewer's decisions on this rule apply as to any other (they were applied to the rest).
    const [result] = applyDecisions([checkedResult], decisions, {
      path: file.path,
      subject: file.identity?.subject ?? null,
    });
    const results = file.results.map((existing) =>
      existing.ruleId === rule.spec.id ? (result ?? checkedResult) : existing,
    );
    return { ...file, results, score: scoreResults(results, grades) };
  });
  return { files: compared, shared };
}

/** Who wrote a report: its subject without spaces, else its path. */
function unitOf(file: FileResult): string {
  return file.identity?.subject?.replace(/\s+/g, '') || file.path;
}

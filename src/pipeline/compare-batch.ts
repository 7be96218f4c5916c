// Comparing the reports of one batch with each other (rules whose kind is `acrossBatch`: shared
// paragraphs). While each file is checked, a MinHash signature and the place of each long
// paragraph are taken (at most MAX_PRINTS per file); the comparison keeps in memory only the
// signatures, each distinct one once, and for every paragraph three numbers (which signature,
// which file, which line). The places (excerpts) travel with the file's result, which the batch
// holds on disk, and are used when the result is written (`apply`). After all files are added,
// the distinct signatures are bucketed by LSH bands (one band at a time, sorted numbers rather
// than a map of strings), candidates are compared, and paragraphs that several units share become
// findings in each of their files and one entry in the summary.
// Memory: 64 bytes per distinct paragraph plus 12 bytes per paragraph; time: linear in the number
// of paragraphs plus the pairs inside a bucket (capped), and a sort per band.

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
  BAND_ROWS,
  countHanChars,
  minhashSignature,
  SIGNATURE_SIZE,
  shingleHashes,
  signatureSimilarity,
} from '../text/shingles.js';

/** A file's long paragraphs as the comparison takes them: signatures (SIGNATURE_SIZE values each)
 * and, in the same order, their places. */
export interface ParagraphPrints {
  readonly signatures: Uint32Array;
  readonly places: FindingPlace[];
}

const MAX_PRINTS = 400; // paragraphs kept per file
const MAX_BUCKET = 1000; // members of one LSH bucket compared pairwise
const MAX_UNITS_NAMED = 5;
/** Distinct paragraphs one batch compares (64 bytes each: 256 MB); later ones are left out. */
export const MAX_DISTINCT_PARAGRAPHS = 4_000_000;
const ID_BITS = 2 ** 23; // room for a distinct paragraph's id beside a band's key in one number
const MANY_UNITS = -2;

/** The batch comparison rule of a rule set (enabled), or null. */
export function batchRule(ruleSet: RuleSet): CompiledRule | null {
  return ruleSet.rules.find((rule) => rule.kind.acrossBatch && rule.spec.disabled !== true) ?? null;
}

/** The prints of a document's long paragraphs, or null when the batch rule does not apply to it. */
export function paragraphPrints(doc: ReportDocument, ruleSet: RuleSet): ParagraphPrints | null {
  const rule = batchRule(ruleSet);
  if (!rule || notApplicable(rule.spec, doc)) return null;
  const { minChars } = sharedParagraphsOptions(rule.spec);
  const signatures: Uint32Array[] = [];
  const places: FindingPlace[] = [];
  for (const paragraph of doc.paragraphs) {
    if (places.length >= MAX_PRINTS) break;
    if (countHanChars(paragraph.text) < minChars) continue;
    signatures.push(minhashSignature(shingleHashes(paragraph.text)));
    places.push(placeOf(doc, paragraph));
  }
  const flat = new Uint32Array(signatures.length * SIGNATURE_SIZE);
  signatures.forEach((signature, i) => {
    flat.set(signature, i * SIGNATURE_SIZE);
  });
  return { signatures: flat, places };
}

/** What the comparison keeps of a file's prints: the signatures and the paragraphs' lines. */
export interface PrintedLines {
  readonly signatures: Uint32Array;
  readonly lines: ArrayLike<number>;
}

/** The signatures and lines of a file's prints. */
export function printedLines(prints: ParagraphPrints): PrintedLines {
  return { signatures: prints.signatures, lines: Int32Array.from(prints.places, (place) => place.line) };
}

/** Who wrote a report: its subject without spaces, else its path. */
export function unitOf(file: FileResult): string {
  return file.identity?.subject?.replace(/\s+/g, '') || file.path;
}

/** A growable array of 32-bit integers. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The comparison of one batch: files are added in input order (`add`), compared (`finish`), then
 * each file's result gets its findings (`apply`, in input order) and the summary its entries.
 */
export class BatchComparison {
  private readonly similarity: number;
  private readonly unitIds = new Map<string, number>();
  private readonly unitNames: string[] = [];
  private readonly fileUnits = new IntList();
  private readonly filePaths: string[] = [];
  private readonly fileStarts = new IntList(); // first paragraph of each file; -1 when not compared
  // Distinct signatures: their values, one unit or MANY_UNITS, and the id by their bytes.
  private signatures = new Uint32Array(1024 * SIGNATURE_SIZE);
  private readonly distinctUnits = new IntList();
  private readonly distinctIds = new Map<string, number>();
  // Paragraphs in input order: their distinct signature, file and line.
  private readonly paragraphDistinct = new IntList();
  private readonly paragraphFile = new IntList();
  private readonly paragraphLine = new IntList();
  private groupOf: Int32Array | null = null; // per paragraph: its group, or -1
  private groups: { names: number[]; first: number; excerpt: string }[] = [];

  constructor(
    private readonly rule: CompiledRule,
    private readonly grades?: GradeScale,
    private readonly decisions: readonly DecisionEntry[] = [],
  ) {
    this.similarity = sharedParagraphsOptions(rule.spec).similarity;
  }

  /** Adds the next file (input order): its path, unit, and its paragraphs' signatures and lines
   * (null: not compared). */
  add(path: string, unit: string, prints: PrintedLines | null): void {
    let unitId = this.unitIds.get(unit);
    if (unitId === undefined) {
      unitId = this.unitNames.push(unit) - 1;
      this.unitIds.set(unit, unitId);
    }
    const file = this.filePaths.push(path) - 1;
    this.fileUnits.push(unitId);
    this.fileStarts.push(prints ? this.paragraphFile.length : -1);
    if (!prints) return;
    const count = prints.signatures.length / SIGNATURE_SIZE;
    for (let i = 0; i < count; i++) {
      const signature = prints.signatures.subarray(i * SIGNATURE_SIZE, (i + 1) * SIGNATURE_SIZE);
      const key = Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString(
        'latin1',
      );
      let id = this.distinctIds.get(key);
      if (id === undefined) {
        if (this.distinctUnits.length >= MAX_DISTINCT_PARAGRAPHS) {
          this.paragraphDistinct.push(-1);
        } else {
          id = this.distinctUnits.length;
          this.distinctIds.set(key, id);
          this.storeSignature(id, signature);
          this.distinctUnits.push(unitId);
        }
      } else if (this.distinctUnits.values[id] !== unitId) this.distinctUnits.values[id] = MANY_UNITS;
      if (id !== undefined) this.paragraphDistinct.push(id);
      this.paragraphFile.push(file);
      this.paragraphLine.push(prints.lines[i] ?? 0);
    }
  }

  private storeSignature(id: number, signature: Uint32Array): void {
    if ((id + 1) * SIGNATURE_SIZE > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures.set(signature, id * SIGNATURE_SIZE);
  }

  private signature(id: number): Uint32Array {
    return this.signatures.subarray(id * SIGNATURE_SIZE, (id + 1) * SIGNATURE_SIZE);
  }

  /** Compares every file added with the others (once, after the last `add`). */
  finish(): void {
    const distinct = this.distinctUnits.length;
    this.distinctIds.clear();
    const parent = Int32Array.from({ length: distinct }, (_, id) => id);
    const root = (id: number): number => {
      let at = id;
      while (parent[at] !== at) {
        parent[at] = parent[parent[at] as number] as number;
        at = parent[at] as number;
      }
      return at;
    };
    const units = this.distinctUnits.values;
    const keys = new Float64Array(distinct);
    for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) {
      for (let id = 0; id < distinct; id++) keys[id] = bandKey(this.signature(id), band) * ID_BITS + id;
      keys.sort();
      for (let start = 0; start < distinct; ) {
        const key = Math.floor((keys[start] as number) / ID_BITS);
        let end = start + 1;
        while (end < distinct && Math.floor((keys[end] as number) / ID_BITS) === key) end++;
        const last = Math.min(end, start + MAX_BUCKET);
        for (let i = start; i < last; i++) {
          const a = (keys[i] as number) % ID_BITS;
          for (let j = i + 1; j < last; j++) {
            const b = (keys[j] as number) % ID_BITS;
            // Paragraphs of one unit only are not copies of each other (a report quoting itself).
            if (units[a] === units[b] && units[a] !== MANY_UNITS) continue;
            if (root(a) === root(b)) continue;
            if (signatureSimilarity(this.signature(a), this.signature(b)) >= this.similarity)
              parent[root(a)] = root(b);
          }
        }
        start = end;
      }
    }
    // Groups in the order of their first paragraph; only those of two units or more are kept.
    const paragraphs = this.paragraphFile.length;
    const members = new Map<number, number[]>();
    for (let p = 0; p < paragraphs; p++) {
      const id = this.paragraphDistinct.values[p] as number;
      if (id < 0) continue;
      const key = root(id);
      const list = members.get(key);
      if (list) list.push(p);
      else members.set(key, [p]);
    }
    this.groupOf = new Int32Array(paragraphs).fill(-1);
    for (const list of members.values()) {
      const names = [
        ...new Set(list.map((p) => this.fileUnits.values[this.paragraphFile.values[p] as number])),
      ];
      if (names.length < 2) continue;
      const group = this.groups.push({ names: names as number[], first: list[0] as number, excerpt: '' }) - 1;
      for (const p of list) this.groupOf[p] = group;
    }
    this.signatures = new Uint32Array(0);
  }

  /** The file's result (the `file`-th added) with the batch rule's result filled in. */
  apply(file: number, result: FileResult, places: readonly FindingPlace[] | null): FileResult {
    const start = this.fileStarts.values[file] ?? -1;
    if (result.error || start < 0 || !places || !this.groupOf) return result;
    const rule = this.rule;
    const own = this.fileUnits.values[file] as number;
    const findings: Finding[] = [];
    places.forEach((place, i) => {
      const group = this.groups[this.groupOf?.[start + i] ?? -1];
      if (!group) return;
      if (group.first === start + i) group.excerpt = place.excerpt;
      const others = group.names.filter((name) => name !== own).map((name) => this.unitNames[name] as string);
      const listed = others.slice(0, MAX_UNITS_NAMED).join('、');
      const data = {
        units: others.length > MAX_UNITS_NAMED ? `${listed}等${others.length}家单位` : listed,
        count: group.names.length,
      };
      findings.push(placedFinding(rule, rule.spec.level, 'shared', data, place));
    });
    findings.sort((a, b) => a.offset - b.offset);
    const checkedResult = batchResult(
      rule,
      findings.length === 0
        ? { fraction: 1, messageId: 'clean' }
        : { fraction: 0, messageId: 'summary', data: { count: findings.length } },
      findings,
    );
    // A reviewer's decisions on this rule apply as to any other (they were applied to the rest).
    const [decided] = applyDecisions([checkedResult], this.decisions, {
      path: result.path,
      subject: result.identity?.subject ?? null,
    });
    const results = result.results.map((existing) =>
      existing.ruleId === rule.spec.id ? (decided ?? checkedResult) : existing,
    );
    return { ...result, results, score: scoreResults(results, this.grades) };
  }

  /** The paragraphs several units share, most units first (after every file was applied). */
  shared(): SharedParagraph[] {
    const places = this.groups.map((): { path: string; line: number }[] => []);
    const groupOf = this.groupOf ?? new Int32Array(0);
    for (let p = 0; p < groupOf.length; p++) {
      places[groupOf[p] as number]?.push({
        path: this.filePaths[this.paragraphFile.values[p] as number] as string,
        line: this.paragraphLine.values[p] as number,
      });
    }
    const shared = this.groups.map(
      (group, index): SharedParagraph => ({
        excerpt: group.excerpt,
        units: group.names.map((name) => this.unitNames[name] as string),
        places: places[index] ?? [],
      }),
    );
    return shared.sort((a, b) => b.units.length - a.units.length || a.excerpt.localeCompare(b.excerpt));
  }
}

/** A band of a signature as a number below 2^30 (collisions only add candidates to compare). */
function bandKey(signature: Uint32Array, band: number): number {
  let hash = band + 1;
  for (let row = 0; row < BAND_ROWS; row++) {
    hash = Math.imul(hash ^ (signature[band * BAND_ROWS + row] as number), 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  return (hash >>> 0) % 2 ** 30;
}

/** The files with the batch rule's results filled in, and the paragraphs several units share. */
export function compareBatch(
  files: readonly FileResult[],
  prints: ReadonlyArray<ParagraphPrints | null>,
  ruleSet: RuleSet,
  grades?: GradeScale,
  decisions: readonly DecisionEntry[] = [],
): { files: FileResult[]; shared: SharedParagraph[] } {
  const rule = batchRule(ruleSet);
  if (!rule || files.length < 2) return { files: [...files], shared: [] };
  const comparison = new BatchComparison(rule, grades, decisions);
  files.forEach((file, i) => {
    const list = prints[i] ?? null;
    comparison.add(file.path, unitOf(file), file.error || !list ? null : printedLines(list));
  });
  comparison.finish();
  const compared = files.map((file, i) => comparison.apply(i, file, prints[i]?.places ?? null));
  return { files: compared, shared: comparison.shared() };
}

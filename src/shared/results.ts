// What a check produces, as every output format sees it: the result of each rule, the score and
// the result of each file. Formatters import these types and nothing of the pipeline.

import type { Category } from './categories.js';
import type { DocumentKind } from './document-kinds.js';
import type { Level } from './levels.js';
import type { SubjectType } from './subject-types.js';

/** Outcome of one rule on one document. */
export type RuleStatus = 'pass' | 'partial' | 'fail' | 'skip';

/** Values a message template was filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Where a finding sits as a Word user finds it: the part and heading it is under, and which
 * paragraph of that heading with its first words. */
export interface FindingLocation {
  readonly part: string | null; // the level-1 heading above it, as written ("二、存在的不足")
  readonly heading: string | null; // the innermost heading above it (the part itself when level 1)
  readonly paragraph: number | null; // 1-based paragraph under that heading; null on a heading line or outside the body
  readonly firstWords: string | null; // the first words of that paragraph (or of the heading)
}

/** A finding with its position, as every output format shows it. */
export interface Finding {
  readonly ruleId: string;
  readonly level: Level;
  readonly messageId: string; // which of the rule's messages: stable, unlike the wording
  readonly data: MessageData; // the values the message was filled with
  readonly message: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based, code points
  readonly endLine: number;
  readonly endColumn: number; // exclusive, code points
  readonly offset: number; // 0-based, code points
  readonly endOffset: number;
  readonly utf16Column: number;
  readonly utf16EndColumn: number;
  readonly excerpt: string;
  readonly suggestion: string | null;
  readonly location: FindingLocation;
  readonly decision?: Decision | null; // a reviewer's decision on this finding (decided findings only)
  // --baseline: whether the baseline file already accepts it; absent when no baseline was given
  readonly baseline?: boolean;
}

/** A reviewer's decision (fzcheck.decisions.yaml): the finding or rule does not apply to this
 * report (不适用), or it was checked and is in order (已核实). */
export interface Decision {
  readonly kind: 'not-applicable' | 'verified';
  readonly reason: string;
  readonly date: string; // YYYY-MM-DD
  readonly by: string | null;
  readonly file: string; // the decisions file it comes from
  readonly line: number; // where in that file (1-based)
}

/** Text that shows why a requirement is met (or where it was looked for). */
export interface EvidenceLine {
  readonly label: string;
  readonly line: number;
  readonly excerpt: string;
}

/** The outcome of one rule on one document. */
export interface RuleResult {
  readonly ruleId: string;
  readonly title: string;
  readonly shortTitle: string; // for summaries: the rule's `short`, else its title
  readonly category: string;
  readonly level: Level;
  readonly nature: 'requirement' | 'problem';
  readonly statutory: boolean; // one of the parts the regulation requires: missing it is a 法定缺项
  readonly status: RuleStatus;
  readonly weight: number;
  readonly earned: number;
  readonly messageId: string;
  readonly data: MessageData;
  readonly message: string;
  readonly basis: string;
  readonly hint: string | null;
  readonly findings: readonly Finding[]; // the findings that remain (not decided)
  readonly evidence: readonly EvidenceLine[];
  // A decision on the whole rule: status and earned then follow it (不适用 → skip, 已核实 → pass)
  // and `undecided` keeps what the rules said.
  readonly decision?: Decision | null;
  readonly undecided?: { readonly status: RuleStatus; readonly earned: number } | null;
  readonly decided?: readonly Finding[]; // findings a reviewer decided on, each with its decision
}

/** What the run knows about a rule, whether or not it produced a result (for SARIF rule lists). */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly level: Level;
  readonly basis: string;
  readonly hint: string | null;
}

/** What was detected about the report and how. */
export interface ReportIdentity {
  readonly title: string | null;
  readonly titleLine: number | null;
  readonly year: number | null;
  readonly yearSource: 'override' | 'title' | 'body' | 'published' | null;
  readonly subject: string | null;
  readonly subjectType: SubjectType | null;
  readonly subjectTypeSource: 'override' | 'title' | 'signature' | 'body' | null;
  readonly kind: DocumentKind;
  readonly kindReason: string; // what showed the kind, in Chinese
  readonly publishedAt: string | null; // YYYY-MM-DD
  // page: the page's metadata; repost: the date of a page that reposts the text (not the report's
  // own publication); signature: the date under the signature at the end (落款)
  readonly publishedAtSource: 'page' | 'repost' | 'signature' | null;
  readonly publisher: string | null;
  readonly headConfidence: number; // 0–1: how sure the reading of the title and head is
}

/** How the report was read: its headings and the lines taken for page chrome or metadata. */
export interface DocumentOutline {
  readonly headings: ReadonlyArray<{ readonly line: number; readonly level: number; readonly text: string }>;
  readonly chromeLines: readonly number[];
}

/** Points earned in one category. */
export interface CategoryScore {
  readonly category: string;
  readonly earned: number;
  readonly possible: number;
}

/** Why the grade is lower than the points alone would give: the statutory gate. */
export interface GradeCap {
  readonly reason: 'missingStatutory' | 'partialStatutory';
  readonly pointsGrade: string; // the grade the points alone give
  readonly cap: string; // the highest grade the gate allows
  readonly rules: ReadonlyArray<{ readonly ruleId: string; readonly title: string }>; // the parts concerned
}

/** The score of one document. */
export interface Score {
  readonly points: number | null; // null when no weighted rule applied
  readonly grade: string | null; // after the statutory gate
  readonly gradeCap: GradeCap | null; // set when the gate lowered the grade
  readonly earned: number;
  readonly possible: number;
  readonly byCategory: readonly CategoryScore[];
}

/** The file formats fzcheck reads. */
export type SourceFormat = 'txt' | 'md' | 'docx' | 'doc' | 'wps' | 'html' | 'pdf' | 'ofd' | 'image';

/** A .docx input as the annotated copy needs it: its bytes and, for each text line (index =
 * line − 1), the block (the n-th non-empty paragraph or table row) and the code-point offset of
 * the line in that block's text. */
export interface WordOriginal {
  readonly bytes: Uint8Array;
  readonly lineOrigins: ReadonlyArray<readonly [block: number, offset: number]>;
}

/** The result for one input file. */
export interface FileResult {
  readonly path: string;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly source: {
    readonly format: SourceFormat;
    readonly encoding: string;
    readonly publisher: string | null;
  } | null;
  readonly identity: ReportIdentity | null;
  readonly document: DocumentOutline | null;
  readonly text: string | null; // the text findings point into (null when no format needs it)
  readonly original?: WordOriginal | null; // a .docx input, kept only for the annotated copy
  readonly results: readonly RuleResult[];
  readonly score: Score | null;
  // Last year's report it was compared with (--previous): its path, or null when none was found
  // for this unit; absent when no comparison was asked for.
  readonly previous?: string | null;
}

/** A paragraph that several units' reports share (near-verbatim), as the batch summary lists it. */
export interface SharedParagraph {
  readonly excerpt: string; // its opening, as in the first report that has it
  readonly units: readonly string[]; // the units (subjects, else file names), in input order
  readonly places: ReadonlyArray<{ readonly path: string; readonly line: number }>;
}

/** Everything a formatter needs: the files checked and what the run used. */
export interface RunResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly FileResult[];
  readonly rules: readonly RuleInfo[];
  readonly categories: readonly Category[]; // in gap-table order
  readonly sharedParagraphs?: readonly SharedParagraph[]; // batch: paragraphs several units share
}

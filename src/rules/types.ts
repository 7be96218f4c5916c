// Rules as data (RuleSpec, read from YAML) and rule kinds as code (RuleKind): what a kind is told
// (CheckContext) and what it answers (CheckOutcome with RawFindings). The engine turns answers
// into the results of shared/results.ts. "Finding" is the one word for a reported problem.

import type { ReportDocument } from '../parse/document.js';
import type { WordIndex } from '../segment/word-index.js';
import type { DocumentKind } from '../shared/document-kinds.js';
import type { Level } from '../shared/levels.js';
import type { MessageData } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';
import type { YearSpan } from '../shared/year-span.js';
import type { TextRange } from '../text/text-range.js';

/** Report years, subject types and document kinds a rule applies to. */
export interface RuleApplies {
  readonly years?: YearSpan;
  readonly subjects?: readonly SubjectType[];
  readonly kinds?: readonly DocumentKind[]; // default: annual reports only
}

/** Text examples that the test suite (and `fzcheck rules test`) run through the rule. */
export interface RuleExample {
  readonly text: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
  readonly previous?: string; // last year's report, for rules that compare with it
}

/** Where in the document a rule looks. */
export type RuleScope =
  | 'document' // all body text, headings included
  | 'headings'
  | 'paragraphs'
  | {
      readonly section?: string; // only that part (located by a section rule)
      readonly fallback?: 'document' | 'fail' | 'skip'; // when the part was not found
      readonly exclude?: readonly string[]; // parts left out (located under their own heading)
    };

/** A rule as written in a pack, after schema validation. Kind-specific options sit beside these. */
export interface RuleSpec {
  readonly id: string; // pack/rule
  readonly kind: string;
  readonly title: string;
  readonly short?: string; // a shorter name for summaries (default: title)
  readonly category: string;
  readonly level: Level;
  readonly weight: number;
  readonly basis: string;
  readonly statutory?: boolean; // one of the parts the regulation requires: missing it is a 法定缺项
  readonly message?: string; // overrides the kind's primary message
  readonly messages?: Readonly<Record<string, string>>; // overrides messages by id
  readonly hint?: string;
  readonly applies?: RuleApplies;
  readonly scope?: RuleScope;
  readonly examples?: {
    readonly pass?: ReadonlyArray<string | RuleExample>;
    readonly partial?: ReadonlyArray<string | RuleExample>;
    readonly fail?: ReadonlyArray<string | RuleExample>;
  };
  readonly exceptions?: readonly string[]; // problem kinds: phrases inside which nothing is reported
  readonly disabled?: boolean; // turned off by the config: still run (others may read its section), not reported
  readonly [option: string]: unknown;
}

/** A finding as a kind reports it: an original-text range, a message id and its data. */
export interface RawFinding extends TextRange {
  readonly messageId: string;
  readonly data?: MessageData;
  readonly suggestion?: string | null;
  readonly level?: Level; // a lower level than the rule's for this finding (never a higher one)
}

/** Text that shows why a requirement is met, for --verbose and reviewers. */
export interface Evidence extends TextRange {
  readonly label: string;
}

/** A section a `section` rule located, for rules scoped to it. */
export interface LocatedSection extends TextRange {
  readonly hasHeading: boolean;
  readonly line: number;
}

/** What a compiled check returns. */
export interface CheckOutcome {
  readonly fraction: number; // 1 met, 0 not met, in between partly met
  readonly messageId: string; // one line: what is met or missing
  readonly data?: MessageData;
  readonly findings: readonly RawFinding[];
  readonly evidence?: readonly Evidence[];
  readonly located?: LocatedSection | null;
  readonly skip?: boolean; // the rule does not apply (or cannot be checked); findings are kept as notes
}

/** Last year's report of the same unit (--previous), parsed once, with its parts located by the
 * same section rules. */
export interface PreviousReport {
  readonly doc: ReportDocument;
  readonly words: WordIndex;
  readonly sections: ReadonlyMap<string, LocatedSection>; // by section rule id
}

/** What a check can read. Everything is read-only. */
export interface CheckContext {
  readonly doc: ReportDocument;
  readonly words: WordIndex; // boundaries of doc.folded.text, segmented on first use
  readonly ranges: readonly TextRange[]; // the rule's scope as original-text ranges
  readonly body: readonly TextRange[]; // every body line, whatever the scope
  readonly sections: ReadonlyMap<string, LocatedSection>; // by section rule id
  readonly previous: PreviousReport | null; // last year's report, for kinds that say needsPrevious
  /** Whether a range lies inside one of the rule's `exceptions` phrases (never reported). */
  isExcepted(range: TextRange): boolean;
}

/** A rule kind, ready to check. */
export interface CompiledCheck {
  check(context: CheckContext): CheckOutcome;
}

/** Collects problems found while compiling a rule; `path` is relative to the rule object. */
export type ReportProblem = (path: readonly (string | number)[], message: string) => void;

/** What compiling a rule may use besides its spec. */
export interface CompileEnv {
  /** Reports something that does not stop the rule from loading (e.g. a risky pattern). */
  readonly warn: ReportProblem;
  /** Whether the rule comes from a user pack: its patterns are checked for ReDoS risks. */
  readonly untrusted: boolean;
}

/** Another rule a rule refers to, and where in the rule it is named. */
export interface RuleReference {
  readonly id: string;
  readonly path: readonly (string | number)[];
}

/** A rule kind: one file in src/rules/kinds, with its own options schema. */
export interface RuleKind {
  readonly name: string;
  readonly description: string;
  /** requirement: something must be present (missing/partial); problem: something must not be. */
  readonly nature: 'requirement' | 'problem';
  /** JSON Schema properties of the kind's own options. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  /** Default texts of the kind's messages, by id; rules override them with `messages`. */
  readonly messages: Readonly<Record<string, string>>;
  /** The message id a rule's `message` field overrides; a kind without one does not take `message`. */
  readonly primaryMessage?: string;
  /** Whether the kind reads only its scope (the rule's `scope` field); false: it reads the whole document. */
  readonly scoped: boolean;
  /** A problem kind whose findings cannot sit inside a phrase (a date line, a heading's number)
   * says false here: it takes no `exceptions`. Problem kinds take them by default. */
  readonly exceptions?: false;
  /** Compares with last year's report: the rule does not apply without one (--previous). */
  readonly needsPrevious?: boolean;
  /** Compares the reports of a batch: it runs after every file is checked (src/pipeline), so the
   * check itself only says that it does not apply to a single document. */
  readonly acrossBatch?: boolean;
  /** Other rules whose located sections a rule of this kind reads (they run first). */
  references?(rule: RuleSpec): RuleReference[];
  /** Terms a rule of this kind matches as whole words (the build lists their boundary crossers). */
  wordTerms?(rule: RuleSpec): string[];
  /** Compiles the rule; reports every problem with its options and returns null if there was one. */
  compile(rule: RuleSpec, problem: ReportProblem, env: CompileEnv): CompiledCheck | null;
}

/** A rule ready to run. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly kind: RuleKind;
  readonly check: CompiledCheck;
  readonly source: string; // pack file or "builtin:<pack>"
  readonly userRule: boolean; // from a user's pack: runs after the built-in rules, stopped when out of time
  readonly risky: boolean; // a pattern of it was flagged at load as risking catastrophic backtracking
}

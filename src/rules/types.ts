// Rules as data (RuleSpec, read from YAML), rule kinds as code (RuleKind), and what checking
// produces (RuleResult with Findings). "Finding" is the one word for a reported problem.

import type { ReportDocument } from '../parse/document.js';
import type { WordIndex } from '../segment/word-index.js';
import type { DocumentKind } from '../shared/document-kinds.js';
import type { SubjectType } from '../shared/subject-types.js';
import type { TextRange } from '../text/text-range.js';

/** How serious a finding is; never a number. */
export type Level = 'error' | 'warning' | 'info';

/** Outcome of one rule on one document. */
export type RuleStatus = 'pass' | 'partial' | 'fail' | 'skip';

/** Report years, subject types and document kinds a rule applies to. */
export interface RuleApplies {
  readonly years?: { readonly from?: number; readonly to?: number };
  readonly subjects?: readonly SubjectType[];
  readonly kinds?: readonly DocumentKind[]; // default: annual reports only
}

/** Text examples that the test suite (and `fzcheck rules test`) run through the rule. */
export interface RuleExample {
  readonly text: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
}

/** Where in the document a rule looks. */
export type RuleScope =
  | 'document' // all body text, headings included
  | 'headings'
  | 'paragraphs'
  | { readonly section: string; readonly fallback?: 'document' | 'fail' | 'skip' };

/** A rule as written in a pack, after schema validation. Kind-specific options sit beside these. */
export interface RuleSpec {
  readonly id: string; // pack/rule
  readonly kind: string;
  readonly title: string;
  readonly category: string;
  readonly level: Level;
  readonly weight: number;
  readonly basis: string;
  readonly message?: string;
  readonly messages?: Readonly<Record<string, string>>;
  readonly hint?: string;
  readonly applies?: RuleApplies;
  readonly scope?: RuleScope;
  readonly examples?: {
    readonly pass?: ReadonlyArray<string | RuleExample>;
    readonly partial?: ReadonlyArray<string | RuleExample>;
    readonly fail?: ReadonlyArray<string | RuleExample>;
  };
  readonly exceptions?: readonly string[];
  readonly disabled?: boolean; // turned off by the config: still run (others may read its section), not reported
  readonly [option: string]: unknown;
}

/** A finding as a kind reports it: an original-text range and a message. */
export interface RawFinding extends TextRange {
  readonly message: string;
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
  readonly message: string; // one line: what is met or missing
  readonly findings: readonly RawFinding[];
  readonly evidence?: readonly Evidence[];
  readonly located?: LocatedSection | null;
  readonly skip?: boolean; // the rule does not apply (or cannot be checked); findings are kept as notes
}

/** What a check can read. Everything is read-only. */
export interface CheckContext {
  readonly doc: ReportDocument;
  readonly words: WordIndex; // boundaries of doc.folded.text, segmented on first use
  readonly ranges: readonly TextRange[]; // the rule's scope as original-text ranges
  readonly sections: ReadonlyMap<string, LocatedSection>; // by section rule id
  /** Formats one of the rule's messages (kind default, overridden by the rule's `messages`). */
  message(id: string, data?: Readonly<Record<string, string | number>>): string;
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
  /** The message id a rule's `message` field overrides (default "missing"). */
  readonly primaryMessage?: string;
  /** Compiles the rule; reports every problem with its options and returns null if there was one. */
  compile(rule: RuleSpec, problem: ReportProblem, env: CompileEnv): CompiledCheck | null;
}

/** A rule ready to run. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly kind: RuleKind;
  readonly check: CompiledCheck;
  readonly source: string; // pack file or "builtin:<pack>"
  readonly guarded: boolean; // user rule: its check runs under a time limit
}

/** A finding with its position, as every output format shows it. */
export interface Finding {
  readonly ruleId: string;
  readonly level: Level;
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
}

/** The outcome of one rule on one document. */
export interface RuleResult {
  readonly ruleId: string;
  readonly title: string;
  readonly category: string;
  readonly level: Level;
  readonly nature: 'requirement' | 'problem';
  readonly status: RuleStatus;
  readonly weight: number;
  readonly earned: number;
  readonly message: string;
  readonly basis: string;
  readonly hint: string | null;
  readonly findings: readonly Finding[];
  readonly evidence: ReadonlyArray<{
    readonly label: string;
    readonly line: number;
    readonly excerpt: string;
  }>;
}

// The folder `fzcheck serve` works on and what is known about it: the reports in it (found as
// `fzcheck check 文件夹` finds them), their latest results, and the progress of a check under way.
// Paths are shown relative to the folder; a path from a request is only ever looked up among them.

import { join } from 'node:path';
import { formatProblem } from '../config/config-error.js';
import { type FzcheckConfig, loadConfig } from '../config/load-config.js';
import { type Decisions, NO_DECISIONS, parseDecisions } from '../config/load-decisions.js';
import { type LoadedRules, loadRules, ruleInfos } from '../config/load-packs.js';
import { expandInputs } from '../load/expand-inputs.js';
import { checkBatch } from '../pipeline/check-batch.js';
import { type CheckInput, type CheckOptions, checkInput, failedInput } from '../pipeline/check-input.js';
import type { FileResult, RunResult } from '../shared/results.js';
import { DECISIONS_FILE, readDecisionsText } from './decisions-file.js';

/** Progress of the check under way (or the last one). */
export interface CheckProgress {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
}

/** The reports of one folder and their results. */
export class ReportStore {
  private inputs = new Map<string, CheckInput>();
  private results = new Map<string, FileResult>();
  private order: string[] = [];
  private progress: CheckProgress = { running: false, done: 0, total: 0 };
  private current: Promise<void> | null = null;
  private again = false;
  private decisions: Decisions = NO_DECISIONS;
  private decisionsProblem: string | null = null;

  private constructor(
    readonly folder: string,
    private readonly config: FzcheckConfig,
    private readonly rules: LoadedRules,
    private readonly maxBytes: number,
    private readonly tool: RunResult['tool'],
  ) {}

  /** Loads the rules (the config nearest the folder) for a folder. */
  static async open(folder: string, maxBytes: number, tool: RunResult['tool']): Promise<ReportStore> {
    const config = await loadConfig(folder);
    const rules = await loadRules(undefined, folder, config);
    return new ReportStore(folder, config, rules, maxBytes, tool);
  }

  /** The decisions file of the folder (read and written by the server). */
  get decisionsFile(): string {
    return join(this.folder, DECISIONS_FILE);
  }

  /** Why the decisions file could not be used, or null. */
  get decisionsError(): string | null {
    return this.decisionsProblem;
  }

  /** The check under way, or the last one. */
  get status(): CheckProgress {
    return this.progress;
  }

  /** Every report's latest result, in folder order (those not checked yet left out). */
  files(): FileResult[] {
    return this.order.flatMap((path) => {
      const result = this.results.get(path);
      return result ? [result] : [];
    });
  }

  /** A report by the path shown for it, or null: request paths are never used otherwise. */
  file(path: string): FileResult | null {
    return this.results.get(path) ?? null;
  }

  /** A run of some reports (all by default), as formatters take it. */
  run(files: readonly FileResult[] = this.files()): RunResult {
    return { tool: this.tool, files, rules: ruleInfos(this.rules.packs), categories: this.rules.categories };
  }

  /** Whether a rule id is known to the rule set. */
  hasRule(id: string): boolean {
    return this.rules.ruleSet.rules.some((rule) => rule.spec.id === id);
  }

  /** Lists the folder again and checks every report; a call while one runs queues one more. */
  refresh(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    // Running from this moment, not from when the folder has been listed: a page that asks for
    // the status right after an upload must see a check under way and keep polling.
    this.progress = { running: true, done: 0, total: this.progress.total };
    this.current = this.checkAll().finally(() => {
      this.current = null;
      this.progress = { ...this.progress, running: this.again };
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.current;
  }

  /** Checks one report again (after a decision), keeping the original bytes when asked. */
  async recheck(path: string, keepOriginal = false): Promise<FileResult | null> {
    const input = this.inputs.get(path);
    if (!input) return null;
    await this.reloadDecisions();
    const result = await checkInput(input, this.rules.ruleSet, { ...this.options(), keepOriginal });
    if (!keepOriginal) this.results.set(path, result);
    return result;
  }

  private options(): CheckOptions {
    return { maxBytes: this.maxBytes, decisions: this.decisions.entries, grades: this.config.grades };
  }

  private async reloadDecisions(): Promise<void> {
    const text = readDecisionsText(this.decisionsFile);
    try {
      this.decisions = text === null ? NO_DECISIONS : await parseDecisions(this.decisionsFile, text);
      this.decisionsProblem = null;
    } catch (error) {
      // A hand-edited file with a mistake: say so on the page, check without it.
      this.decisions = NO_DECISIONS;
      const problems = (error as { problems?: Parameters<typeof formatProblem>[0][] }).problems;
      this.decisionsProblem = problems ? problems.map(formatProblem).join('；') : (error as Error).message;
    }
  }

  private async checkAll(): Promise<void> {
    await this.reloadDecisions();
    const expanded = await expandInputs(['.'], this.folder, { maxBytes: this.maxBytes });
    const inputs = new Map<string, CheckInput>();
    const failed = new Map<string, FileResult>();
    for (const item of expanded) {
      if (item.kind === 'file') inputs.set(item.path, { path: item.path, file: item.file });
      else if (item.kind === 'entry') inputs.set(item.path, { name: item.path, bytes: item.bytes });
      else if (item.kind === 'failed') failed.set(item.path, failedInput(item.path, item.code, item.message));
    }
    this.inputs = inputs;
    this.order = [...inputs.keys(), ...failed.keys()];
    for (const path of this.results.keys()) if (!inputs.has(path)) this.results.delete(path);
    for (const [path, result] of failed) this.results.set(path, result);
    const list = [...inputs.entries()];
    this.progress = { running: true, done: 0, total: list.length };
    try {
      const checked = await checkBatch(
        list.map(([, input]) => input),
        this.rules.ruleSet,
        this.options(),
        {
          keepText: true,
          rules: undefined,
          config: this.config.file,
          cwd: this.folder,
          onProgress: (done, total) => {
            this.progress = { running: true, done, total };
          },
        },
      );
      checked.files.forEach((result, i) => {
        const path = list[i]?.[0];
        if (path !== undefined) this.results.set(path, result);
      });
    } finally {
      // A queued refresh keeps the bar running until the last one ends.
      this.progress = { running: this.again, done: list.length, total: list.length };
    }
  }
}

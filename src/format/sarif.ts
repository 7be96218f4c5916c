// SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers. Columns count Unicode
// code points, declared in `run.columnKind`; output is deterministic (no timestamps, input order).

import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Level } from '../shared/levels.js';
import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import { decisionText, extraSuggestion, locationText } from './labels.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVELS: Record<Level, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
const FINGERPRINT_KEY = 'fzcheckFinding/v1';

/** Formats a run as a SARIF 2.1.0 log with one run. */
export function formatSarif(run: RunResult): string {
  const rules = ruleDescriptors(run);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of run.files) {
    if (file.error) {
      notifications.push({
        level: 'error',
        message: { text: `${file.path}：${file.error.message}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file.path) } } }],
        descriptor: { id: file.error.code },
      });
      continue;
    }
    for (const result of fileResults(file, ruleIndex)) results.push(result);
  }
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            rules,
          },
        },
        invocations: [
          { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications },
        ],
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Rule metadata: every rule of the run's packs, then any rule seen only in results. */
function ruleDescriptors(run: RunResult): Sarif.ReportingDescriptor[] {
  const descriptors = new Map<string, Sarif.ReportingDescriptor>();
  const add = (
    id: string,
    title: string,
    basis: string,
    hint: string | null | undefined,
    level: Level,
    category: string,
  ) => {
    if (descriptors.has(id)) return;
    descriptors.set(id, {
      id,
      name: id,
      shortDescription: { text: title },
      fullDescription: { text: basis || title },
      help: { text: hint || title },
      defaultConfiguration: { level: LEVELS[level] },
      properties: { category },
    });
  };
  for (const rule of run.rules) add(rule.id, rule.title, rule.basis, rule.hint, rule.level, rule.category);
  for (const file of run.files) {
    for (const result of file.results)
      add(result.ruleId, result.title, result.basis, result.hint, result.level, result.category);
  }
  return [...descriptors.values()];
}

function fileResults(file: FileResult, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  const uri = toUri(file.path);
  const seen = new Map<string, number>();
  const results: Sarif.Result[] = [];
  const add = (result: RuleResult, finding: Finding | null, suppression: Sarif.Suppression | null) => {
    // The fingerprint names what was found, not where, so alerts survive edits above them.
    const key = `${file.path}\u0000${result.ruleId}\u0000${finding?.excerpt ?? ''}\u0000${finding?.message ?? result.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    results.push({
      ruleId: result.ruleId,
      ruleIndex: ruleIndex.get(result.ruleId) ?? -1,
      level: LEVELS[finding?.level ?? result.level],
      message: { text: messageText(result, finding) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri }, region: region(finding) },
          // Where a Word user finds it: the part, heading and paragraph.
          ...(finding ? { logicalLocations: [logicalLocation(finding)] } : {}),
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash(key)}:${occurrence + 1}` },
      ...(suppression ? { suppressions: [suppression] } : {}),
      ...(finding?.baseline === undefined
        ? {}
        : { baselineState: finding.baseline ? ('unchanged' as const) : ('new' as const) }),
      properties: { status: result.status, weight: result.weight, earned: result.earned },
    });
  };
  for (const result of file.results) {
    if (result.status !== 'pass' && result.status !== 'skip') {
      const findings: readonly (Finding | null)[] = result.findings.length > 0 ? result.findings : [null];
      for (const finding of findings) add(result, finding, null);
    }
    // A reviewer's decision is an external suppression with its reason.
    for (const finding of result.decided ?? [])
      if (finding.decision)
        add(result, finding, {
          kind: 'external',
          status: 'accepted',
          justification: decisionText(finding.decision),
        });
  }
  return results;
}

function logicalLocation(finding: Finding): Sarif.LogicalLocation {
  const { part, heading } = finding.location;
  return {
    name: locationText(finding.location),
    fullyQualifiedName:
      [part, heading !== part ? heading : null].filter((name) => name).join(' › ') || '正文',
    kind: 'element',
  };
}

function messageText(result: RuleResult, finding: Finding | null): string {
  const parts = [`${result.title}：${finding?.message ?? result.message}`];
  const suggestion = finding ? extraSuggestion(finding) : null;
  if (suggestion) parts.push(`建议：${suggestion}`);
  return parts.join('\n');
}

function region(finding: Finding | null): Sarif.Region {
  if (!finding) return { startLine: 1 };
  return {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
}

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function toUri(path: string): string {
  const slashed = path.replaceAll('\\', '/');
  const encoded = slashed
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return slashed.startsWith('/')
    ? `file://${encoded}`
    : /^[A-Za-z]:\//.test(slashed)
      ? `file:///${encoded}`
      : encoded;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

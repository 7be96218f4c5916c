// JUnit XML for test dashboards: one test suite per file, one test case per rule; a rule that is
// not met is a failure, a rule that does not apply is skipped, an unreadable file is an error.

import type { FileResult, RuleResult, RunResult } from '../shared/results.js';
import { decisionText, findingText, GAP_STATUS_LABELS, gapStatusOf, whereText } from './labels.js';
import { formatNumber, formatScore } from './summary.js';

/** Formats a run as a JUnit XML document. */
export function formatJunit(run: RunResult): string {
  const suites = run.files.map(testSuite);
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') =>
    suites.reduce((sum, suite) => sum + suite[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fzcheck" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}">`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  readonly xml: string;
}

function testSuite(file: FileResult): Suite {
  const name = attr(file.path);
  if (file.error) {
    const xml = [
      `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">`,
      `    <testcase classname="${name}" name="读取文件">`,
      `      <error message="${attr(file.error.message)}" type="${attr(file.error.code)}"/>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
    return { tests: 1, failures: 0, errors: 1, skipped: 0, xml };
  }
  const failures = file.results.filter(isUnmet).length;
  const skipped = file.results.filter((result) => result.status === 'skip').length;
  const properties = [
    ['score', formatScore(file.score?.points ?? null)],
    ['grade', file.score?.grade ?? ''],
    ['subject', file.identity?.subject ?? ''],
    ['year', file.identity?.year?.toString() ?? ''],
  ].map(([key, value]) => `      <property name="${key}" value="${attr(value ?? '')}"/>`);
  const xml = [
    `  <testsuite name="${name}" tests="${file.results.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...file.results.map((result) => testCase(name, result)),
    '  </testsuite>',
  ].join('\n');
  return { tests: file.results.length, failures, errors: 0, skipped, xml };
}

function testCase(classname: string, result: RuleResult): string {
  const open = `    <testcase classname="${classname}" name="${attr(`${result.ruleId} ${result.title}`)}"`;
  // A reviewer's decision: 不适用 is skipped, 已核实 passes; both say why.
  if (result.decision?.kind === 'not-applicable')
    return `${open}>\n      <skipped message="${attr(decisionText(result.decision))}"/>\n    </testcase>`;
  if (result.decision)
    return `${open}>\n      <system-out>${text(decisionText(result.decision))}</system-out>\n    </testcase>`;
  if (result.status === 'pass') return `${open}/>`;
  if (result.status === 'skip')
    return `${open}>\n      <skipped message="${attr(result.message)}"/>\n    </testcase>`;
  if (!isUnmet(result)) return `${open}/>`;
  const details = [
    ...result.findings.map((finding) => `${whereText(finding)}：${findingText(finding)}`),
    result.hint ? `改法：${result.hint}` : '',
    result.basis ? `依据：${result.basis}` : '',
    `得分：${formatNumber(result.earned)}/${formatNumber(result.weight)}`,
  ].filter((line) => line !== '');
  return [
    `${open}>`,
    `      <failure message="${attr(`${GAP_STATUS_LABELS[gapStatusOf(result)]}：${result.message}`)}" type="${result.level}">${text(details.join('\n'))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function isUnmet(result: RuleResult): boolean {
  return result.status === 'fail' || result.status === 'partial';
}

// Characters XML 1.0 does not allow at all: most C0 controls, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content. */
function text(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Escapes an attribute value (line breaks kept as character references). */
function attr(value: string): string {
  return text(value)
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}

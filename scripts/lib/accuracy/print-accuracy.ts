// The accuracy report as text: per field the share right and every miss, the kind confusion of
// the negatives, false headings, precision per rule, and findings still waiting for a verdict.

import { eastAsianWidth } from 'get-east-asian-width';
import { FIELDS, type Field, type FieldScore, kindMatchesNegativeType, type Miss } from './measure.js';
import type { AccuracyRun } from './run-accuracy.js';
import type { PrecisionCount } from './verdicts.js';

const FIELD_NAMES: Record<Field, string> = {
  title: '标题',
  year: '年度',
  subject: '主体',
  subjectType: '主体类型',
  publishedAt: '发布日期',
  kind: '文件类型',
  headings: '标题层级（每个标注的标题）',
  chromeLines: '页面杂质行（每个标注的行）',
};

/** The full report; `misses: false` gives only the figures. */
export function formatAccuracy(run: AccuracyRun, options: { misses: boolean }): string {
  const { measurement, precision } = run;
  const out: string[] = [`语料 ${run.corpus}：${run.entries.length} 个文件`, ''];
  out.push('字段                          对/总数    比例');
  for (const field of FIELDS) {
    out.push(`${pad(FIELD_NAMES[field], 30)}${share(measurement.fields[field])}`);
  }
  out.push(`${pad('误认的标题（未标注却识别为标题）', 30)}${measurement.falseHeadings.length}`);
  out.push('', '反例的文件类型（negative_type → fzcheck 的 kind）');
  for (const [type, kinds] of [...measurement.kindByNegativeType.entries()].sort()) {
    const cells = [...kinds.entries()].sort().map(([kind, n]) => `${kind} ${n}`);
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    const same = [...kinds.entries()]
      .filter(([kind]) => kindMatchesNegativeType(kind, type))
      .reduce((a, [, n]) => a + n, 0);
    out.push(`  ${pad(type, 20)}${pad(`相符 ${same}/${total}`, 12)}${cells.join('，')}`);
  }
  out.push('', '问题的精确率（style、terms、consistency、noise；真/已标注）');
  for (const [rule, count] of [...precision.byRule.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  ${pad(rule, 36)}${ratio(count)}`);
  }
  out.push(`  ${pad('全部', 36)}${ratio(precision.overall)}`);
  if (precision.unlabelled.length > 0) {
    out.push(
      '',
      `还没有结论的问题 ${precision.unlabelled.length} 个（请在 finding-verdicts.tsv 里逐条标注）：`,
    );
    for (const f of precision.unlabelled) {
      out.push(`  ${f.id}\t${f.line}\t${f.column}\t${f.ruleId}\t${f.message}`);
    }
  }
  if (precision.stale.length > 0) {
    out.push('', `已不再出现的问题的结论 ${precision.stale.length} 条（可从 finding-verdicts.tsv 删去）：`);
    for (const row of precision.stale) out.push(`  ${row.id}\t${row.line}\t${row.column}\t${row.ruleId}`);
  }
  if (options.misses) {
    for (const field of FIELDS) {
      const { misses } = measurement.fields[field];
      if (misses.length === 0) continue;
      out.push('', `${FIELD_NAMES[field]}：错 ${misses.length} 个（id、应为、实为）`);
      for (const miss of misses) out.push(formatMiss(miss));
    }
    if (measurement.falseHeadings.length > 0) {
      out.push('', `误认的标题：${measurement.falseHeadings.length} 个（id:行、实为何行、识别为）`);
      for (const miss of measurement.falseHeadings) out.push(formatMiss(miss));
    }
    if (precision.falseFindings.length > 0) {
      out.push('', `判为误报的问题：${precision.falseFindings.length} 个（id:行:列、规则、理由）`);
      for (const { finding, reason } of precision.falseFindings) {
        out.push(`  ${finding.id}:${finding.line}:${finding.column}\t${finding.ruleId}\t${reason}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function formatMiss(miss: Miss): string {
  const where = miss.line === undefined ? miss.id : `${miss.id}:${miss.line}`;
  return `  ${pad(where, 10)}应为 ${clip(miss.expected)}\t实为 ${clip(miss.got)}`;
}

/** Long heading texts (a whole run-in paragraph) cut to a readable length. */
function clip(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
}

function share({ right, total }: FieldScore): string {
  return `${pad(`${right}/${total}`, 11)}${total === 0 ? '—' : `${((100 * right) / total).toFixed(1)}%`}`;
}

function ratio({ true: t, labelled }: PrecisionCount): string {
  return `${pad(`${t}/${labelled}`, 11)}${labelled === 0 ? '—' : `${((100 * t) / labelled).toFixed(1)}%`}`;
}

/** Pads to a display width (East Asian wide characters take two columns), at least one space. */
function pad(text: string, width: number): string {
  let used = 0;
  for (const ch of text) used += eastAsianWidth(ch.codePointAt(0) ?? 0);
  return text + ' '.repeat(Math.max(1, width - used));
}

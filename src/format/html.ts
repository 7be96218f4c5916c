// One self-contained HTML page (no network, no external assets) for reviewers: per report the
// text with every finding highlighted in place (hover, focus or click shows message, basis and
// suggestion), the score by category as an inline SVG chart and the gap table; for a batch also
// the ranking and a heat map of reports × rules.

import { type Category, categoryLabel, categoryOrder } from '../shared/categories.js';
import type { Level } from '../shared/levels.js';
import type { CategoryScore, FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { FormatOptions } from './formatter.js';
import {
  DECISION_LABELS,
  decisionText,
  extraSuggestion,
  findingText,
  GAP_STATUS_ICONS,
  GAP_STATUS_LABELS,
  type GapStatus,
  gapStatusOf,
  LEVEL_LABELS,
  whereText,
} from './labels.js';
import { formatNumber, formatScore, gapResults, summaryRows } from './summary.js';

const LEVEL_RANK: Record<Level, number> = { error: 3, warning: 2, info: 1 };

/** What the page's script shows for one highlighted finding. */
export interface HtmlFinding {
  readonly rule: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly message: string;
  readonly suggestion: string | null;
  readonly hint: string | null;
  readonly basis: string;
  readonly line: number;
  readonly column: number;
  readonly where: string; // the part, heading and paragraph, with the line
  readonly excerpt: string;
  readonly only: boolean; // the rule's only finding (deciding it decides the rule)
  readonly offset: number; // code points, as in Finding
  readonly endOffset: number;
}

/** Extras of the review view inside `fzcheck serve`. */
export interface ReviewOptions {
  readonly actions?: boolean; // buttons to mark each finding 不适用 / 已核实
}

/** The review view of a run (ranking, heat map, each report) and what its script shows per finding. */
export interface ReviewView {
  readonly body: string;
  readonly data: Readonly<Record<string, HtmlFinding>>;
}

/** The review view without the page around it (the HTML format and `fzcheck serve` share it). */
export function reviewView(run: RunResult, options: FormatOptions, review: ReviewOptions = {}): ReviewView {
  const data: Record<string, HtmlFinding> = {};
  const sections = options.summaryOnly
    ? []
    : run.files.map((file, i) => fileSection(file, i + 1, run.categories, options, data, review));
  const batch = run.files.length > 1 || options.summaryOnly ? batchSection(run) : '';
  return { body: `${batch}${sections.join('\n')}`, data };
}

/** The review view's style sheet and script, for pages that embed it. */
export const REVIEW_STYLE = (): string => STYLE;
export const REVIEW_SCRIPT = (): string => SCRIPT;

/** JSON that is safe inside a <script> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Formats a run as one self-contained HTML page. */
export function formatHtml(run: RunResult, options: FormatOptions): string {
  const { body, data } = reviewView(run, options);
  const title =
    run.files.length === 1
      ? `${run.files[0]!.identity?.title ?? run.files[0]!.path} · 检查结果`
      : `${run.files.length} 份报告 · 检查结果`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escapeHtml(`${run.tool.name} ${run.tool.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="page"><h1>法治政府建设年度报告检查结果</h1><p>${escapeHtml(run.tool.name)} ${escapeHtml(run.tool.version)} · 共 ${run.files.length} 份报告 · 把鼠标移到标亮的文字上（或点击、用 Tab 键选中）可查看问题说明、依据和改法</p></header>
<main>
${body}
</main>
<div id="fz-tip" role="tooltip" hidden></div>
<script type="application/json" id="fz-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function fileSection(
  file: FileResult,
  number: number,
  categories: readonly Category[],
  options: FormatOptions,
  data: Record<string, HtmlFinding>,
  review: ReviewOptions,
): string {
  const id = `r${number}`;
  const identity = file.identity;
  const heading = identity?.subject
    ? `${identity.subject}${identity.year ? ` · ${identity.year}年度` : ''}`
    : file.path;
  const parts = [`<section class="report" id="${id}">`, `<h2>${number}. ${escapeHtml(heading)}</h2>`];
  if (file.error || !file.score) {
    parts.push(`<p class="meta">文件 <code>${escapeHtml(file.path)}</code></p>`);
    parts.push(`<p class="error">✗ 无法检查：${escapeHtml(file.error?.message ?? '未知错误')}</p></section>`);
    return parts.join('\n');
  }
  const facts: [string, string][] = [
    ['文件', file.path],
    ['标题', identity?.title ?? '未识别'],
    ['年度', identity?.year?.toString() ?? '未识别'],
    ['报告单位', identity?.subject ?? '未识别'],
  ];
  if (identity?.publishedAt) facts.push(['发布日期', identity.publishedAt]);
  parts.push(
    `<dl class="meta">${facts.map(([key, value]) => `<div><dt>${key}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>`,
  );
  const grade = file.score.grade ?? '';
  parts.push(
    `<div class="overview"><div class="score ${gradeClass(file.score.points)}"><span class="points">${formatScore(file.score.points)}</span><span class="grade">${escapeHtml(grade)}</span></div>${categoryChart(file.score.byCategory, categories)}</div>`,
  );
  const keyed = keyFindings(file, id);
  for (const { key, result, finding } of keyed) {
    data[key] = {
      rule: result.title,
      ruleId: result.ruleId,
      level: finding.level,
      message: finding.message,
      suggestion: extraSuggestion(finding),
      hint: result.hint,
      basis: result.basis,
      line: finding.line,
      column: finding.column,
      where: whereText(finding),
      excerpt: finding.excerpt,
      only: result.findings.length === 1,
      offset: finding.offset,
      endOffset: finding.endOffset,
    };
  }
  parts.push(gapTable(file, options.verbose, keyed, categories, review));
  if (file.text !== null) {
    parts.push(`<h3>报告原文（标出 ${keyed.length} 处）</h3>`);
    parts.push(`<div class="doc">${highlightText(file.text, keyed)}</div>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** A finding with the rule it belongs to and its key in the page (`r<file>-f<n>`). */
export interface KeyedFinding {
  readonly key: string;
  readonly result: RuleResult;
  readonly finding: Finding;
}

/** Every finding of the rules that are not met, keyed `r<file>-f<n>` in result order. */
function keyFindings(file: FileResult, fileId: string): KeyedFinding[] {
  const keyed: KeyedFinding[] = [];
  for (const result of file.results) {
    if (result.status === 'pass' || result.status === 'skip') continue;
    for (const finding of result.findings)
      keyed.push({ key: `${fileId}-f${keyed.length + 1}`, result, finding });
  }
  return keyed;
}

function gapTable(
  file: FileResult,
  verbose: boolean,
  keyed: readonly KeyedFinding[],
  categories: readonly Category[],
  review: ReviewOptions,
): string {
  const rows = gapResults(file, verbose, categories);
  if (rows.length === 0) return '<p class="ok">✓ 所有规则均已满足</p>';
  const keys = new Map(keyed.map((item) => [item.finding, item.key]));
  const body = rows.map((result) => {
    const status = gapStatusOf(result);
    const open = result.status !== 'pass' && result.status !== 'skip';
    const notes: string[] = [];
    if (result.decision)
      notes.push(
        `<span class="decided">${escapeHtml(decisionText(result.decision))}</span>${review.actions ? undoButton(result, null) : ''}`,
      );
    if (!open || result.findings.length === 0) notes.push(escapeHtml(result.message));
    if (open && result.findings.length === 0 && review.actions) notes.push(actionButtons(null, result));
    if (open)
      for (const finding of result.findings) {
        const key = keys.get(finding);
        const where = escapeHtml(whereText(finding));
        const link = key ? `<a href="#${key}">${where}</a>` : where;
        const buttons = review.actions && key ? actionButtons(key, result) : '';
        notes.push(`${link}：${escapeHtml(findingText(finding))}${buttons}`);
      }
    for (const finding of result.decided ?? [])
      if (finding.decision && finding.decision !== result.decision)
        notes.push(
          `<span class="decided">${escapeHtml(whereText(finding))}：${escapeHtml(findingText(finding))}——${escapeHtml(decisionText(finding.decision))}</span>${review.actions ? undoButton(result, finding.excerpt) : ''}`,
        );
    if (open && result.hint) notes.push(`<span class="hint">改法：${escapeHtml(result.hint)}</span>`);
    if (open && result.basis) notes.push(`<span class="basis">依据：${escapeHtml(result.basis)}</span>`);
    const label = result.decision ? DECISION_LABELS[result.decision.kind] : GAP_STATUS_LABELS[status];
    const rowClass = result.decision ? 'st-decided' : `st-${status}`;
    return `<tr class="${rowClass}"><td class="status">${label}</td><td>${escapeHtml(categoryLabel(categories, result.category))}</td><td>${escapeHtml(result.title)}<br><code>${escapeHtml(result.ruleId)}</code></td><td class="num">${
      result.weight > 0 ? `${formatNumber(result.earned)}/${formatNumber(result.weight)}` : '提示'
    }</td><td>${notes.join('<br>')}</td></tr>`;
  });
  return `<h3>缺项表</h3>\n<table class="gaps"><thead><tr><th>状态</th><th>类别</th><th>规则</th><th>得分</th><th>说明</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** Buttons that mark a finding (or a rule without findings) 不适用 or 已核实, for `fzcheck serve`. */
function actionButtons(key: string | null, result: RuleResult): string {
  const target = key ? `data-f="${key}"` : `data-rule="${escapeHtml(result.ruleId)}"`;
  return `<span class="acts" ${target}><button type="button" data-act="not-applicable">不适用</button><button type="button" data-act="verified">已核实</button></span>`;
}

/** A button that takes a decision back, for `fzcheck serve`. */
function undoButton(result: RuleResult, excerpt: string | null): string {
  const about = excerpt === null ? '' : ` data-excerpt="${escapeHtml(excerpt)}"`;
  return `<span class="acts" data-rule="${escapeHtml(result.ruleId)}"${about}><button type="button" data-act="undo">撤销</button></span>`;
}

/** Horizontal bars: share of the possible points earned in each category. */
function categoryChart(scores: readonly CategoryScore[], categories: readonly Category[]): string {
  const rows = [...scores].sort(
    (a, b) => categoryOrder(categories, a.category) - categoryOrder(categories, b.category),
  );
  if (rows.length === 0) return '';
  const rowHeight = 26;
  const labelWidth = 120;
  const barWidth = 260;
  const width = labelWidth + barWidth + 90;
  const height = rows.length * rowHeight + 8;
  const bars = rows.map((row, i) => {
    const y = 4 + i * rowHeight;
    const share = row.possible > 0 ? row.earned / row.possible : null;
    const fill = share === null ? 0 : Math.round(barWidth * share);
    const value = share === null ? '不计分' : `${formatNumber(row.earned)}/${formatNumber(row.possible)}`;
    return `<g><text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(categoryLabel(categories, row.category))}</text><rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="16" rx="3" class="track"/><rect x="${labelWidth}" y="${y + 4}" width="${fill}" height="16" rx="3" class="${share === null ? 'bar' : gradeClass(share * 100)}"/><text x="${labelWidth + barWidth + 8}" y="${y + 17}">${value}</text></g>`;
  });
  return `<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>各类别得分</title>${bars.join('')}</svg>`;
}

/** The report text as HTML, every finding's range wrapped in <mark> elements (overlaps split). */
export function highlightText(text: string, keyed: readonly KeyedFinding[]): string {
  const toUtf16 = codePointIndex(text);
  const length = toUtf16.length - 1;
  const spans = keyed.map((item) => {
    const start = Math.min(Math.max(item.finding.offset, 0), length);
    return { ...item, start, end: Math.min(Math.max(item.finding.endOffset, start), length) };
  });
  const boundaries = [...new Set([0, length, ...spans.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  let html = '';
  for (let i = 0; i < boundaries.length; i++) {
    const from = boundaries[i]!;
    for (const span of spans) {
      if (span.start === from && span.end === from) html += `${markOpen([span], span.key)}</mark>`;
    }
    const to = boundaries[i + 1];
    if (to === undefined) break;
    const segment = escapeHtml(text.slice(toUtf16[from], toUtf16[to]));
    const covering = spans.filter((span) => span.start <= from && span.end >= to && span.end > span.start);
    if (covering.length === 0) {
      html += segment;
      continue;
    }
    // The mark carries the id of the first finding starting here; others get an anchor before it.
    const starting = covering.filter((span) => span.start === from).map((span) => span.key);
    const anchors = starting.slice(1).map((key) => `<span id="${key}"></span>`);
    html += `${anchors.join('')}${markOpen(covering, starting[0])}${segment}</mark>`;
  }
  return html;
}

function markOpen(spans: readonly KeyedFinding[], id: string | undefined): string {
  const level = spans.reduce<Level>(
    (worst, span) => (LEVEL_RANK[span.finding.level] > LEVEL_RANK[worst] ? span.finding.level : worst),
    'info',
  );
  const empty = spans.length === 1 && spans[0]!.finding.offset === spans[0]!.finding.endOffset;
  return `<mark class="fz lv-${level}${empty ? ' empty' : ''}"${id ? ` id="${id}"` : ''} data-f="${spans.map((span) => span.key).join(' ')}" tabindex="0" aria-label="${escapeHtml(LEVEL_LABELS[level])}">`;
}

/** UTF-16 index of each code-point index (one more entry than code points, for the end). */
function codePointIndex(text: string): number[] {
  const index: number[] = [];
  let i = 0;
  for (const ch of text) {
    index.push(i);
    i += ch.length;
  }
  index.push(i);
  return index;
}

function batchSection(run: RunResult): string {
  const ranking = summaryRows(run.files);
  let rank = 0;
  const rows = ranking.map((row) => {
    const link = `<a href="#r${row.index + 1}">${escapeHtml(row.path)}</a>`;
    if (row.error)
      return `<tr><td class="num">—</td><td>—</td><td>—</td><td class="num">—</td><td class="error">无法检查</td><td class="num">—</td><td>${link}</td></tr>`;
    rank++;
    return `<tr><td class="num">${rank}</td><td>${escapeHtml(row.subject ?? '未识别')}</td><td>${row.year ?? '未识别'}</td><td class="num ${gradeClass(row.score)}">${formatScore(row.score)}</td><td>${escapeHtml(row.grade ?? '—')}</td><td class="num">${row.missingStatutory ?? 0}</td><td>${link}</td></tr>`;
  });
  return `<section class="batch" id="ranking">
<h2>排名（按得分）</h2>
<table class="ranking"><thead><tr><th>名次</th><th>报告单位</th><th>年度</th><th>得分</th><th>等级</th><th>法定缺项</th><th>文件</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${heatMap(
  run,
  ranking.map((row) => row.index),
)}
${sharedSection(run)}
</section>
`;
}

/** The paragraphs several units' reports share, each once with the units and where. */
function sharedSection(run: RunResult): string {
  const shared = run.sharedParagraphs ?? [];
  if (shared.length === 0) return '';
  const items = shared.map(
    (item) =>
      `<li><q>${escapeHtml(item.excerpt)}</q><br>${escapeHtml(item.units.join('、'))}（${item.units.length}家）：${item.places
        .map((place) => `${escapeHtml(place.path)} 第${place.line}行`)
        .join('；')}</li>`,
  );
  return `<h2 id="shared">多家单位相同的段落（${shared.length} 段）</h2>
<ol class="shared">
${items.join('\n')}
</ol>`;
}

/** Reports (rows, in ranking order) × rules (columns, by category): how well each rule is met. */
function heatMap(run: RunResult, order: readonly number[]): string {
  const rules = new Map<string, RuleResult>();
  for (const file of run.files)
    for (const result of file.results) if (!rules.has(result.ruleId)) rules.set(result.ruleId, result);
  const columns = [...rules.values()].sort(
    (a, b) => categoryOrder(run.categories, a.category) - categoryOrder(run.categories, b.category),
  );
  if (columns.length === 0) return '';
  const head = columns
    .map(
      (rule) =>
        `<th class="rule" title="${escapeHtml(`${categoryLabel(run.categories, rule.category)} · ${rule.ruleId}`)}"><span>${escapeHtml(rule.title)}</span></th>`,
    )
    .join('');
  const body = order.map((index) => {
    const file = run.files[index]!;
    const name = `<th class="who"><a href="#r${index + 1}">${escapeHtml(file.identity?.subject ?? file.path)}</a></th>`;
    if (file.error)
      return `<tr>${name}<td class="error" colspan="${columns.length}">无法检查：${escapeHtml(file.error.message)}</td></tr>`;
    const byId = new Map(file.results.map((result) => [result.ruleId, result]));
    const cells = columns.map((rule) => heatCell(file, byId.get(rule.ruleId)));
    return `<tr>${name}${cells.join('')}</tr>`;
  });
  return `<h2>热力图（报告 × 规则）</h2>
<p class="legend">${LEGEND.map((status) => `<span class="h h-${status}">${GAP_STATUS_ICONS[status]} ${GAP_STATUS_LABELS[status]}</span>`).join(' ')}</p>
<div class="heat-wrap"><table class="heat"><thead><tr><th></th>${head}</tr></thead><tbody>
${body.join('\n')}
</tbody></table></div>`;
}

/** The statuses the heat map's legend explains. */
const LEGEND: readonly GapStatus[] = ['met', 'partial', 'missing', 'problem', 'advice', 'skipped'];

function heatCell(file: FileResult, result: RuleResult | undefined): string {
  const status: GapStatus = result ? gapStatusOf(result) : 'skipped';
  if (!result || status === 'skipped')
    return `<td class="h h-skipped" title="${GAP_STATUS_LABELS.skipped}">${GAP_STATUS_ICONS.skipped}</td>`;
  const score = result.weight > 0 ? ` ${formatNumber(result.earned)}/${formatNumber(result.weight)}` : '';
  const title = `${file.identity?.subject ?? file.path} · ${result.title}：${GAP_STATUS_LABELS[status]}${score}`;
  return `<td class="h h-${status}" title="${escapeHtml(title)}">${GAP_STATUS_ICONS[status]}</td>`;
}

function gradeClass(points: number | null): string {
  if (points === null) return 'g-none';
  return points >= 90 ? 'g-a' : points >= 80 ? 'g-b' : points >= 60 ? 'g-c' : 'g-d';
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const STYLE = `
:root{--red:#c62828;--amber:#b26a00;--green:#2e7d32;--blue:#1565c0;--line:#d9dde3;--muted:#5f6670}
*{box-sizing:border-box}
body{margin:0;font:15px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:#1f2328;background:#f6f7f9}
header.page{background:#8b1a1a;color:#fff;padding:16px 28px}
header.page h1{margin:0;font-size:22px}
header.page p{margin:4px 0 0;opacity:.9;font-size:13px}
main{max-width:1200px;margin:0 auto;padding:8px 20px 60px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 22px;margin:18px 0}
h2{font-size:19px;margin:4px 0 10px}
table+h2{margin-top:22px}
h3{font-size:16px;margin:18px 0 8px}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 22px;margin:0 0 10px;color:var(--muted);font-size:13px}
dl.meta div{display:flex;gap:6px}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.overview{display:flex;flex-wrap:wrap;align-items:center;gap:24px}
.score{display:flex;flex-direction:column;align-items:center;justify-content:center;width:120px;height:120px;border-radius:50%;border:6px solid currentColor}
.score .points{font-size:30px;font-weight:700;line-height:1.1}.score .grade{font-size:15px}
.g-a{color:var(--green)}.g-b{color:#558b2f}.g-c{color:var(--amber)}.g-d{color:var(--red)}.g-none{color:var(--muted)}
svg.chart{font-size:13px;max-width:100%;height:auto}svg.chart text{fill:#1f2328}
svg.chart .track{fill:#eceff3}svg.chart rect.g-a{fill:var(--green)}svg.chart rect.g-b{fill:#7cb342}svg.chart rect.g-c{fill:#f0a202}svg.chart rect.g-d{fill:var(--red)}svg.chart rect.bar{fill:#90a4ae}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid var(--line);padding:5px 8px;vertical-align:top;text-align:left}
thead th{background:#f0f2f5}
td.num{text-align:right;white-space:nowrap}
td.status{white-space:nowrap;font-weight:600}
tr.st-decided td.status{color:var(--muted)}.decided{color:var(--muted)}
.acts{margin-left:6px;white-space:nowrap}.acts button{font:inherit;font-size:12px;margin-left:4px;padding:0 6px;border:1px solid #98a1ad;border-radius:4px;background:#fff;cursor:pointer}.acts button:hover{background:#eef2f7}
tr.st-missing td.status{color:var(--red)}tr.st-partial td.status{color:var(--amber)}tr.st-problem td.status{color:var(--amber)}tr.st-advice td.status{color:var(--blue)}tr.st-met td.status{color:var(--green)}
.hint{color:var(--green)}.basis{color:var(--muted);font-size:13px}
.error{color:var(--red)}.ok{color:var(--green)}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.doc{white-space:pre-wrap;word-break:break-all;border:1px solid var(--line);border-radius:6px;padding:14px 18px;background:#fffdf8;font-size:15px;line-height:1.9;max-height:80vh;overflow:auto}
mark.fz{background:#fff1a8;border-bottom:2px solid var(--amber);cursor:pointer;border-radius:2px;padding:0 1px;color:inherit}
mark.fz.lv-error{background:#ffd9d6;border-bottom-color:var(--red)}
mark.fz.lv-info{background:#dcecff;border-bottom-color:var(--blue)}
mark.fz.empty::before{content:"▲";color:var(--red);font-size:11px;vertical-align:super}
mark.fz:focus,mark.fz.active{outline:2px solid #1f2328;outline-offset:1px}
#fz-tip{position:absolute;z-index:10;max-width:440px;background:#fff;border:1px solid #98a1ad;border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.18);padding:10px 12px;font-size:13px;line-height:1.6}
#fz-tip .t{font-weight:700}#fz-tip .m{margin:2px 0}#fz-tip .s{color:var(--green)}#fz-tip .b{color:var(--muted)}
#fz-tip div+div{border-top:1px dashed var(--line);margin-top:6px;padding-top:6px}
.heat-wrap{overflow:auto;max-height:80vh}
table.heat{width:auto;font-size:12px}
table.heat th.rule{vertical-align:bottom;padding:4px;font-weight:500;min-width:5.5em;max-width:6.5em;line-height:1.35}
table.heat th.who{white-space:nowrap;font-weight:500;background:#fafbfc;position:sticky;left:0}
td.h,span.h{text-align:center;min-width:26px;padding:3px 5px}
.h-met{background:#c8e6c9;color:#1b5e20}.h-partial{background:#ffe29a;color:#7a4f00}.h-missing{background:#f4a6a0;color:#7f0000}.h-problem{background:#ffcc80;color:#7a3e00}.h-advice{background:#bbdefb;color:#0d47a1}.h-skipped{background:#eceff1;color:#90a4ae}
p.legend span.h{display:inline-block;border-radius:3px}
@media print{#fz-tip{display:none}.doc{max-height:none}.heat-wrap{max-height:none}}
`;

const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('fz-data').textContent);
  var tip = document.getElementById('fz-tip');
  var pinned = null;
  var current = null;
  var levels = ${JSON.stringify(LEVEL_LABELS)};
  function line(cls, text) { var p = document.createElement('p'); p.className = cls; p.textContent = text; p.style.margin = '2px 0'; return p; }
  function show(mark) {
    var boxes = mark.getAttribute('data-f').split(' ').map(function (key) {
      var f = data[key]; var box = document.createElement('div');
      box.appendChild(line('t', '[' + levels[f.level] + '] ' + f.rule + '（' + f.ruleId + '）'));
      box.appendChild(line('m', f.where + '：' + f.message));
      if (f.suggestion) box.appendChild(line('s', '建议：' + f.suggestion));
      else if (f.hint) box.appendChild(line('s', '改法：' + f.hint));
      if (f.basis) box.appendChild(line('b', '依据：' + f.basis));
      return box;
    });
    tip.replaceChildren.apply(tip, boxes);
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + 'px';
    tip.style.top = (r.bottom + window.scrollY + 6) + 'px';
    if (current) current.classList.remove('active');
    current = mark; mark.classList.add('active');
  }
  function hide() { tip.hidden = true; if (current) current.classList.remove('active'); current = null; pinned = null; }
  function markOf(node) { return node && node.closest ? node.closest('mark.fz') : null; }
  document.addEventListener('mouseover', function (e) { var m = markOf(e.target); if (m) show(m); else if (!pinned && !tip.contains(e.target)) hide(); });
  document.addEventListener('click', function (e) { var m = markOf(e.target); if (m) { show(m); pinned = m; } else if (!tip.contains(e.target)) hide(); });
  document.addEventListener('focusin', function (e) { var m = markOf(e.target); if (m) { show(m); pinned = m; } });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  function fromHash() { var el = location.hash && document.getElementById(location.hash.slice(1)); var m = markOf(el) || (el && el.nextElementSibling && markOf(el.nextElementSibling)); if (m) { show(m); pinned = m; } }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;

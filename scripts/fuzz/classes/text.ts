// Plain-text reports shaped against the built-in rules: runs that pair quotes, rates, years,
// headings and findings quadratically, a million lines, one endless line. Each is a real report
// with the shape put inside it, so the identity and section rules apply.

import { inBatch, put } from '../case-helpers.js';
import { goodReport } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';
import type { Random } from '../random.js';

/** A report with `body` inserted after one of its lines, encoded one of the ways readers accept. */
function report(random: Random, body: string): Buffer {
  const lines = goodReport(random).split('\n');
  const at = random.int(1, lines.length);
  const text = [...lines.slice(0, at), body, ...lines.slice(at)].join(random.chance(0.2) ? '\r\n' : '\n');
  const encoding = random.pick(['utf8', 'utf8', 'utf8', 'bom', 'utf16'] as const);
  if (encoding === 'utf8') return Buffer.from(text);
  if (encoding === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** A generator that repeats one of the pieces up to `max` times (scaled) and checks the report. */
function repeated(max: number, pieces: readonly string[], name: string): Generator {
  return (random, dir, scale) => {
    const count = random.size(10, Math.max(10, Math.round(max * scale)));
    const body = random.pick(pieces).repeat(count);
    return inBatch(random, dir, [put(dir, `${name}.txt`, report(random, body))]);
  };
}

const openThenClose: Generator = (random, dir, scale) => {
  const count = random.size(10, 40_000 * scale);
  const [open, close] = random.pick([
    ['“', '”'],
    ['《', '》'],
    ['（', '）'],
    ['‘', '’'],
    ['【', '】'],
    ['(', ')'],
  ] as const);
  const glue = random.pick(['', '字', '\n']);
  const body = `${`${open}${glue}`.repeat(count)}${`${close}${glue}`.repeat(count)}`;
  return inBatch(random, dir, [put(dir, 'pairs.txt', report(random, body))]);
};

const mixed: Generator = (random, dir, scale) => {
  const tokens = [
    '“',
    '”',
    '（',
    '）',
    '《',
    '》',
    '出庭应诉率',
    '100%',
    '，',
    '。',
    '\n',
    '一、',
    '（一）',
    '1.',
    '2020年',
    '2023年度',
    '截止',
    'XX',
    '×',
    '的的',
    '今年',
    '行政复议案件',
    '12件',
    '纲要（2015—2020年）',
    '法治政府建设实施纲要（2021—2025年）',
    '率',
    '%',
    '〔2021〕',
    '号',
    '  ',
    '　',
  ];
  const count = random.size(10, 400_000 * scale);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(random.pick(tokens));
  return inBatch(random, dir, [put(dir, 'mixed.txt', report(random, parts.join('')))]);
};

const longLine: Generator = (random, dir, scale) => {
  const length = random.size(1000, 3_000_000 * scale);
  const alphabet = random.pick(['法治政府建设年度报告', 'a', '1', '，', '12件，', '　']);
  const body = alphabet.repeat(Math.ceil(length / alphabet.length));
  return inBatch(random, dir, [put(dir, 'line.txt', report(random, body))]);
};

/** Hostile plain-text reports. */
export const textClass: FuzzClass = {
  name: 'text',
  shapes: {
    'open-then-close': openThenClose,
    'unclosed-quotes': repeated(200_000, ['“', '《', '（', '“字', '‘'], 'unclosed'),
    rates: repeated(100_000, ['出庭应诉率100%，', '败诉率120%，', '纠错率14.6%（6/41），', '率%'], 'rates'),
    'short-lines': repeated(1_000_000, ['一\n', 'a\n', '\n', '12件\n', '“\n'], 'lines'),
    'heading-lines': repeated(
      200_000,
      ['一、标题\n', '（一）工作\n', '1.事项\n', '第一章\n', '二、存在的不足\n'],
      'headings',
    ),
    years: repeated(
      200_000,
      ['2020年', '2015—2020年', '《法治政府建设实施纲要（2015—2020年）》', '下一年度'],
      'years',
    ),
    findings: repeated(200_000, ['截止', 'XX', '××', '待补充', '法制办', '今年', '的的', '，，'], 'findings'),
    numbers: repeated(1_000_000, ['1', '1,', '1.', '一', '万', '12件'], 'numbers'),
    whitespace: repeated(2_000_000, [' ', '\t', '　', '\r', '\u00a0'], 'blank'),
    mixed,
    'long-line': longLine,
  },
};

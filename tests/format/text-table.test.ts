import { describe, expect, it } from 'vitest';
import { drawTable } from '../../src/format/text-table.js';
import { displayWidth } from '../../src/format/text-width.js';
import { wrapClamped, wrapText } from '../../src/format/wrap-text.js';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['法治', 4],
    ['（一）', 6],
    ['“第一责任人”', 12],
    ['\u001b[31m缺失\u001b[39m', 4],
    ['𠀀', 2],
    ['é', 1],
  ])('%s → %i', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrapText', () => {
  it('wraps Chinese text by columns and keeps closing punctuation off line starts', () => {
    // “ and ” are one column wide (East Asian Ambiguous, as terminals show them in a UTF-8 locale).
    expect(wrapText('缺少“存在的不足”部分，建议增加。', 10)).toEqual([
      '缺少“存在',
      '的不足”部',
      '分，建议增',
      '加。',
    ]);
    // Width comes first: a run of closing marks that cannot fit breaks rather than overflow.
    expect(wrapText('说明，。', 4)).toEqual(['说', '明，', '。']);
    expect(wrapText('说明，。', 6)).toEqual(['说', '明，。']);
    expect(wrapText('依据：《规定》', 8)).toEqual(['依据：', '《规定》']);
    // A run of closing marks takes the character before it along; an opening quote moves down too.
    expect(wrapText('纲要（2020年）》引用', 12)).toEqual(['纲要（2020', '年）》引用']);
    expect(wrapText('序号不加“第”字', 10)).toEqual(['序号不加', '“第”字']);
  });
});

describe('wrapText keeps numbers, Latin words and ids whole', () => {
  it.each([
    ['写明“截至2020年底”。', 12, ['写明“截至', '2020年底”。']],
    ['GB/T 9704—2012《党政机关公文格式》7.2.5：', 30, ['GB/T 9704—2012《党政机关公文格', '式》7.2.5：']],
    ['增长2.5个百分点', 6, ['增长', '2.5个', '百分点']],
    ['共1,234.5万元', 10, ['共1,234.5', '万元']],
    ['出庭应诉率100%。', 12, ['出庭应诉率', '100%。']],
    ['see statutory/first-responsible now', 20, ['see statutory/first-', 'responsible now']],
    ['纲要（2015—2020年）', 12, ['纲要', '（2015—2020', '年）']],
    // The opening mark cannot take the range along without overflowing: it is left alone.
    ['纲要（2015—2020年）', 10, ['纲要', '（', '2015—2020', '年）']],
  ])('%s at %i', (text, width, expected) => {
    expect(wrapText(text, width as number)).toEqual(expected);
  });

  it('wraps the first line to one width and the others to another (hanging indents)', () => {
    expect(wrapText('一二三四五六七八九十', 8, 4)).toEqual(['一二三四', '五六', '七八', '九十']);
  });

  it('clamps to a number of lines with an ellipsis after a whole token', () => {
    expect(wrapClamped('第一二三四五六七八九十十一', 8, 2)).toEqual(['第一二三', '四五六…']);
    expect(wrapClamped('写明数据12345678', 10, 1)).toEqual(['写明数据…']);
  });
});

describe('wrapping hostile text', () => {
  it('wraps a Latin run of 400,000 characters without overflowing the stack', () => {
    const lines = wrapText('X'.repeat(400_000), 40);
    expect(lines).toHaveLength(10_000);
    expect(lines[0]).toBe('X'.repeat(40));
  });

  it('clamps a huge text to its lines, cut with an ellipsis', () => {
    expect(wrapClamped(`未写明：${'XX'.repeat(200_000)}`, 20, 2)).toEqual([
      '未写明：XXXXXXXXXXXX',
      `${'X'.repeat(19)}…`,
    ]);
    expect(wrapClamped('短', 20, 2)).toEqual(['短']);
  });
});

describe('drawTable', () => {
  it('aligns Chinese cells and draws spanning rows', () => {
    const table = drawTable(
      [4, 6],
      ['状态', '规则'],
      [{ span: '法定内容' }, { cells: [['缺失'], ['不足', '原因']] }, { cells: [['ok'], ['x']] }],
    );
    expect(table).toBe(
      [
        '┌──────┬────────┐',
        '│ 状态 │ 规则   │',
        '├──────┴────────┤',
        '│ 法定内容      │',
        '├──────┬────────┤',
        '│ 缺失 │ 不足   │',
        '│      │ 原因   │',
        '├──────┼────────┤',
        '│ ok   │ x      │',
        '└──────┴────────┘',
      ].join('\n'),
    );
    for (const line of table.split('\n')) expect(displayWidth(line)).toBe(17);
  });
});

describe('drawTable, compact', () => {
  it('draws no rule between rows of cells', () => {
    expect(
      drawTable([2, 2], ['a', 'b'], [{ cells: [['1'], ['2']] }, { cells: [['3'], ['4']] }], ['right'], true),
    ).toBe(
      ['┌────┬────┐', '│ a  │ b  │', '├────┼────┤', '│  1 │ 2  │', '│  3 │ 4  │', '└────┴────┘'].join('\n'),
    );
  });
});

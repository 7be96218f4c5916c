import { describe, expect, it } from 'vitest';
import { figurePattern, findFigures, parseChineseNumber } from '../../../src/rules/match/find-figures.js';

describe('parseChineseNumber', () => {
  it.each([
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两千三百', 2300],
    ['三万五千', 35000],
    ['一亿二千万', 120000000],
    ['〇', 0],
  ])('%s → %d', (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it.each(['万', '千百', '十二a'])('rejects %s', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('findFigures', () => {
  const units = ['件', '起', '人次', '人', '%', '元', '项'];
  const pattern = figurePattern(units);
  const values = (text: string) =>
    findFigures(text, pattern).map((f) => [f.text, f.value, f.unit, f.approximate]);

  it.each([
    ['办理复议案件12件', [['12件', 12, '件', false]]],
    [
      '培训131人次，其中科级干部106人',
      [
        ['131人次', 131, '人次', false],
        ['106人', 106, '人', false],
      ],
    ],
    ['及格率为98.78%', [['98.78%', 98.78, '%', false]]],
    ['投入100余万元', [['100余万元', 1000000, '元', true]]],
    ['发放资料2.1万余件', [['2.1万余件', 21000, '件', true]]],
    ['受理十二起案件', [['十二起', 12, '起', false]]],
    ['公开信息3,932件', [['3,932件', 3932, '件', false]]],
    ['出庭应诉率达到百分之百', [['百分之百', 100, '%', false]]],
    [
      '共3件,5件',
      [
        ['3件', 3, '件', false],
        ['5件', 5, '件', false],
      ],
    ],
  ])('%s', (text, expected) => expect(values(text)).toEqual(expected));

  it.each(['落实三项制度', '第二次会议', '2020年', '千家万户'])('no figure in %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('a unit followed by 次 counts times: 场次 is still a count of 场, 人次 is not a count of 人', () => {
    const sessions = figurePattern(['场', '人']);
    expect(
      findFigures('开展活动100余场次，参与4人次', sessions).map((f) => [f.text, f.value, f.unit]),
    ).toEqual([['100余场次', 100, '场']]);
  });

  it('prefers a longer unit from the list', () => {
    const money = figurePattern(['万元', '元']);
    expect(findFigures('资金100余万元', money).map((f) => [f.unit, f.value])).toEqual([['万元', 100]]);
  });
});

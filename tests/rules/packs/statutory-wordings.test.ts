// The statutory parts as real reports head them: every wording in these tables must be taken as
// its part by its heading (or, for content without a heading, found with half credit), and the
// wordings under "not" must not be. Reports are short invented skeletons; the part under test sits
// where real reports put it.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../../src/config/load-packs.js';
import { parseDocument } from '../../../src/parse/parse-document.js';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { runRules } from '../../../src/rules/engine/run-rules.js';
import type { RuleResult } from '../../../src/shared/results.js';

const { packs } = await readBuiltinPackFiles();
const { ruleSet } = compileRules(
  packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
  ),
);

const YEAR = 2023;
const MEASURES = '一、主要举措和成效\n全年办理行政复议案件12件。';
const SHORTCOMINGS = '二、存在的不足和原因\n执法力量不足，主要是由于编制有限。';
const PLAN = '三、下一年度主要安排\n继续推进执法规范化建设。';

function resultOf(text: string, ruleId: string, year = YEAR): RuleResult {
  const result = runRules(parseDocument(text, {}, { year }), ruleSet).find((r) => r.ruleId === ruleId);
  if (!result) throw new Error(`no result for ${ruleId}`);
  return result;
}

/** A report with `heading` (and a line of body) standing where the part belongs. */
const skeleton: Record<string, (heading: string) => string> = {
  'statutory/measures': (h) => `一、${h}\n全年办理行政复议案件12件。\n${SHORTCOMINGS}\n${PLAN}`,
  'statutory/shortcomings': (h) => `${MEASURES}\n二、${h}\n执法力量不足。\n${PLAN}`,
  'statutory/first-responsible': (h) =>
    `${MEASURES}\n${SHORTCOMINGS}\n三、${h}\n县长带头学法。\n四、下一年度主要安排\n继续推进。`,
  'statutory/next-year-plan': (h) => `${MEASURES}\n${SHORTCOMINGS}\n三、${h}\n继续推进执法规范化建设。`,
  'statutory/other': (h) => `${MEASURES}\n${SHORTCOMINGS}\n${PLAN}\n四、${h}\n无。`,
};

const WORDINGS: Record<string, readonly string[]> = {
  'statutory/measures': [
    '主要举措和成效',
    '推进法治政府建设的主要举措和成效',
    '上一年度推进法治政府建设的主要举措和成效',
    '本年度推进法治政府建设的主要举措和成效',
    '2023年度推进法治政府建设的主要举措和成效',
    '2023年推进法治政府建设的主要举措和成效',
    '主要工作及成效',
    '主要工作和成效',
    '主要做法和成效',
    '主要措施及成效',
    '工作开展情况',
    '2023年工作开展情况',
    '2023年度法治政府建设工作情况',
    '基本情况和主要成效',
    '主要工作成效',
    '工作回顾',
    '2023年主要工作',
    '2023年度重点工作',
    '主要工作',
    '2023年度推进法治政府建设的亮点工作',
  ],
  'statutory/shortcomings': [
    '存在的不足和原因',
    '上一年度推进法治政府建设存在的不足和原因',
    '2023年度推进法治政府建设存在的不足和原因',
    '2023年推进法治政府建设存在的不足和原因',
    '存在的问题',
    '存在的主要问题和不足',
    '问题和不足',
    '不足和原因',
    '短板和不足',
    '存在的困难和问题',
    '工作中存在的问题',
  ],
  'statutory/first-responsible': [
    '党政主要负责人履行推进法治建设第一责任人职责情况',
    '上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '2023年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '2023年党政主要负责人履行推进法治建设第一责任人职责情况',
    '区政府主要负责同志履行推进法治建设第一责任人职责情况',
    '主要负责人履行推进法治建设第一责任人职责情况',
    '履行推进法治建设第一责任人职责情况',
    '党政主要负责人履职情况',
  ],
  'statutory/next-year-plan': [
    '下一年度推进法治政府建设的主要安排',
    '2024年度推进法治政府建设的主要安排',
    '2024年推进法治政府建设的主要安排',
    '推进法治政府建设的主要安排',
    '下一年度主要安排',
    '下一年度工作安排',
    '下一步工作打算',
    '下一步工作计划',
    '下步工作安排',
    '今后工作打算',
    '明年工作打算',
    '2024年工作思路',
    '2024年重点工作安排',
    '2024年工作计划',
    '工作打算',
    '工作展望',
    '下一步工作',
    '2024年主要工作',
    '2024年重点工作',
  ],
  'statutory/other': ['其他需要报告的情况', '其他需要说明的事项'],
};

/** Wordings that must not be taken as the part. */
const NOT: Record<string, readonly string[]> = {
  'statutory/next-year-plan': ['2023年工作安排', '2023年工作思路', '统筹安排'],
  'statutory/measures': ['2024年主要工作', '2022年重点工作'],
};

describe('statutory parts: every supported heading wording is taken by its heading', () => {
  for (const [ruleId, wordings] of Object.entries(WORDINGS)) {
    const build = skeleton[ruleId] as (heading: string) => string;
    for (const wording of wordings) {
      it(`${ruleId}: ${wording}`, () => {
        const result = resultOf(build(wording), ruleId);
        expect(result.messageId).toBe('found');
        expect(result.status).toBe('pass');
      });
    }
  }
  for (const [ruleId, wordings] of Object.entries(NOT)) {
    const build = skeleton[ruleId] as (heading: string) => string;
    for (const wording of wordings) {
      it(`${ruleId}: not “${wording}”`, () => {
        expect(resultOf(build(wording), ruleId).messageId).not.toBe('found');
      });
    }
  }
});

describe('statutory parts: other placements and forms', () => {
  it('run-in headings: each heading shares its line with the first sentence', () => {
    const text = [
      '一、2023年度推进法治政府建设的主要举措和成效。全年办理行政复议案件12件。',
      '二、2023年度推进法治政府建设存在的不足和原因。执法力量不足，原因是编制有限。',
      '三、2023年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况。县长带头学法。',
      '四、2024年度推进法治政府建设的主要安排。继续推进执法规范化建设。',
      '五、其他需要报告的情况。无。',
    ].join('\n');
    for (const id of Object.keys(WORDINGS)) expect(resultOf(text, id).messageId, id).toBe('found');
    expect(resultOf(text, 'statutory/order').status).toBe('pass');
  });

  it('the 第一责任人 part first, then the measures, shortcomings and plan', () => {
    const text = [
      '一、党政主要负责人履行推进法治建设第一责任人职责情况',
      '局长主持召开局务会议研究法治工作3次。',
      '二、2023年推进法治政府建设的主要举措和成效',
      '办理行政复议案件12件。',
      '三、2023年推进法治政府建设存在的不足和原因',
      '执法力量不足，原因是编制有限。',
      '四、2024年推进法治政府建设的主要安排',
      '继续推进。',
    ].join('\n');
    for (const id of ['statutory/first-responsible', 'statutory/measures', 'statutory/next-year-plan'])
      expect(resultOf(text, id).messageId, id).toBe('found');
    expect(resultOf(text, 'statutory/order').status).toBe('pass');
  });

  it('a topical report with the 第一责任人 part first and no umbrella heading', () => {
    const text = [
      '一、党政主要负责人履行推进法治建设第一责任人职责情况',
      '区长带头学法。',
      '二、深化放管服改革',
      '新增一网通办事项40项。',
      '三、严格规范公正文明执法',
      '办理行政处罚案件120件。',
      '四、存在的问题',
      '执法力量不足。',
      '五、下一步工作打算',
      '继续推进。',
    ].join('\n');
    const measures = resultOf(text, 'statutory/measures');
    expect(measures.messageId).toBe('foundThematic');
    expect(measures.data).toMatchObject({ count: 2, lines: '3、5' });
  });

  it('a missing main part is suggested before the first heading, not at the end of the text', () => {
    const text = '2023年，本局高度重视法治工作。\n一、存在的问题\n执法力量不足。';
    const [finding] = resultOf(text, 'statutory/measures').findings;
    expect(finding).toMatchObject({ line: 2, messageId: 'missingWhere' });
    const bare = resultOf('本局高度重视法治工作。', 'statutory/measures').findings[0];
    expect(bare?.messageId).toBe('missingAtStart');
  });
});

describe('statutory parts: content without a heading', () => {
  const partial = (text: string, ruleId: string) => {
    const result = resultOf(text, ruleId);
    expect(result.messageId, text).toBe('noHeading');
    expect(result.status).toBe('partial');
  };

  it.each([
    '县委书记主持召开县委常委会议专题研究法治建设工作3次。',
    '区长主持召开区政府常务会议，听取区司法局关于法治政府建设情况的汇报2次。',
    '局党组书记、局长带头学法，全年开展集体学法10次。',
    '镇主要负责同志年底在县委全面依法治县委员会会议上述法。',
    '街道党工委书记亲自部署、亲自督办法治建设重点任务。',
    '镇党委书记认真履行推进法治建设第一责任人职责。',
  ])('第一责任人 content: %s', (sentence) => {
    partial(`一、主要举措和成效\n${sentence}\n${SHORTCOMINGS}\n${PLAN}`, 'statutory/first-responsible');
  });

  it.each(['城市长效管理机制不断完善，群众满意度提高。', '副主任带队开展执法检查。'])(
    'not 第一责任人 content: %s',
    (sentence) => {
      const text = `一、主要举措和成效\n${sentence}\n${SHORTCOMINGS}\n${PLAN}`;
      expect(resultOf(text, 'statutory/first-responsible').status).toBe('fail');
    },
  );

  it.each([
    '下一步，区经济发展局将继续深化改革，提升依法行政水平。',
    '2024年，我局将持续推进执法规范化建设。',
    '今后，我们将进一步加强执法队伍建设。',
  ])('plan content after the measures: %s', (sentence) => {
    partial(`一、主要举措和成效\n办理行政复议案件12件。\n${sentence}`, 'statutory/next-year-plan');
  });

  it('not plan content: an event of the next year that is not a plan', () => {
    const text = '一、主要举措和成效\n2024年1月，按照省里要求报送了年度数据。';
    expect(resultOf(text, 'statutory/next-year-plan').status).toBe('fail');
  });

  it.each([
    '一是执法力量不足；二是因机构改革，部分人员尚未到岗。',
    '基层法治宣传覆盖面不广，因人员调整，宣传队伍不够稳定。',
    '部分执法人员业务不熟，主要原因是培训不够。',
  ])('a cause is analysed: %s', (sentence) => {
    const text = `${MEASURES}\n二、存在的问题\n${sentence}\n${PLAN}`;
    expect(resultOf(text, 'statutory/shortcoming-causes').status).toBe('pass');
  });

  it.each(['执法力量不足，因此需要加强。', '坚持因地制宜，执法水平有待提高。'])(
    'no cause: %s',
    (sentence) => {
      const text = `${MEASURES}\n二、存在的问题\n${sentence}\n${PLAN}`;
      expect(resultOf(text, 'statutory/shortcoming-causes').status).toBe('fail');
    },
  );
});

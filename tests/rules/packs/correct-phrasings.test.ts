// Correct official phrasings that must draw no wording, style, noise or consistency finding: the
// set phrases of 法治政府建设 reports (invented sentences, written for this test), each checked as a
// paragraph of a 2023 county report.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../../src/config/load-packs.js';
import { parseDocument } from '../../../src/parse/parse-document.js';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { runRules } from '../../../src/rules/engine/run-rules.js';

const { packs } = await readBuiltinPackFiles();
const { ruleSet } = compileRules(
  packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
  ),
);
const PACKS = ['terms', 'style', 'noise', 'consistency'];

function findingsOf(paragraph: string, year = 2023): string[] {
  const text = `青山县人民政府关于${year}年度法治政府建设情况的报告\n一、主要举措和成效\n${paragraph}`;
  return runRules(parseDocument(text), ruleSet)
    .filter((result) => PACKS.includes(result.ruleId.split('/')[0] as string))
    .flatMap((result) => result.findings.map((f) => `${result.ruleId} ${f.excerpt}`));
}

const CORRECT = [
  '2023年，青山县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：',
  '现将有关情况报告如下。',
  '全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，配齐配强法制审核人员。',
  '维护社会主义法制统一，推进行政决策科学化、民主化、法治化。',
  '截至2023年底，全县共有律师事务所12家；申报截止日期为6月30日。',
  '召开党组织组织生活会，构建共建共享的基层治理格局，把学习成果转化为实实在在的成效。',
  '规范规范性文件制定程序，层层压实责任，做到人人参与、事事有回应。',
  '目前，全县村（社区）法律顾问覆盖率达到100%。',
  '一是健全制度机制；二是强化队伍建设；三是加强督促检查。',
  '深入实施“八五”普法规划，深化法治宣传教育，在国家宪法日集中开展宣传活动。',
  '全年开展宣传活动10余次、100余场次，覆盖群众2.1万余人，投入资金120余万元。',
  '切实加强组织领导，确实存在的困难逐项研究解决。',
  '下一步，我们将继续深化行政执法体制改革。',
  '认真贯彻《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》和《法治中国建设规划（2020—2025年）》。',
  '落实国办发〔2018〕118号文件和《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求。',
  '县长认真履行推进法治建设第一责任人职责，年终述职述法。',
  '推动行政机关负责人出庭应诉，落实“三重一大”集体决策制度。',
  '开通12345政务服务便民热线，推进“一网通办”“跨省通办”。',
  '县司法局（原县政府法制办）牵头开展规范性文件备案审查。',
  '落实“谁执法谁普法”普法责任制，培育农村“法律明白人”。',
  '全县办理行政复议案件42件，行政应诉案件31件，败诉率为6.5%。',
  '深化法治政府建设示范创建，县委全面依法治县委员会办公室加强统筹协调。',
  '修订《青山县行政规范性文件管理办法》（青政发〔2023〕7号）。',
  '（一）深化“放管服”改革，优化法治化营商环境。（责任单位：县发展改革局）',
  '印发《2023年度法治政府建设工作要点》，明确5个方面28项任务。',
];

describe('correct official phrasings draw nothing', () => {
  for (const paragraph of CORRECT) {
    it(paragraph.slice(0, 30), () => expect(findingsOf(paragraph)).toEqual([]));
  }
});

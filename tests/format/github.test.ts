import { describe, expect, it } from 'vitest';
import { command, escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { sampleRun } from '../support/sample-run.js';

describe('formatGithub', () => {
  it('prints one workflow command per finding, columns in code points, then the score', () => {
    const lines = formatGithub(sampleRun()).split('\n');
    expect(lines).toEqual([
      '::error file=报告/𠀀溪镇-2023.txt,line=5,endLine=5,col=1,endColumn=7,title=存在的不足（statutory/shortcomings）::二、下步打算（标题行）：缺少“存在的不足”：建议在本行之前增加标题%0A建议：存在的不足和原因%0A依据：《法治政府建设与责任落实督察工作规定》第二十五条',
      '::warning file=报告/𠀀溪镇-2023.txt,line=4,endLine=4,col=1,endColumn=10,title=第一责任人职责情况（statutory/first-responsible）::一、工作开展情况 › 第1段「镇党委书记带头学法，落实…」：这里写到了第一责任人履职，但没有单独标题%0A改法：单设标题写明第一责任人履职情况。%0A依据：《法治政府建设与责任落实督察工作规定》第二十五条',
      '::warning file=报告/𠀀溪镇-2023.txt,line=5,endLine=5,col=3,endColumn=5,title=规范用语（terms/wording）::二、下步打算（标题行）：“下步”应为“下一步”%0A依据：《党政机关公文格式》（GB/T 9704-2012）',
      // 溪镇 follows 𠀀 (one code point, two UTF-16 units): columns 2–4, not 3–5.
      '::warning file=报告/𠀀溪镇-2023.txt,line=1,endLine=1,col=2,endColumn=4,title=规范用语（terms/wording）::文首（标题部分）：地名"溪镇"前有生僻字, 请核对：100%25%0A依据：《党政机关公文格式》（GB/T 9704-2012）',
      '::notice file=报告/𠀀溪镇-2023.txt,line=4,endLine=4,col=31,endColumn=31,title=句末标点（style/sentence-end）::一、工作开展情况 › 第1段「镇党委书记带头学法，落实…」：此处缺少句号%0A依据：公文写作规范',
      '::notice file=报告/𠀀溪镇-2023.txt,title=fzcheck 得分::报告/𠀀溪镇-2023.txt：得分 53.7（不合格），法定缺项 1 项',
      '::warning file=报告/石桥街道%2C2022.txt,line=3,endLine=3,col=1,endColumn=10,title=存在的不足（statutory/shortcomings）::一、主要举措和成效 › 第1段「开展法治讲座12场。」：没有单独标题%0A依据：《法治政府建设与责任落实督察工作规定》第二十五条',
      '::notice file=报告/石桥街道%2C2022.txt,title=fzcheck 得分::报告/石桥街道,2022.txt：得分 77.8（合格），法定缺项 0 项',
      '::error file=报告/扫描件.pdf,title=fzcheck：无法检查::不支持的文件类型“.pdf”',
      '',
    ]);
  });

  it('escapes % CR LF in data, and also : and , in properties', () => {
    expect(escapeData('50%\r\n下一行: a,b')).toBe('50%25%0D%0A下一行: a,b');
    expect(escapeProperty('C:\\报告,2023%\n')).toBe('C%3A\\报告%2C2023%25%0A');
    expect(command('error', { file: 'a:b,c.txt', title: '标题: 一,二' }, '第一行\n第二行')).toBe(
      '::error file=a%3Ab%2Cc.txt,title=标题%3A 一%2C二::第一行%0A第二行',
    );
  });

  it('omits the column pair for a range over several lines', () => {
    const run = sampleRun();
    const file = run.files[0]!;
    const result = file.results[1]!;
    const finding = { ...result.findings[0]!, endLine: 6, endColumn: 3 };
    const single = { ...run, files: [{ ...file, results: [{ ...result, findings: [finding] }] }] };
    expect(formatGithub(single).split('\n')[0]).toMatch(
      /^::error file=报告\/𠀀溪镇-2023\.txt,line=5,endLine=6,title=/,
    );
  });
});

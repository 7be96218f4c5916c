import { describe, expect, it } from 'vitest';
import { formatCsv, quoteField } from '../../src/format/csv.js';
import { sampleRun } from '../support/sample-run.js';

/** A minimal RFC 4180 reader, to check that the output parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('formatCsv', () => {
  const csv = formatCsv(sampleRun());

  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF文件,报告单位,年度,总分,等级,规则,规则名称,类别,级别,状态,权重,得分,说明,位置,改法,依据,审阅决定',
    );
  });

  it('has one row per file × rule, and one row for a file that could not be checked', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 6 + 2 + 1);
    expect(rows.every((row) => row.length === 17)).toBe(true);
    expect(rows[4]).toEqual([
      '报告/𠀀溪镇-2023.txt',
      '𠀀溪镇',
      '2023',
      '53.7',
      '不合格',
      'terms/wording',
      '规范用语',
      '规范用语',
      '警告',
      '问题',
      '2',
      '1',
      '2 处用语不规范\n“下步”应为“下一步”\n地名"溪镇"前有生僻字, 请核对：100%',
      '二、下步打算（标题行）（第5行）；文首（标题部分）（第1行）',
      '',
      '《党政机关公文格式》（GB/T 9704-2012）',
      '',
    ]);
    expect(rows[7]![0]).toBe('报告/石桥街道,2022.txt');
    expect(rows[9]).toEqual([
      '报告/扫描件.pdf',
      ...Array(7).fill(''),
      '错误',
      '无法检查',
      '',
      '',
      '不支持的文件类型“.pdf”',
      '',
      '',
      '',
      '',
    ]);
  });

  it('quotes exactly the fields RFC 4180 requires', () => {
    const lines = csv.split('\r\n');
    expect(lines[4]).toBe(
      '报告/𠀀溪镇-2023.txt,𠀀溪镇,2023,53.7,不合格,terms/wording,规范用语,规范用语,警告,问题,2,1,"2 处用语不规范\n“下步”应为“下一步”\n地名""溪镇""前有生僻字, 请核对：100%",二、下步打算（标题行）（第5行）；文首（标题部分）（第1行）,,《党政机关公文格式》（GB/T 9704-2012）,',
    );
    expect(quoteField('普通文字')).toBe('普通文字');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('说"好"')).toBe('"说""好"""');
    expect(quoteField('一\r\n二')).toBe('"一\r\n二"');
  });
});

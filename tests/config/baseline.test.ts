import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineOf, baselineText, parseBaseline } from '../../src/config/baseline.js';
import type { FileResult, Finding } from '../../src/shared/results.js';
import { sampleRun } from '../support/sample-run.js';

/** The sample's first file with every finding changed by `change`. */
function changed(change: (finding: Finding) => Finding): FileResult[] {
  const file = sampleRun().files[0] as FileResult;
  return [{ ...file, results: file.results.map((r) => ({ ...r, findings: r.findings.map(change) })) }];
}

function known(files: FileResult[]): (boolean | undefined)[] {
  const baseline = parseBaseline(baselineText(baselineOf(changed((finding) => finding))));
  return applyBaseline(files, baseline).flatMap((file) =>
    file.results.flatMap((result) => result.findings.map((finding) => finding.baseline)),
  );
}

describe('baseline keys', () => {
  it('know every finding of the same text', () => {
    expect(known(changed((finding) => finding))).toEqual([true, true, true, true, true]);
  });

  it('ignore lines, line numbers in data and the number of a part', () => {
    const moved = changed((finding) => ({
      ...finding,
      line: finding.line + 7,
      data: { ...finding.data, line: 99 },
      message: finding.message.replace(/第\d+行/g, '第99行'),
      location: {
        ...finding.location,
        part: finding.location.part?.replace(/^一、/, '三、').replace(/^二、/, '四、') ?? null,
      },
    }));
    expect(known(moved)).toEqual([true, true, true, true, true]);
  });

  it('tell a problem with other words apart, and one in another part', () => {
    const file = sampleRun().files[0] as FileResult;
    const wording = file.results.findIndex((result) => result.ruleId === 'terms/wording');
    const edited = changed((finding) =>
      finding.ruleId === 'terms/wording' && finding.excerpt === '下步'
        ? { ...finding, excerpt: '下步骤', location: { ...finding.location, part: '五、其他' } }
        : finding,
    );
    expect(wording).toBeGreaterThan(0);
    expect(known(edited)).toEqual([true, true, false, true, true]);
  });

  it('rejects files that are not a baseline', () => {
    expect(() => parseBaseline('[]')).toThrow('不是 fzcheck 的基线文件');
    expect(() => parseBaseline('{"version":1,"files":{"a":[{"ruleId":1}]}}')).toThrow('“a”的记录格式不对');
  });
});

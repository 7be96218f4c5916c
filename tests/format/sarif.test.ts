import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatSarif, toUri } from '../../src/format/sarif.js';
import { expectGoldenText } from '../support/golden-text.js';
import { sampleRun } from '../support/sample-run.js';

// Both packages are CommonJS with a `default` export that NodeNext typing does not see through.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/schemas/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
) as object;

function validator() {
  // The official schema's `language` pattern is not valid in Unicode mode (an unmatched bracket).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('formatSarif', () => {
  const text = formatSarif(sampleRun());
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0]!;

  it('is valid against the SARIF 2.1.0 schema', () => {
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects what the schema rejects (the validator is live)', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('declares code-point columns and describes every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.tool.driver.name).toBe('fzcheck');
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual([
      'statutory/measures',
      'statutory/shortcomings',
      'statutory/first-responsible',
      'terms/wording',
      'style/sentence-end',
      'statutory/deadline',
    ]);
    expect(run.tool.driver.rules?.[1]).toEqual({
      id: 'statutory/shortcomings',
      name: 'statutory/shortcomings',
      shortDescription: { text: '存在的不足' },
      fullDescription: { text: '《法治政府建设与责任落实督察工作规定》第二十五条' },
      help: { text: '单设一部分写明存在的不足，如“二、存在的不足和原因”。' },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'statutory' },
    });
  });

  it('gives each finding its level, message and code-point region', () => {
    expect(run.results?.map((result) => [result.ruleId, result.level])).toEqual([
      ['statutory/shortcomings', 'error'],
      ['statutory/first-responsible', 'warning'],
      ['terms/wording', 'warning'],
      ['terms/wording', 'warning'],
      ['style/sentence-end', 'note'],
      ['statutory/shortcomings', 'warning'],
    ]);
    const afterAstral = run.results![3]!;
    expect(afterAstral.message.text).toBe('规范用语：地名"溪镇"前有生僻字, 请核对：100%');
    expect(afterAstral.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: '%E6%8A%A5%E5%91%8A/%F0%A0%80%80%E6%BA%AA%E9%95%87-2023.txt' },
          region: { startLine: 1, startColumn: 2, endLine: 1, endColumn: 4 },
        },
        logicalLocations: [{ name: '文首（标题部分）', fullyQualifiedName: '正文', kind: 'element' }],
      },
    ]);
    expect(run.results![0]!.message.text).toBe(
      '存在的不足：缺少“存在的不足”：建议在本行之前增加标题\n建议：存在的不足和原因',
    );
  });

  it('has distinct, stable partial fingerprints', () => {
    const prints = run.results!.map((result) => result.partialFingerprints?.['fzcheckFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    expect(formatSarif(sampleRun())).toBe(text);
    // A finding keeps its fingerprint when text above it moves it to another line.
    const moved = sampleRun();
    const file = moved.files[0]!;
    const shifted = file.results.map((result) => ({
      ...result,
      findings: result.findings.map((finding) => ({
        ...finding,
        line: finding.line + 3,
        endLine: finding.endLine + 3,
      })),
    }));
    const again = JSON.parse(
      formatSarif({ ...moved, files: [{ ...file, results: shifted }, ...moved.files.slice(1)] }),
    ) as Sarif.Log;
    expect(again.runs[0]!.results!.map((result) => result.partialFingerprints)).toEqual(
      run.results!.map((result) => result.partialFingerprints),
    );
  });

  it('reports an unreadable file as a tool execution notification', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: '报告/扫描件.pdf：不支持的文件类型“.pdf”' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: '%E6%8A%A5%E5%91%8A/%E6%89%AB%E6%8F%8F%E4%BB%B6.pdf' },
                },
              },
            ],
            descriptor: { id: 'unsupported-format' },
          },
        ],
      },
    ]);
  });

  it('turns paths into URI references', () => {
    expect(toUri('docs/a b.txt')).toBe('docs/a%20b.txt');
    expect(toUri('reports\\县.txt')).toBe('reports/%E5%8E%BF.txt');
    expect(toUri('/srv/报告.txt')).toBe('file:///srv/%E6%8A%A5%E5%91%8A.txt');
    expect(toUri('C:\\data\\a.txt')).toBe('file:///C:/data/a.txt');
  });

  it('matches the golden file', () => {
    expectGoldenText(new URL('golden/sample.sarif', import.meta.url), text);
  });
});

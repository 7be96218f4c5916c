// A cut with the tiny per-text dictionary must equal jieba's cut with its full dictionary, on
// every line of every fixture report and input, the real report, and some hard cases.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryIndex } from '../../src/segment/dictionary-index.js';
import { jiebaFor } from '../../src/segment/jieba.js';
import { createLexicon } from '../../src/segment/lexicon.js';
import { foldString } from '../../src/text/fold-text.js';

const index = dictionaryIndex();

function corpus(): string[] {
  const lines: string[] = [];
  for (const dir of ['../../fixtures/reports/', '../../fixtures/inputs/']) {
    const url = new URL(dir, import.meta.url);
    for (const name of readdirSync(url).filter((n) => n.endsWith('.txt') && !n.includes('gbk'))) {
      lines.push(...readFileSync(new URL(name, url), 'utf8').split('\n'));
    }
  }
  const seed = new URL('../../../shared/seed/xinpu-2020-report.txt', import.meta.url);
  if (existsSync(seed)) lines.push(...readFileSync(seed, 'utf8').split('\n'));
  lines.push(
    '在办公示范区开展执法公示，落实行政执法三项制度。',
    '依法治国，研究研究，2.1万余件，4S店，ABC123法治政府建设实施纲要（2015—2020年）',
    '严格落实年度考核制度，加强结果运用',
    '南京市长江大桥，结婚的和尚未结婚的，乒乓球拍卖完了',
  );
  return [...new Set(lines.map((line) => foldString(line)).filter((line) => line.length > 0))];
}

describe.skipIf(!index)('light cut with a tiny dictionary', () => {
  it('equals the full jieba cut on every line', () => {
    const { Jieba } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const lines = corpus();
    const lexicon = createLexicon();
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const light = Jieba.withDict(Buffer.from(index?.tinyDictionary(line) ?? '')).cut(line, false);
      expect(light, line).toEqual(jiebaFor(lexicon).cut(line, false));
    }
  });

  it('finds every dictionary word occurring in a text', () => {
    const words = index?.wordsIn('行政执法三项制度') ?? new Map();
    for (const word of ['行政', '执法', '行政执法', '三项制度', '行政执法三项制度', '制度'])
      expect(words.has(word)).toBe(true);
    expect(index?.total).toBeGreaterThan(60_000_000);
  });
});

describe('a cold check of one report', () => {
  it('does not load the full dictionary', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      const { loadRules } = await import('./dist/config/load-packs.js');
      const { checkInput } = await import('./dist/pipeline/check-input.js');
      const { isJiebaLoaded } = await import('./dist/segment/jieba.js');
      const { ruleSet } = await loadRules();
      const text = '一、主要举措和成效\\n严格落实年度考\\n\\n核制度。\\n在办公示范区开展执法公示。';
      const result = await checkInput({ name: 'x.txt', bytes: Buffer.from(text) }, ruleSet, { maxBytes: 1e6 });
      const broken = result.results.find((r) => r.ruleId === 'style/sentence-end').findings.map((f) => f.message);
      console.log(JSON.stringify({ loaded: isJiebaLoaded(ruleSet.lexicon), broken }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../../', import.meta.url),
      encoding: 'utf8',
    });
    const outcome = JSON.parse(run.stdout);
    expect(outcome.broken[0]).toMatch(/“考核制度”一词中间断开/);
    expect(outcome.loaded).toBe(false);
  });
});

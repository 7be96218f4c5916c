// A cut with the light jieba (its dictionary growing with the words of each text) must equal
// jieba's cut with its full dictionary, on every line of every fixture report and input, the real
// report, and some hard cases, cut one after another as a batch cuts them.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryIndex } from '../../src/segment/dictionary-index.js';
import { cutWords, isJiebaLoaded, jiebaFor } from '../../src/segment/jieba.js';
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
  // The real pages' openings, when they are there (not in a clean clone).
  const openings = new URL('../../../shared/corpus/openings/', import.meta.url);
  if (existsSync(openings)) {
    for (const name of readdirSync(openings).filter((n) => n.endsWith('.txt')))
      lines.push(...readFileSync(new URL(name, openings), 'utf8').split('\n'));
  }
  lines.push(
    '在办公示范区开展执法公示，落实行政执法三项制度。',
    '依法治国，研究研究，2.1万余件，4S店，ABC123法治政府建设实施纲要（2015—2020年）',
    '严格落实年度考核制度，加强结果运用',
    '南京市长江大桥，结婚的和尚未结婚的，乒乓球拍卖完了',
  );
  return [...new Set(lines.map((line) => foldString(line)).filter((line) => line.length > 0))];
}

describe.skipIf(!index)('light cut with a growing dictionary', () => {
  it('equals the full jieba cut on every line', () => {
    const lines = corpus();
    const fullLexicon = createLexicon();
    const lightLexicon = createLexicon(); // another lexicon object: no full dictionary for it
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const light = cutWords(line, lightLexicon, { lightChars: 0 });
      expect(light, line).toEqual(jiebaFor(fullLexicon).cut(line, false));
    }
    expect(isJiebaLoaded(lightLexicon)).toBe(false);
  });

  it('a word loaded again with another frequency replaces it in the total', () => {
    const { Jieba } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // 甲乙 against 甲 + 乙: one word wins while the total is over 10⁵, two words below.
    const jieba = new Jieba();
    jieba.loadDict(Buffer.from('甲乙 10\n甲 1000\n乙 1000\n\uE000\uE001 10000000'));
    expect(jieba.cut('甲乙', false)).toEqual(['甲乙']);
    jieba.loadDict(Buffer.from('\uE000\uE001 1'));
    expect(jieba.cut('甲乙', false)).toEqual(['甲', '乙']);
  });

  it('a document that keeps cutting switches to the full dictionary', () => {
    const lexicon = createLexicon();
    const tally = { lightChars: 24_999 };
    cutWords('行政执法', lexicon, tally);
    expect(isJiebaLoaded(lexicon)).toBe(false);
    expect(tally.lightChars).toBe(25_003);
    expect(cutWords('行政执法', lexicon, tally)).toEqual(jiebaFor(createLexicon()).cut('行政执法', false));
    expect(isJiebaLoaded(lexicon)).toBe(true);
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

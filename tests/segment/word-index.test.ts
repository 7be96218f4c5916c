import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaryLexicon, isEndCertain, isStartCertain } from '../../src/segment/boundary-lexicon.js';
import { createLexicon } from '../../src/segment/lexicon.js';
import { segmentBoundaries, WordIndex } from '../../src/segment/word-index.js';
import { foldString } from '../../src/text/fold-text.js';
import { sharedPath } from '../support/shared-path.js';

describe('WordIndex.isWordAt', () => {
  const cases: Array<[string, string, boolean]> = [
    ['在办公示范区开展活动', '公示', false],
    ['开展执法公示活动', '执法公示', true],
    ['全面落实行政执法三项制度', '三项制度', true],
    ['重大执法决定法制审核制度', '法制审核', true],
    ['推进法治政府建设', '法治政府', true],
    ['依法治国', '法治', false],
  ];
  it.each(cases)('%s / %s → %s', (text, term, expected) => {
    const index = new WordIndex(text, createLexicon());
    const at = text.indexOf(term);
    expect(index.isWordAt(at, at + term.length)).toBe(expected);
  });
});

// Cutting only the piece between separators around a position must give the whole line's answer.
describe('boundaries from pieces between separators', () => {
  const texts = readdirSync(new URL('../../fixtures/reports/', import.meta.url))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8'));
  const seed = sharedPath('seed/xinpu-2020-report.txt');
  if (seed) texts.push(readFileSync(seed, 'utf8'));
  texts.push(
    '2.1万余件(占35.6%),A-B类;C&D#1_x。〇〇七年、々“引号”《书名》【括号】——破折号…省略号·间隔 空格\t制表',
    '南京市长江大桥，结婚的和尚未结婚的；乒乓球拍卖完了！研究研究？',
  );

  it('equal the whole line cut at every position of every line', () => {
    const lexicon = createLexicon();
    let checked = 0;
    for (const text of texts.map(foldString)) {
      for (const line of new Set(text.split('\n'))) {
        const whole = segmentBoundaries(line, lexicon);
        const index = new WordIndex(line, lexicon);
        for (let at = 0; at <= line.length; at++) {
          if (index.isBoundaryAt(at) !== whole.has(at)) expect.fail(`${at} in ${line}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

// The boundary lexicon may only say "certainly a boundary" where jieba agrees.
describe('boundary lexicon agrees with jieba', () => {
  const lexicon = boundaryLexicon();
  const texts = readdirSync(new URL('../../fixtures/reports/', import.meta.url))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8'));
  const seed = new URL('../../../shared/seed/xinpu-2020-report.txt', import.meta.url);
  if (existsSync(seed)) texts.push(readFileSync(seed, 'utf8'));
  texts.push(
    '在办公示范区开展执法公示，全过程记录仪器，法制审核员，三项制度化建设，执法公示栏，行政执法公示制度，重大执法决定法制审核办法。',
  );

  it.skipIf(!lexicon)('on every occurrence of every lexicon term in the fixtures', () => {
    let checked = 0;
    for (const text of texts.map(foldString)) {
      for (const line of text.split('\n')) {
        let boundaries: ReadonlySet<number> | null = null;
        for (const [term, crossers] of Object.entries(lexicon?.terms ?? {})) {
          for (let at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + 1)) {
            const end = at + term.length;
            boundaries ??= segmentBoundaries(line, createLexicon());
            if (isStartCertain(line, at, crossers.start))
              expect(boundaries.has(at), `${term} start in ${line}`).toBe(true);
            if (isEndCertain(line, end, crossers.end))
              expect(boundaries.has(end), `${term} end in ${line}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

// A simplified-character view of a traditional-character text (reposts, big5 gateways), one
// character for one, so that every offset of the view is an offset of the original and the folded
// text's maps hold for both. OpenCC (opencc-js) is loaded only for a text that is traditional:
// most reports are not, and its dictionaries cost about 60 ms to build.

import { createRequire } from 'node:module';

// Characters that are frequent in reports and exist only in traditional writing; their simplified
// forms are different code points, so a simplified text never contains them. A table by UTF-16
// unit (all of them are in the BMP): one lookup a character.
const IS_TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const ch of '國會為與說發區縣關於報設經們時對開來書長門實現體員問這進過還議機動規範審頒嚴權責務點覽專條傳統處據學習貫徹黨總職黃鄉鎮辦廳執導幹級類號質環題產務衛廣視計劃論認')
  IS_TRADITIONAL_ONLY[ch.charCodeAt(0)] = 1;
const SAMPLE = 3000;
const MIN_HITS = 4;

/** Whether a text is written in traditional characters (looks at its first few thousand characters). */
export function isTraditional(text: string): boolean {
  let hits = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    if (IS_TRADITIONAL_ONLY[text.charCodeAt(i)] === 1 && ++hits >= MIN_HITS) return true;
  }
  return false;
}

type Convert = (text: string) => string;
let converter: Convert | null = null;

function loadConverter(): Convert {
  if (!converter) {
    const require = createRequire(import.meta.url);
    const opencc = require('opencc-js/t2cn') as {
      Converter: (options: { from: string; to: string }) => Convert;
    };
    converter = opencc.Converter({ from: 't', to: 'cn' });
  }
  return converter;
}

/**
 * The text with traditional characters replaced by simplified ones, of the same length; null when
 * the text is not traditional. A line whose phrase conversion would change its length is
 * converted one character at a time, and a character whose conversion is not one UTF-16 unit
 * stays as it is.
 */
export function simplifiedView(text: string): string | null {
  if (!isTraditional(text)) return null;
  const convert = loadConverter();
  return text
    .split('\n')
    .map((line) => {
      const whole = convert(line);
      if (whole.length === line.length) return whole;
      let out = '';
      for (const ch of line) {
        const one = convert(ch);
        out += one.length === ch.length ? one : ch;
      }
      return out;
    })
    .join('\n');
}

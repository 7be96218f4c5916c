// The import rules of src/ (README, 代码结构): layers point one way, formatters see only the
// result types, and no module imports itself through others.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/** Layers from the bottom up: a module may import its own layer and the ones before it. */
const LAYERS = [
  'shared',
  'text',
  'load',
  'parse',
  'segment',
  'rules',
  'score',
  'config',
  'pipeline',
  'serve',
  'cli',
];

/** Layers with a narrower allowance than their position. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  format: ['shared', 'format'], // formatters see only the result types
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specs.map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] as string;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('src/ layout', () => {
  it('has every top folder in a layer', () => {
    const folders = new Set(files.map(layerOf));
    for (const folder of folders) expect([...LAYERS, ...Object.keys(ALLOWED)]).toContain(folder);
  });

  it('imports only downwards', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const to = layerOf(target);
        const allowed = ALLOWED[from]
          ? ALLOWED[from].includes(to)
          : to === 'format'
            ? from === 'cli' || from === 'serve'
            : LAYERS.indexOf(to) <= LAYERS.indexOf(from);
        if (!allowed) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

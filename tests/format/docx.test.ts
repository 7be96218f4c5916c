// The annotated Word file: one comment per remaining finding, by fzcheck, anchored on the text the
// finding is about (the whole paragraph for a finding about something missing), the input never
// touched and every other part of a .docx copied byte for byte; comments already in the file are
// kept. LibreOffice must open the result and see the same comments on the same text.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/load-source.js';
import { hasCommand } from '../support/has-command.js';
import { ROOT, runCli } from '../support/run-cli.js';

const hasSoffice = hasCommand('soffice');

interface JsonFinding {
  line: number;
  offset: number;
  endOffset?: number;
  endColumn: number;
  column: number;
  endLine: number;
  message: string;
}
interface JsonFile {
  results: Array<{ status: string; findings: JsonFinding[] }>;
}

/** Runs check with -f docx and -f json in a folder holding a copy of the fixture. */
function annotate(fixture: string): { dir: string; input: string; docx: Uint8Array; json: JsonFile } {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-docx-'));
  // The output may not overwrite its input (issue 11): an annotated copy is read under another name.
  const base = fixture.split('/').at(-1)!;
  const name = base === '批注版.docx' ? '已批注.docx' : base;
  const input = join(dir, name);
  copyFileSync(isAbsolute(fixture) ? fixture : join(ROOT, fixture), input);
  const run = runCli(['check', name, '-f', 'docx=批注版.docx', '-f', 'json=out.json'], { cwd: dir });
  expect(run.stderr).toBe('');
  return {
    dir,
    input,
    docx: readFileSync(join(dir, '批注版.docx')),
    json: JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files[0],
  };
}

function remaining(json: JsonFile): JsonFinding[] {
  return json.results
    .filter((result) => result.status !== 'pass' && result.status !== 'skip')
    .flatMap((result) => result.findings);
}

/** The text each comment id covers in document.xml, in the order the comments start. */
function anchoredTexts(documentXml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  const texts = new Map<string, string>();
  const open = new Set<string>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const id = element.getAttribute('w:id') ?? '';
      if (element.nodeName === 'w:commentRangeStart') {
        open.add(id);
        texts.set(id, '');
      } else if (element.nodeName === 'w:commentRangeEnd') open.delete(id);
      else if (element.nodeName === 'w:t' || element.nodeName === 'w:tab') {
        const text = element.nodeName === 'w:t' ? (element.textContent ?? '') : '\t';
        for (const at of open) texts.set(at, (texts.get(at) ?? '') + text);
      } else walk(element);
    }
  };
  walk(doc.documentElement as Element);
  return texts;
}

/** What a finding's comment should cover: its own text, or its whole line when it is empty. */
function expectedAnchor(text: string, finding: JsonFinding): string {
  const lines = text.split('\n');
  if (finding.line === finding.endLine && finding.column === finding.endColumn)
    return lines[finding.line - 1]!;
  const chars = [...lines[finding.line - 1]!];
  if (finding.line === finding.endLine)
    return chars.slice(finding.column - 1, finding.endColumn - 1).join('');
  return [
    chars.slice(finding.column - 1).join(''),
    ...lines.slice(finding.line, finding.endLine - 1),
    [...lines[finding.endLine - 1]!].slice(0, finding.endColumn - 1).join(''),
  ].join('');
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The comments LibreOffice sees: [anchored text, comment text] per annotation. */
function libreOfficeComments(dir: string, docx: string): string[][] {
  execFileSync('soffice', ['--headless', '--convert-to', 'odt', '--outdir', dir, docx], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const content = strFromU8(unzipSync(readFileSync(docx.replace(/\.docx$/, '.odt')))['content.xml']!);
  const doc = new DOMParser().parseFromString(content, 'text/xml');
  const open = new Map<string, string>();
  const done: string[][] = [];
  const comments = new Map<string, string>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        for (const [name, text] of open) open.set(name, text + (child.nodeValue ?? ''));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.nodeName === 'office:annotation') {
        const name = element.getAttribute('office:name') ?? '';
        const paragraphs = element.getElementsByTagName('text:p');
        comments.set(
          name,
          Array.from({ length: paragraphs.length }, (_, i) => paragraphs.item(i)?.textContent ?? '').join(
            '\n',
          ),
        );
        open.set(name, '');
      } else if (element.nodeName === 'office:annotation-end') {
        const name = element.getAttribute('office:name') ?? '';
        done.push([open.get(name) ?? '', comments.get(name) ?? '']);
        open.delete(name);
      } else walk(element);
    }
  };
  walk(doc.documentElement as Element);
  return done;
}

describe('annotated Word file (-f docx=)', () => {
  it('copies a .docx with one comment per finding on its text, the rest byte for byte', async () => {
    const fixture = 'fixtures/inputs/qinghe-sfj-2021.docx';
    const original = readFileSync(join(ROOT, fixture));
    const { input, docx, json, dir } = annotate(fixture);
    expect(sha(readFileSync(input))).toBe(sha(original));

    const before = unzipSync(original);
    const after = unzipSync(docx);
    const changed = ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'];
    for (const [name, bytes] of Object.entries(before))
      if (!changed.includes(name)) expect(sha(after[name]!), name).toBe(sha(bytes));
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'word/comments.xml'].sort());
    expect(strFromU8(after['[Content_Types].xml']!)).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
    expect(strFromU8(after['word/_rels/document.xml.rels']!)).toContain('Target="comments.xml"');

    const findings = remaining(json);
    const comments = strFromU8(after['word/comments.xml']!);
    expect(comments.match(/<w:comment /g)).toHaveLength(findings.length);
    expect(comments.match(/w:author="fzcheck"/g)).toHaveLength(findings.length);
    // Removing the comment marks gives back the document's text as it was.
    const text = (await loadFile(input, { maxBytes: 1 << 24 })).text;
    const anchors = [...anchoredTexts(strFromU8(after['word/document.xml']!)).values()];
    const sorted = [...findings].sort((a, b) => a.offset - b.offset);
    expect(anchors).toHaveLength(findings.length);
    // Comments start in text order, but several starting at one point start in reverse order.
    expect(anchors.slice().sort()).toEqual(sorted.map((finding) => expectedAnchor(text, finding)).sort());

    if (hasSoffice) {
      const seen = libreOfficeComments(dir, join(dir, '批注版.docx'));
      expect(seen).toHaveLength(findings.length);
      expect(seen.map(([anchor]) => anchor).sort()).toEqual(anchors.slice().sort());
      for (const [, comment] of seen)
        expect(comment).toMatch(
          /^【(错误|警告|提示)】.+：.+\n(建议：.+\n)?(依据：.+\n)?规则：[a-z0-9-]+\/[a-z0-9-]+$/s,
        );
    }
  }, 180_000);

  it('makes a new .docx of a text report, headings styled, with the comments on it', () => {
    const fixture = 'fixtures/reports/head-signature-date-street-2024.txt';
    const { docx, json, dir } = annotate(fixture);
    const text = readFileSync(join(ROOT, fixture), 'utf8');
    const parts = unzipSync(docx);
    const documentXml = strFromU8(parts['word/document.xml']!);
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    const findings = remaining(json);
    const anchors = [...anchoredTexts(documentXml).values()];
    expect(anchors.slice().sort()).toEqual(findings.map((finding) => expectedAnchor(text, finding)).sort());
    if (hasSoffice) expect(libreOfficeComments(dir, join(dir, '批注版.docx'))).toHaveLength(findings.length);
  }, 180_000);

  it('keeps the comments a file already has, with ids of its own for the new ones', () => {
    const first = annotate('fixtures/inputs/qinghe-sfj-2021.docx');
    const again = annotate(join(first.dir, '批注版.docx'));
    const comments = strFromU8(unzipSync(again.docx)['word/comments.xml']!);
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((match) => match[1]);
    const count = remaining(first.json).length;
    expect(ids).toHaveLength(2 * count);
    expect(new Set(ids).size).toBe(2 * count);
  }, 180_000);
});

// Helpers of the hardening tests: the corpus texts to damage, the invariants every finding and fix
// must keep, and an apply of edits written independently of the engine's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Range } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../../engine';
import { base, type Files } from '../support/memoryCorpus';
import { realCorpusRoot } from '../support/realCorpus';

/** The Markdown files under `docs/` of a corpus root on disk, as text. */
export function filesOnDisk(root: string): Files {
  const files: Files = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'docs'));
  return files;
}

/** The paths of the files under `docs/` that are not pages (images, PDFs): body links lead there too. */
export function otherFilesOnDisk(root: string): string[] {
  const paths: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !entry.name.endsWith('.md')) paths.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'docs'));
  return paths;
}

/** The real corpus when it is there, else the base fixture of the in-memory corpus; and which it is. */
export function fuzzCorpus(): { files: Files; source: string } {
  return realCorpusRoot ? { files: filesOnDisk(realCorpusRoot), source: 'the real corpus' } : { files: { ...base }, source: 'the memoryCorpus base fixture (real corpus absent)' };
}

/** Offsets where LSP lines start: `\r\n`, `\r` and `\n` all end a line, as the protocol says. */
export function lspLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0d || c === 0x0a) starts.push(i + 1);
  }
  return starts;
}

/** Length of an LSP line without its line break. */
function lineLength(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 0x0a) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 0x0d) end--;
  return end - starts[line];
}

/** Why a range is not a range inside `text` (as an LSP client reads positions), or undefined. */
export function rangeProblem(text: string, range: Range, starts = lspLineStarts(text)): string | undefined {
  for (const [name, position] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return `${name} is not integral: ${JSON.stringify(position)}`;
    if (position.line < 0 || position.line >= starts.length) return `${name} line ${position.line} outside 0..${starts.length - 1}`;
    const length = lineLength(text, starts, position.line);
    if (position.character < 0 || position.character > length) return `${name} character ${position.character} outside 0..${length} on line ${position.line}`;
  }
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return before ? undefined : `start after end: ${JSON.stringify(range)}`;
}

/** Checks that every finding's range lies in its document, and every fix's edits in theirs, without overlapping. */
export function assertFindingsWellFormed(findings: readonly Finding[], textOf: (path: string) => string | undefined): void {
  const startsOf = new Map<string, number[]>();
  for (const finding of findings) {
    const text = textOf(finding.path);
    assert.ok(text !== undefined, `finding ${finding.code} on ${finding.path}, which is not in the corpus`);
    if (!startsOf.has(finding.path)) startsOf.set(finding.path, lspLineStarts(text));
    const problem = rangeProblem(text, finding.range, startsOf.get(finding.path));
    assert.equal(problem, undefined, `${finding.code} at ${JSON.stringify(finding.range)} in ${finding.path}: ${problem}`);
    for (const fix of finding.fixes) {
      const byPath = new Map<string, TextEdit[]>();
      for (const edit of fix.edits) {
        const target = textOf(edit.path);
        assert.ok(target !== undefined, `fix '${fix.title}' of ${finding.code} edits ${edit.path}, which is not in the corpus`);
        assert.ok(
          Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= target.length,
          `fix '${fix.title}' of ${finding.code}: edit [${edit.start}, ${edit.end}) outside ${edit.path} (length ${target.length})`,
        );
        byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
      }
      for (const [path, edits] of byPath) {
        const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          assert.ok(a.end <= b.start && !(a.start === b.start), `fix '${fix.title}' of ${finding.code}: edits [${a.start},${a.end}) and [${b.start},${b.end}) overlap in ${path}`);
        }
      }
      if (fix.rename) assert.ok(textOf(fix.rename.from) !== undefined, `fix '${fix.title}' renames ${fix.rename.from}, which is not in the corpus`);
    }
  }
}

/** Applies non-overlapping edits front to back (written apart from the engine's applyEdits, to compare). */
export function applyInOrder(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    assert.ok(edit.start >= at, `edits overlap at ${edit.start}`);
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Where an offset of the text before the edits lands after them (an offset inside a replaced span goes to its start). */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (offset < edit.start || (edit.start === edit.end && offset === edit.start)) break;
    if (offset < edit.end) return edit.start + shift;
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return offset + shift;
}

/** A `[path, line, code]` view of findings for messages. */
export function show(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`));
}

/** Times one call; the bound the hostile-input tests assert is per file, parse and check together. */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

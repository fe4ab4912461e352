// Property and fuzz tests of the engine (issue 6): damaged corpus files and random bytes never make
// parseDocument, checkDocument or the language features throw; every finding and fix stays inside its
// document; a safe fix removes its finding; applying every safe fix reaches a fixpoint and changes no
// text outside its edits. Seeded, so a failure is reproducible: fast-check prints the seed and path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  applyEdits,
  checkDocument,
  type Corpus,
  defaultSchema,
  type Finding,
  type Fix,
  MemoryFileSystem,
  type ParsedDocument,
  parseDocument,
  selectSafeFixes,
  type TextEdit,
} from '../../engine';
import { findDirectives } from '../../engine/parsing/directives';
import { complete } from '../../server/src/languageFeatures/completion';
import { hover } from '../../server/src/languageFeatures/hover';
import { definition, documentLinks, prepareRename, references } from '../../server/src/languageFeatures/navigation';
import { CorpusRoot } from '../../server/src/workspace/corpusWorkspace';
import { memoryCorpus } from '../support/memoryCorpus';
import { applyInOrder, assertFindingsWellFormed, fuzzCorpus, mapOffset, show } from './support';

const seed = 20_240_606;
/** Runs per property: six properties of numRuns runs each. */
const numRuns = 2000;
const params = { seed, numRuns, includeErrorInReport: true };

const { files, source } = fuzzCorpus();
const schema = defaultSchema;
const corpus = memoryCorpus(files, schema);
const paths = Object.keys(files).sort();
// Content documents carry the rules; other pages get a share too.
const targets = [...paths.filter((path) => corpus.get(path)?.type), ...paths.filter((path) => !corpus.get(path)?.type).slice(0, 10)];
// A workspace root over the in-memory corpus, for the navigation features.
const root = new CorpusRoot('/fuzz-root', new MemoryFileSystem(files), schema, {});
(root as { corpus: Corpus }).corpus = corpus;

// ---------------------------------------------------------------------------------------------
// mutations

const tokens = [
  '---',
  '---\n',
  '\n---\n',
  '--- \r\n',
  ':',
  ': ',
  '::',
  '-',
  '- ',
  '\n- ',
  '\t',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\uFEFF',
  '"',
  "'",
  '`',
  '```\n',
  '~~~\n',
  '<!--',
  '-->',
  '<!-- tags -->',
  '<!-- list_maatregelen vereiste/',
  ' no-search -->',
  '<!-- list_vereisten onderwerp/x -->',
  '<!-- list_ -->',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '? ',
  '|',
  '>',
  '#',
  '%YAML 1.2\n',
  '\\',
  '\u0000',
  '\u2028',
  '\uD83D',
  '\uDE00',
  'title: ',
  'id: urn:nl:ak:ver:',
  'vereiste:\n- ',
  'levenscyclus: ',
  'toelichting: ',
  'é',
  '😀',
  '\u0301',
  '\u200B',
  'constructor: ',
  '__proto__: ',
  'toString',
  'constructor/',
  '<!-- list_maatregelen __proto__/x -->',
];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'typo'; at: number; swap: boolean }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'insert'; at: number; lineStart: boolean; text: string }
  | { kind: 'crlf' }
  | { kind: 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('typo' as const), at: fc.nat(), swap: fc.boolean() }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    lineStart: fc.boolean(),
    text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }),
  }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

function lineBounds(text: string, at: number): [number, number] {
  const lines = text.split('\n');
  const line = at % lines.length;
  const start = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0);
  return [start, Math.min(text.length, start + lines[line].length + 1)];
}

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'flip': {
      // A bit flipped in the UTF-8 bytes, read back the way a file that is not valid UTF-8 is read.
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      bytes[m.at % bytes.length] ^= 1 << m.bit;
      return utf8Lossy.decode(bytes);
    }
    case 'typo': {
      // Two letters swapped or one dropped: a misspelt key, tag or slug.
      const at = m.at % Math.max(1, text.length - 1);
      return m.swap ? text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2) : text.slice(0, at) + text.slice(at + 1);
    }
    case 'deleteLine': {
      const [start, end] = lineBounds(text, m.at);
      return text.slice(0, start) + text.slice(end);
    }
    case 'duplicateLine': {
      const [start, end] = lineBounds(text, m.at);
      const line = text.slice(start, end);
      return text.slice(0, end) + (line.endsWith('\n') ? line : '\n' + line) + text.slice(end);
    }
    case 'insert': {
      const at = m.lineStart ? lineBounds(text, m.at)[0] : m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text.slice(1) : '\uFEFF' + text;
  }
}

const damagedFile = fc
  .record({ path: fc.constantFrom(...targets), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) })
  .map(({ path, mutations }) => ({ path, text: mutations.reduce(mutate, files[path]), mutations }));

// ---------------------------------------------------------------------------------------------
// the corpus, changed and put back

/** Runs `body` with some files of the shared corpus replaced, then restores them. */
function withChanged<T>(changes: Record<string, string>, body: () => T): T {
  const originals = new Map<string, ParsedDocument | undefined>();
  try {
    for (const [path, text] of Object.entries(changes)) {
      originals.set(path, corpus.get(path));
      corpus.set(parseDocument(path, text, schema));
    }
    return body();
  } finally {
    restore(originals);
  }
}

function restore(originals: Map<string, ParsedDocument | undefined>): void {
  for (const [path, original] of [...originals].reverse()) {
    if (original) corpus.set(original);
    else corpus.delete(path);
  }
}

const textOf = (path: string) => corpus.get(path)?.text.getText();

function checkPaths(target: Corpus, pathsToCheck: Iterable<string>): Finding[] {
  return [...pathsToCheck].flatMap((path) => {
    const document = target.get(path);
    return document ? checkDocument(target, document) : [];
  });
}

/** Applies one fix to the shared corpus (edits, then the rename); returns the paths it touched. */
function applyFix(fix: Fix, originals: Map<string, ParsedDocument | undefined>): string[] {
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  const touched: string[] = [];
  for (const [path, edits] of byPath) applyFileEdits(path, edits, originals) && touched.push(path);
  if (fix.rename) {
    const document = corpus.get(fix.rename.from)!;
    for (const path of [fix.rename.from, fix.rename.to]) if (!originals.has(path)) originals.set(path, corpus.get(path));
    corpus.delete(fix.rename.from);
    corpus.set(parseDocument(fix.rename.to, document.text.getText(), schema));
    touched.push(fix.rename.to);
  }
  return touched;
}

function applyFileEdits(path: string, edits: TextEdit[], originals: Map<string, ParsedDocument | undefined>): boolean {
  const before = textOf(path);
  assert.ok(before !== undefined, `an edit of ${path}, which is not in the corpus`);
  const after = applyInOrder(before, edits);
  assert.equal(applyEdits(before, edits), after, `the engine's applyEdits differs from a plain front-to-back apply on ${path}`);
  assertOutsideUnchanged(before, after, edits, path);
  if (!originals.has(path)) originals.set(path, corpus.get(path));
  corpus.set(parseDocument(path, after, schema));
  return true;
}

/** Every stretch of text between the edits is still there, where the edits moved it. */
function assertOutsideUnchanged(before: string, after: string, edits: readonly TextEdit[], path: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const gaps: [number, number][] = [];
  let at = 0;
  for (const edit of sorted) {
    gaps.push([at, edit.start]);
    at = edit.end;
  }
  gaps.push([at, before.length]);
  let shift = 0;
  sorted.forEach((edit, index) => {
    const [from, to] = gaps[index];
    assert.equal(after.slice(from + shift, to + shift), before.slice(from, to), `text outside the edits changed in ${path}`);
    shift += edit.newText.length - (edit.end - edit.start);
  });
  const [from, to] = gaps[gaps.length - 1];
  assert.equal(after.slice(from + shift, to + shift), before.slice(from, to), `text after the last edit changed in ${path}`);
  assert.equal(after.length, before.length + shift);
}

// ---------------------------------------------------------------------------------------------

describe(`fuzz: damaged files of ${source} (seed ${seed}, ${numRuns} runs per property)`, () => {
  test('the base corpus loads and is well formed', () => {
    assert.ok(targets.length > 5, `${targets.length} documents to damage`);
    assertFindingsWellFormed(checkPaths(corpus, paths), textOf);
  });

  test('a damaged file never throws, and its findings and fixes (and those of its dependents) stay inside their documents', () => {
    fc.assert(
      fc.property(damagedFile, ({ path, text }) => {
        const originals = new Map([[path, corpus.get(path)]]);
        try {
          const dependents = corpus.set(parseDocument(path, text, schema));
          const findings = checkPaths(corpus, [path, ...dependents]);
          assertFindingsWellFormed(findings, textOf);
        } finally {
          restore(originals);
        }
      }),
      params,
    );
  });

  test('random bytes and random text as any kind of page never throw and give well-formed findings', () => {
    const kinds = [targets[0], targets.find((p) => p.includes('/maatregelen/'))!, targets.find((p) => p.includes('/hulpmiddelen/'))!, 'docs/onderwerpen/fuzz.md', 'docs/fuzz.md'];
    const bytes = fc.uint8Array({ maxLength: 3000 }).map((b) => utf8Lossy.decode(b));
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    const lines = fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.oneof(bytes, text, lines), (path, content) => {
        withChanged({ [path]: content }, () => assertFindingsWellFormed(checkPaths(corpus, [path]), textOf));
      }),
      params,
    );
  });

  test("directives on a line are the comments the site's regular expression finds, in linear time", () => {
    const piece = fc.constantFrom('<!--', '-->', '<!-- ', ' -->', 'tags', 'list_maatregelen', ' vereiste/x', ' no-search', '-', '--', '>', '!', ' ', '\u2028', '\r', 'x');
    const prefixes = defaultSchema.directivePrefixes;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const line = pieces.join('');
        const expected = [...line.matchAll(/<!--(.*?)-->/g)]
          .map((m) => ({ at: m.index, words: m[1].match(/\S+/g) ?? [] }))
          .filter(({ words }) => words.length > 0 && prefixes.some((prefix) => words[0]!.startsWith(prefix)))
          .map(({ at, words }) => `${at} ${words.join(' ')}`);
        const found = findDirectives(line, 0, 0, prefixes).map((d) => `${d.range.start.character} ${[d.name, ...d.args.map((a) => a.text)].join(' ')}`);
        assert.deepEqual(found, expected);
      }),
      params,
    );
    const open = '<!--'.repeat(250_000);
    const started = performance.now();
    assert.deepEqual(
      findDirectives(`${open}<!-- tags -->`, 0, 0, prefixes).map((d) => d.name),
      [],
    );
    assert.ok(performance.now() - started < 1000, `a 1 MB line of unclosed comments took ${Math.round(performance.now() - started)} ms`);
  });

  test('hover, completion, definition, references, links and prepareRename anywhere in a damaged file never throw', () => {
    fc.assert(
      fc.property(damagedFile, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), ({ path, text }, positions) => {
        withChanged({ [path]: text }, () => {
          const document = corpus.get(path)!;
          const lineCount = document.text.lineCount;
          documentLinks(root, document);
          for (const [l, c] of positions) {
            const line = l % (lineCount + 1);
            const position = { line, character: c % 120 };
            hover(corpus, document, position);
            complete(corpus, document, position);
            definition(root, document, position);
            references(root, document, position, true);
            prepareRename(root, document, position);
          }
        });
      }),
      params,
    );
  });

  test('applying a safe fix removes its finding (same code and message at the same place)', () => {
    let applied = 0;
    fc.assert(
      fc.property(damagedFile, ({ path, text }) => {
        withChanged({ [path]: text }, () => {
          const findings = checkPaths(corpus, [path]);
          for (const finding of findings) {
            for (const fix of finding.fixes.filter((f) => f.safe)) {
              const originals = new Map<string, ParsedDocument | undefined>();
              const before = corpus.get(path)!;
              try {
                applyFix(fix, originals);
                applied++;
                const edits = fix.edits.filter((e) => e.path === path);
                const at = (f: Finding) => mapOffset(before.text.offsetAt(f.range.start), edits);
                const target = fix.rename?.from === path ? fix.rename.to : path;
                const after = corpus.get(target)!;
                const mapped = at(finding);
                // The same finding (code and message) may be there again only as another one that the edits
                // moved there. (A directive comment anchors several problems of one code: fixing its filter key
                // may bring out the next, about the value, with a message of its own.)
                const same = (f: Finding) => f.code === finding.code && f.message === finding.message;
                const explained = findings.filter((f) => f !== finding && same(f) && at(f) === mapped).length;
                const again = checkPaths(corpus, [target]).filter((f) => same(f) && after.text.offsetAt(f.range.start) === mapped);
                assert.ok(
                  again.length <= explained,
                  `fix '${fix.title}' of ${finding.code} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} in ${path} leaves ${show(again)}\n--- before\n${before.text.getText()}\n--- after\n${after.text.getText()}`,
                );
              } finally {
                restore(originals);
              }
            }
          }
        });
      }),
      params,
    );
    assert.ok(applied > 50, `only ${applied} safe fixes were tried`);
  });

  test('applying every safe fix, pass after pass, reaches a fixpoint within 10 passes and touches nothing outside the edits', () => {
    fc.assert(
      fc.property(damagedFile, ({ path, text }) => {
        withChanged({ [path]: text }, () => {
          const originals = new Map<string, ParsedDocument | undefined>();
          const touched = new Set([path]);
          try {
            let reached = false;
            for (let pass = 0; pass < 10 && !reached; pass++) {
              const findings = checkPaths(corpus, touched);
              assertFindingsWellFormed(findings, textOf);
              const selected = selectSafeFixes(findings);
              if (selected.length === 0) {
                reached = true;
                break;
              }
              // As akcheck --fix: the edits of all selected fixes per file at once, then the renames.
              const byPath = new Map<string, TextEdit[]>();
              for (const { fix } of selected) for (const edit of fix.edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
              for (const [file, edits] of byPath) {
                applyFileEdits(file, edits, originals);
                touched.add(file);
              }
              for (const { fix } of selected) {
                if (!fix.rename) continue;
                applyFix({ ...fix, edits: [] }, originals);
                touched.delete(fix.rename.from);
                touched.add(fix.rename.to);
              }
            }
            assert.ok(reached, `no fixpoint after 10 passes; left: ${show(checkPaths(corpus, touched).filter((f) => f.fixes.some((x) => x.safe)))}`);
          } finally {
            restore(originals);
          }
        });
      }),
      params,
    );
  });
});

// The corpus index is kept up to date document by document (the language server relies on it): after
// any sequence of edits it gives the same findings as a corpus built from scratch, and `set`/`delete`
// name every other document whose findings changed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCorpus, checkDocument, Corpus, defaultSchema, parseDocument } from '../../engine';
import { base, edit, H1, M1, M2, memoryCorpus, V1, V2, vereistenFolder, type Files } from '../support/memoryCorpus';

const V3 = `${vereistenFolder}/aia-09-menselijk-toezicht.md`;
const data = 'docs/onderwerpen/data.md';
const jurist = 'docs/rollen/jurist.md';

/** Versions of each file the random edits choose from; null deletes the file. */
const versions: Record<string, (string | null)[]> = {
  [V1]: [
    base[V1],
    null,
    edit(base[V1], 'id: urn:nl:ak:ver:aia-08', 'id: urn:nl:ak:ver:avg-01'),
    edit(base[V1], '- transparantie', '- data'),
    edit(base[V1], 'title:', 'title: [kapot\ntitel:'),
  ],
  [V2]: [
    base[V2],
    null,
    edit(base[V2], '- data\n', ''),
    edit(base[V2], 'vereiste/avg-01-rechtmatige-verwerking', 'vereiste/aia-09-menselijk-toezicht'),
    edit(base[V2], 'rollen:\n- jurist', 'rollen: jurist'),
  ],
  [V3]: [
    null,
    edit(
      edit(base[V1], 'id: urn:nl:ak:ver:aia-08', 'id: urn:nl:ak:ver:aia-09'),
      'vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken',
      'vereiste/aia-09-menselijk-toezicht',
    ),
  ],
  [M1]: [
    base[M1],
    null,
    edit(base[M1], '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-09-menselijk-toezicht'),
    edit(base[M1], 'id: urn:nl:ak:mtr:owp-30', 'id: urn:nl:ak:mtr:dat-01'),
  ],
  [M2]: [
    base[M2],
    null,
    edit(base[M2], '- avg-01-rechtmatige-verwerking\n', ''),
    edit(base[M2], '<!-- tags -->', '<!-- tags -->\n<!-- list_vereisten onderwerp/data -->\n<!-- list_hulpmiddelen rollen/jurist -->'),
  ],
  [H1]: [base[H1], null, edit(base[H1], '- projectleider', '- jurist'), edit(base[H1], '- 2-owp-30-informeer-betrokkenen', '- 3-dat-01-datakwaliteit')],
  [data]: [base[data], null],
  [jurist]: [base[jurist], null],
};
const paths = Object.keys(versions);

/** Findings as (code, line, character, severity) strings: what a change of another document may alter. */
function signature(corpus: Corpus, path: string): string[] {
  const document = corpus.get(path);
  return document ? checkDocument(corpus, document).map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character} ${f.severity}`) : [];
}

function fullFindings(corpus: Corpus) {
  return checkCorpus(corpus).map((f) => ({ path: f.path, code: f.code, range: f.range, severity: f.severity, message: f.message }));
}

/**
 * A corpus built as the loader builds it (`add`, no dependents worked out): its reverse indexes are
 * made at the first edit, where `memoryCorpus` keeps them from the start.
 */
function loadedCorpus(files: Files): Corpus {
  const corpus = new Corpus(defaultSchema);
  for (const [path, text] of Object.entries(files)) corpus.add(parseDocument(path, text, defaultSchema));
  return corpus;
}

describe('incremental corpus index', () => {
  test('set and delete keep the index equal to a fresh one and report every affected document', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.nat()), { minLength: 1, maxLength: 10 }), (operations) => {
        const files: Files = { ...base };
        const corpus = loadedCorpus(files);
        for (const [path, choice] of operations) {
          const text = versions[path][choice % versions[path].length];
          const before = new Map([...corpus.all()].map((d) => [d.path, signature(corpus, d.path)]));
          let dependents: Set<string>;
          if (text === null) {
            delete files[path];
            dependents = corpus.delete(path);
          } else {
            files[path] = text;
            dependents = corpus.set(parseDocument(path, text, defaultSchema));
          }
          assert.ok(!dependents.has(path), 'the changed document is not its own dependent');
          for (const document of corpus.all()) {
            if (document.path === path) continue;
            const after = signature(corpus, document.path);
            if (JSON.stringify(after) !== JSON.stringify(before.get(document.path) ?? [])) {
              assert.ok(
                dependents.has(document.path),
                `${document.path} changed (${JSON.stringify(before.get(document.path))} → ${JSON.stringify(after)}) after ${text === null ? 'deleting' : 'setting'} ${path}, but is not a dependent`,
              );
            }
          }
          assert.deepEqual(fullFindings(corpus), fullFindings(memoryCorpus(files)));
        }
      }),
      { numRuns: 40, seed: 20240601 },
    );
  });

  test('replacing a document by an identical one reports no dependents', () => {
    const corpus = memoryCorpus(base);
    assert.deepEqual([...corpus.set(parseDocument(V2, base[V2], defaultSchema))], []);
  });

  test('deleting an unknown path is a no-op', () => {
    const corpus = memoryCorpus(base);
    assert.deepEqual([...corpus.delete('docs/bestaat-niet.md')], []);
    assert.equal(corpus.size, Object.keys(base).length);
  });

  test('a vereiste that goes names the documents citing it', () => {
    const corpus = memoryCorpus(base);
    assert.deepEqual([...corpus.delete(V2)].sort(), [H1, M2]);
  });
});

// The test support itself: the base corpus is valid, and findingsOf reports exact, sorted triples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, baseFiles, damage, findingsOf, lineOf, memoryCorpus, M1, V1, V2 } from '../support/memoryCorpus';

describe('memoryCorpus', () => {
  test('the base corpus has no findings', () => {
    assert.deepEqual(findingsOf(base), []);
  });

  test('the base corpus indexes its documents and taxonomy pages, index.md excluded', () => {
    const corpus = memoryCorpus(base);
    assert.deepEqual(
      corpus
        .slugsOf('vereiste')
        .map((d) => d.slug)
        .sort(),
      ['aia-08-transparantie-aan-gebruiksverantwoordelijken', 'avg-01-rechtmatige-verwerking'],
    );
    assert.equal(corpus.slugsOf('maatregel').length, 2);
    assert.equal(corpus.slugsOf('hulpmiddel').length, 1);
    assert.deepEqual(
      corpus
        .slugsOf('levenscyclus')
        .map((d) => d.slug)
        .sort(),
      ['implementatie', 'ontwerp', 'ontwikkelen'],
    );
    assert.equal(corpus.bySlug('rollen', 'index'), undefined);
  });

  test('findingsOf returns sorted [path, line, code] triples', () => {
    const files = damage(
      damage(baseFiles(), V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: Persoonsgegevens worden rechtmatig verwerkt.'),
      M1,
      '- transparantie',
      '- transparantei',
    );
    assert.deepEqual(findingsOf(files), [
      [M1, lineOf(files[M1], 'transparantei'), 'AK020'],
      [V2, 2, 'AK060'],
    ]);
  });

  test('the base corpus is not shared between tests', () => {
    const files = baseFiles();
    files[V1] = '';
    assert.notEqual(base[V1], '');
  });
});

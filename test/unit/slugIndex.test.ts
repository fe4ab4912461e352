// Suggestions for slugs in a corpus of thousands look only at slugs with the same number or name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SlugIndex, suggest } from '../../engine';

const many = Array.from({ length: 5000 }, (_, n) => `ver-${String(n).padStart(4, '0')}-onderwerp-nummer-${n}`);
const slugs = [...many, 'aia-08-transparantie-aan-gebruiksverantwoordelijken', 'aia-35-melding-ernstige-incidenten', 'aia-37-recht-klacht-indienen'];

test('a large slug index offers the slugs with the same id prefix and the same name', () => {
  const index = new SlugIndex(slugs);
  assert.deepEqual([...index.candidatesFor('aia-37-melding-ernstige-incidenten')].sort(), ['aia-35-melding-ernstige-incidenten', 'aia-37-recht-klacht-indienen']);
  assert.deepEqual(index.candidatesFor('geen-prefix'), []);
  const typo = suggest('aia-08-transparantie-aan-gebruikersverantwoordelijken', index.candidatesFor('aia-08-transparantie-aan-gebruikersverantwoordelijken'));
  assert.deepEqual(typo, { candidates: ['aia-08-transparantie-aan-gebruiksverantwoordelijken'], clear: true });
  const renumbered = suggest('aia-37-melding-ernstige-incidenten', index.candidatesFor('aia-37-melding-ernstige-incidenten'));
  assert.equal(renumbered.candidates[0], 'aia-35-melding-ernstige-incidenten');
  assert.equal(renumbered.clear, false);
});

test('a small slug index compares every slug, as the suggestions did before', () => {
  const small = slugs.slice(-3);
  const index = new SlugIndex(small);
  assert.deepEqual(index.candidatesFor('x'), small);
});

test('slugs starting with what was typed: by slug, by id after a phase number, ignoring case', () => {
  const index = new SlugIndex(['aia-00-verboden-AI-praktijken', 'aia-01-ai-geletterdheid', 'aia-10-x', '2-owp-30-informeer', '2-owp-31-beleid', 'avg-01-y']);
  assert.deepEqual(index.startingWith('aia-0'), ['aia-00-verboden-AI-praktijken', 'aia-01-ai-geletterdheid']);
  assert.deepEqual(index.startingWith('aia-00-verboden-ai'), ['aia-00-verboden-AI-praktijken']);
  assert.deepEqual(index.startingWith('owp-3'), ['2-owp-30-informeer', '2-owp-31-beleid']);
  assert.deepEqual(index.startingWith('2-owp-30'), ['2-owp-30-informeer']);
  assert.deepEqual(index.startingWith('zzz'), []);
});

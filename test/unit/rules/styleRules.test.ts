// AK060-AK062: title, toelichting and the tags directive.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, damage, findingsOf, H1, M1, only, V1, V2, withFiles } from '../../support/memoryCorpus';

const words = (n: number) => Array.from({ length: n }, (_, i) => `woord${i + 1}`).join(' ');
const setToelichting = (path: string, text: string) => {
  const current = base[path].split('\n').find((line) => line.startsWith('toelichting:')) as string;
  return damage(base, path, current, `toelichting: ${text}`);
};

describe('AK060 title-trailing-period', () => {
  test('fires on the title key', () => {
    const files = damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: Persoonsgegevens worden rechtmatig verwerkt.');
    assert.deepEqual(findingsOf(files), [[V2, 2, 'AK060']]);
    assert.match(only(files, 'AK060').message, /punt/);
    assert.deepEqual(only(files, 'AK060').range.start, { line: 1, character: 0 });
  });

  test('fires for quoted titles, trailing white space and several periods, on every content type', () => {
    for (const title of ['"Verwerk rechtmatig."', "'Verwerk rechtmatig.'", 'Verwerk rechtmatig.   ', 'Verwerk rechtmatig...']) {
      const files = damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', `title: ${title}`);
      assert.deepEqual(findingsOf(files), [[V2, 2, 'AK060']], title);
    }
    assert.deepEqual(findingsOf(damage(base, M1, 'title: Informeer de betrokkenen', 'title: Informeer de betrokkenen.')), [[M1, 2, 'AK060']]);
    assert.deepEqual(findingsOf(damage(base, H1, 'title: Impacttoets', 'title: Impacttoets.')), [[H1, 2, 'AK060']]);
  });

  test('a block scalar title ending with a period', () => {
    const files = damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: >-\n  Persoonsgegevens worden\n  rechtmatig verwerkt.');
    assert.deepEqual(findingsOf(files), [[V2, 2, 'AK060']]);
  });

  test('does not fire for a period inside the title, other punctuation, or non-content pages', () => {
    for (const title of ['Versie 2.0 van het kader', 'Wat is een AI-systeem?', 'Let op!', 'Titel .nl', 'Rechtmatig verwerkt…']) {
      assert.deepEqual(findingsOf(damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', `title: ${title}`)), [], title);
    }
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/rollen/jurist.md': '---\ntitle: Jurist.\n---\n', 'docs/index.md': '---\ntitle: Start.\n---\n' })), []);
  });

  test('a title that is not a string is not checked here', () => {
    assert.deepEqual(findingsOf(damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: 1.')), []);
  });
});

describe('AK061 toelichting-too-long', () => {
  test('fires at 41 words, on the toelichting key, with the count', () => {
    const files = setToelichting(V2, words(41));
    assert.deepEqual(findingsOf(files), [[V2, 4, 'AK061']]);
    assert.match(only(files, 'AK061').message, /41/);
    assert.match(only(files, 'AK061').message, /40/);
  });

  test('does not fire at 40 words', () => {
    assert.deepEqual(findingsOf(setToelichting(V2, words(40))), []);
  });

  test('words are split on any white space, runs of it counting once', () => {
    const spaced = words(40).replace(/ /g, '   ');
    assert.deepEqual(findingsOf(setToelichting(V2, spaced)), []);
    const folded = `>\n  ${words(20)}\n\n  ${words(21)}`;
    assert.deepEqual(findingsOf(setToelichting(V2, folded)), [[V2, 4, 'AK061']]);
    const fortyInBlock = `|\n  ${words(20)}\n  ${words(20)}`;
    assert.deepEqual(findingsOf(setToelichting(V2, fortyInBlock)), []);
  });

  test('applies to every content type', () => {
    assert.deepEqual(findingsOf(setToelichting(M1, words(50))), [[M1, 4, 'AK061']]);
    assert.deepEqual(findingsOf(setToelichting(H1, words(50))), [[H1, 3, 'AK061']]);
  });
});

describe('AK062 missing-tags-directive', () => {
  test('fires on line 1 when there is no <!-- tags -->', () => {
    const files = damage(base, V2, '<!-- tags -->\n', '');
    assert.deepEqual(findingsOf(files), [[V2, 1, 'AK062']]);
    assert.match(only(files, 'AK062').message, /<!-- tags -->/);
  });

  test('tags-ai-act is not tags, and a tags comment in a code fence does not count', () => {
    assert.deepEqual(findingsOf(damage(base, V2, '<!-- tags -->\n', '<!-- tags-ai-act -->\n')), [[V2, 1, 'AK062']]);
    assert.deepEqual(findingsOf(damage(base, V2, '<!-- tags -->\n', '```\n<!-- tags -->\n```\n')), [[V2, 1, 'AK062']]);
  });

  test('a tags comment in the frontmatter does not count', () => {
    const files = damage(damage(base, V2, '<!-- tags -->\n', ''), V2, 'rollen:', '# <!-- tags -->\nrollen:');
    assert.deepEqual(findingsOf(files), [[V2, 1, 'AK062']]);
  });

  test('does not fire for an indented or inline tags comment, or with extra spaces', () => {
    assert.deepEqual(findingsOf(damage(base, V2, '<!-- tags -->\n', '\t<!-- tags -->\n')), []);
    assert.deepEqual(findingsOf(damage(base, V2, '<!-- tags -->\n', 'Labels: <!--   tags   -->\n')), []);
    assert.deepEqual(findingsOf(damage(base, V2, '<!-- tags -->\n', '<!--tags-->\n')), []);
  });

  test('does not apply to taxonomy and other pages', () => {
    assert.deepEqual(
      findingsOf(base).filter(([path]) => !path.includes('voldoen-aan')),
      [],
    );
    assert.ok(!base['docs/index.md'].includes('tags'));
  });

  test('applies to a file without frontmatter as well (whole file is body)', () => {
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: '# Zonder\n' }), { rules: { AK080: 'off' } }), [
      [V1, 1, 'AK001'],
      [V1, 1, 'AK062'],
    ]);
  });
});

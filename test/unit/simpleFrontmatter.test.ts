// The simple frontmatter reader gives exactly what `yaml` gives, on every block of the real corpus,
// of our own, and of many variants; and it takes the common blocks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFrontmatter, parseFrontmatterWithYaml } from '../../engine/parsing/frontmatter';
import { projectRoot, realCorpusRoot } from '../support/realCorpus';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const corpusTexts = [join(projectRoot, 'content'), ...(realCorpusRoot ? [realCorpusRoot] : [])].flatMap(markdownFiles).map((file) => readFileSync(file, 'utf8'));

test('every block of the corpora reads the same as with yaml', () => {
  for (const text of corpusTexts) assert.deepEqual(parseFrontmatter(text), parseFrontmatterWithYaml(text));
});

test('blocks that look simple but are not: the same as with yaml', () => {
  const blocks = [
    'a: 1\nb: 08\nc: 0o17\nd: 0x1F\ne: 1e3\nf: .5\ng: +1\nh: -2.5\n',
    'a: ~\nb: null\nc: NULL\nd: True\ne: FALSE\nf: yes\ng: no\nh: 1_000\ni: 3.10\nj: 2.20\n',
    'a: "x"\nb: \'y\'\nc: "a \\" b"\nd: \'it\'\'s\'\ne: "ok" \nf: "x" y\n',
    'a: x:y\nb: x: y\nc: a #c\nd: a#b\ne: x:\nf: -x\ng: - x\nh: [a, b]\ni: {a: 1}\n',
    'a:\n- x\n- y\nb:\n  - z\n  -  w  \nc:\n- x\n  - y\n',
    'a:\n-\n- x\nb:\n- - x\nc:\n  x: 1\nd:\n    - x\n   - y\n',
    'a:\nb: x\n  continued\nc:   \nd: x\n\n\ne:\n- x\n\n- y\n',
    'a: x\na: y\n# comment\nb: z\n',
    'a: x\t\nb: x\ty\n',
    'title: Één stap\nid: urn:nl:ak:ver:aia-01\n',
    'sources:\n  ADR:\n  - IB.6\n  - IB.7\n  ARK: 4.03\nb: x\nsearch:\n  exclude: true\n',
    'sources:\n  ADR:\n    - IB.6\n  ARK:\n  - 3.10\n  - "2.20"\nc:\n  d:\n    e: 1\n',
    'sources:\n  ADR:\n  ARK: 1\n\nb: x\nc:\n  d: 1\n e: 2\n',
    'a:\n  b: 1\n  b: 2\n  c:\n  - x\n   - y\n',
    '# c1\ntitle: x\nvereiste:\n- a\n\n# c2\nlev:\n- b\n# c3\nr:\n- c\n  # c4\ns: 1\n',
    'a:\n# c\n- x\nb:\n- y\n# c\n- z\nc: 1 # c\n',
  ];
  for (const block of blocks) {
    const text = `---\n${block}---\n# Kop\n`;
    assert.deepEqual(parseFrontmatter(text), parseFrontmatterWithYaml(text), block);
  }
});

test('random blocks of keys, scalars and lists: the same as with yaml', () => {
  const scalar = fc.oneof(
    fc.constantFrom(
      'x',
      'een twee',
      '3.10',
      '08',
      '0x1F',
      'true',
      'No',
      'null',
      '~',
      '-x',
      'a:b',
      'a: b',
      'a #b',
      '"q"',
      "'q'",
      '"a\\"b"',
      "'it''s'",
      '',
      '  ',
      'x  ',
      '[a]',
      '{a: 1}',
      '&a x',
      '*a',
      '!t x',
      '|',
      '>',
    ),
    fc.stringMatching(/^[a-z0-9 .:#'"-]{0,12}$/),
  );
  const item = fc.tuple(fc.constantFrom('', '  ', '    '), scalar).map(([indent, value]) => `${indent}- ${value}`);
  const entry = fc.oneof(
    fc.tuple(fc.constantFrom('a', 'b', 'titel', 'x-y', '1'), scalar).map(([key, value]) => `${key}: ${value}`),
    fc.tuple(fc.constantFrom('a', 'lijst'), fc.array(item, { maxLength: 4 })).map(([key, items]) => [`${key}:`, ...items].join('\n')),
    fc.constantFrom('', '# c', '  # c', '#', '  x: 1', 'a:', 'a:  '),
    fc
      .tuple(fc.constantFrom('sources', 'm'), fc.array(fc.tuple(fc.constantFrom('ADR', 'ARK', 'x'), scalar, fc.array(item, { maxLength: 2 })), { maxLength: 3 }))
      .map(([key, nested]) =>
        [`${key}:`, ...nested.map(([inner, value, items]) => (items.length > 0 ? [`  ${inner}:`, ...items.map((i) => `  ${i}`)].join('\n') : `  ${inner}: ${value}`))].join('\n'),
      ),
  );
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
      const text = `---\n${entries.join('\n')}\n---\nTekst\n`;
      assert.deepEqual(parseFrontmatter(text), parseFrontmatterWithYaml(text));
    }),
    { seed: 20261203, numRuns: 3000 },
  );
});

// AK001-AK004: the frontmatter block (RULES.md "Frontmatter"), BOM, CRLF and delimiter details.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, check, damage, findingsOf, H1, only, V1, V2, withFiles } from '../../support/memoryCorpus';

const lines = (text: string) => text.split('\n');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/**
 * A block that is missing or never closed leaves its keys to Markdown, where the site renders them
 * as text (lists glued to `key:` lines, AK082) on a page without its sections (AK080): those body
 * rules are off where a test is about the block itself.
 */
const blockOnly = { rules: { AK080: 'off', AK082: 'off' } } as const;

describe('AK001 missing-frontmatter', () => {
  test('fires on line 1 of a content document that does not start with ---', () => {
    const files = damage(base, V1, '---\ntitle:', '# Geen frontmatter\ntitle:');
    assert.deepEqual(findingsOf(files, blockOnly), [[V1, 1, 'AK001']]);
    assert.match(only(files, 'AK001').message, /frontmatter/);
  });

  test('fires when the block starts after line 1, or the opener is indented or longer', () => {
    for (const opener of ['\n---', ' ---', '----', '--- x', '...']) {
      const files = damage(base, V1, '---\ntitle:', `${opener}\ntitle:`);
      assert.deepEqual(findingsOf(files, blockOnly), [[V1, 1, 'AK001']], JSON.stringify(opener));
    }
  });

  test('fires on an empty content document, together with AK062', () => {
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: '' }), blockOnly), [
      [V1, 1, 'AK001'],
      [V1, 1, 'AK062'],
    ]);
  });

  test('does not fire with a UTF-8 BOM before ---', () => {
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: '\ufeff' + base[V1] })), []);
  });

  test('does not fire with trailing white space on the delimiter lines', () => {
    const text = base[V1].replace(/^---$/gm, '--- \t');
    assert.equal(lines(text).filter((l) => l === '--- \t').length, 2);
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: text })), []);
  });

  test('does not apply to pages that are not content documents', () => {
    const files = withFiles(base, {
      'docs/levenscyclus/ontwerp.md': '# Ontwerp\n',
      'docs/over/pagina.md': 'Tekst zonder frontmatter.\n',
      'docs/voldoen-aan-wetten-en-regels/vereisten/index.md': '# Vereisten\n',
    });
    assert.deepEqual(findingsOf(files), []);
  });
});

describe('AK002 unclosed-frontmatter', () => {
  test('fires on line 1 when nothing closes the block', () => {
    const files = damage(base, V1, 'hide:\n- navigation\n---\n', 'hide:\n- navigation\n\n');
    assert.deepEqual(findingsOf(files, blockOnly), [[V1, 1, 'AK002']]);
    assert.match(only(files, 'AK002').message, /---/);
  });

  test('a line that only starts with --- does not close the block', () => {
    for (const closer of ['----', '--- x', ' ---', '---x']) {
      const files = damage(base, V1, 'hide:\n- navigation\n---\n', `hide:\n- navigation\n${closer}\n`);
      assert.deepEqual(findingsOf(files, blockOnly), [[V1, 1, 'AK002']], JSON.stringify(closer));
    }
  });

  test('fires on a file that is only --- (which has no tags directive either)', () => {
    for (const text of ['---', '---\n', '---\r\n']) {
      assert.deepEqual(
        findingsOf(withFiles(base, { [V1]: text }), blockOnly),
        [
          [V1, 1, 'AK002'],
          [V1, 1, 'AK062'],
        ],
        JSON.stringify(text),
      );
    }
  });

  test('does not fire when the closing --- is the last line without a line break', () => {
    const text = '---\ntitle: Iets\n---';
    const findings = findingsOf(withFiles(base, { [V1]: text }));
    assert.ok(!findings.some(([, , code]) => code === 'AK002'), JSON.stringify(findings));
  });

  test('does not fire when the closer has trailing white space, in an LF or a CRLF file', () => {
    const spaced = base[V1].replace('- navigation\n---\n', '- navigation\n---   \n');
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: spaced })), []);
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: crlf(spaced) })), []);
  });
});

describe('AK003 yaml-syntax', () => {
  test('fires where the parser reports the error (file and code), with the parser message', () => {
    const files = damage(base, V1, 'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem', 'title: [niet gesloten');
    const findings = findingsOf(files);
    assert.ok(findings.length >= 1);
    assert.ok(
      findings.every(([path, line, code]) => path === V1 && code === 'AK003' && line >= 2 && line <= 19),
      JSON.stringify(findings),
    );
    assert.match(only(files, 'AK003').message, /YAML/);
  });

  test('a block with YAML errors is reported only as AK003: its values are not checked (the site reads no metadata from it)', () => {
    const files = damage(base, V1, 'rollen:\n- projectleider', 'rollen:\n- projectleider\n  fout: [');
    const findings = findingsOf(files);
    assert.ok(findings.length > 0 && findings.every(([path, , code]) => path === V1 && code === 'AK003'), JSON.stringify(findings));
    // Not even the defects it would have without the error.
    const worse = damage(damage(files, V1, 'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem', 'title: Uitleg.'), V1, '- transparantie', '- transparantei');
    assert.ok(
      findingsOf(worse).every(([path, , code]) => path === V1 && code === 'AK003'),
      JSON.stringify(findingsOf(worse)),
    );
  });

  test('the ids of a block with YAML errors are not indexed, so AK031 never fires on one side only', () => {
    const files = damage(damage(base, V2, 'id: urn:nl:ak:ver:avg-01', 'id: urn:nl:ak:ver:aia-08'), V2, 'rollen:\n- jurist', 'rollen:\n- jurist\n  fout: [');
    const findings = findingsOf(files);
    assert.ok(
      findings.every(([path, , code]) => path === V2 && code === 'AK003'),
      JSON.stringify(findings),
    );
  });

  test('tricky but valid YAML is not an error', () => {
    const files = damage(base, V1, 'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem', 'title: "Uitleg: wat het systeem doet" # opmerking');
    assert.deepEqual(findingsOf(files), []);
  });

  test('a duplicate key is not a YAML error (it is AK012)', () => {
    const files = damage(base, V1, 'hide:\n- navigation\n', 'hide:\n- navigation\nhide:\n- toc\n');
    assert.deepEqual(findingsOf(files), [[V1, 19, 'AK012']]);
  });

  test('does not apply to other pages', () => {
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/over.md': '---\ntitle: [kapot\n---\n' })), []);
  });
});

describe('AK004 frontmatter-not-mapping', () => {
  test('fires on line 1 when the YAML is a list', () => {
    const files = withFiles(base, { [V1]: '---\n- title\n- id\n---\n\n<!-- tags -->\n' });
    assert.deepEqual(findingsOf(files, blockOnly), [[V1, 1, 'AK004']]);
    assert.match(only(files, 'AK004').message, /mapping/);
  });

  test('fires on line 1 when the YAML is a scalar', () => {
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: '---\nalleen tekst\n---\n\n<!-- tags -->\n' }), blockOnly), [[V1, 1, 'AK004']]);
  });

  test('an empty block is an empty mapping: every required key is missing', () => {
    assert.deepEqual(
      findingsOf(withFiles(base, { [H1]: '---\n---\n\n<!-- tags -->\n', [V1]: base[V1] }), blockOnly).filter(([path]) => path === H1),
      [
        [H1, 1, 'AK010'],
        [H1, 1, 'AK010'],
        [H1, 1, 'AK010'],
        [H1, 1, 'AK010'],
        [H1, 1, 'AK010'],
        [H1, 1, 'AK010'],
      ],
    );
  });
});

describe('line endings and positions', () => {
  test('a CRLF document without defects has no findings', () => {
    assert.deepEqual(findingsOf(withFiles(base, { [V1]: crlf(base[V1]) })), []);
  });

  test('findings in a CRLF document are on the same lines as in the LF one', () => {
    const damaged = damage(base, V1, 'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem', 'title: Uitleg.');
    const lf = damage(damaged, V1, '- transparantie', '- transparantei');
    const both = findingsOf(lf);
    assert.deepEqual(both, [
      [V1, 2, 'AK060'],
      [V1, 9, 'AK020'],
    ]);
    const crlfFiles = withFiles(lf, { [V1]: crlf(lf[V1]) });
    assert.deepEqual(findingsOf(crlfFiles), both);
    // Columns too: the item starts after '- ' and ends before the CR.
    const item = only(crlfFiles, 'AK020');
    assert.deepEqual(item.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 15 } });
  });

  test('with a BOM, positions are unchanged (the BOM is not a column)', () => {
    const damaged = damage(base, V1, '- transparantie', '- transparantei');
    const withBom = withFiles(damaged, { [V1]: '\ufeff' + damaged[V1] });
    assert.deepEqual(findingsOf(withBom), [[V1, 9, 'AK020']]);
  });

  test('YAML line N of the block is file line N+1', () => {
    const files = damage(base, V1, 'hide:', 'onbekend: 1\nhide:');
    assert.deepEqual(findingsOf(files), [[V1, 17, 'AK011']]);
  });
});

test('AK003: a block with very many YAML errors gives ten findings and one that counts the rest', () => {
  const broken = '---\n' + Array.from({ length: 40 }, (_, n) => `- k${n}\nk${n}: &a &b x\n`).join('') + '---\n';
  const findings = check({ 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-01-x.md': broken }).filter((f) => f.code === 'AK003');
  assert.equal(findings.length, 11);
  assert.match(findings[10].message, /^Nog \d+ YAML-fouten in de frontmatter/);
});

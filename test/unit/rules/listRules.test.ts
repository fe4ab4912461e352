// AK020-AK022: list keys hold lists of known, distinct, non-empty strings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, check, damage, findingsOf, H1, lineOf, M1, only, V1, V2, withFiles } from '../../support/memoryCorpus';

describe('AK020 unknown-value', () => {
  test('fires on the item for a value not in the taxonomy, naming it and the closest value', () => {
    const files = damage(base, V2, '- governance', '- transparantei');
    assert.deepEqual(findingsOf(files), [[V2, 8, 'AK020']]);
    const finding = only(files, 'AK020');
    assert.match(finding.message, /'transparantei'/);
    assert.match(finding.message, /'transparantie'/);
    assert.deepEqual(finding.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 15 } });
  });

  test('fires for each taxonomy key and for the fixed AI-Act vocabularies', () => {
    const files = damage(
      damage(damage(damage(base, V1, '- ontwikkelen', '- ontwikkeling'), V1, '- jurist', '- juristen'), V1, '- ai-systeem', '- ai-systemen'),
      V1,
      '- hoog-risico-ai-systeem',
      '- hoog-risico',
    );
    assert.deepEqual(findingsOf(files), [
      [V1, 7, 'AK020'],
      [V1, 12, 'AK020'],
      [V1, 14, 'AK020'],
      [V1, 16, 'AK020'],
    ]);
    for (const value of ['ontwikkeling', 'juristen', 'ai-systemen', 'hoog-risico'])
      assert.ok(
        check(files).some((f) => f.message.includes(`'${value}'`)),
        value,
      );
  });

  test('every AI-Act key has its own closed vocabulary', () => {
    const aiAct = [
      ['transparantieverplichting', 'transparantieverplichting'],
      ['systeemrisico', 'geen-systeemrisico'],
      ['open-source', 'open-source'],
      ['rol-ai-act', 'gebruiksverantwoordelijke'],
    ];
    const valid = damage(base, V2, 'rollen:', `${aiAct.map(([key, value]) => `${key}:\n- ${value}`).join('\n')}\nrollen:`);
    assert.deepEqual(findingsOf(valid), []);
    const swapped = damage(base, V2, 'rollen:', `${aiAct.map(([key], i) => `${key}:\n- ${aiAct[(i + 1) % aiAct.length][1]}`).join('\n')}\nrollen:`);
    assert.deepEqual(
      findingsOf(swapped).map(([, , code]) => code),
      ['AK020', 'AK020', 'AK020', 'AK020'],
    );
  });

  test('a scalar string value is checked as a one-item list, anchored at the key', () => {
    const files = damage(base, V2, 'onderwerp:\n- governance\n- data', 'onderwerp: transparantei');
    assert.deepEqual(findingsOf(files), [
      [V2, 7, 'AK020'],
      [V2, 7, 'AK021'],
    ]);
    assert.deepEqual(only(files, 'AK020').range.start, { line: 6, character: 0 });
    assert.match(only(files, 'AK020').message, /'transparantei'/);
  });

  test('the message lists the allowed values of a small vocabulary, and never an empty list', () => {
    const listed = /Toegestaan: (.*)\.$/
      .exec(only(damage(base, V2, '- jurist', '- juristen'), 'AK020').message)?.[1]
      .split(', ')
      .sort();
    assert.deepEqual(listed, ["'jurist'", "'ontwikkelaar'", "'projectleider'"]);
    const noRollen = withFiles(base, { 'docs/rollen/jurist.md': null, 'docs/rollen/projectleider.md': null, 'docs/rollen/ontwikkelaar.md': null });
    const messages = check(noRollen)
      .filter((f) => f.code === 'AK020')
      .map((f) => f.message);
    assert.equal(messages.length, 6);
    for (const message of messages) assert.doesNotMatch(message, /Toegestaan/, message);
  });

  test('index is not a value of a taxonomy', () => {
    assert.deepEqual(findingsOf(damage(base, V2, '- jurist', '- index')), [[V2, 11, 'AK020']]);
  });

  test('taxonomy pages in subfolders are not values', () => {
    const files = withFiles(base, { 'docs/rollen/oud/tester.md': '# Tester\n' });
    assert.deepEqual(findingsOf(damage(files, V2, '- jurist', '- tester')), [[V2, 11, 'AK020']]);
  });

  test('values are case sensitive and not trimmed of inner text', () => {
    assert.deepEqual(findingsOf(damage(base, V2, '- jurist', '- Jurist')), [[V2, 11, 'AK020']]);
  });

  test('does not fire for an open vocabulary (categorie), nor for slugs (those are AK040/AK041)', () => {
    assert.deepEqual(findingsOf(damage(base, H1, '- self-assessment', '- iets-nieuws')), []);
    assert.deepEqual(
      findingsOf(damage(base, M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-08-bestaat-niet')).map(([, , code]) => code),
      ['AK040'],
    );
  });

  test('does not fire for the valid values of the vocabulary', () => {
    assert.deepEqual(findingsOf(damage(base, V2, '- jurist', '- jurist\n- projectleider\n- ontwikkelaar')), []);
  });
});

describe('AK021 malformed-list', () => {
  const rollen = 'rollen:\n- jurist';
  const keyLine = 10;
  const cases: [string, string, number][] = [
    ['a scalar', 'rollen: jurist', keyLine],
    ['null', 'rollen:', keyLine],
    ['an explicit null', 'rollen: null', keyLine],
    ['an empty string', "rollen: ''", keyLine],
    ['an empty flow list', 'rollen: []', keyLine],
    ['a mapping', 'rollen:\n  jurist: ja', keyLine],
    ['a flow mapping', 'rollen: {jurist: ja}', keyLine],
    ['a number', 'rollen: 3', keyLine],
    ['a boolean', 'rollen: true', keyLine],
  ];
  for (const [what, text, line] of cases) {
    test(`fires at the key when the value is ${what}`, () => {
      const files = damage(base, V2, rollen, text);
      assert.deepEqual(
        findingsOf(files).filter(([, , code]) => code === 'AK021'),
        [[V2, line, 'AK021']],
      );
      assert.match(only(files, 'AK021').message, /'rollen'/);
      assert.equal(only(files, 'AK021').range.start.line, line - 1);
    });
  }

  test('a scalar that is a valid value gets only AK021', () => {
    assert.deepEqual(findingsOf(damage(base, V2, rollen, 'rollen: jurist')), [[V2, keyLine, 'AK021']]);
  });

  const itemCases: [string, string][] = [
    ['null', '-'],
    ['null after a dash and a space', '- '],
    ['an explicit null', '- null'],
    ['an empty string', "- ''"],
    ['a blank string', "- '  '"],
    ['a number', '- 3'],
    ['a decimal number', '- 2.09'],
    ['true', '- true'],
    ['false', '- false'],
    ['a nested list', '- [jurist]'],
    ['a mapping', '- jurist: ja'],
  ];
  for (const [what, item] of itemCases) {
    test(`fires at the item when an item is ${what}`, () => {
      const files = damage(base, V2, rollen, `rollen:\n- jurist\n${item}`);
      assert.deepEqual(findingsOf(files), [[V2, keyLine + 2, 'AK021']]);
    });
  }

  test('the message of a non-string item names its value', () => {
    assert.match(only(damage(base, V2, rollen, 'rollen:\n- jurist\n- 42'), 'AK021').message, /42/);
  });

  test('yes and no are strings in YAML 1.2: a closed vocabulary rejects them (AK020), an open one accepts them', () => {
    assert.deepEqual(findingsOf(damage(base, V2, rollen, 'rollen:\n- jurist\n- yes\n- no\n- on')), [
      [V2, 12, 'AK020'],
      [V2, 13, 'AK020'],
      [V2, 14, 'AK020'],
    ]);
    assert.deepEqual(findingsOf(damage(base, H1, '- self-assessment', '- yes\n- no\n- off')), []);
    assert.deepEqual(findingsOf(damage(base, H1, '- self-assessment', '- yes\n- true')), [[H1, 6, 'AK021']]);
  });

  test('items in flow lists are anchored at the item', () => {
    const files = damage(base, V2, rollen, 'rollen: [jurist, 3, projectleider]');
    assert.deepEqual(findingsOf(files), [[V2, keyLine, 'AK021']]);
    assert.equal(only(files, 'AK021').range.start.character, 17);
  });

  test('an empty item in an otherwise empty list', () => {
    assert.deepEqual(findingsOf(damage(base, V2, rollen, 'rollen:\n-')), [[V2, 11, 'AK021']]);
  });

  test('applies to every list key the type knows, also open ones', () => {
    const files = damage(damage(base, H1, 'categorie:\n- self-assessment', 'categorie: self-assessment'), H1, 'maatregel:\n- 2-owp-30-informeer-betrokkenen', 'maatregel:');
    assert.deepEqual(findingsOf(files), [
      [H1, 4, 'AK021'],
      [H1, 7, 'AK021'],
    ]);
  });

  test('does not fire for block and flow lists of strings, quoted or not', () => {
    assert.deepEqual(findingsOf(damage(base, V2, rollen, 'rollen: [jurist, "projectleider"]')), []);
    assert.deepEqual(findingsOf(damage(base, V2, rollen, "rollen:\n  - 'jurist'\n  - projectleider")), []);
  });

  test('does not fire on keys that are not list keys', () => {
    assert.deepEqual(findingsOf(damage(base, V1, 'hide:\n- navigation', 'hide: navigation')), []);
  });
});

describe('AK022 duplicate-value', () => {
  test('reports the later occurrence, naming the value', () => {
    const files = damage(base, V1, '- ontwerp\n- ontwikkelen', '- ontwerp\n- ontwikkelen\n- ontwerp');
    assert.deepEqual(findingsOf(files), [[V1, 8, 'AK022']]);
    assert.match(only(files, 'AK022').message, /'ontwerp'/);
  });

  test('reports every later occurrence, in flow lists too, and in slug lists', () => {
    const files = damage(
      damage(base, V1, '- ontwerp\n- ontwikkelen', '- ontwerp\n- ontwerp\n- ontwerp'),
      M1,
      'vereiste:\n- aia-08-transparantie-aan-gebruiksverantwoordelijken',
      'vereiste: [aia-08-transparantie-aan-gebruiksverantwoordelijken, aia-08-transparantie-aan-gebruiksverantwoordelijken]',
    );
    assert.deepEqual(findingsOf(files), [
      [M1, 5, 'AK022'],
      [V1, 7, 'AK022'],
      [V1, 8, 'AK022'],
    ]);
  });

  test('a repeated unknown value is both unknown (each time) and duplicate (the later one)', () => {
    const files = damage(base, V2, '- jurist', '- juristt\n- juristt');
    assert.deepEqual(findingsOf(files), [
      [V2, 11, 'AK020'],
      [V2, 12, 'AK020'],
      [V2, 12, 'AK022'],
    ]);
  });

  test('does not fire for the same value in different lists', () => {
    assert.deepEqual(
      findingsOf(damage(base, V1, 'risicogroep:\n- hoog-risico-ai-systeem', 'risicogroep:\n- niet-van-toepassing\ntransparantieverplichting:\n- niet-van-toepassing')),
      [],
    );
  });

  test('does not fire for values that differ in case or surrounding quotes only in source', () => {
    assert.deepEqual(findingsOf(damage(base, H1, '- self-assessment', '- Self-assessment\n- self-assessment')), []);
  });
});

describe('list keys and document types', () => {
  test('lists are checked only on content documents', () => {
    const files = withFiles(base, { 'docs/onderwerpen/data.md': '---\ntitle: Data\nrollen: onbekend\nonderwerp:\n- fout\n---\n' });
    assert.deepEqual(findingsOf(files), []);
  });

  test('index.md in a type folder is not a document of the type', () => {
    const files = withFiles(base, { 'docs/voldoen-aan-wetten-en-regels/maatregelen/index.md': '---\ntitle: Maatregelen.\nrollen: onbekend\n---\n\n<!-- list_maatregelen -->\n' });
    assert.deepEqual(findingsOf(files), []);
    // And it is no slug: citing it is an unknown maatregel.
    assert.deepEqual(findingsOf(damage(files, H1, '- 2-owp-30-informeer-betrokkenen', '- index')), [[H1, 9, 'AK041']]);
  });

  test('files in subfolders of a type folder are not documents of the type', () => {
    const files = withFiles(base, { 'docs/voldoen-aan-wetten-en-regels/vereisten/archief/aia-99-oud.md': '# Zonder frontmatter\nrollen: fout\n' });
    assert.deepEqual(findingsOf(files), []);
    assert.deepEqual(findingsOf(damage(files, M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-99-oud')), [[M1, 6, 'AK040']]);
  });

  test('both occurrences of a duplicate list key are checked', () => {
    const files = damage(base, V2, 'rollen:\n- jurist', 'rollen:\n- juristt\nrollen:\n- jurist');
    assert.deepEqual(findingsOf(files), [
      [V2, 11, 'AK020'],
      [V2, 12, 'AK012'],
    ]);
    assert.equal(lineOf(files[V2], 'juristt'), 11);
  });
});

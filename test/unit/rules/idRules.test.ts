// AK030-AK032: ids are well-formed URNs, unique, and match the file name.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, check, damage, findingsOf, H1, M1, M2, maatregelenFolder, only, V1, V2, vereistenFolder, withFiles } from '../../support/memoryCorpus';

const setId = (path: string, from: string, to: string) => damage(base, path, `id: ${from}`, `id: ${to}`);

describe('AK030 invalid-id', () => {
  const invalid: [string, string][] = [
    ['uppercase letters', 'urn:nl:ak:ver:AIA-08'],
    ['the maatregel prefix on a vereiste', 'urn:nl:ak:mtr:aia-08'],
    ['no digits', 'urn:nl:ak:ver:aia-'],
    ['no letters', 'urn:nl:ak:ver:-08'],
    ['no dash', 'urn:nl:ak:ver:aia08'],
    ['a trailing part', 'urn:nl:ak:ver:aia-08-x'],
    ['digits in the letters part', 'urn:nl:ak:ver:ai2-08'],
    ['a missing urn part', 'urn:nl:ver:aia-08'],
    ['inner white space', "'urn:nl:ak:ver:aia -08'"],
    ['only the tail', 'aia-08'],
  ];
  for (const [what, id] of invalid) {
    test(`fires on the id key for ${what}, quoting the value`, () => {
      const files = setId(V1, 'urn:nl:ak:ver:aia-08', id);
      assert.deepEqual(findingsOf(files), [[V1, 3, 'AK030']]);
      const finding = only(files, 'AK030');
      assert.ok(finding.message.includes(`'${id.replace(/^'(.*)'$/, '$1')}'`), finding.message);
      assert.deepEqual(finding.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    });
  }

  test('fires for a value that is not a string: a number, null, a list, a mapping', () => {
    const shown: Record<string, string> = { '5': "'5'", '': '(leeg)', null: '(leeg)', '[urn:nl:ak:ver:aia-08]': '(een lijst)', '{a: b}': '(een mapping)' };
    for (const [value, message] of Object.entries(shown)) {
      const files = damage(base, V1, 'id: urn:nl:ak:ver:aia-08', `id: ${value}`.trimEnd());
      assert.deepEqual(findingsOf(files), [[V1, 3, 'AK030']], value);
      assert.ok(only(files, 'AK030').message.startsWith(`Ongeldig id ${message}:`), only(files, 'AK030').message);
    }
  });

  test('the maatregel prefix is checked on maatregelen', () => {
    assert.deepEqual(findingsOf(setId(M1, 'urn:nl:ak:mtr:owp-30', 'urn:nl:ak:ver:owp-30')), [[M1, 3, 'AK030']]);
  });

  test('does not fire for surrounding white space, or a quoted id', () => {
    assert.deepEqual(findingsOf(setId(V1, 'urn:nl:ak:ver:aia-08', "'  urn:nl:ak:ver:aia-08  '")), []);
    assert.deepEqual(findingsOf(setId(V1, 'urn:nl:ak:ver:aia-08', 'urn:nl:ak:ver:aia-08   ')), []);
    assert.deepEqual(findingsOf(setId(M1, 'urn:nl:ak:mtr:owp-30', '"urn:nl:ak:mtr:owp-30"')), []);
  });

  test('does not check the ids of hulpmiddelen', () => {
    const files = damage(base, H1, 'categorie:', 'id: wat-dan-ook\ncategorie:');
    assert.deepEqual(findingsOf(files), []);
    assert.deepEqual(findingsOf(damage(base, H1, 'categorie:', 'id: urn:nl:ak:mtr:owp-30\ncategorie:')), []);
  });

  test('a missing id is AK010, not AK030', () => {
    assert.deepEqual(findingsOf(damage(base, V1, 'id: urn:nl:ak:ver:aia-08\n', '')), [[V1, 1, 'AK010']]);
  });
});

describe('AK031 duplicate-id', () => {
  test('each document sharing a valid id gets a finding, naming the other', () => {
    const copy = `${maatregelenFolder}/2-owp-30-tweede-versie.md`;
    const files = withFiles(base, { [copy]: base[M1] });
    assert.deepEqual(findingsOf(files), [
      [M1, 3, 'AK031'],
      [copy, 3, 'AK031'],
    ]);
    const findings = check(files).filter((f) => f.code === 'AK031');
    assert.ok(findings[0].message.includes(copy) && findings[0].message.includes('urn:nl:ak:mtr:owp-30'), findings[0].message);
    assert.ok(findings[1].message.includes(M1), findings[1].message);
  });

  test('three documents with one id: three findings', () => {
    const files = withFiles(base, { [`${maatregelenFolder}/owp-30-a.md`]: base[M1], [`${maatregelenFolder}/1-owp-30-b.md`]: base[M1] });
    assert.deepEqual(
      findingsOf(files).map(([, line, code]) => [line, code]),
      [
        [3, 'AK031'],
        [3, 'AK031'],
        [3, 'AK031'],
      ],
    );
  });

  test('ids are compared trimmed', () => {
    const files = setId(M2, 'urn:nl:ak:mtr:dat-01', ' urn:nl:ak:mtr:owp-30 ');
    assert.deepEqual(findingsOf(files), [
      [M1, 3, 'AK031'],
      [M2, 3, 'AK031'],
      [M2, 3, 'AK032'],
    ]);
  });

  test('is kept up to date when a document changes or goes', () => {
    const copy = `${maatregelenFolder}/2-owp-30-tweede-versie.md`;
    const files = withFiles(base, { [copy]: base[M1] });
    assert.deepEqual(findingsOf(withFiles(files, { [copy]: null })), []);
    assert.deepEqual(
      findingsOf(withFiles(files, { [copy]: damage(files, copy, 'owp-30', 'owp-31')[copy] })).map(([, , code]) => code),
      ['AK032'],
    );
  });

  test('does not fire for the same tail under different prefixes, nor for invalid ids', () => {
    const files = setId(V2, 'urn:nl:ak:ver:avg-01', 'urn:nl:ak:ver:owp-30');
    // A vereiste with ver:owp-30 and a maatregel with mtr:owp-30: different ids.
    assert.deepEqual(findingsOf(files), [[V2, 3, 'AK032']]);
    const invalidTwice = withFiles(setId(V1, 'urn:nl:ak:ver:aia-08', 'urn:nl:ak:ver:AIA-08'), {
      [`${vereistenFolder}/aia-08-kopie.md`]: setId(V1, 'urn:nl:ak:ver:aia-08', 'urn:nl:ak:ver:AIA-08')[V1],
    });
    // (The copy also lists the maatregelen of the original: AK054.)
    assert.deepEqual(findingsOf(invalidTwice), [
      [`${vereistenFolder}/aia-08-kopie.md`, 3, 'AK030'],
      [`${vereistenFolder}/aia-08-kopie.md`, 29, 'AK054'],
      [V1, 3, 'AK030'],
    ]);
  });

  test('a hulpmiddel id does not count as a duplicate', () => {
    assert.deepEqual(findingsOf(damage(base, H1, 'categorie:', 'id: urn:nl:ak:mtr:owp-30\ncategorie:')), []);
  });
});

describe('AK032 filename-id-mismatch', () => {
  test('fires on the id when the file name does not start with the id tail, naming both', () => {
    const files = setId(V1, 'urn:nl:ak:ver:aia-08', 'urn:nl:ak:ver:aia-09');
    assert.deepEqual(findingsOf(files), [[V1, 3, 'AK032']]);
    const finding = only(files, 'AK032');
    assert.match(finding.message, /aia-08-transparantie-aan-gebruiksverantwoordelijken\.md/);
    assert.match(finding.message, /urn:nl:ak:ver:aia-09/);
  });

  test('fires with a numeric prefix when the tail differs', () => {
    assert.deepEqual(findingsOf(setId(M1, 'urn:nl:ak:mtr:owp-30', 'urn:nl:ak:mtr:owp-31')), [[M1, 3, 'AK032']]);
  });

  test('the tail must be followed by a dash: owp-3 does not match 2-owp-30-...', () => {
    assert.deepEqual(findingsOf(setId(M1, 'urn:nl:ak:mtr:owp-30', 'urn:nl:ak:mtr:owp-3')), [[M1, 3, 'AK032']]);
  });

  test('the prefix is digits and a dash only, at the start', () => {
    const renamed = (name: string) => withFiles(base, { [M1]: null, [`${maatregelenFolder}/${name}`]: base[M1] });
    for (const name of ['x-owp-30-informeer.md', '2-3-owp-30-informeer.md', 'a2-owp-30-informeer.md', 'owp-30.md', '2owp-30-informeer.md']) {
      const findings = findingsOf(renamed(name)).filter(([, , code]) => code === 'AK032');
      assert.deepEqual(findings, [[`${maatregelenFolder}/${name}`, 3, 'AK032']], name);
    }
  });

  test('does not fire with or without the numeric prefix', () => {
    // 2-owp-30-... with id owp-30 is the base corpus itself.
    assert.deepEqual(findingsOf(base), []);
    const withoutPrefix = withFiles(base, { [M1]: null, [`${maatregelenFolder}/owp-30-informeer-betrokkenen.md`]: base[M1] });
    assert.deepEqual(
      findingsOf(withoutPrefix).filter(([, , code]) => code === 'AK032'),
      [],
    );
    const longPrefix = withFiles(base, { [M1]: null, [`${maatregelenFolder}/12-owp-30-informeer-betrokkenen.md`]: base[M1] });
    assert.deepEqual(
      findingsOf(longPrefix).filter(([, , code]) => code === 'AK032'),
      [],
    );
  });

  test('is not checked for an invalid id, nor on hulpmiddelen', () => {
    assert.deepEqual(findingsOf(setId(V1, 'urn:nl:ak:ver:aia-08', 'urn:nl:ak:ver:AIA-09')), [[V1, 3, 'AK030']]);
    assert.deepEqual(findingsOf(damage(base, H1, 'categorie:', 'id: urn:nl:ak:mtr:abc-01\ncategorie:')), []);
  });
});

describe('a duplicate id key', () => {
  test('only the last id, the one the site uses, counts (the earlier one is AK012 territory)', () => {
    const files = damage(base, M2, 'id: urn:nl:ak:mtr:dat-01', 'id: urn:nl:ak:mtr:owp-30\nid: urn:nl:ak:mtr:dat-01');
    assert.deepEqual(findingsOf(files), [[M2, 4, 'AK012']]);
  });

  test('a later invalid id is checked, and the earlier valid one is not indexed', () => {
    const files = damage(base, M2, 'id: urn:nl:ak:mtr:dat-01', 'id: urn:nl:ak:mtr:owp-30\nid: urn:nl:ak:mtr:DAT-01');
    assert.deepEqual(findingsOf(files), [
      [M2, 4, 'AK012'],
      [M2, 4, 'AK030'],
    ]);
  });

  test('a later duplicate id is checked for uniqueness on both sides', () => {
    const files = damage(base, M2, 'id: urn:nl:ak:mtr:dat-01', 'id: urn:nl:ak:mtr:dat-01\nid: urn:nl:ak:mtr:owp-30');
    assert.deepEqual(findingsOf(files), [
      [M1, 3, 'AK031'],
      [M2, 4, 'AK012'],
      [M2, 4, 'AK031'],
      [M2, 4, 'AK032'],
    ]);
  });
});

// AK040-AK041: every slug in a `vereiste:` or `maatregel:` list names an existing document.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, damage, findingsOf, H1, M1, M2, only, V1, V2, withFiles, maatregelenFolder } from '../../support/memoryCorpus';

describe('AK040 unknown-vereiste', () => {
  test('fires on the item, naming the slug and the closest vereiste', () => {
    const files = damage(base, M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-08-transparantie-aan-gebruikersverantwoordelijken');
    assert.deepEqual(findingsOf(files), [[M1, 6, 'AK040']]);
    const finding = only(files, 'AK040');
    assert.match(finding.message, /'aia-08-transparantie-aan-gebruikersverantwoordelijken'/);
    assert.match(finding.message, /'aia-08-transparantie-aan-gebruiksverantwoordelijken'/);
    assert.deepEqual(finding.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 55 } });
  });

  test('fires on hulpmiddelen too', () => {
    assert.deepEqual(findingsOf(damage(base, H1, '- avg-01-rechtmatige-verwerking', '- avg-02-bestaat-niet')), [[H1, 7, 'AK040']]);
  });

  test('a scalar slug is checked too, anchored at the key', () => {
    const files = damage(base, M1, 'vereiste:\n- aia-08-transparantie-aan-gebruiksverantwoordelijken', 'vereiste: aia-08-onbekend');
    assert.deepEqual(findingsOf(files), [
      [M1, 5, 'AK021'],
      [M1, 5, 'AK040'],
    ]);
  });

  test('a deleted vereiste makes every citation an unknown vereiste', () => {
    const files = withFiles(base, { [V2]: null });
    assert.deepEqual(findingsOf(files), [
      [H1, 7, 'AK040'],
      [M2, 6, 'AK040'],
    ]);
  });

  test('a maatregel slug or a taxonomy slug is not a vereiste', () => {
    assert.deepEqual(findingsOf(damage(base, M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- 3-dat-01-datakwaliteit\n- ontwerp')), [
      [M1, 6, 'AK040'],
      [M1, 7, 'AK040'],
    ]);
  });

  test('a file with a .md extension or a path is not a slug', () => {
    assert.deepEqual(
      findingsOf(
        damage(
          base,
          M1,
          '- aia-08-transparantie-aan-gebruiksverantwoordelijken',
          '- aia-08-transparantie-aan-gebruiksverantwoordelijken.md\n- vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken',
        ),
      ),
      [
        [M1, 6, 'AK040'],
        [M1, 7, 'AK040'],
      ],
    );
  });

  test('does not fire for an existing vereiste, whatever its frontmatter', () => {
    // A vereiste is known by its file name, even when its own frontmatter is broken.
    const files = withFiles(base, { [V2]: '# geen frontmatter\n\n<!-- tags -->\n' });
    assert.deepEqual(findingsOf(files, { rules: { AK080: 'off' } }), [[V2, 1, 'AK001']]);
  });

  test('does not fire on a vereiste (which has no vereiste key) nor on other pages', () => {
    const files = withFiles(damage(base, V1, 'hide:', 'vereiste:\n- bestaat-niet\nhide:'), { 'docs/over.md': '---\nvereiste:\n- bestaat-niet\n---\n' });
    assert.deepEqual(findingsOf(files), [[V1, 17, 'AK011']]);
  });
});

describe('AK041 unknown-maatregel', () => {
  test('fires on the item, naming the slug', () => {
    const files = damage(base, H1, '- 2-owp-30-informeer-betrokkenen', '- 2-owp-30-informeer-betrokkene');
    assert.deepEqual(findingsOf(files), [[H1, 9, 'AK041']]);
    assert.match(only(files, 'AK041').message, /'2-owp-30-informeer-betrokkene'/);
    assert.match(only(files, 'AK041').message, /'2-owp-30-informeer-betrokkenen'/);
  });

  test('a deleted maatregel makes its citation unknown; the other maatregel stays', () => {
    const files = withFiles(base, { [M1]: null });
    assert.deepEqual(findingsOf(files), [[H1, 9, 'AK041']]);
  });

  test('a vereiste slug is not a maatregel', () => {
    assert.deepEqual(findingsOf(damage(base, H1, '- 2-owp-30-informeer-betrokkenen', '- avg-01-rechtmatige-verwerking')), [[H1, 9, 'AK041']]);
  });

  test('a file in a subfolder of the maatregelen folder is not a maatregel', () => {
    const files = withFiles(base, { [`${maatregelenFolder}/extra/4-owk-01-x.md`]: base[M1] });
    // It is another page: its list_vereisten_on_maatregelen_page is out of place (AK056).
    assert.deepEqual(findingsOf(damage(files, H1, '- 2-owp-30-informeer-betrokkenen', '- 4-owk-01-x')), [
      [H1, 9, 'AK041'],
      [`${maatregelenFolder}/extra/4-owk-01-x.md`, 23, 'AK056'],
    ]);
  });
});

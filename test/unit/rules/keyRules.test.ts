// AK010-AK012: required, known and unique top-level keys.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, check, damage, findingsOf, H1, lineOf, M1, only, V1, V2 } from '../../support/memoryCorpus';

describe('AK010 missing-key', () => {
  test('fires on line 1 for a missing required key, naming it', () => {
    const files = damage(base, V2, 'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.\n', '');
    assert.deepEqual(findingsOf(files), [[V2, 1, 'AK010']]);
    assert.match(only(files, 'AK010').message, /'toelichting'/);
  });

  test('fires once per missing key', () => {
    const files = damage(base, V2, 'rollen:\n- jurist\n', '');
    const noTitle = damage(files, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt\n', '');
    assert.deepEqual(findingsOf(noTitle), [
      [V2, 1, 'AK010'],
      [V2, 1, 'AK010'],
    ]);
    const messages = check(noTitle)
      .map((f) => f.message)
      .join('\n');
    assert.match(messages, /'rollen'/);
    assert.match(messages, /'title'/);
  });

  test('the required keys depend on the type: a hulpmiddel needs categorie but no id', () => {
    const noCategorie = damage(base, H1, 'categorie:\n- self-assessment\n', '');
    assert.deepEqual(findingsOf(noCategorie), [[H1, 1, 'AK010']]);
    assert.match(only(noCategorie, 'AK010').message, /'categorie'/);
    const noId = damage(base, M1, 'id: urn:nl:ak:mtr:owp-30\n', '');
    assert.deepEqual(findingsOf(noId), [[M1, 1, 'AK010']]);
    assert.match(only(noId, 'AK010').message, /'id'/);
  });

  test('does not fire for a key that is present with an empty value (that is another rule)', () => {
    const files = damage(base, V2, 'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.', 'toelichting:');
    assert.deepEqual(findingsOf(files), []);
  });

  test('does not fire for a missing optional key', () => {
    assert.deepEqual(findingsOf(damage(base, V1, 'hide:\n- navigation\n', '')), []);
  });
});

describe('AK011 unknown-key', () => {
  test('fires on the key, naming it and suggesting the closest known key', () => {
    const files = damage(base, V2, 'toelichting:', 'toelichtnig:');
    assert.deepEqual(findingsOf(files), [
      [V2, 1, 'AK010'],
      [V2, 4, 'AK011'],
    ]);
    const finding = only(files, 'AK011');
    assert.match(finding.message, /'toelichtnig'/);
    assert.match(finding.message, /'toelichting'/);
    assert.deepEqual(finding.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
  });

  test('known keys are known per type: vereiste on a vereiste, maatregel on a maatregel, risicogroep on a maatregel', () => {
    const files = damage(
      damage(
        damage(base, V2, 'rollen:', 'vereiste:\n- aia-08-transparantie-aan-gebruiksverantwoordelijken\nrollen:'),
        M1,
        'rollen:',
        'maatregel:\n- 3-dat-01-datakwaliteit\nrisicogroep:\n- verboden-ai\nrollen:',
      ),
      H1,
      'rollen:',
      'bronnen: x\nrollen:',
    );
    assert.deepEqual(findingsOf(files), [
      [H1, lineOf(files[H1], 'bronnen'), 'AK011'],
      [M1, lineOf(files[M1], 'maatregel:'), 'AK011'],
      [M1, lineOf(files[M1], 'risicogroep:'), 'AK011'],
      [V2, lineOf(files[V2], 'vereiste:'), 'AK011'],
    ]);
  });

  test('a list key is checked only on a type that knows it', () => {
    // Unknown values under a key the type does not know: only AK011, no AK020/AK021/AK040/AK041.
    const files = damage(
      damage(base, V2, 'rollen:', 'vereiste:\n- bestaat-niet\nmaatregel: geen-lijst\ncategorie:\nrollen:'),
      M1,
      'rollen:',
      'maatregel:\n- bestaat-niet\n- bestaat-niet\nrisicogroep: onbekend\nrollen:',
    );
    assert.deepEqual(findingsOf(files), [
      [M1, lineOf(files[M1], 'maatregel:'), 'AK011'],
      [M1, lineOf(files[M1], 'risicogroep:'), 'AK011'],
      [V2, lineOf(files[V2], 'vereiste:'), 'AK011'],
      [V2, lineOf(files[V2], 'maatregel:'), 'AK011'],
      [V2, lineOf(files[V2], 'categorie:'), 'AK011'],
    ]);
  });

  test('does not fire for the known optional keys of each type (and does for a near miss)', () => {
    const vereiste = damage(
      base,
      V2,
      'rollen:',
      'summary: x\nallow_excel_export: true\nsearch:\n  exclude: true\nuitzondering: risicogroep-uitzondering-van-toepassing\nstatus_vereiste: x\nonbekend_veld: 1\nrollen:',
    );
    assert.deepEqual(findingsOf(vereiste), [[V2, lineOf(vereiste[V2], 'onbekend_veld'), 'AK011']]);
    const maatregel = damage(base, M1, 'rollen:', 'sources:\n  ARK:\n  - 2.09\nbronnen: x\nhide:\n- toc\nrollen:');
    assert.deepEqual(findingsOf(maatregel), []);
    const hulpmiddel = damage(base, H1, 'rollen:', 'id: iets-anders\nsummary: x\nrollen:');
    assert.deepEqual(findingsOf(hulpmiddel), []);
  });

  test('nested keys are not top-level keys (an unknown key in sources is AK093)', () => {
    const files = damage(base, M1, 'rollen:', 'sources:\n  onbekend: 1\nrollen:');
    assert.deepEqual(findingsOf(files), [[M1, lineOf(files[M1], 'onbekend'), 'AK093']]);
  });

  test('does not apply to taxonomy pages and other pages', () => {
    const files = { ...base, 'docs/rollen/jurist.md': '---\ntitle: Jurist\nwillekeurig: 1\n---\n', 'docs/index.md': '---\nfoo: bar\n---\n' };
    assert.deepEqual(findingsOf(files), []);
  });
});

describe('AK012 duplicate-key', () => {
  test('reports the later occurrence, naming the key', () => {
    const files = damage(base, V1, 'hide:\n- navigation\n', 'hide:\n- navigation\nhide:\n- toc\n');
    assert.deepEqual(findingsOf(files), [[V1, 19, 'AK012']]);
    assert.match(only(files, 'AK012').message, /'hide'/);
  });

  test('every later occurrence is reported, with blank lines and comments in between', () => {
    const files = damage(base, V2, 'rollen:\n- jurist\n', 'rollen:\n- jurist\n\n# nog eens\nrollen:\n- jurist\nrollen: [jurist]\n');
    assert.deepEqual(findingsOf(files), [
      [V2, 14, 'AK012'],
      [V2, 16, 'AK012'],
    ]);
  });

  test('an unknown key repeated is both unknown (each time) and duplicate (the later one)', () => {
    const files = damage(base, V2, 'rollen:', 'extra: 1\nextra: 2\nrollen:');
    assert.deepEqual(findingsOf(files), [
      [V2, 10, 'AK011'],
      [V2, 11, 'AK011'],
      [V2, 11, 'AK012'],
    ]);
  });

  test('does not fire for the same key in different nested mappings', () => {
    assert.deepEqual(findingsOf(damage(base, M1, 'rollen:', 'sources:\n  ARK:\n  - 1\n  ADR:\n  - 1\nsearch:\n  ARK: 1\nrollen:')), []);
  });
});

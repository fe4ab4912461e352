// The engine on the real Algoritmekader corpus (read-only, skipped visibly when absent). Every finding
// listed here was checked by hand against the files and RULES.md.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCorpus, type Corpus, type Finding, loadCorpus, loadCorpusConfig } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { compareTriples, triples, type Triple } from '../support/memoryCorpus';
import { realCorpusRoot, skipReason } from '../support/realCorpus';

const skip = realCorpusRoot ? false : skipReason;
const v = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
const m = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';
const h = 'docs/voldoen-aan-wetten-en-regels/hulpmiddelen/';
const o = 'docs/onderwerpen/';

/**
 * Codes whose findings on the real corpus are listed in test files of their own: the body links
 * (realCorpusLinks.test.ts) and the unreadable files, page structure, site metadata and glossary
 * (realCorpusStructure.test.ts).
 */
const listedElsewhere = /^AK0(05|7\d|8\d|9\d)$/;

const errors: Triple[] = [
  // Citations of vereisten and maatregelen that do not exist (renamed or renumbered).
  [`${h}standaarden.md`, 24, 'AK041'], // 7-mon-04-evalueer-bij-veranderingen-in-data (now 7-mon-05-…)
  [`${h}standaarden.md`, 25, 'AK041'], // 2-owp-11-duurzaam-inkopen (now 2-owp-12-…)
  [`${h}standaarden.md`, 26, 'AK041'], // 2-owp-19-ruimte-voor-samenwerking-met-aanbieder (now 2-owp-21-…)
  [`${h}standaarden.md`, 42, 'AK020'], // onderwerp grondrechten: no docs/onderwerpen/grondrechten.md
  [`${m}2-owp-05-soort-algoritme.md`, 11, 'AK040'], // aia-06-documentatie-beoordeling-niet-hoog-risico-ai (is aia-02-…)
  [`${m}2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`, 28, 'AK012'], // hide, a second time
  [`${m}2-owp-30-informeer-betrokkenen.md`, 7, 'AK040'], // aia-08-transparantie-aan-gebruikersverantwoordelijken
  [`${m}2-owp-30-informeer-betrokkenen.md`, 8, 'AK040'], // aia-28-transparantieverplichtingen-richting-natuurlijke-personen
  [`${m}2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md`, 9, 'AK040'], // aia-37-melding-ernstige-incidenten (is aia-35-…)
  [`${m}2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md`, 20, 'AK040'], // aia-20-verstrekken-van-informatie-op-verzoek
  [`${m}2-owp-35-genereren-bronvermelding.md`, 11, 'AK040'], // aia-09-menselijke-toezicht
];

const warnings: Triple[] = [
  [`${h}Impactanalyse-AI-verordening.md`, 7, 'AK021'], // vereiste: with one empty item `-`
  [`${h}aanpak-begeleidingsethiek.md`, 4, 'AK021'], // categorie: with no value
  [`${h}genAI-compliance-FAQ.md`, 8, 'AK021'], // maatregel: with no value
  [`${h}roadmap-inwerkingtreding-AI-verordening.md`, 7, 'AK021'], // vereiste: with one empty item `-`
  [`${m}2-owp-05-soort-algoritme.md`, 3, 'AK060'],
  [`${m}2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md`, 20, 'AK022'], // aia-34-… twice
  [`${m}7-mon-05-evalueer-bij-veranderingen-in-data.md`, 2, 'AK060'],
  [`${v}aia-29-ai-modellen-algemene-doeleinden.md`, 64, 'AK052'], // list_maatregelen vereiste/… onderwerp/publieke-inkoop
  [`${v}aia-39-beleid-naleven-auteurs-en-naburige-rechten.md`, 68, 'AK052'],
];

const information: Triple[] = [
  // `no-id` is not an option of the list directives.
  ...[
    'bias-en-non-discriminatie.md',
    172,
    'fundamentele-rechten.md',
    38,
    'governance.md',
    74,
    'menselijke-controle.md',
    72,
    'privacy-en-gegevensbescherming.md',
    61,
    'publieke-inkoop.md',
    68,
    'technische-robuustheid-en-veiligheid.md',
    109,
    'transparantie.md',
    75,
  ].reduce<Triple[]>((list, item, i, all) => (i % 2 === 0 ? [...list, [`${o}${item}`, all[i + 1] as number, 'AK053']] : list), []),
  [`${h}index.md`, 12, 'AK053'],
  [`${v}aia-27-beoordelen-gevolgen-grondrechten.md`, 72, 'AK053'],
  [`${v}avg-13-dpia-verplicht.md`, 93, 'AK053'],
  [`${v}bzk-01-algoritmeregister.md`, 69, 'AK053'],
  [`${v}grw-01-fundamentele-rechten.md`, 84, 'AK053'],
  [`${v}grw-02-non-discriminatie.md`, 79, 'AK053'],
  // Empty tables: no vereiste has onderwerp duurzaamheid; no maatregel cites aia-38 or aia-39.
  [`${o}duurzaamheid.md`, 31, 'AK055'],
  [`${v}aia-38-testen.md`, 100, 'AK055'],
  [`${v}aia-39-beleid-naleven-auteurs-en-naburige-rechten.md`, 68, 'AK055'],
  // toelichting longer than 40 words.
  ...[`${h}DPIA.md`, `${h}governancekader-VNG.md`, `${h}toetsingskader-risicoprofilering.md`].map((path): Triple => [path, 3, 'AK061']),
  ...[
    `${m}2-owp-08-kwetsbare-groepen.md`,
    `${m}2-owp-34-voorkom-kwetsbaarheden-supplychain.md`,
    `${m}4-owk-08-feedbackloops.md`,
    `${m}6-imp-06-klacht-bezwaar-beroep.md`,
    `${m}6-imp-08-politiek-bestuurlijk-besluit.md`,
    `${v}aia-02-documentatie-beoordeling-niet-hoog-risico-ai.md`,
    `${v}aia-16-ce-markering.md`,
    `${v}aia-18-corrigerende-maatregelen-voor-non-conforme-ai.md`,
    `${v}aia-23-gebruiksverantwoordelijken-bewaren-logs.md`,
    `${v}aia-24-informeren-werknemers.md`,
    `${v}aia-26-recht-op-uitleg-ai-besluiten.md`,
    `${v}aia-27-beoordelen-gevolgen-grondrechten.md`,
    `${v}aia-30-ai-modellen-algemene-doeleinden-systeemrisico.md`,
    `${v}aia-39-beleid-naleven-auteurs-en-naburige-rechten.md`,
    `${v}avg-04-proportionaliteit-en-subsidiariteit.md`,
    `${v}avg-12-beveiliging-van-verwerking.md`,
    `${v}bzk-01-algoritmeregister.md`,
    `${v}woo-01-recht-op-toegang-tot-publieke-informatie.md`,
  ].map((path): Triple => [path, 4, 'AK061']),
];

describe('the real corpus', () => {
  let corpus: Corpus;
  let findings: Finding[];
  const find = (path: string, line: number, code: string) => {
    const found = findings.filter((f) => f.path === path && f.range.start.line + 1 === line && f.code === code);
    assert.equal(found.length, 1, `${path}:${line} ${code}`);
    return found[0];
  };

  before(async () => {
    if (!realCorpusRoot) return;
    const fs = new NodeFileSystem(realCorpusRoot);
    const config = await loadCorpusConfig(fs);
    const loaded = await loadCorpus(fs, config.schema);
    assert.deepEqual(loaded.skipped, []);
    assert.equal(loaded.lossy.size, 0);
    corpus = loaded.corpus;
    findings = checkCorpus(corpus, config.rules);
  });

  test('loads every page: 63 vereisten, 108 maatregelen, 28 hulpmiddelen and the taxonomies', { skip }, () => {
    assert.equal(corpus.slugsOf('vereiste').length, 63);
    assert.equal(corpus.slugsOf('maatregel').length, 108);
    assert.equal(corpus.slugsOf('hulpmiddel').length, 28);
    assert.equal(corpus.slugsOf('levenscyclus').length, 10);
    assert.equal(corpus.slugsOf('onderwerp').length, 10);
    assert.equal(corpus.slugsOf('rollen').length, 4);
    // docs/rollen/jurist.md starts with a BOM; it is still the rollen value jurist.
    assert.ok(corpus.bySlug('rollen', 'jurist'));
    assert.equal(corpus.bySlug('vereiste', 'index'), undefined);
  });

  test('AK040 in maatregelen/2-owp-30-informeer-betrokkenen.md lines 7 and 8, with clear suggestions', { skip }, () => {
    const path = `${m}2-owp-30-informeer-betrokkenen.md`;
    assert.deepEqual(triples(findings.filter((f) => f.path === path)), [
      [path, 7, 'AK040'],
      [path, 8, 'AK040'],
    ]);
    const line7 = find(path, 7, 'AK040');
    assert.match(line7.message, /'aia-08-transparantie-aan-gebruikersverantwoordelijken'/);
    assert.deepEqual(
      line7.fixes.filter((f) => f.preferred && f.safe).map((f) => f.edits[0].newText),
      ['aia-08-transparantie-aan-gebruiksverantwoordelijken'],
    );
    const line8 = find(path, 8, 'AK040');
    assert.match(line8.message, /'aia-28-transparantieverplichtingen-richting-natuurlijke-personen'/);
    assert.deepEqual(
      line8.fixes.filter((f) => f.preferred && f.safe).map((f) => f.edits[0].newText),
      ['aia-28-transparantieverplichtingen'],
    );
  });

  test('a renumbered vereiste is offered, not applied: aia-37-melding-ernstige-incidenten', { skip }, () => {
    const finding = find(`${m}2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md`, 9, 'AK040');
    assert.ok(finding.fixes.every((f) => !f.safe));
    assert.ok(finding.fixes.some((f) => f.edits[0].newText === 'aia-35-melding-ernstige-incidenten'));
  });

  test('AK020 grondrechten in hulpmiddelen/standaarden.md', { skip }, () => {
    const finding = find(`${h}standaarden.md`, 42, 'AK020');
    assert.match(finding.message, /'grondrechten'/);
    assert.match(finding.message, /'onderwerp'/);
    assert.equal(finding.severity, 'error');
  });

  test('AK012 the second hide in 2-owp-18', { skip }, () => {
    const finding = find(`${m}2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`, 28, 'AK012');
    assert.match(finding.message, /'hide'/);
  });

  test('AK060 the titles ending with a period', { skip }, () => {
    assert.deepEqual(triples(findings.filter((f) => f.code === 'AK060')), [
      [`${m}2-owp-05-soort-algoritme.md`, 3, 'AK060'],
      [`${m}7-mon-05-evalueer-bij-veranderingen-in-data.md`, 2, 'AK060'],
    ]);
  });

  test('AK021 the empty items and empty values', { skip }, () => {
    const empty = findings.filter((f) => f.code === 'AK021');
    assert.deepEqual(
      triples(empty),
      warnings.filter(([, , code]) => code === 'AK021'),
    );
    // The `-` items are anchored at the item, the empty values at the key.
    assert.deepEqual(find(`${h}Impactanalyse-AI-verordening.md`, 7, 'AK021').range.start, { line: 6, character: 1 });
    assert.deepEqual(find(`${h}genAI-compliance-FAQ.md`, 8, 'AK021').range.start, { line: 7, character: 0 });
    assert.match(find(`${h}aanpak-begeleidingsethiek.md`, 4, 'AK021').message, /'categorie'/);
  });

  test('the CRLF maatregel has no findings', { skip }, () => {
    assert.ok(corpus.get(`${m}6-imp-01-werkinstructies-gebruikers.md`)?.text.getText().includes('\r\n'));
    assert.deepEqual(
      findings.filter((f) => f.path === `${m}6-imp-01-werkinstructies-gebruikers.md`),
      [],
    );
  });

  test('every error, checked by hand', { skip }, () => {
    assert.deepEqual(triples(findings.filter((f) => f.severity === 'error' && !listedElsewhere.test(f.code))), [...errors].sort(compareTriples));
  });

  test('every warning, checked by hand', { skip }, () => {
    assert.deepEqual(triples(findings.filter((f) => f.severity === 'warning' && !listedElsewhere.test(f.code))), [...warnings].sort(compareTriples));
  });

  test('every information finding, checked by hand', { skip }, () => {
    assert.deepEqual(triples(findings.filter((f) => f.severity === 'information' && !listedElsewhere.test(f.code))), [...information].sort(compareTriples));
    assert.equal(findings.filter((f) => f.severity === 'hint').length, 0);
  });

  test('rules the real corpus does not break stay silent', { skip }, () => {
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ['AK001', 'AK002', 'AK003', 'AK004', 'AK010', 'AK011', 'AK030', 'AK031', 'AK032', 'AK050', 'AK051', 'AK054', 'AK056', 'AK062']) {
      assert.ok(!codes.has(code), code);
    }
  });
});

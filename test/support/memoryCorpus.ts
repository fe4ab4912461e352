// An in-memory corpus for rule and fix tests, and a small valid base corpus that tests copy and damage.
import assert from 'node:assert/strict';
import { checkCorpus, Corpus, type CorpusSchema, defaultSchema, type Finding, parseDocument, type SeverityOverrides } from '../../engine';

/** Path (relative to the corpus root, `/` separators) → file text. */
export type Files = Record<string, string>;

/** A finding as the rules catalogue identifies it: file, 1-based line, code. */
export type Triple = [path: string, line: number, code: string];

export interface CheckOptions {
  schema?: CorpusSchema;
  rules?: SeverityOverrides;
}

export function memoryCorpus(files: Files, schema: CorpusSchema = defaultSchema): Corpus {
  const corpus = new Corpus(schema);
  for (const [path, text] of Object.entries(files)) corpus.set(parseDocument(path, text, schema));
  return corpus;
}

export function check(files: Files, options: CheckOptions = {}): Finding[] {
  return checkCorpus(memoryCorpus(files, options.schema), options.rules);
}

export function triples(findings: readonly Finding[]): Triple[] {
  return findings.map((f): Triple => [f.path, f.range.start.line + 1, f.code]).sort(compareTriples);
}

/** The `[path, line, code]` triples of every finding of the corpus, sorted. */
export function findingsOf(files: Files, options: CheckOptions = {}): Triple[] {
  return triples(check(files, options));
}

export function compareTriples(a: Triple, b: Triple): number {
  return (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** The one finding with `code` in the corpus (fails unless there is exactly one). */
export function only(files: Files, code: string, options: CheckOptions = {}): Finding {
  const found = check(files, options).filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(triples(found))}`);
  return found[0];
}

/** A copy of `files` with some files replaced, added or (with `null`) deleted. */
export function withFiles(files: Files, changes: Record<string, string | null>): Files {
  const result = { ...files };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete result[path];
    else result[path] = text;
  }
  return result;
}

/** `text` with the one occurrence of `from` replaced by `to` (fails when `from` is absent or repeats). */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1, `'${from}' not found in ${JSON.stringify(text)}`);
  assert.equal(text.indexOf(from, at + 1), -1, `'${from}' occurs more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A copy of `files` with one file edited by `edit`. */
export function damage(files: Files, path: string, from: string, to: string): Files {
  assert.ok(path in files, `${path} is not in the corpus`);
  return { ...files, [path]: edit(files[path], from, to) };
}

/** The 1-based line of the first line of `text` that contains `needle` (fails when there is none). */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let from = -1;
  for (let n = 0; n < occurrence; n++) {
    from = text.indexOf(needle, from + 1);
    assert.ok(from !== -1, `'${needle}' (occurrence ${occurrence}) not found`);
  }
  return text.slice(0, from).split('\n').length;
}

export const content = 'docs/voldoen-aan-wetten-en-regels';
export const vereistenFolder = `${content}/vereisten`;
export const maatregelenFolder = `${content}/maatregelen`;
export const hulpmiddelenFolder = `${content}/hulpmiddelen`;

/** The documents of the base corpus. */
export const V1 = `${vereistenFolder}/aia-08-transparantie-aan-gebruiksverantwoordelijken.md`;
export const V2 = `${vereistenFolder}/avg-01-rechtmatige-verwerking.md`;
export const M1 = `${maatregelenFolder}/2-owp-30-informeer-betrokkenen.md`;
export const M2 = `${maatregelenFolder}/3-dat-01-datakwaliteit.md`;
export const H1 = `${hulpmiddelenFolder}/impacttoets.md`;

const taxonomyPage = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n`;

/** The required `##` sections (AK080) that a document of the base corpus lacks otherwise, each with a line of text, at its end. */
const sections = (...names: string[]) => names.flatMap((name) => [`## ${name}`, '', 'Tekst.', '']);

/**
 * A valid corpus without any finding: taxonomy pages for a few levenscyclus, onderwerp and rollen
 * slugs (each folder with an index.md too), two vereisten, two maatregelen and one hulpmiddel.
 * Line numbers that tests rely on: `title` 2, `id` 3, `toelichting` 4, `vereiste:` of M1 on 5.
 */
export const base: Readonly<Files> = Object.freeze({
  'docs/index.md': '# Algoritmekader (testcorpus)\n\nEen klein corpus voor de tests.\n',
  'docs/levenscyclus/index.md': '# Levenscyclus\n',
  'docs/levenscyclus/ontwerp.md': taxonomyPage('Ontwerp'),
  'docs/levenscyclus/ontwikkelen.md': taxonomyPage('Ontwikkelen'),
  'docs/levenscyclus/implementatie.md': taxonomyPage('Implementatie'),
  'docs/onderwerpen/index.md': '# Onderwerpen\n',
  'docs/onderwerpen/transparantie.md': taxonomyPage('Transparantie'),
  'docs/onderwerpen/governance.md': taxonomyPage('Governance'),
  'docs/onderwerpen/data.md': taxonomyPage('Data'),
  'docs/rollen/index.md': '# Rollen\n',
  'docs/rollen/projectleider.md': taxonomyPage('Projectleider'),
  'docs/rollen/jurist.md': taxonomyPage('Jurist'),
  'docs/rollen/ontwikkelaar.md': taxonomyPage('Ontwikkelaar'),
  [V1]: [
    '---',
    'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem',
    'id: urn:nl:ak:ver:aia-08',
    'toelichting: Wie een AI-systeem inzet, moet begrijpen wat het doet en wat het niet kan.',
    'levenscyclus:',
    '- ontwerp',
    '- ontwikkelen',
    'onderwerp:',
    '- transparantie',
    'rollen:',
    '- projectleider',
    '- jurist',
    'soort-toepassing:',
    '- ai-systeem',
    'risicogroep:',
    '- hoog-risico-ai-systeem',
    'hide:',
    '- navigation',
    '---',
    '',
    '<!-- tags -->',
    '',
    '## Vereiste',
    '',
    'Een testvereiste over uitleg.',
    '',
    '## Maatregelen',
    '',
    '<!-- list_maatregelen vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken no-search -->',
    '',
    ...sections('Toelichting', 'Bronnen', 'Van toepassing op', 'Risico'),
  ].join('\n'),
  [V2]: [
    '---',
    'title: Persoonsgegevens worden rechtmatig verwerkt',
    'id: urn:nl:ak:ver:avg-01',
    'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- governance',
    '- data',
    'rollen:',
    '- jurist',
    '---',
    '',
    '<!-- tags -->',
    '',
    '## Vereiste',
    '',
    'Een testvereiste over grondslagen.',
    '',
    '<!-- list_maatregelen vereiste/avg-01-rechtmatige-verwerking -->',
    '',
    ...sections('Toelichting', 'Bronnen', 'Van toepassing op', 'Risico', 'Maatregelen'),
  ].join('\n'),
  [M1]: [
    '---',
    'title: Informeer de betrokkenen',
    'id: urn:nl:ak:mtr:owp-30',
    'toelichting: Bepaal wie er geïnformeerd moet worden en wat zij moeten weten.',
    'vereiste:',
    '- aia-08-transparantie-aan-gebruiksverantwoordelijken',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- transparantie',
    'rollen:',
    '- projectleider',
    '---',
    '',
    '<!-- tags -->',
    '',
    '## Maatregel',
    '',
    'Een testmaatregel.',
    '',
    '## Vereisten',
    '',
    '<!-- list_vereisten_on_maatregelen_page -->',
    '',
    ...sections('Toelichting', 'Risico', 'Bijbehorende vereiste(n)', 'Bronnen', 'Voorbeelden'),
  ].join('\n'),
  [M2]: [
    '---',
    'title: Bewaak de kwaliteit van de data',
    'id: urn:nl:ak:mtr:dat-01',
    'toelichting: Stel vast of de data geschikt is voor het doel.',
    'vereiste:',
    '- avg-01-rechtmatige-verwerking',
    '- aia-08-transparantie-aan-gebruiksverantwoordelijken',
    'levenscyclus:',
    '- ontwikkelen',
    'onderwerp:',
    '- data',
    'rollen:',
    '- ontwikkelaar',
    '---',
    '',
    '<!-- tags -->',
    '',
    '<!-- list_vereisten_on_maatregelen_page -->',
    '',
    ...sections('Maatregel', 'Toelichting', 'Risico', 'Bijbehorende vereiste(n)', 'Bronnen', 'Voorbeelden'),
  ].join('\n'),
  [H1]: [
    '---',
    'title: Impacttoets',
    'toelichting: Een vragenlijst om de gevolgen van een algoritme in kaart te brengen.',
    'categorie:',
    '- self-assessment',
    'vereiste:',
    '- avg-01-rechtmatige-verwerking',
    'maatregel:',
    '- 2-owp-30-informeer-betrokkenen',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- governance',
    'rollen:',
    '- projectleider',
    '---',
    '',
    '<!-- tags -->',
    '',
    '<!-- list_vereisten_on_maatregelen_page -->',
    '<!-- list_maatregelen_on_hulpmiddelen_page -->',
    '',
    ...sections('Hulpmiddel', 'Relevantie', 'Auteur', 'Bijbehorende vereisten', 'Bijbehorende maatregelen'),
  ].join('\n'),
});

/** A copy of the base corpus, to damage. */
export function baseFiles(): Files {
  return { ...base };
}

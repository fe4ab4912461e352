import type { Corpus } from '../../../engine';

export type NewDocumentType = 'vereiste' | 'maatregel' | 'hulpmiddel';

/** Id prefixes in use for a type, most used first. */
export function idPrefixes(corpus: Corpus, type: NewDocumentType): string[] {
  const counts = new Map<string, number>();
  for (const document of corpus.slugsOf(type)) {
    const prefix = idTail(document.id)?.split('-')[0];
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([prefix]) => prefix);
}

function idTail(id: string | undefined): string | undefined {
  return id?.slice(id.lastIndexOf(':') + 1);
}

export function slugify(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug.length + word.length + 1 > 60 && slug !== '') break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || 'nieuw';
}

/** The file name (without folder) and text of a new document: next free id of the prefix, our own template. */
export function newDocument(corpus: Corpus, type: NewDocumentType, title: string, prefix = ''): { path: string; text: string } {
  const definition = corpus.schema.documentTypes[type];
  const cleanTitle = title.trim().replace(/\.+$/, '');
  const words = slugify(cleanTitle);
  let slug = words;
  let id: string | undefined;
  if (definition.idPrefix) {
    const letters = prefix.toLowerCase().replace(/[^a-z]/g, '') || (type === 'vereiste' ? 'ver' : 'mtr');
    const siblings = corpus.slugsOf(type).filter((document) => idTail(document.id)?.startsWith(`${letters}-`));
    const next = Math.max(0, ...siblings.map((document) => Number(idTail(document.id)?.split('-')[1] ?? 0))) + 1;
    const tail = `${letters}-${String(next).padStart(2, '0')}`;
    id = `${definition.idPrefix}${tail}`;
    const phase = mostCommon(siblings.map((document) => /^(\d+)-/.exec(document.slug)?.[1]).filter((p): p is string => p !== undefined));
    slug = `${phase ? `${phase}-` : ''}${tail}-${words}`;
  }
  const path = `${definition.folder}/${uniqueSlug(corpus, type, slug)}.md`;
  return { path, text: template(type, cleanTitle, id, path.slice(path.lastIndexOf('/') + 1, -3)) };
}

function uniqueSlug(corpus: Corpus, type: string, slug: string): string {
  let candidate = slug;
  for (let n = 2; corpus.bySlug(type, candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function template(type: NewDocumentType, title: string, id: string | undefined, slug: string): string {
  const head = ['---', `title: ${yamlString(title)}`, ...(id ? [`id: ${id}`] : []), 'toelichting: ', ...(type === 'hulpmiddel' ? ['categorie:', '- '] : [])];
  const labels = ['levenscyclus:', '- ', 'onderwerp:', '- ', 'rollen:', '- ', 'hide:', '- navigation', '---', '', '<!-- tags -->', ''];
  switch (type) {
    case 'vereiste':
      return [
        ...head, ...labels,
        '## Vereiste', '<!-- Wat vraagt deze wet of regel, in één zin? -->', '',
        '## Toelichting', '<!-- Leg uit wanneer de vereiste geldt en wat zij in de praktijk betekent. -->', '',
        '## Bronnen', '<!-- Artikelen van de wet of regel, met een link. -->', '',
        '## Risico', '<!-- Wat kan er misgaan als de organisatie hier niet aan voldoet? -->', '',
        '## Maatregelen { data-search-exclude }', '',
        `<!-- list_maatregelen vereiste/${slug} no-search no-onderwerp no-rol no-levenscyclus -->`, '',
      ].join('\n');
    case 'maatregel':
      return [
        ...head.slice(0, 3), 'toelichting: ', 'vereiste:', '- ', ...labels,
        '## Maatregel', '<!-- Wat doe je, in één zin? -->', '',
        '## Toelichting', '<!-- Hoe pak je het aan, en wie doet wat? -->', '',
        '## Risico', '<!-- Welk risico verkleint deze maatregel? -->', '',
        '## Bijbehorende vereiste(n) { data-search-exclude }', '',
        '??? expander "Bekijk alle vereisten"', '\t<!-- list_vereisten_on_maatregelen_page -->', '',
        '## Bronnen', '', '## Voorbeelden', '',
      ].join('\n');
    case 'hulpmiddel':
      return [
        ...head, 'vereiste:', '- ', 'maatregel:', '- ', ...labels,
        `## Wat is ${title}?`, '<!-- Beschrijf het hulpmiddel en voor wie het bedoeld is. -->', '',
        '## Relevantie', '<!-- Waarom helpt dit bij het voldoen aan wetten en regels? -->', '',
        '## Bijbehorende maatregelen', '', '<!-- list_maatregelen_on_hulpmiddelen_page -->', '',
      ].join('\n');
  }
}

/** A plain scalar when YAML reads it back as the same string, else a double-quoted one. */
function yamlString(text: string): string {
  return /^[^\s'"#&*!|>%@`{}[\],?:-][^#]*$/.test(text) && !/:\s/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}


import { type Corpus, parseFrontmatter, type YamlValue } from '../../../engine';

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

/**
 * The file name and text of a new document: the next free id of the prefix, and the corpus's own
 * template (`templates/template-<type>.md`) with its instructions and example values taken out, or
 * our built-in one when the corpus has none.
 */
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
  const page: NewPage = { type, title: cleanTitle, id, slug: path.slice(path.lastIndexOf('/') + 1, -3) };
  const template = corpus.resources.templates?.[type];
  return { path, text: template === undefined ? builtInTemplate(corpus, page) : fromTemplate(corpus, template, page) };
}

interface NewPage {
  type: NewDocumentType;
  title: string;
  id?: string;
  slug: string;
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

/** Keys whose values in a template are settings of the site, not examples: they are kept. */
const keptValues = new Set(['hide']);

/**
 * A page from the corpus's template. Frontmatter: the comments go, title and id are filled in, the
 * site settings (`hide`) stay, every other value is emptied (lists keep one empty item, mappings
 * their keys). Body: the headings, the directives (with a filter on the page's own type pointed at
 * the new page) and the blocks that hold them stay; comments, instruction and example text go,
 * except a paragraph with a real link and no placeholder (the invitation under `## Voorbeelden`).
 */
function fromTemplate(corpus: Corpus, template: string, page: NewPage): string {
  const frontmatter = parseFrontmatter(template.replace(/\r\n?/g, '\n'));
  if (frontmatter.status !== 'parsed' || frontmatter.errors.length > 0) return builtInTemplate(corpus, page);
  const lines: string[] = [];
  const present = new Set<string>();
  for (const entry of frontmatter.entries) {
    if (!entry.first) continue;
    present.add(entry.key);
    lines.push(...frontmatterLines(corpus, entry.key, entry.value, page));
  }
  const type = corpus.schema.documentTypes[page.type];
  for (const key of type.required.filter((key) => !present.has(key))) lines.push(...emptyKey(corpus, key, page));
  const body = templateBody(corpus, template.replace(/\r\n?/g, '\n').slice(frontmatter.bodyStart), page);
  return ['---', ...lines, '---', '', ...body, ''].join('\n');
}

function frontmatterLines(corpus: Corpus, key: string, value: YamlValue, page: NewPage): string[] {
  if (key === 'title') return [`title: ${yamlString(page.title)}`];
  if (key === 'id') return page.id ? [`id: ${page.id}`] : [];
  if (keptValues.has(key) && value.kind === 'list')
    return [`${key}:`, ...value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [`- ${item.value}`] : []))];
  if (value.kind === 'map') return [`${key}:`, ...value.entries.flatMap((entry) => (entry.value.kind === 'list' ? [`  ${entry.key}:`, '  - '] : [`  ${entry.key}: `]))];
  if (value.kind === 'list' || corpus.schema.listKeys[key]) return [`${key}:`, '- '];
  if (typeof value.value === 'boolean' || typeof value.value === 'number') return [`${key}: ${String(value.value)}`];
  return [`${key}: `];
}

function emptyKey(corpus: Corpus, key: string, page: NewPage): string[] {
  if (key === 'title') return [`title: ${yamlString(page.title)}`];
  if (key === 'id') return page.id ? [`id: ${page.id}`] : [];
  return corpus.schema.listKeys[key] ? [`${key}:`, '- '] : [`${key}: `];
}

const heading = /^#{1,6}(\s|$)/;
const opener = /^(!!!|\?\?\?\+?|===)\s/;
const realLink = /\]\((?:https?|mailto):[^)]*\)/;

/** The blocks of the template's body that a new page keeps, each as its lines. */
function templateBody(corpus: Corpus, body: string, page: NewPage): string[] {
  const lines = body.split('\n');
  const isDirective = (comment: string) => {
    const name = /^<!--\s*(\S+)/.exec(comment)?.[1] ?? '';
    return corpus.schema.directivePrefixes.some((prefix) => name.startsWith(prefix));
  };
  // Each line without its comments, except directives; a comment over several lines goes whole.
  let inComment = false;
  const visible = lines.map((line) => {
    let kept = '';
    let rest = line;
    while (rest !== '') {
      if (inComment) {
        const close = rest.indexOf('-->');
        if (close === -1) return kept;
        rest = rest.slice(close + 3);
        inComment = false;
        continue;
      }
      const open = rest.indexOf('<!--');
      if (open === -1) return kept + rest;
      kept += rest.slice(0, open);
      const close = rest.indexOf('-->', open + 4);
      if (close === -1) {
        inComment = true;
        return kept;
      }
      const comment = rest.slice(open, close + 3);
      if (isDirective(comment)) kept += pointAtPage(corpus, comment, page);
      rest = rest.slice(close + 3);
    }
    return kept;
  });
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const hasDirective = (line: string) => /<!--/.test(line);

  const blocks: string[][] = [];
  for (let index = 0; index < lines.length; index++) {
    const text = visible[index];
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (heading.test(trimmed)) {
      blocks.push([text.trimEnd()]);
    } else if (opener.test(trimmed)) {
      // A block (admonition, expander, tab) stays with the directives inside it, and only them.
      const inside: string[] = [];
      let next = index + 1;
      for (; next < lines.length && (lines[next].trim() === '' || indentOf(lines[next].replace(/\t/g, '    ')) > indentOf(text)); next++) {
        if (hasDirective(visible[next])) inside.push(visible[next].trimEnd());
      }
      if (inside.length > 0) blocks.push([text.trimEnd(), ...inside]);
      index = next - 1;
    } else if (hasDirective(text) && text.replace(/<!--.*?-->/g, '').trim() === '') {
      blocks.push([text.trimEnd()]);
    } else {
      // A paragraph: up to a blank line or a heading.
      const paragraph: string[] = [];
      let next = index;
      for (; next < lines.length && visible[next].trim() !== '' && !heading.test(visible[next].trim()); next++) paragraph.push(visible[next].trimEnd());
      const joined = paragraph.join('\n');
      const placeholder = joined.includes('](url') || corpus.schema.instructionPhrases.some((phrase) => paragraph.some((line) => line.trim().startsWith(phrase)));
      if (realLink.test(joined) && !placeholder) blocks.push(paragraph);
      index = next - 1;
    }
  }
  return blocks.flatMap((block, index) => (index === 0 ? block : ['', ...block]));
}

/** A directive whose filter names a document of the new page's own type (the template's example) now names the new page. */
function pointAtPage(corpus: Corpus, comment: string, page: NewPage): string {
  return comment.replace(/(<!--\s*\S+\s+)([\w-]+)\/(\S+)/, (whole, head: string, key: string) => {
    const vocabulary = corpus.schema.listKeys[key]?.vocabulary;
    return vocabulary?.kind === 'documents' && vocabulary.documentType === page.type ? `${head}${key}/${page.slug}` : whole;
  });
}

/** What our own template says under a section, by section name. */
const sectionContent: Record<string, (page: NewPage) => string[]> = {
  Vereiste: () => ['<!-- Wat vraagt deze wet of regel, in één zin? -->'],
  Maatregel: () => ['<!-- Wat doe je, in één zin? -->'],
  Hulpmiddel: () => ['<!-- Wat is het hulpmiddel, en voor wie is het bedoeld? -->'],
  Toelichting: (page) => [
    page.type === 'vereiste' ? '<!-- Leg uit wanneer de vereiste geldt en wat zij in de praktijk betekent. -->' : '<!-- Hoe pak je het aan, en wie doet wat? -->',
  ],
  Bronnen: () => ['<!-- Artikelen van de wet of regel, of andere bronnen, met een link. -->'],
  'Van toepassing op': () => ['<!-- tags-ai-act -->'],
  Risico: () => ['<!-- Wat kan er misgaan als dit ontbreekt? -->'],
  Relevantie: () => ['<!-- Waarom helpt dit bij het voldoen aan wetten en regels? -->'],
  Auteur: () => ['<!-- Wie heeft het hulpmiddel gemaakt, en in wiens opdracht? -->'],
  Maatregelen: (page) => [`<!-- list_maatregelen vereiste/${page.slug} no-search no-onderwerp no-rol no-levenscyclus -->`],
  'Bijbehorende vereiste(n)': () => ['??? expander "Bekijk alle vereisten"', '    <!-- list_vereisten_on_maatregelen_page -->'],
  'Bijbehorende vereisten': () => ['<!-- list_vereisten_on_maatregelen_page -->'],
  'Bijbehorende maatregelen': () => ['<!-- list_maatregelen_on_hulpmiddelen_page -->'],
};

/** Sections whose directives the site's search should not index. */
const excludedFromSearch = new Set(['Maatregelen', 'Bijbehorende vereiste(n)', 'Bijbehorende vereisten', 'Bijbehorende maatregelen']);

/** Our own template, for a corpus without one: the schema's keys and the required sections of the type. */
function builtInTemplate(corpus: Corpus, page: NewPage): string {
  const type = corpus.schema.documentTypes[page.type];
  const keys = [...type.required, ...(page.type === 'maatregel' ? ['vereiste'] : page.type === 'hulpmiddel' ? ['vereiste', 'maatregel'] : [])];
  const head = ['---', ...keys.flatMap((key) => emptyKey(corpus, key, page)), 'hide:', '- navigation', '---', '', '<!-- tags -->', ''];
  const sections = (type.sections ?? []).flatMap((section) => [
    `## ${section}${excludedFromSearch.has(section) ? ' { data-search-exclude }' : ''}`,
    ...(sectionContent[section]?.(page) ?? []),
    '',
  ]);
  return [...head, ...sections].join('\n');
}

/** A plain scalar when YAML reads it back as the same string, else a double-quoted one. */
function yamlString(text: string): string {
  return /^[^\s'"#&*!|>%@`{}[\],?:-][^#]*$/.test(text) && !/:\s/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

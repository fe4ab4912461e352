import type { Hover, Position } from 'vscode-languageserver-types';
import { type Corpus, type Directive, entryOf, listedDocuments, type ParsedDocument } from '../../../engine';
import { contains, referenced, scalarOf, sectionText, targetAt } from './documentQueries';
import { linkHover } from './links';
import { code, escapeMarkdown } from './markdown';
import { glossaryHover, metadataHover } from './siteMetadata';

const maxSectionCharacters = 600;
const maxListedTitles = 10;

export function hover(corpus: Corpus, document: ParsedDocument, position: Position): Hover | null {
  const metadata = metadataHover(corpus, document, position);
  if (metadata) return metadata;
  const onLink = linkHover(corpus, document, position);
  if (onLink !== undefined) return onLink;
  const target = targetAt(document, position);
  if (!target) return glossaryHover(corpus, document, position);
  let value: string | undefined;
  let range = undefined;
  switch (target.kind) {
    case 'reference': {
      const cited = referenced(corpus, target.reference);
      range = target.reference.range;
      value = cited ? documentPreview(corpus, cited) : `Er is geen ${target.reference.type} ${code(target.reference.slug)}.`;
      if (target.reference.in === 'directive') {
        const directive = document.directives.find((d) => contains(d.range, target.reference.range.start));
        if (directive) value += '\n\n---\n\n' + renderPreview(corpus, directive);
      }
      break;
    }
    case 'key':
      range = target.entry.keyRange;
      value = keyHover(corpus, document, target.entry.key);
      break;
    case 'value': {
      range = target.item.range;
      const vocabulary = corpus.schema.listKeys[target.entry.key]?.vocabulary;
      if (vocabulary?.kind === 'taxonomy') value = taxonomyHover(corpus, vocabulary.taxonomy, target.value);
      break;
    }
    case 'directiveName': {
      range = target.directive.nameRange;
      const definition = entryOf(corpus.schema.directives, target.directive.name);
      value = definition
        ? `${code(target.directive.name)}: ${escapeMarkdown(definition.description)}` + (definition.lists ? '\n\n---\n\n' + renderPreview(corpus, target.directive) : '')
        : `Onbekende directive ${code(target.directive.name)}: de site laat dit commentaar ongebruikt.`;
      break;
    }
    case 'directiveArgument': {
      range = target.argument.range;
      value = argumentHover(corpus, target.directive, target.argument.text, target.index);
      break;
    }
  }
  return value ? { contents: { kind: 'markdown', value }, range } : null;
}

/** Title, id, toelichting, main section and labels of a vereiste, maatregel or hulpmiddel. */
export function documentPreview(corpus: Corpus, document: ParsedDocument): string {
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  const parts = [`**${escapeMarkdown(document.title ?? document.slug)}**`];
  parts.push([document.id && code(document.id), type?.label, code(document.slug)].filter(Boolean).join(' · '));
  const toelichting = scalarOf(document, 'toelichting');
  if (toelichting) parts.push(escapeMarkdown(toelichting));
  const section = type?.mainSection && sectionText(document, type.mainSection);
  if (section && type?.mainSection) {
    const text = section.length > maxSectionCharacters ? section.slice(0, maxSectionCharacters) + '…' : section;
    parts.push(`**${escapeMarkdown(type.mainSection)}:** ${escapeMarkdown(text.replace(/\s+/g, ' '))}`);
  }
  const labels = ['levenscyclus', 'onderwerp', 'rollen']
    .map((key) => [key, document.lists.get(key) ?? []] as const)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => `${escapeMarkdown(key)}: ${values.map(code).join(', ')}`);
  if (labels.length > 0) parts.push(labels.join('  \n'));
  return parts.join('\n\n');
}

/** What a `list_*` directive will render on the site. */
function renderPreview(corpus: Corpus, directive: Directive): string {
  const listed = entryOf(corpus.schema.directives, directive.name)?.lists;
  const matches = listedDocuments(corpus, directive);
  if (!listed || !matches) return '';
  const label = corpus.schema.documentTypes[listed]?.label ?? listed;
  if (matches.length === 0) return `De tabel blijft leeg: geen enkele ${escapeMarkdown(label)} past bij ${code(directive.args[0]?.text ?? '')}.`;
  // In the table's order, as the site lists them.
  const titles = matches
    .map((m) => m.title ?? m.slug)
    .slice(0, maxListedTitles)
    .map((title) => `- ${escapeMarkdown(title)}`);
  const more = matches.length > maxListedTitles ? `\n- … en nog ${matches.length - maxListedTitles}` : '';
  return `De tabel toont ${matches.length} × ${escapeMarkdown(label)}:\n\n${titles.join('\n')}${more}`;
}

function keyHover(corpus: Corpus, document: ParsedDocument, key: string): string | undefined {
  const description = entryOf(corpus.schema.keyDescriptions, key);
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  const status = type ? (type.required.includes(key) ? 'verplicht' : type.optional.includes(key) ? 'optioneel' : `onbekend voor een ${type.label}`) : undefined;
  if (!description && !status) return undefined;
  return [`${code(key)}${status ? ` (${escapeMarkdown(status)})` : ''}`, description && escapeMarkdown(description)].filter(Boolean).join('\n\n');
}

function taxonomyHover(corpus: Corpus, taxonomy: string, value: string): string {
  const page = corpus.bySlug(taxonomy, value);
  if (!page) return `Onbekende waarde ${code(value)} voor ${code(taxonomy)}.`;
  const summary = scalarOf(page, 'summary') ?? scalarOf(page, 'toelichting');
  return [`**${escapeMarkdown(page.title ?? page.slug)}** · ${code(taxonomy)}`, summary && escapeMarkdown(summary)].filter(Boolean).join('\n\n');
}

function argumentHover(corpus: Corpus, directive: Directive, text: string, index: number): string | undefined {
  const definition = entryOf(corpus.schema.directives, directive.name);
  if (!definition?.lists) return undefined;
  const slash = text.indexOf('/');
  if (slash > 0) {
    if (index > 0) return `${code(text)} wordt genegeerd: de site gebruikt alleen het eerste argument als filter.`;
    const key = text.slice(0, slash);
    const value = text.slice(slash + 1);
    const vocabulary = corpus.schema.listKeys[key]?.vocabulary;
    const about = vocabulary?.kind === 'taxonomy' ? taxonomyHover(corpus, vocabulary.taxonomy, value) + '\n\n---\n\n' : '';
    return about + renderPreview(corpus, directive);
  }
  const option = /^(no|add)-(.+)$/.exec(text);
  if (option && (definition.options ?? []).includes(option[2])) {
    return `${code(text)}: ${option[1] === 'no' ? 'verbergt' : 'toont'} ${escapeMarkdown(option[2])} in de tabel.`;
  }
  return `${code(text)} is geen filter en geen bekende optie; de site negeert het.`;
}

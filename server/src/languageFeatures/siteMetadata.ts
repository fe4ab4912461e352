// Hover and completion for the metadata the site interprets: the audit-framework codes of a
// maatregel's `sources` (with their text from the corpus's CSV), the label expressions of a
// vereiste's `uitzondering` (labels with their names, the expression in words), and the terms of the
// glossary anywhere in a page's text (the definition the site shows as a tooltip).
import { CompletionItemKind, type CompletionItem, type CompletionList, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import {
  type Corpus,
  describeExpression,
  displayName,
  entriesOf,
  expressionLabels,
  type ExpressionLabel,
  glossaryTermAt,
  labelsOf,
  type ParsedDocument,
  parseLabelExpression,
  type YamlValue,
} from '../../../engine';
import { contains } from './documentQueries';
import { code, escapeMarkdown } from './markdown';

const maxDetailCharacters = 80;

/** Hover on a `sources` code, an `uitzondering` item or a glossary term; null when the position is on none of them. */
export function metadataHover(corpus: Corpus, document: ParsedDocument, position: Position): Hover | null {
  const source = sourceCodeAt(document, position);
  if (source) return { contents: { kind: 'markdown', value: sourceCodeText(corpus, source.key, source.code) }, range: source.item.range };
  const uitzondering = uitzonderingAt(document, position);
  if (uitzondering) return { contents: { kind: 'markdown', value: uitzonderingText(corpus, uitzondering.text, uitzondering.offset) }, range: uitzondering.item.range };
  return null;
}

// ---- sources ----

/** The `sources` code under the position: the framework key it is listed under and the code as written. */
function sourceCodeAt(document: ParsedDocument, position: Position): { key: string; code: string; item: YamlValue } | undefined {
  if (document.type !== 'maatregel') return undefined;
  for (const entry of entriesOf(document)) {
    if (entry.key !== 'sources' || entry.value.kind !== 'map') continue;
    for (const framework of entry.value.entries) {
      const items = framework.value.kind === 'list' ? framework.value.items : [framework.value];
      for (const item of items) {
        if (item.kind !== 'scalar' || item.value === null || !contains(item.range, position)) continue;
        return { key: framework.key, code: item.source ?? String(item.value).trim(), item };
      }
    }
  }
  return undefined;
}

function sourceCodeText(corpus: Corpus, key: string, written: string): string {
  const framework = corpus.schema.sources.frameworks[key];
  const codes = corpus.resources.sourceCodes;
  if (!codes) return `${code(`${key} ${written}`)}: ${escapeMarkdown(framework ?? key)}. De codelijst ${code(corpus.schema.sources.file)} ontbreekt in dit corpus.`;
  const found = codes.get(key)?.get(written);
  if (!found) return `${code(`${key} ${written}`)} staat niet in het ${escapeMarkdown(framework ?? key)}.`;
  return `**${escapeMarkdown(`${key} ${found.code}`)}** · ${escapeMarkdown(found.source)}\n\n${escapeMarkdown(found.text)}`;
}

/** The framework key (`ADR`, `ARK`) a frontmatter line belongs to when it is a code line of `sources`. */
function sourcesKeyOf(document: ParsedDocument, line: number, before: string): string | undefined {
  const lineText = (at: number) => document.text.getText({ start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }).replace(/\r?\n$/, '');
  let key = /^\s+([A-Za-z][\w-]*):/.exec(before)?.[1];
  let at = line - 1;
  if (key === undefined) {
    if (!/^\s*-/.test(before)) return undefined;
    for (; at >= 1 && /^\s*(-|#|$)/.test(lineText(at)); at--);
    key = /^\s+([A-Za-z][\w-]*):\s*$/.exec(lineText(at))?.[1];
    at--;
  }
  if (key === undefined) return undefined;
  for (; at >= 1; at--) {
    const text = lineText(at);
    if (/^\S/.test(text) && !text.startsWith('#')) return /^sources\s*:\s*$/.test(text) ? key : undefined;
  }
  return undefined;
}

/** Completion of the codes of `ADR` or `ARK` under `sources`, each with its text, inserted quoted (`"3.10"` stays 3.10). */
export function sourceCodeCompletion(corpus: Corpus, document: ParsedDocument, position: Position, before: string): CompletionList | undefined {
  if (document.type !== 'maatregel') return undefined;
  const typedMatch = /(?:^\s*-\s*|^\s+[A-Za-z][\w-]*:\s+)("?[^\s"]*)$/.exec(before) ?? /^\s*-()$/.exec(before);
  if (!typedMatch) return undefined;
  const key = sourcesKeyOf(document, position.line, before);
  const codes = key === undefined ? undefined : corpus.resources.sourceCodes?.get(key);
  if (!key || !codes) return undefined;
  const typed = typedMatch[1];
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const prefix = before.endsWith('-') ? ' ' : '';
  const items = [...codes.values()].map((entry, index): CompletionItem => ({
    label: entry.code,
    kind: CompletionItemKind.EnumMember,
    detail: entry.text.length > maxDetailCharacters ? `${entry.text.slice(0, maxDetailCharacters)}…` : entry.text,
    documentation: { kind: 'markdown', value: `**${escapeMarkdown(`${key} ${entry.code}`)}** · ${escapeMarkdown(entry.source)}\n\n${escapeMarkdown(entry.text)}` },
    sortText: String(index).padStart(4, '0'),
    filterText: `"${entry.code}`,
    textEdit: { range, newText: `${prefix}"${entry.code}"` },
  }));
  return { isIncomplete: false, items };
}

// ---- uitzondering ----

function uitzonderingAt(document: ParsedDocument, position: Position): { text: string; offset: number; item: YamlValue } | undefined {
  if (document.type !== 'vereiste') return undefined;
  for (const entry of entriesOf(document)) {
    if (entry.key !== 'uitzondering') continue;
    const items = entry.value.kind === 'list' ? entry.value.items : [entry.value];
    for (const item of items) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string' || !contains(item.range, position)) continue;
      // A quoted scalar's text starts one character after its source.
      const quoted = /^["']/.test(document.text.getText(item.range)) ? 1 : 0;
      return { text: item.value, offset: document.text.offsetAt(position) - item.offsets[0] - quoted, item };
    }
  }
  return undefined;
}

/** How a label reads: `soort toepassing: AI-systeem`. */
function labelName(corpus: Corpus, label: ExpressionLabel): string {
  return `${displayName(corpus.schema, label.key)}: ${displayName(corpus.schema, label.value)}`;
}

function uitzonderingText(corpus: Corpus, text: string, offset: number): string {
  const labels = expressionLabels(corpus.schema);
  if (corpus.schema.uitzondering.standalone.includes(text.trim())) {
    const label = labels.get(text.trim());
    return `**Uitzondering** · geldt als ${escapeMarkdown(label ? labelName(corpus, label).replace(': ', ' is ') : text.trim())}.`;
  }
  const parsed = parseLabelExpression(text);
  if ('message' in parsed)
    return `**Ongeldige uitzondering**: ${escapeMarkdown(parsed.message)} (bij teken ${parsed.at + 1}). De site rekent dit in de browser uit; met een fout verdwijnt de vereiste stil.`;
  const say = (name: string, negated: boolean) => {
    const label = labels.get(name);
    if (!label) return `${code(name)} (onbekend label)`;
    return escapeMarkdown(`${displayName(corpus.schema, label.key)} is ${negated ? 'niet ' : ''}${displayName(corpus.schema, label.value)}`);
  };
  const parts = [`**Uitzondering** · geldt als ${describeExpression(parsed, say)}.`];
  const under = labelsOf(parsed).find((label) => offset >= label.start && offset <= label.end);
  const known = under && labels.get(under.label);
  if (under) parts.push(known ? `${code(under.label)}: ${escapeMarkdown(labelName(corpus, known))}` : `${code(under.label)} is geen bekend label.`);
  return parts.join('\n\n');
}

/** Completion inside an `uitzondering` item: a label inside quotes, a quoted label elsewhere, and the item that stands alone. */
export function uitzonderingCompletion(corpus: Corpus, document: ParsedDocument, position: Position, before: string, owner: string | undefined): CompletionList | undefined {
  if (document.type !== 'vereiste') return undefined;
  const expression = owner === 'uitzondering' ? /^\s*-\s?(.*)$/.exec(before)?.[1] : /^uitzondering:\s+(.*)$/.exec(before)?.[1];
  if (expression === undefined) return undefined;
  const after = document.text.getText({ start: position, end: { line: position.line, character: position.character + 1 } });
  const insideQuotes = (expression.match(/"/g)?.length ?? 0) % 2 === 1;
  const typed = insideQuotes ? expression.slice(expression.lastIndexOf('"') + 1) : (/[\w-]*$/.exec(expression)?.[0] ?? '');
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const prefix = before.endsWith('-') ? ' ' : '';
  const items: CompletionItem[] = [...expressionLabels(corpus.schema).values()].map((label) => ({
    label: label.label,
    kind: CompletionItemKind.EnumMember,
    detail: labelName(corpus, label),
    textEdit: { range, newText: insideQuotes ? `${label.label}${after === '"' ? '' : '"'}` : `${prefix}"${label.label}"` },
    filterText: label.label,
  }));
  if (!insideQuotes && expression.trim() === typed) {
    for (const standalone of corpus.schema.uitzondering.standalone) {
      items.push({
        label: standalone,
        kind: CompletionItemKind.Value,
        detail: 'de uitzondering zonder voorwaarden',
        sortText: ' ',
        textEdit: { range, newText: `${prefix}${standalone}` },
      });
    }
  }
  return { isIncomplete: false, items };
}

// ---- glossary ----

/** The glossary's definition of the term under the position in the page's text, as the site's tooltip shows it. */
export function glossaryHover(corpus: Corpus, document: ParsedDocument, position: Position): Hover | null {
  const glossary = corpus.resources.glossary;
  if (!glossary || position.line < document.bodyLine) return null;
  if (document.body.codeLines.some(([from, to]) => position.line >= from && position.line < to)) return null;
  const lineText = document.text.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const found = glossaryTermAt(glossary, lineText, position.character);
  if (!found) return null;
  return {
    contents: { kind: 'markdown', value: `**${escapeMarkdown(found.term.term)}**: ${escapeMarkdown(found.term.definition)}\n\n*Begrippenlijst, regel ${found.term.line + 1}*` },
    range: { start: { line: position.line, character: found.start }, end: { line: position.line, character: found.end } },
  };
}

import type { Position, Range } from 'vscode-languageserver-textdocument';
import { type Corpus, type Directive, type DirectiveArgument, entriesOf, type FrontmatterEntry, type ParsedDocument, type SlugReference, type YamlValue } from '../../../engine';
import { keptScalars, StoredDocument } from '../workspace/documentStore';

export function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function intersects(a: Range, b: Range): boolean {
  return !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );
}

/** What the position is on in the parsed document. */
export type Target =
  | { kind: 'reference'; reference: SlugReference }
  | { kind: 'key'; entry: FrontmatterEntry }
  | { kind: 'value'; entry: FrontmatterEntry; value: string; item: YamlValue }
  | { kind: 'directiveName'; directive: Directive }
  | { kind: 'directiveArgument'; directive: Directive; argument: DirectiveArgument; index: number };

export function targetAt(document: ParsedDocument, position: Position): Target | undefined {
  const reference = document.references.find((r) => contains(r.range, position));
  if (reference) return { kind: 'reference', reference };
  for (const entry of entriesOf(document)) {
    if (contains(entry.keyRange, position)) return { kind: 'key', entry };
    const items = entry.value.kind === 'list' ? entry.value.items : [entry.value];
    for (const item of items) {
      if (item.kind === 'scalar' && typeof item.value === 'string' && contains(item.range, position)) return { kind: 'value', entry, value: item.value, item };
    }
  }
  for (const directive of document.directives) {
    if (!contains(directive.range, position)) continue;
    if (contains(directive.nameRange, position)) return { kind: 'directiveName', directive };
    const index = directive.args.findIndex((arg) => contains(arg.range, position));
    if (index >= 0) return { kind: 'directiveArgument', directive, argument: directive.args[index], index };
  }
  return undefined;
}

/** The body section under `## heading` (up to the next `## `), comments dropped, trimmed. */
export function sectionText(document: ParsedDocument, heading: string): string | undefined {
  const body = document.text.getText().slice(document.bodyStart);
  const lines = body.split(/\r?\n/);
  const pattern = new RegExp(`^##\\s+${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  const start = lines.findIndex((line) => pattern.test(line));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  const text = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  return text === '' ? undefined : text;
}

/** A scalar string of the frontmatter, e.g. `toelichting` or `summary` (kept for a document not open, so that completion lists read no file). */
export function scalarOf(document: ParsedDocument, key: string): string | undefined {
  if (document instanceof StoredDocument && (keptScalars as readonly string[]).includes(key)) return document.scalar(key as (typeof keptScalars)[number]);
  const entry = [...entriesOf(document)].reverse().find((e) => e.key === key);
  return entry?.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value : undefined;
}

/** The document a slug reference points at. */
export function referenced(corpus: Corpus, reference: SlugReference): ParsedDocument | undefined {
  return corpus.bySlug(reference.type, reference.slug);
}

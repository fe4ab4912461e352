import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import type { FileSystem } from '../fileSystem/fileSystem';
import { readMarkdownTextSync } from '../fileSystem/readText';
import type { ParsedDocument } from '../parsing/parseDocument';
import { detached } from '../text/strings';

/** The one text read back last: rules ask for a document's text several times in a row. */
let lastLoaded: { text: ReloadableText; document: TextDocument } | undefined;

export class FileChangedError extends Error {}

/**
 * A document's text that is not kept in memory but read again from its file when a rule needs it
 * (only to build the fix of a finding), so that checking a large corpus does not hold every file.
 * The text read back must be the text that was parsed: if the file changed meanwhile, reading it
 * throws rather than let a fix land on the wrong characters.
 */
export class ReloadableText implements TextDocument {
  readonly languageId = 'markdown';
  readonly version = 0;
  /**
   * @param fs a file system with synchronous reads
   * @param stamp size and modification time of the file when it was parsed
   * @param length length of the text that was parsed
   */
  constructor(
    readonly uri: string,
    private readonly fs: FileSystem,
    private readonly path: string,
    private readonly stamp: string,
    private readonly length: number,
  ) {}

  private load(): TextDocument {
    if (lastLoaded?.text === this) return lastLoaded.document;
    const read = readMarkdownTextSync(this.fs, this.path);
    if (read.text === undefined || read.stamp !== this.stamp || read.text.length !== this.length) {
      throw new FileChangedError(`${this.path} changed while it was being checked`);
    }
    const document = TextDocument.create(this.uri, this.languageId, this.version, read.text);
    lastLoaded = { text: this, document };
    return document;
  }

  get lineCount(): number {
    return this.load().lineCount;
  }

  getText(range?: Range): string {
    return this.load().getText(range);
  }

  positionAt(offset: number): Position {
    return this.load().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.load().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.load().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.load().getEOLCharacters(line);
  }
}

/**
 * Gives a parsed document a text read back from its file when needed, and copies the strings of
 * its parse that were cut from the text (headings, link targets, ids, block titles, directive words, facts): a
 * string cut from a text keeps that whole text alive. The frontmatter's strings are cut from a copy
 * of the block already (`parseDocument` with `dropsText`).
 */
export function dropText(document: ParsedDocument, text: ReloadableText): void {
  document.text = text;
  const { body } = document;
  for (const heading of body.headings) {
    heading.text = detached(heading.text);
    heading.id = detached(heading.id);
  }
  for (const link of body.links) link.target = detached(link.target);
  for (const { info } of body.containers) if (info.title !== undefined) info.title = detached(info.title);
  body.ids = new Set([...body.ids].map(detached));
  for (const directive of document.directives) for (const argument of directive.args) argument.text = detached(argument.text);
  for (const [key, values] of document.lists) document.lists.set(key, values.map(detached));
  for (const reference of document.references) reference.slug = detached(reference.slug);
  for (const filter of document.filters) filter.value = detached(filter.value);
  if (document.title !== undefined) document.title = detached(document.title);
  if (document.id !== undefined) document.id = detached(document.id);
  if (document.writtenId !== undefined) document.writtenId = detached(document.writtenId);
}

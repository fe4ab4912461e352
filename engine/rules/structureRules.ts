// AK080-AK084: the page body against its template and the Markdown traps of the site build
// (Python-Markdown): missing sections, merge-conflict markers, lists glued to a paragraph, empty
// admonitions and template text left in.
import { fix, replace } from '../fixes/edits';
import type { Fix, TextEdit } from '../fixes/fix';
import type { ParsedDocument } from '../parsing/parseDocument';
import type { Heading } from '../parsing/markdown/pageBody';
import { boundedDistance } from '../text/suggest';
import type { Range } from '../text/positions';
import { firstLine, quote, type Rule, type RuleContext } from './rule';

export const structureRules: Rule = (context) => {
  const { document } = context;
  if (document.unreadable) return;
  if (document.type) missingSections(context);
  for (const line of document.bodyLines.conflictMarkers) {
    context.report(
      'AK081',
      lineRange(line, 0, 7),
      'Een merge-conflictmarkering: hier staan twee versies van de tekst (`<<<<<<<` … `=======` … `>>>>>>>`). Kies de juiste en haal de markeringen weg.',
    );
  }
  // A block that is never closed (AK002) is frontmatter gone wrong: its `key:` lines and lists are no paragraph and list to fix.
  const gluedLists = document.type && document.frontmatter.status === 'unclosed' ? [] : document.bodyLines.gluedLists;
  for (const span of gluedLists) {
    const blankLine = { path: document.path, start: span.lineStart, end: span.lineStart, newText: document.bodyLines.lineBreak };
    context.report('AK082', lineRange(span.line, span.start, span.end), 'Deze lijst volgt zonder witregel op een alinea: de site toont de punten als gewone tekst in die alinea.', [
      fix('Voeg een witregel toe vóór de lijst', [blankLine]),
    ]);
  }
  emptyAdmonitions(context);
  if (document.type) templatePlaceholders(context);
};

/** The text of a heading as sections are compared: white space collapsed, lower case. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether a heading's text (normalized) is the section's name (normalized): equal, or the name followed by more words. */
function matches(text: string, name: string): boolean {
  return text === name || text.startsWith(`${name} `);
}

/** Whether a `##` heading is the section. */
export function isSectionHeading(heading: Heading, section: string): boolean {
  return matches(normalize(heading.text), normalize(section));
}

/** The required sections of a content page, each with its `##` heading when there is one. */
export function requiredSections(document: ParsedDocument, sections: readonly string[]): { section: string; heading?: Heading }[] {
  const level2 = document.body.headings.filter((heading) => heading.level === 2).map((heading) => ({ heading, text: normalize(heading.text) }));
  return sections.map((section) => {
    const name = normalize(section);
    return { section, heading: level2.find(({ text }) => matches(text, name))?.heading };
  });
}

function missingSections({ corpus, document, report }: RuleContext): void {
  const type = corpus.schema.documentTypes[document.type!];
  const sections = type?.sections;
  if (!sections || sections.length === 0) return;
  const found = requiredSections(document, sections);
  if (found.every(({ heading }) => heading)) return;
  const matched = new Set(found.flatMap(({ heading }) => heading ?? []));
  const spare = document.body.headings.filter((heading) => heading.level === 2 && !matched.has(heading) && !sections.some((section) => isSectionHeading(heading, section)));
  found.forEach(({ section, heading }, index) => {
    if (heading) return;
    const near = nearHeadings(section, spare);
    const closest = near[0];
    const clear = closest !== undefined && (near.length === 1 || near[1].distance > closest.distance);
    const hint = closest ? ` Er is wel ${quote(`## ${closest.heading.text}`)}.` : '';
    const fixes: Fix[] = [];
    if (closest && clear)
      fixes.push(fix(`Hernoem ${quote(`## ${closest.heading.text}`)} naar ${quote(`## ${section}`)}`, [replace(document, closest.heading.textOffsets, section)]));
    const next = found.slice(index + 1).find((later) => later.heading)?.heading;
    fixes.push(fix(`Voeg ${quote(`## ${section}`)} toe`, [insertSection(document, section, next)], { preferred: fixes.length === 0, safe: false }));
    report('AK080', firstLine, `De sectie ${quote(`## ${section}`)} van het sjabloon (${type.label}) ontbreekt.${hint}`, fixes);
  });
}

/** `##` headings within a near-miss of the section name, closest first. */
function nearHeadings(section: string, headings: Heading[]): { heading: Heading; distance: number }[] {
  const name = normalize(section);
  const limit = Math.min(5, Math.max(2, Math.floor(name.length / 3)));
  return headings
    .map((heading) => ({ heading, distance: boundedDistance(normalize(heading.text), name, limit) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance);
}

/** Inserts `## section` before the next required section present, or at the end of the page (without reading the text again). */
function insertSection(document: ParsedDocument, section: string, before: Heading | undefined): TextEdit {
  const { lineBreak: eol, headingLineStarts, textLength, endsWithLineBreak } = document.bodyLines;
  if (before) {
    const at = headingLineStarts[document.body.headings.indexOf(before)];
    return { path: document.path, start: at, end: at, newText: `## ${section}${eol}${eol}` };
  }
  const separator = textLength === 0 || endsWithLineBreak ? '' : eol;
  return { path: document.path, start: textLength, end: textLength, newText: `${separator}${eol}## ${section}${eol}` };
}

function insertAtLine(document: ParsedDocument, line: number, newText: string): TextEdit {
  const at = document.text.offsetAt({ line, character: 0 });
  return { path: document.path, start: at, end: at, newText };
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const tabWidth = 4;

function indentation(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += tabWidth - (columns % tabWidth);
    else break;
  }
  return columns;
}

/** A line that can be moved under an admonition as its content: not a heading, another block's opening line or a fence. */
const movableText = /^(?!#|!!!|\?\?\?|===|```|~~~)\S/;

function emptyAdmonitions({ document, report }: RuleContext): void {
  const empty = document.body.containers.filter((container) => container.info.empty && container.info.kind !== 'tab');
  if (empty.length === 0) return;
  const lines = document.text.getText().split(/\r?\n|\r/);
  for (const container of empty) {
    let next = container.line + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    if (next >= lines.length) continue;
    const opener = lines[container.line].trim();
    const fixes: Fix[] = [];
    if (movableText.test(lines[next].trimStart())) {
      const missing = indentation(lines[container.line]) + tabWidth - indentation(lines[next]);
      const edits: TextEdit[] = [];
      for (let line = next; line < lines.length && lines[line].trim() !== '' && !/^\s*#/.test(lines[line]); line++) edits.push(insertAtLine(document, line, ' '.repeat(missing)));
      fixes.push(fix('Laat de alinea eronder inspringen, als inhoud van het blok', edits));
    }
    const openerLine = lines[container.line];
    report(
      'AK083',
      lineRange(container.line, openerLine.length - openerLine.trimStart().length, openerLine.trimEnd().length),
      `Het blok ${quote(opener)} is leeg: de regel eronder springt niet in (een tab of 4 spaties), dus de site toont een leeg blok en de tekst erbuiten.`,
      fixes,
    );
  }
}

function templatePlaceholders({ document, report }: RuleContext): void {
  for (const span of document.bodyLines.instructionLines) {
    report('AK084', lineRange(span.line, span.start, span.end), 'Instructietekst uit het sjabloon staat er nog: vervang die door eigen tekst.');
  }
  const reported = new Set(document.bodyLines.placeholderLinks.map((span) => `${span.line}:${span.start}`));
  const fromBody = document.body.links
    .filter((link) => link.target === 'url' || link.target.startsWith('url '))
    .map((link) => ({ line: link.range.start.line, start: link.range.start.character, end: link.range.end.character }))
    .filter((span) => !reported.has(`${span.line}:${span.start}`));
  for (const span of [...document.bodyLines.placeholderLinks, ...fromBody]) {
    report('AK084', lineRange(span.line, span.start, span.end), 'Een voorbeeldlink uit het sjabloon (`url`): vul het echte adres in.');
  }
}

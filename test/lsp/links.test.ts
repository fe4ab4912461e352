// The language features of body links over stdio, as an editor uses them: document links,
// definition, hover, completion, references, rename of pages and headings, moving files
// (workspace/willRenameFiles) and the diagnostics that follow edits. On a small corpus written to a
// temporary folder, then the rename that the issue names on a copy of the real corpus.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Diagnostic, DocumentLink, Hover, Location, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { base, M1, V1 } from '../support/memoryCorpus';
import { LspSession, uri } from '../support/lspSession';
import { needsRealCorpus, realCorpusRoot } from '../support/realCorpus';

const overview = [
  '# Overzicht',
  '',
  'Zie [de vereiste](../voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md#vereiste) en [jurist](../rollen/jurist.md).',
  '<a href="../../rollen/jurist/#jurist">jurist</a> [web](https://example.org/) ![schema](../afbeeldingen/schema.png)',
  '',
  '## Één stap { data-search-exclude }',
  '',
  'Tekst van de stap.',
  '',
  '[stap](#een-stap)',
  '',
].join('\n');

const corpusFiles: Record<string, string> = {
  ...base,
  'mkdocs.yml':
    'site_name: Test\nsite_url: https://minbzk.github.io/Algoritmekader/\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
  'docs/afbeeldingen/schema.png': '',
  'docs/over/overzicht.md': overview,
  [M1]: base[M1].replace('Een testmaatregel.', 'Een testmaatregel bij [de vereiste](../vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md#maatregelen).'),
};

function writeCorpus(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ak-links-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at !== -1, `'${needle}' not found`);
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Applies a workspace edit to the disk as an editor does, and tells the server what changed. */
async function applyToDisk(session: LspSession, edit: WorkspaceEdit): Promise<void> {
  const changes: { uri: string; type: number }[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'rename') continue;
      renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
      changes.push({ uri: change.oldUri, type: 3 }, { uri: change.newUri, type: 1 });
      continue;
    }
    const documentEdit = change as TextDocumentEdit;
    const path = fileURLToPath(documentEdit.textDocument.uri);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
    const sorted = [...documentEdit.edits].sort(
      (a, b) =>
        offset((b as { range: { start: { line: number; character: number } } }).range.start) - offset((a as { range: { start: { line: number; character: number } } }).range.start),
    );
    let result = text;
    for (const textEdit of sorted as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]) {
      result = result.slice(0, offset(textEdit.range.start)) + textEdit.newText + result.slice(offset(textEdit.range.end));
    }
    writeFileSync(path, result);
    changes.push({ uri: documentEdit.textDocument.uri, type: 2 });
  }
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
}

const broken = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => ['AK040', 'AK041', 'AK070', 'AK071'].includes(String(d.code)));

describe('body links over LSP', () => {
  let folder: string;
  let session: LspSession;
  const file = (path: string) => join(folder, path);
  const at = (path: string) => uri(file(path));

  before(async () => {
    folder = writeCorpus(corpusFiles);
    session = await LspSession.start(folder, { updateLinksOnFileMove: 'always' });
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('document links: pages at the heading of their fragment, files, web addresses', async () => {
    const links = await session.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: at('docs/over/overzicht.md') } });
    const targets = links.map((link) => link.target);
    assert.ok(targets.includes(`${at(V1)}#L23,1`), `the vereiste at its heading: ${targets.join(', ')}`);
    assert.ok(targets.includes(at('docs/rollen/jurist.md')));
    assert.ok(targets.includes(`${at('docs/rollen/jurist.md')}#L5,1`), 'the raw-HTML link, resolved against the page URL');
    assert.ok(targets.includes('https://example.org/'));
    assert.ok(targets.includes(at('docs/afbeeldingen/schema.png')));
    assert.ok(targets.includes(`${at('docs/over/overzicht.md')}#L6,1`), 'the accented heading by the id the site gives it');
  });

  test('definition on a link and on its #fragment jumps to the heading', async () => {
    const text = corpusFiles['docs/over/overzicht.md'];
    const onLink = await session.request<Location>('textDocument/definition', {
      textDocument: { uri: at('docs/over/overzicht.md') },
      position: positionOf(text, '../voldoen-aan', 3),
    });
    assert.equal(onLink.uri, at(V1));
    assert.equal(onLink.range.start.line, 22);
    const onFragment = await session.request<Location>('textDocument/definition', {
      textDocument: { uri: at('docs/over/overzicht.md') },
      position: positionOf(text, '#een-stap', 2),
    });
    assert.deepEqual([onFragment.uri, onFragment.range.start.line], [at('docs/over/overzicht.md'), 5]);
  });

  test('hover on a link shows the page; on a fragment, the start of the section', async () => {
    const text = corpusFiles['docs/over/overzicht.md'];
    const page = await session.request<Hover>('textDocument/hover', { textDocument: { uri: at('docs/over/overzicht.md') }, position: positionOf(text, '../rollen/jurist.md', 3) });
    assert.match((page.contents as { value: string }).value, /\*\*Jurist\*\*/);
    const vereiste = await session.request<Hover>('textDocument/hover', { textDocument: { uri: at(M1) }, position: positionOf(corpusFiles[M1], '../vereisten/aia-08', 3) });
    assert.match((vereiste.contents as { value: string }).value, /Maatregelen/);
    const section = await session.request<Hover>('textDocument/hover', { textDocument: { uri: at('docs/over/overzicht.md') }, position: positionOf(text, '#een-stap', 2) });
    assert.match((section.contents as { value: string }).value, /Één stap.*\n\nTekst van de stap\\\./s);
  });

  test("completion after ]( offers pages with titles, vereisten first; after # the site's ids", async (t) => {
    const path = 'docs/over/overzicht.md';
    const text = `${overview}\nNieuw: [link](\nAnker: [a](#\nElders: [b](../rollen/jurist.md#\nHtml: <a href="\n`;
    await session.open(at(path), text);
    // Closed whatever happens: an open document would shadow the disk for the tests after this one.
    t.after(() => session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: at(path) } }));
    const lines = text.split('\n');
    const line = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const complete = (prefix: string) =>
      session.request<CompletionList>('textDocument/completion', { textDocument: { uri: at(path) }, position: { line: line(prefix), character: lines[line(prefix)].length } });
    const paths = await complete('Nieuw:');
    const first = paths.items.find((item) => item.label.endsWith('.md'))!;
    assert.equal(first.label, '../voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md');
    assert.equal(first.detail, 'Gebruiksverantwoordelijken krijgen uitleg over het systeem');
    assert.ok(paths.items.some((item) => item.label === '../rollen/jurist.md' && item.detail === 'Jurist'));
    assert.ok(paths.items.some((item) => item.label === '../afbeeldingen/schema.png'));
    assert.deepEqual(
      (await complete('Anker:')).items.map((item) => item.label),
      ['overzicht', 'een-stap'],
    );
    assert.deepEqual(
      (await complete('Elders:')).items.map((item) => item.label),
      ['jurist'],
    );
    const urls = await complete('Html:');
    assert.ok(
      urls.items.some((item) => item.label === '../../rollen/jurist/'),
      'raw HTML gets site URLs relative to the page URL',
    );
  });

  test('references of a page include body links; of a heading, the links to its id', async () => {
    const vereiste = corpusFiles[V1];
    const refs = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri: at(V1) },
      position: positionOf(vereiste, 'urn:nl:ak:ver:aia-08', 3),
      context: { includeDeclaration: false },
    });
    const where = refs.map((ref) => `${ref.uri.slice(ref.uri.indexOf('/docs/') + 1)}:${ref.range.start.line + 1}`).sort();
    assert.ok(where.includes('docs/over/overzicht.md:3'), where.join(' '));
    assert.ok(where.includes(`${M1}:6`) && where.includes(`${M1}:19`), 'the frontmatter citation and the body link');
    const heading = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri: at('docs/rollen/jurist.md') },
      position: { line: 4, character: 3 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      heading.map((ref) => ref.range.start.line + 1),
      [4],
      'only the link with #jurist (the raw-HTML one), not the one to the page',
    );
  });

  test('F2 on a heading renames it and every #fragment to its new id', async () => {
    const text = readFileSync(file('docs/over/overzicht.md'), 'utf8');
    const position = positionOf(text, 'Één stap', 1);
    const prepared = await session.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: at('docs/over/overzicht.md') }, position });
    assert.equal(prepared.placeholder, 'Één stap');
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: at('docs/over/overzicht.md') }, position, newName: 'Tweede stap' });
    await applyToDisk(session, edit);
    assert.match(readFileSync(file('docs/over/overzicht.md'), 'utf8'), /## Tweede stap \{ data-search-exclude \}[^]*\[stap\]\(#tweede-stap\)/);
  });

  test('F2 on a link target renames the page and rewrites citations and links; no broken slug, link or anchor is left', async () => {
    const text = readFileSync(file('docs/over/overzicht.md'), 'utf8');
    const position = positionOf(text, '../voldoen-aan', 5);
    const prepared = await session.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: at('docs/over/overzicht.md') }, position });
    assert.equal(prepared.placeholder, 'aia-08-transparantie-aan-gebruiksverantwoordelijken');
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: at('docs/over/overzicht.md') },
      position,
      newName: 'aia-08-uitleg-voor-gebruikers',
    });
    await applyToDisk(session, edit);
    const renamed = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-08-uitleg-voor-gebruikers.md';
    assert.match(readFileSync(file('docs/over/overzicht.md'), 'utf8'), /\(\.\.\/voldoen-aan-wetten-en-regels\/vereisten\/aia-08-uitleg-voor-gebruikers\.md#vereiste\)/);
    assert.match(readFileSync(file(M1), 'utf8'), /^- aia-08-uitleg-voor-gebruikers$/m);
    assert.match(readFileSync(file(renamed), 'utf8'), /list_maatregelen vereiste\/aia-08-uitleg-voor-gebruikers/);
    // The renamed page is checked at once, the pages that depend on it once the server has waited for more edits.
    await session.diagnosticsFor(at(renamed));
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const [key, diagnostics] of session.diagnostics) assert.deepEqual(broken(diagnostics), [], key);
  });

  test('moving a file (workspace/willRenameFiles) updates every reference; `never` leaves them; `prompt` asks', async () => {
    const from = at('docs/rollen/jurist.md');
    const to = at('docs/rollen/juristen/jurist.md');
    const request = () => session.request<WorkspaceEdit | null>('workspace/willRenameFiles', { files: [{ oldUri: from, newUri: to }] });
    await session.changeSettings({ updateLinksOnFileMove: 'never' });
    assert.equal(await request(), null);
    await session.changeSettings({ updateLinksOnFileMove: 'prompt' });
    const asked: string[] = [];
    session.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      asked.push(params.message);
      return asked.length === 1 ? null : { title: 'Bijwerken' };
    });
    assert.equal(await request(), null, 'the prompt dismissed');
    const edit = (await request())!;
    assert.match(asked[1], /verwijzingen naar jurist\.md bijwerken\?/);
    mkdirSync(file('docs/rollen/juristen'));
    await applyToDisk(session, edit);
    renameSync(file('docs/rollen/jurist.md'), file('docs/rollen/juristen/jurist.md'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: from, type: 3 },
        { uri: to, type: 1 },
      ],
    });
    const overviewText = readFileSync(file('docs/over/overzicht.md'), 'utf8');
    assert.match(overviewText, /\[jurist\]\(\.\.\/rollen\/juristen\/jurist\.md\)/);
    assert.match(overviewText, /<a href="\.\.\/\.\.\/rollen\/juristen\/jurist\/#jurist">/);
    assert.deepEqual(broken(await session.diagnosticsFor(at('docs/over/overzicht.md'), (d) => broken(d).length === 0, 5000)), []);
    await session.changeSettings({ updateLinksOnFileMove: 'always' });
  });

  test('diagnostics follow edits: a heading removed breaks the links to it elsewhere, an image added mends its links', async () => {
    const jurist = at('docs/rollen/juristen/jurist.md');
    await session.open(jurist, '---\ntitle: Jurist\n---\n\nGeen kop meer.\n');
    const diagnostics = await session.diagnosticsFor(at('docs/over/overzicht.md'), (d) => d.some((x) => x.code === 'AK071'), 5000);
    assert.match(String(diagnostics.find((d) => d.code === 'AK071')!.message), /'#jurist' bestaat niet/);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: jurist } });
    await session.diagnosticsFor(at('docs/over/overzicht.md'), (d) => !d.some((x) => x.code === 'AK071'), 5000);

    const page = at('docs/over/overzicht.md');
    const withImage = readFileSync(file('docs/over/overzicht.md'), 'utf8') + '\n![nieuw](../afbeeldingen/nieuw.png)\n';
    writeFileSync(file('docs/over/overzicht.md'), withImage);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: page, type: 2 }] });
    await session.diagnosticsFor(page, (d) => d.some((x) => x.code === 'AK070'), 5000);
    writeFileSync(file('docs/afbeeldingen/nieuw.png'), '');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('docs/afbeeldingen/nieuw.png'), type: 1 }] });
    await session.diagnosticsFor(page, (d) => !d.some((x) => x.code === 'AK070'), 5000);
  });
});

describe('folders that come and go as a whole over LSP', () => {
  let folder: string;
  let session: LspSession;
  const file = (path: string) => join(folder, path);
  const at = (path: string) => uri(file(path));

  before(async () => {
    folder = writeCorpus({ ...corpusFiles, 'docs/over/bijlagen.md': '# Bijlagen\n\n![plaatje](../bijlagen/plaatje.png) [pagina](../bijlagen/pagina.md)\n' });
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('one watcher event for a folder reads or drops every file in it', async () => {
    const page = at('docs/over/bijlagen.md');
    const broken = (d: Diagnostic[]) => d.filter((x) => x.code === 'AK070').length;
    await session.diagnosticsFor(page, (d) => broken(d) === 2);
    mkdirSync(file('docs/bijlagen'));
    writeFileSync(file('docs/bijlagen/plaatje.png'), '');
    writeFileSync(file('docs/bijlagen/pagina.md'), '# Pagina\n\n[weg](nergens.md)\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('docs/bijlagen'), type: 1 }] });
    await session.diagnosticsFor(page, (d) => broken(d) === 0, 5000);
    await session.diagnosticsFor(at('docs/bijlagen/pagina.md'), (d) => broken(d) === 1, 5000);
    rmSync(file('docs/bijlagen'), { recursive: true });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('docs/bijlagen'), type: 3 }] });
    await session.diagnosticsFor(page, (d) => broken(d) === 2, 5000);
    await session.diagnosticsFor(at('docs/bijlagen/pagina.md'), (d) => d.length === 0, 5000);
  });
});

describe('renaming a vereiste of the real corpus over LSP', needsRealCorpus, () => {
  let folder: string;
  let session: LspSession;
  const vereisten = 'docs/voldoen-aan-wetten-en-regels/vereisten';

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-links-real-'));
    cpSync(realCorpusRoot!, folder, { recursive: true });
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('F2 on aia-01-ai-geletterdheid (cited by hulpmiddelen, linked from maatregelen and pages) leaves no AK040/AK041/AK070/AK071 behind', async () => {
    const path = join(folder, vereisten, 'aia-01-ai-geletterdheid.md');
    const text = readFileSync(path, 'utf8');
    const before = new Map([...session.diagnostics].map(([key, diagnostics]) => [key, broken(diagnostics).length]));
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(path) },
      position: positionOf(text, 'urn:nl:ak:ver:aia-01', 3),
      newName: 'aia-01-ai-geletterdheid-personeel',
    });
    const touched = (edit.documentChanges ?? []).filter((change) => !('kind' in change)).length;
    assert.ok(touched >= 10, `${touched} files edited`);
    await applyToDisk(session, edit);
    const renamed = uri(join(folder, vereisten, 'aia-01-ai-geletterdheid-personeel.md'));
    await session.diagnosticsFor(renamed);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const [key, diagnostics] of session.diagnostics) assert.equal(broken(diagnostics).length, before.get(key) ?? 0, key);
  });
});

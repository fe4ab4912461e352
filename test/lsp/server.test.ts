// The bundled server over stdio, on temporary copies of the real corpus and of our demo corpus.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { checkDocument, defaultSchema, loadCorpus } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { LspSession, uri } from '../support/lspSession';
import { needsRealCorpus, projectRoot, realCorpusRoot } from '../support/realCorpus';

const content = 'docs/voldoen-aan-wetten-en-regels';

function copyCorpus(from: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'ak-lsp-'));
  cpSync(from, folder, { recursive: true });
  return folder;
}

function lineOf(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `'${needle}' not found`);
  return { line, character: lines[line].indexOf(needle) };
}

describe('language server on the real corpus', needsRealCorpus, () => {
  let folder: string;
  let session: LspSession;
  const file = (path: string) => join(folder, content, path);

  before(async () => {
    folder = copyCorpus(realCorpusRoot!);
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('publishes diagnostics for files that are not open', async () => {
    const diagnostics = await session.diagnosticsFor(uri(file('maatregelen/2-owp-30-informeer-betrokkenen.md')));
    const ak040 = diagnostics.filter((d) => d.code === 'AK040').map((d) => d.range.start.line + 1);
    assert.deepEqual(ak040, [7, 8]);
  });

  test('hover on the slug of a list_maatregelen directive shows the vereiste', async () => {
    const path = file('vereisten/aia-29-ai-modellen-algemene-doeleinden.md');
    const text = readFileSync(path, 'utf8');
    const at = lineOf(text, 'vereiste/aia-29-ai-modellen-algemene-doeleinden');
    const result = await session.request<Hover>('textDocument/hover', { textDocument: { uri: uri(path) }, position: { line: at.line, character: at.character + 15 } });
    const value = (result.contents as { value: string }).value;
    assert.match(value, /AI\\-modellen voor algemene doeleinden zijn voorzien van voldoende technische documentatie/);
    assert.match(value, /urn:nl:ak:ver:aia-29/);
    assert.match(value, /De tabel toont \d+ × maatregel/);
  });

  test('completion under onderwerp: offers every onderwerp', async () => {
    const path = file('maatregelen/2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md');
    const text = readFileSync(path, 'utf8');
    const at = lineOf(text, 'onderwerp:');
    const edited = text.replace(/^onderwerp:\n(- .*\n)*/m, 'onderwerp:\n- \n');
    await session.open(uri(path), edited);
    const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line: at.line + 1, character: 2 } });
    const labels = list.items.map((item) => item.label).sort();
    assert.deepEqual(labels, [
      'bias-en-non-discriminatie',
      'data',
      'duurzaamheid',
      'fundamentele-rechten',
      'governance',
      'menselijke-controle',
      'privacy-en-gegevensbescherming',
      'publieke-inkoop',
      'technische-robuustheid-en-veiligheid',
      'transparantie',
    ]);
    assert.ok(list.items.find((item) => item.label === 'data')?.detail, 'the taxonomy page title is the detail');
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  });

  test('completion of aia-0 under vereiste: lists the aia-0x slugs', async () => {
    const path = file('maatregelen/0-org-11-gebruikersbeheer.md');
    const text = readFileSync(path, 'utf8').replace('vereiste:\n', 'vereiste:\n- aia-0\n');
    await session.open(uri(path), text);
    const line = text.split('\n').indexOf('- aia-0');
    const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line, character: 7 } });
    const labels = list.items.map((item) => item.label);
    assert.equal(labels.length, 10, labels.join(', '));
    assert.ok(
      labels.every((label) => label.startsWith('aia-0')),
      labels.join(', '),
    );
    assert.ok(labels.includes('aia-08-transparantie-aan-gebruiksverantwoordelijken'));
    assert.ok(
      list.items.every((item) => item.detail),
      'each slug has its title',
    );
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  });

  test('the quick fix for a misspelt vereiste is the slug with the same id prefix, preferred', async () => {
    const path = file('maatregelen/2-owp-30-informeer-betrokkenen.md');
    const diagnostics = await session.diagnosticsFor(uri(path));
    const target = diagnostics.find((d) => d.code === 'AK040' && String(d.message).includes('aia-08'))!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(path) }, range: target.range, context: { diagnostics: [target] } });
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    const edit = JSON.stringify(preferred.edit);
    assert.match(edit, /"newText":"aia-08-transparantie-aan-gebruiksverantwoordelijken"/);
  });

  test('definition and references of a vereiste', async () => {
    const path = file('maatregelen/2-owp-30-informeer-betrokkenen.md');
    const text = readFileSync(path, 'utf8');
    const at = lineOf(text, 'awb-01-zorgvuldigheidsbeginsel');
    const definition = await session.request<Location>('textDocument/definition', { textDocument: { uri: uri(path) }, position: at });
    assert.equal(definition.uri, uri(file('vereisten/awb-01-zorgvuldigheidsbeginsel.md')));
    const references = await session.request<Location[]>('textDocument/references', { textDocument: { uri: uri(path) }, position: at, context: { includeDeclaration: false } });
    assert.ok(references.length > 5, `${references.length} references`);
    assert.ok(references.some((r) => r.uri === uri(path) && r.range.start.line === at.line));
  });

  test('a request outside the text or outside the corpus returns an empty result', async () => {
    const path = file('maatregelen/2-owp-30-informeer-betrokkenen.md');
    const far = { line: 100000, character: 5000 };
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri: uri(path) }, position: far }), null);
    const outside = uri(join(folder, 'mkdocs.yml'));
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri: outside }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(
      await session.request('textDocument/codeAction', { textDocument: { uri: 'untitled:Untitled-1' }, range: { start: far, end: far }, context: { diagnostics: [] } }),
      [],
    );
    assert.ok(session.serverProcess.exitCode === null, 'the server still runs');
  });
});

describe('language server on the demo corpus', () => {
  let folder: string;
  let session: LspSession;
  const file = (path: string) => join(folder, content, path);

  before(async () => {
    folder = copyCorpus(join(projectRoot, 'content'));
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the demo corpus has no findings', async () => {
    const all = [...session.diagnostics.values()].flat();
    assert.deepEqual(all, []);
  });

  test('a misspelt tag typed in the editor republishes AK020 with a preferred fix', async () => {
    const path = file('maatregelen/' + firstFile(folder, 'maatregelen'));
    const text = readFileSync(path, 'utf8');
    const value = text.match(/^levenscyclus:\n- (\S+)/m)![1];
    const misspelt = value.slice(0, -2) + value.slice(-1) + value.slice(-2, -1);
    const at = lineOf(text, `- ${value}`);
    await session.open(uri(path), text, 1);
    await session.change(uri(path), 2, [{ range: { start: { line: at.line, character: 2 }, end: { line: at.line, character: 2 + value.length } }, text: misspelt }]);
    const diagnostics = await session.diagnosticsFor(uri(path), (d) => d.some((x) => x.code === 'AK020'));
    const finding = diagnostics.find((d) => d.code === 'AK020')!;
    assert.equal(finding.range.start.line, at.line);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(path) }, range: finding.range, context: { diagnostics: [finding] } });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(JSON.stringify(preferred?.edit).includes(`"newText":"${value}"`), JSON.stringify(actions));
    await session.change(uri(path), 3, [{ text }]);
    await session.diagnosticsFor(uri(path), (d) => d.length === 0);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  });

  test('after a series of edits the diagnostics equal a fresh check of the same text', async () => {
    const path = file('vereisten/' + firstFile(folder, 'vereisten'));
    const text = readFileSync(path, 'utf8');
    await session.open(uri(path), text, 1);
    const edits = [
      { range: at(text, 'title: ', 7), text: 'X' },
      { range: at(text, 'levenscyclus:', 0), text: 'x' },
      { range: at(text, 'rollen:', 0), text: 'rolen:' },
      { range: at(text, '<!-- tags -->', 5), text: 'x' },
    ];
    let version = 1;
    for (const edit of edits) await session.change(uri(path), ++version, [edit]);
    const final = applyChanges(text, edits);
    writeFileSync(path, final);
    const expected = await fresh(folder, `${content}/vereisten/${firstFile(folder, 'vereisten')}`);
    const published = await session.diagnosticsFor(uri(path), (d) => d.length === expected.length);
    assert.deepEqual(published.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort(), expected.sort());
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  });

  test('a new onderwerp page on disk makes its slug valid everywhere; renaming a vereiste breaks its citations', async () => {
    const path = file('maatregelen/' + firstFile(folder, 'maatregelen'));
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/^onderwerp:\n/m, 'onderwerp:\n- nieuw-onderwerp\n'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path), type: 2 }] });
    await session.diagnosticsFor(uri(path), (d) => d.some((x) => x.code === 'AK020'));
    const page = join(folder, 'docs/onderwerpen/nieuw-onderwerp.md');
    writeFileSync(page, '---\ntitle: Nieuw onderwerp\n---\n\n# Nieuw onderwerp\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(page), type: 1 }] });
    await session.diagnosticsFor(uri(path), (d) => !d.some((x) => x.code === 'AK020'));

    const cited = readFileSync(path, 'utf8').match(/^vereiste:\n- (\S+)/m)![1];
    const from = file(`vereisten/${cited}.md`);
    const to = file(`vereisten/${cited}-hernoemd.md`);
    renameSync(from, to);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(from), type: 3 },
        { uri: uri(to), type: 1 },
      ],
    });
    const diagnostics = await session.diagnosticsFor(uri(path), (d) => d.some((x) => x.code === 'AK040'));
    assert.ok(
      diagnostics
        .find((d) => d.code === 'AK040')!
        .message.toString()
        .includes(cited),
    );
    renameSync(to, from);
    writeFileSync(path, original);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(to), type: 3 },
        { uri: uri(from), type: 1 },
        { uri: uri(path), type: 2 },
      ],
    });
    await session.diagnosticsFor(uri(path), (d) => d.length === 0);
  });

  test('rename of a vereiste slug renames the file and rewrites every citation', async () => {
    const slug = firstFile(folder, 'vereisten').replace(/\.md$/, '');
    const path = file(`vereisten/${slug}.md`);
    const text = readFileSync(path, 'utf8');
    const position = lineOf(text, 'title:');
    const prepared = await session.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri(path) }, position });
    assert.equal(prepared.placeholder, slug);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri(path) }, position, newName: `${slug}-nieuw` });
    const changes = edit.documentChanges!;
    const renameOperation = changes.find((c) => 'kind' in c && c.kind === 'rename');
    assert.deepEqual(renameOperation && { oldUri: (renameOperation as { oldUri: string }).oldUri, newUri: (renameOperation as { newUri: string }).newUri }, {
      oldUri: uri(path),
      newUri: uri(file(`vereisten/${slug}-nieuw.md`)),
    });
    const rewritten = changes.filter((c) => 'edits' in c).flatMap((c) => (c as { edits: { newText: string }[] }).edits);
    assert.ok(rewritten.length >= 2, 'the citations in maatregelen and the directive on the page itself');
    assert.ok(rewritten.every((e) => e.newText === `${slug}-nieuw`));
  });
});

function firstFile(folder: string, type: string): string {
  const files = readdirSync(join(folder, content, type));
  return files.filter((name) => name !== 'index.md').sort()[0];
}

function at(text: string, needle: string, offset: number) {
  const position = lineOf(text, needle);
  const start = { line: position.line, character: position.character + offset };
  return { start, end: start };
}

function applyChanges(text: string, changes: { range: { start: { line: number; character: number } }; text: string }[]): string {
  let result = text;
  for (const change of changes) {
    const lines = result.split('\n');
    const { line, character } = change.range.start;
    lines[line] = lines[line].slice(0, character) + change.text + lines[line].slice(character);
    result = lines.join('\n');
  }
  return result;
}

async function fresh(folder: string, path: string): Promise<string[]> {
  const { corpus } = await loadCorpus(new NodeFileSystem(folder), defaultSchema);
  return checkDocument(corpus, corpus.get(path)!).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`);
}

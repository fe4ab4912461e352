// Issue 12 through the bundled server over stdio, on a temporary copy of the real corpus (skipped
// visibly without it): AK005 and AK095 in the Problems view, the quick fix on the glossary, hover and
// completion of `sources` codes, the glossary tooltip, the outline, new pages from the corpus's
// templates, and a changed resource file re-indexed.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { LspSession, uri } from '../support/lspSession';
import { needsRealCorpus, realCorpusRoot } from '../support/realCorpus';

const m = 'docs/voldoen-aan-wetten-en-regels/maatregelen';
const v = 'docs/voldoen-aan-wetten-en-regels/vereisten';

function writable(folder: string): void {
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) writable(path);
    else if (entry.isFile()) chmodSync(path, 0o644);
  }
}

const value = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

describe('issue 12 through the language server', needsRealCorpus, () => {
  let folder: string;
  let session: LspSession;
  const file = (path: string) => join(folder, path);
  const positionOf = (path: string, needle: string, offset = 0) => {
    const lines = readFileSync(file(path), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes(needle));
    assert.ok(line >= 0, needle);
    return { line, character: lines[line].indexOf(needle) + offset };
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-lsp12-'));
    cpSync(realCorpusRoot!, folder, { recursive: true });
    writable(folder);
    writeFileSync(file(`${v}/aia-90-binair.md`), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff]));
    symlinkSync('bestaat-niet.md', file(`${v}/aia-91-weg.md`));
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('AK005 for a binary file and a dangling link, on line 1, in the Problems view', async () => {
    for (const [path, message] of [
      [`${v}/aia-90-binair.md`, /NUL-bytes/],
      [`${v}/aia-91-weg.md`, /nergens naar wijst/],
    ] as const) {
      const diagnostics = await session.diagnosticsFor(uri(file(path)));
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line, d.severity]),
        [['AK005', 0, 1]],
      );
      assert.match(diagnostics[0].message as string, message);
    }
  });

  test('AK080-AK083 and AK091 on the pages, AK095 on the glossary with its quick fix', async () => {
    const codes = async (path: string) => (await session.diagnosticsFor(uri(file(path)))).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.ok((await codes(`${m}/2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`)).includes('1 AK080'));
    assert.ok((await codes('docs/soorten-algoritmes-en-ai/generatieve-ai.md')).includes('45 AK081'));
    assert.ok((await codes(`${v}/aia-21-gebruiksverantwoordelijken-menselijk-toezicht.md`)).includes('47 AK082'));
    assert.ok((await codes(`${m}/6-imp-04-publiceren-algoritmeregister.md`)).includes('64 AK083'));
    assert.ok((await codes(`${m}/2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md`)).includes('43 AK091'));
    const glossary = uri(file('includes/begrippenlijst.md'));
    assert.deepEqual(await codes('includes/begrippenlijst.md'), ['32 AK095', '35 AK095', '89 AK095']);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: glossary },
      range: { start: { line: 88, character: 0 }, end: { line: 88, character: 0 } },
      context: { diagnostics: [] },
    });
    const removal = actions.find((action) => action.title === 'Verwijder deze tweede definitie');
    assert.ok(removal, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(JSON.stringify(removal.edit).includes('"start":{"line":88,"character":0},"end":{"line":89,"character":0}'), true, JSON.stringify(removal.edit));
  });

  test('hover on a sources code shows its text; completion under ARK offers the codes quoted', async () => {
    const path = `${m}/0-org-01-benodigde-expertise-en-capaciteit.md`;
    const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri: uri(file(path)) }, position: positionOf(path, 'SV.12', 1) });
    assert.match(value(hover), /\*\*ADR SV\\\.12\*\* · Onderzoekskader Auditdienst Rijk\n\nDe capaciteit en deskundigheid/);
    const ark = positionOf(path, 'ARK: 1.04');
    const list = await session.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: uri(file(path)) },
      position: { line: ark.line, character: ark.character + 7 },
    });
    const item = list.items.find((candidate) => candidate.label === '3.10');
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label).slice(0, 5)));
    assert.equal((item.textEdit as { newText: string }).newText, '"3.10"');
  });

  test('hover on a glossary term in a page body shows its definition', async () => {
    const path = `${v}/avg-02-beperkte-bewaartermijn-van-persoonsgegevens.md`;
    const text = readFileSync(file(path), 'utf8').split('\n');
    const line = text.findIndex((l, index) => index > 10 && /\bAVG\b/.test(l));
    const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri: uri(file(path)) }, position: { line, character: text[line].search(/\bAVG\b/) + 1 } });
    assert.match(value(hover), /^\*\*AVG\*\*: Algemene Verordening Gegevensbescherming\\\./);
  });

  test('the outline marks the sections of the template and lists the missing ones', async () => {
    const path = `${m}/0-org-00-inventariseren-algoritmes.md`;
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(file(path)) } });
    const names = symbols.map((symbol) => symbol.name);
    assert.ok(names.includes('⚠ Risico') && names.includes('⚠ Voorbeelden') && names.includes('Maatregel'), JSON.stringify(names));
    assert.match(symbols.find((symbol) => symbol.name === '⚠ Risico')!.detail!, /ontbreekt/);
  });

  test('a new maatregel comes from the corpus template: its sections, the next id, no instructions', async () => {
    const created = await session.request<{ uri: string; text: string }>('algoritmekader/newDocument', { type: 'maatregel', title: 'Leg de bewaartermijn vast', prefix: 'owp' });
    assert.match(created.uri, /maatregelen\/2-owp-\d+-leg-de-bewaartermijn-vast\.md$/);
    for (const section of ['## Maatregel', '## Toelichting', '## Risico', '## Bijbehorende vereiste(n)', '## Bronnen', '## Voorbeelden'])
      assert.ok(created.text.includes(`\n${section}`), section);
    assert.ok(!/Hier staat|\(url\)|# Dit template/.test(created.text), created.text);
    assert.match(created.text, /Heb je een ander voorbeeld/);
  });

  test('a changed glossary is read again: its findings follow', async () => {
    const path = file('includes/begrippenlijst.md');
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, lines.filter((_, index) => ![31, 34, 88].includes(index)).join('\n'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path), type: 2 }] });
    await session.diagnosticsFor(uri(path), (diagnostics) => diagnostics.length === 0, 20_000);
  });
});

// Settings, several roots, workspace symbols and a broken corpus configuration, through the bundled server.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-types';
import { LspSession } from '../support/lspSession';
import { projectRoot } from '../support/realCorpus';

function demoCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ak-ws-'));
  cpSync(join(projectRoot, 'content'), folder, { recursive: true });
  return folder;
}

/** A long toelichting in the first vereiste, so that AK061 (information) fires. */
function lengthenToelichting(folder: string): void {
  const vereisten = join(folder, 'docs/voldoen-aan-wetten-en-regels/vereisten');
  const file = readdirSync(vereisten)
    .filter((name) => name !== 'index.md')
    .sort()[0];
  const path = join(vereisten, file);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/^toelichting: /m, `toelichting: ${'woord '.repeat(45)}`));
}

const count = (session: LspSession, code: string) => [...session.diagnostics.values()].flat().filter((d) => d.code === code).length;

describe('settings and several roots', () => {
  const folders: string[] = [];
  let session: LspSession;

  before(async () => {
    folders.push(demoCopy(), demoCopy());
    lengthenToelichting(folders[1]);
    session = await LspSession.start(folders, { rules: { AK061: 'off' } });
  });
  after(async () => {
    await session?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  test('both workspace folders are indexed', () => {
    const demoDocuments = session.lastStatus.documents / 2;
    assert.ok(Number.isInteger(demoDocuments) && demoDocuments > 50, `${session.lastStatus.documents} documents`);
    for (const folder of folders)
      assert.ok(
        [...session.diagnostics.keys()].some((uri) => uri.includes(folder)),
        folder,
      );
  });

  test('a rule set to off in the settings is not reported, and comes back when the setting changes', async () => {
    assert.equal(count(session, 'AK061'), 0);
    await session.changeSettings({ rules: { AK061: 'warning' } });
    await session.until(() => count(session, 'AK061') === 1, 5000, 'AK061 after the settings change');
    const diagnostic = [...session.diagnostics.values()].flat().find((d) => d.code === 'AK061')!;
    assert.equal(diagnostic.severity, 2);
  });

  test('workspace symbols find documents by id and by words of the title', async () => {
    const byId = await session.request<SymbolInformation[]>('workspace/symbol', { query: 'aia-01' });
    assert.ok(byId.length >= 2 && byId.every((s) => s.name.startsWith('aia-01')), JSON.stringify(byId.map((s) => s.name)));
    const byWords = await session.request<SymbolInformation[]>('workspace/symbol', { query: 'toezicht ontworpen' });
    const names = byWords.map((s) => s.name);
    assert.ok(names.length > 0 && names.every((name) => /toezicht/i.test(name) && /ontworpen/i.test(name)), JSON.stringify(names));
  });
});

describe('a broken corpus configuration', () => {
  let folder: string;
  let session: LspSession;

  before(async () => {
    folder = demoCopy();
    writeFileSync(join(folder, '.algoritmekader.json'), '{ "rules": { "AK999": "off" } }');
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('is shown to the user, and the corpus is still checked with the default schema', async () => {
    await session.until(() => session.messages.some((m) => m.includes('AK999')), 5000, 'a message about the configuration');
    assert.match(
      session.messages.find((m) => m.includes('AK999'))!,
      /\.algoritmekader\.json.*unknown rule 'AK999'/,
    );
    assert.ok(session.lastStatus.documents > 50);
  });
});

// Files that are not open: the server keeps their facts, not their text, and reads a file again when
// an answer needs it. A file changed on disk before the editor reported it (or with no report at all)
// must be answered from what it holds now, never from the text that was indexed.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspSession, uri } from '../support/lspSession';
import { projectRoot } from '../support/realCorpus';

const maatregel = 'docs/voldoen-aan-wetten-en-regels/maatregelen/0-org-01-programma-ai-geletterdheid.md';

/** The line holding `needle` (0-based). */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `'${needle}' not found`);
  return line;
}

describe('a file changed on disk while it is not open', () => {
  let folder: string;
  let session: LspSession;
  const file = () => join(folder, maatregel);
  /** Adds a comment line under the opening `---`, so that everything below moves down one line, and tells the server nothing. */
  const pushDown = (comment: string) => writeFileSync(file(), readFileSync(file(), 'utf8').replace(/^---\n/, `---\n# ${comment}\n`));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-closed-'));
    cpSync(join(projectRoot, 'content'), folder, { recursive: true });
    // A title ending in a period: AK060, with a fix that removes it.
    writeFileSync(file(), readFileSync(file(), 'utf8').replace(/^(title: .*)$/m, '$1.'));
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a hover reads the file as it is now', async () => {
    await session.diagnosticsFor(uri(file()), (ds) => ds.some((d) => d.code === 'AK060' && d.range.start.line === 1));
    pushDown('eerste wijziging');
    const text = readFileSync(file(), 'utf8');
    const item = lineOf(text, '- aia-01-ai-geletterdheid-personeel');
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(file()) }, position: { line: item, character: 4 } });
    // The cited vereiste, not what stood on that line in the text that was indexed (the `levenscyclus:` key).
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /beschikken over voldoende AI\\-geletterdheid/);
    // The file was read again, and its diagnostics moved with its lines.
    await session.diagnosticsFor(uri(file()), (ds) => ds.some((d) => d.code === 'AK060' && d.range.start.line === lineOf(text, 'title:')));
  });

  test('a quick fix edits the file as it is now', async () => {
    pushDown('tweede wijziging');
    const text = readFileSync(file(), 'utf8');
    const titleLine = lineOf(text, 'title:');
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(file()) },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    const fix = actions.find((action) => action.title === 'Verwijder de punt');
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    const edits = (fix.edit as WorkspaceEdit).documentChanges!.flatMap((change) => ('edits' in change ? (change.edits as TextEdit[]) : []));
    assert.equal(edits.length, 1);
    // On the title's line now (two lines below where it was indexed), and it takes off exactly the period.
    assert.equal(edits[0].range.start.line, titleLine);
    const line = text.split('\n')[titleLine];
    const applied = line.slice(0, edits[0].range.start.character) + edits[0].newText + line.slice(edits[0].range.end.character);
    assert.equal(applied, line.replace(/\.$/, ''));
  });
});

// The Markdown preview's data over stdio: algoritmekader/previewData answers what the site shows in
// place of each directive of a page, from the live index, so an edit of one page shows in the
// preview of another; the server then sends a page's new data itself
// (algoritmekader/previewDataChanged) as soon as an edit changes it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PreviewData, PreviewDataChangedParams } from '../../protocol';
import { LspSession, uri } from '../support/lspSession';

const content = 'docs/voldoen-aan-wetten-en-regels';
const front = (title: string, id: string, extra: string) =>
  `---\ntitle: ${title}\nid: ${id}\ntoelichting: x\nlevenscyclus: [ontwerp]\nonderwerp: [privacy]\nrollen: [jurist]\n${extra}---\n`;
const files: Record<string, string> = {
  'docs/rollen/jurist.md': '---\ntitle: Jurist\n---\n',
  [`${content}/vereisten/avg-01-rechtmatig.md`]: `${front('Rechtmatig', 'urn:nl:ak:ver:avg-01', '')}\n<!-- tags -->\n## Maatregelen\n\n<!-- list_maatregelen vereiste/avg-01-rechtmatig no-search -->\n`,
  [`${content}/maatregelen/0-org-01-eerste.md`]: `${front('Eerste', 'urn:nl:ak:mtr:org-01', 'vereiste:\n- avg-01-rechtmatig\n')}\n<!-- list_vereisten_on_maatregelen_page -->\n`,
  [`${content}/maatregelen/0-org-02-tweede.md`]: `${front('Tweede', 'urn:nl:ak:mtr:org-02', 'vereiste:\n- avg-02-ander\n')}\n<!-- list_vereisten_on_maatregelen_page -->\n`,
  'includes/begrippenlijst.md': '*[AVG]: Algemene verordening gegevensbescherming.\n',
};

describe('preview data over LSP', () => {
  let folder: string;
  let session: LspSession;
  const pushes: PreviewDataChangedParams[] = [];
  /** What the server logged as errors. */
  const errors: string[] = [];
  let pushed = () => {};
  /** Resolves with the first notification of new data since `from` (an index into `pushes`) for `pageUri` that satisfies `predicate`. */
  const pushFor = (from: number, pageUri: string, predicate: (data: PreviewData | null) => boolean, timeout = 5000) =>
    new Promise<PreviewDataChangedParams>((resolve, reject) => {
      const look = () => {
        const found = pushes.slice(from).find((push) => push.uri === pageUri && predicate(push.data));
        if (!found) return;
        clearTimeout(timer);
        pushed = () => {};
        resolve(found);
      };
      const timer = setTimeout(() => reject(new Error(`no new data of ${pageUri} sent; sent: ${JSON.stringify(pushes.slice(from).map((p) => p.uri))}`)), timeout);
      pushed = look;
      look();
    });
  const fileUri = (path: string) => uri(join(folder, path));
  const rows = (data: PreviewData | null, name: string) => {
    const view = data?.directives.find((directive) => directive.comment.includes(name))?.view;
    return view?.kind === 'table' ? view.rows.map((row) => (row.cells[0].shows === 'title' ? row.cells[0].text : '')) : undefined;
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-lsp-preview-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    session = await LspSession.start(folder);
    session.connection.onNotification('algoritmekader/previewDataChanged', (params: PreviewDataChangedParams) => {
      pushes.push(params);
      pushed();
    });
    session.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) errors.push(params.message);
    });
  });
  after(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test("a page's directives as the site renders them, with the glossary; null outside a corpus", async () => {
    const data = await session.request<PreviewData | null>('algoritmekader/previewData', { uri: fileUri(`${content}/vereisten/avg-01-rechtmatig.md`) });
    assert.ok(data);
    assert.deepEqual(
      data.directives.map((directive) => [directive.line, directive.comment, directive.view.kind]),
      [
        [9, '<!-- tags -->', 'labels'],
        [12, '<!-- list_maatregelen vereiste/avg-01-rechtmatig no-search -->', 'table'],
      ],
    );
    assert.deepEqual(rows(data, 'list_maatregelen'), ['Eerste']);
    assert.deepEqual(data.glossary, [{ term: 'AVG', definition: 'Algemene verordening gegevensbescherming.' }]);
    assert.equal(await session.request('algoritmekader/previewData', { uri: uri(join(tmpdir(), 'elders.md')) }), null);
  });

  test("an edit of a maatregel's vereiste: list shows in the vereiste's table at once", async () => {
    const maatregel = fileUri(`${content}/maatregelen/0-org-02-tweede.md`);
    await session.open(maatregel, files[`${content}/maatregelen/0-org-02-tweede.md`]);
    const line = 8; // `- avg-02-ander`
    const started = Date.now();
    await session.change(maatregel, 2, [{ range: { start: { line, character: 2 }, end: { line, character: 15 } }, text: 'avg-01-rechtmatig' }]);
    const data = await session.request<PreviewData | null>('algoritmekader/previewData', { uri: fileUri(`${content}/vereisten/avg-01-rechtmatig.md`) });
    const elapsed = Date.now() - started;
    assert.deepEqual(rows(data, 'list_maatregelen'), ['Eerste', 'Tweede']);
    assert.ok(elapsed < 1000, `${elapsed} ms`);
    const own = await session.request<PreviewData | null>('algoritmekader/previewData', { uri: maatregel });
    assert.equal(own?.version, 2, 'the data is of the edited text');
  });

  test("an edit of a maatregel's vereiste: list sends the open vereiste's new data, unasked; an edit that changes nothing sends none", async () => {
    const vereiste = fileUri(`${content}/vereisten/avg-01-rechtmatig.md`);
    const path = `${content}/maatregelen/0-org-01-eerste.md`;
    const maatregel = fileUri(path);
    await session.open(maatregel, files[path]);
    // Asking for a page's data is what a preview does when it renders; from then on the server keeps it up to date.
    assert.deepEqual(rows(await session.request<PreviewData | null>('algoritmekader/previewData', { uri: vereiste }), 'list_maatregelen'), ['Eerste', 'Tweede']);
    let from = pushes.length;
    const line = 8; // `- avg-01-rechtmatig`
    await session.change(maatregel, 2, [{ range: { start: { line, character: 2 }, end: { line, character: 19 } }, text: 'avg-02-ander' }]);
    const push = await pushFor(from, vereiste, (data) => rows(data, 'list_maatregelen')?.length === 1);
    assert.deepEqual(rows(push.data, 'list_maatregelen'), ['Tweede']);

    // Text below the directive: the vereiste's table stays the same, so nothing is sent for it.
    from = pushes.length;
    await session.change(maatregel, 3, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'Meer tekst.\n' }]);
    await session.diagnosticsFor(maatregel);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      pushes.slice(from).filter((p) => p.uri === vereiste),
      [],
    );

    // Typed back one character at a time, as code-server sends an inserted word: the last state is sent.
    from = pushes.length;
    const published = session.publications.get(maatregel) ?? 0;
    const typed = 'avg-01-rechtmatig';
    await session.change(maatregel, 4, [{ range: { start: { line, character: 2 }, end: { line, character: 14 } }, text: '' }]);
    for (let index = 0; index < typed.length; index++)
      await session.change(maatregel, 5 + index, [{ range: { start: { line, character: 2 + index }, end: { line, character: 2 + index } }, text: typed[index] }]);
    const back = await pushFor(from, vereiste, (data) => rows(data, 'list_maatregelen')?.length === 2);
    assert.deepEqual(rows(back.data, 'list_maatregelen'), ['Eerste', 'Tweede']);
    // A burst of changes is checked as one: not once per character (the server would lag behind the typing).
    await session.diagnosticsFor(maatregel);
    const checks = (session.publications.get(maatregel) ?? 0) - published;
    assert.ok(checks < (typed.length + 1) / 2, `${checks} checks for ${typed.length + 1} changes`);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: maatregel } });
  });

  test('a watched page whose file changed on disk unannounced is read again and its new data sent, with no error', async () => {
    const path = `${content}/vereisten/avg-01-rechtmatig.md`;
    const vereiste = fileUri(path);
    assert.equal((await session.request<PreviewData | null>('algoritmekader/previewData', { uri: vereiste }))?.directives.length, 2);
    // No event from the editor (a checkout, a watcher not told): the server finds out when it next needs the page.
    writeFileSync(join(folder, path), files[path].replace('## Maatregelen', '<!-- tags-ai-act -->\n\n## Maatregelen'));
    const from = pushes.length;
    const maatregel = fileUri(`${content}/maatregelen/0-org-01-eerste.md`);
    await session.open(maatregel, files[`${content}/maatregelen/0-org-01-eerste.md`]);
    await session.change(maatregel, 2, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'Meer tekst.\n' }]);
    const push = await pushFor(from, vereiste, (data) => data?.directives.length === 3);
    assert.ok(push.data?.directives.some((directive) => directive.comment === '<!-- tags-ai-act -->'));
    assert.deepEqual(errors, []);
  });
});

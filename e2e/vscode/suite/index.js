// The checks that e2e/vscode/runTest.mjs runs inside VS Code's extension host (@vscode/test-electron
// calls run()). Plain CommonJS without a test framework: each check is an async function using the
// real `vscode` API and node:assert; they run one after another, each with its own time budget.
// Output: "PASS <check> (1.2s)" / "FAIL <check> (1.2s): why" per check, then "N passed, N failed".
// run() rejects when any check failed, which makes VS Code (and runTest.mjs) exit non-zero.
//
// The workspace is a throw-away copy of the real corpus; files edited by a check are put back.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'algoritmekader-tools.algoritmekader-tools'; // publisher.name in package.json
const SOURCE = 'akcheck';
const CONTENT = path.join('docs', 'voldoen-aan-wetten-en-regels');
const MAATREGEL_DANGLING = '2-owp-30-informeer-betrokkenen.md';
const DANGLING_SLUG = 'aia-08-transparantie-aan-gebruikersverantwoordelijken';
const VEREISTE_HOVER = 'aia-29-ai-modellen-algemene-doeleinden.md';
const CHECK_TIMEOUT = 60000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls fn until it returns something truthy; throws "<what> not met within Ns (last error)" otherwise. */
async function poll(fn, { timeout = 10000, interval = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`${what}: not met within ${timeout / 1000}s${last ? ` (${last.message})` : ''}`);
    await sleep(interval);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000}s`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const root = folder ? folder.uri.fsPath : process.env.AK_VSCODE_TEST_WORKSPACE;
  assert.ok(root, 'no workspace folder is open');
  return root;
}

const contentDir = (kind) => path.join(workspaceRoot(), CONTENT, kind);
const fileUri = (kind, name) => vscode.Uri.file(path.join(contentDir(kind), name));

/** A diagnostic's code as a string (it may be a string, a number or { value, target }). */
const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const ours = (d) => d.source === SOURCE;

/** The items of a YAML list key in a file's frontmatter: { keyLine, items: [{ line, value, text }] } (0-based lines). */
function frontmatterList(text, key) {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') return null;
  const end = lines.indexOf('---', 1);
  const k = lines.findIndex((l, i) => i < end && l === `${key}:`);
  if (k < 0) return null;
  const items = [];
  for (let i = k + 1; i < end && /^\s*- /.test(lines[i]); i++) items.push({ line: i, value: lines[i].replace(/^\s*- /, '').trim(), text: lines[i] });
  return { keyLine: k, items };
}

/** The first maatregel (sorted by name, other than skip) whose onderwerp list satisfies pred. */
function findMaatregel(pred, skip = []) {
  const dir = contentDir('maatregelen');
  const name = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md') && !skip.includes(n))
    .sort()
    .find((n) => {
      const list = frontmatterList(fs.readFileSync(path.join(dir, n), 'utf8'), 'onderwerp');
      return list && list.items.length > 0 && pred(list.items.map((i) => i.value));
    });
  assert.ok(name, 'no maatregel with a suitable onderwerp list');
  return name;
}

/** Plain text of hovers: MarkdownString, MarkedString ({ language, value }) or string contents. */
function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1') // markdown escapes
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Puts a document back to the given text and saves it (also when a check failed halfway). */
async function restore(doc, original) {
  if (doc.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
  }
  if (doc.isDirty) await doc.save();
}

// ---------------------------------------------------------------------------------------------

/** @type {Array<[string, () => Promise<string>]>} */
const checks = [
  [
    'activation',
    async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} not found (is extensionDevelopmentPath the project root?)`);
      // it activates by itself (workspaceContains:docs/voldoen-aan-wetten-en-regels); activate() waits for that
      await withTimeout(Promise.resolve(ext.activate()), 30000, 'activation');
      assert.ok(ext.isActive, 'extension is not active');
      return `${ext.id} ${ext.packageJSON.version} active`;
    },
  ],

  // diagnostics for a file nobody opened: the server checks the whole corpus
  [
    'diagnostics',
    async () => {
      const uri = fileUri('maatregelen', MAATREGEL_DANGLING);
      const opened = vscode.workspace.textDocuments.some((d) => d.uri.fsPath === uri.fsPath);
      const line = fs
        .readFileSync(uri.fsPath, 'utf8')
        .split(/\r?\n/)
        .findIndex((l) => l.includes(DANGLING_SLUG));
      assert.ok(line >= 0, `${DANGLING_SLUG} not in ${MAATREGEL_DANGLING}`);
      const hit = await poll(() => vscode.languages.getDiagnostics(uri).find((d) => ours(d) && codeOf(d) === 'AK040' && d.range.start.line === line), {
        timeout: 20000,
        what: `AK040 from ${SOURCE} on line ${line + 1} of ${MAATREGEL_DANGLING}`,
      });
      assert.equal(hit.severity, vscode.DiagnosticSeverity.Error, 'AK040 is not an error');
      assert.match(hit.message, new RegExp(DANGLING_SLUG));
      return `AK040 error at ${line + 1}:${hit.range.start.character + 1}${opened ? ' (file was open!)' : ' (file not opened)'}: ${hit.message.slice(0, 60)}`;
    },
  ],

  // hover over the slug in <!-- list_maatregelen vereiste/aia-29-... --> shows the vereiste's title
  [
    'hover',
    async () => {
      const uri = fileUri('vereisten', VEREISTE_HOVER);
      const doc = await vscode.workspace.openTextDocument(uri);
      const slug = VEREISTE_HOVER.replace(/\.md$/, '');
      const title = /^title:\s*(.*)$/m
        .exec(doc.getText())[1]
        .replace(/^(['"])(.*)\1$/, '$2')
        .trim();
      const line = doc
        .getText()
        .split(/\r?\n/)
        .findIndex((l) => new RegExp(`<!--\\s*list_maatregelen\\s+vereiste/${slug}`).test(l));
      assert.ok(line >= 0, `no list_maatregelen vereiste/${slug} line`);
      const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf(slug) + 6);
      const text = await poll(
        async () => {
          const t = hoverText(/** @type {import('vscode').Hover[]} */ (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)));
          return t.includes(title) && t;
        },
        { timeout: 10000, what: `hover at ${line + 1}:${pos.character + 1} showing "${title}"` },
      );
      return `hover shows "${title.slice(0, 50)}…" (${text.length} chars)`;
    },
  ],

  // completion on a new "- " item under onderwerp: offers the onderwerpen
  [
    'completion',
    async () => {
      const name = findMaatregel((values) => !values.includes('transparantie'));
      const uri = fileUri('maatregelen', name);
      const original = fs.readFileSync(uri.fsPath, 'utf8');
      const doc = await vscode.workspace.openTextDocument(uri);
      try {
        const { items } = frontmatterList(doc.getText(), 'onderwerp');
        const last = items[items.length - 1];
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(last.line, last.text.length), '\n- ');
        assert.ok(await vscode.workspace.applyEdit(edit), 'inserting "- " failed');
        const pos = new vscode.Position(last.line + 1, 2);
        assert.equal(doc.lineAt(pos.line).text, '- ');
        const labels = await poll(
          async () => {
            const list = /** @type {import('vscode').CompletionList | undefined} */ (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, pos));
            const l = ((list && list.items) || []).map(labelOf);
            return l.includes('transparantie') && l;
          },
          { timeout: 10000, what: `completion at ${name}:${pos.line + 1}:3 offering transparantie` },
        );
        return `${name}: ${labels.length} items incl. transparantie`;
      } finally {
        await restore(doc, original);
        assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original, `${name} not restored`);
      }
    },
  ],

  // a misspelt onderwerp gets a diagnostic and a preferred quick fix that restores it
  [
    'quickfix',
    async () => {
      const name = findMaatregel((values) => values.includes('transparantie'), [MAATREGEL_DANGLING]);
      const uri = fileUri('maatregelen', name);
      const original = fs.readFileSync(uri.fsPath, 'utf8');
      const doc = await vscode.workspace.openTextDocument(uri);
      try {
        const item = frontmatterList(doc.getText(), 'onderwerp').items.find((i) => i.value === 'transparantie');
        const col = item.text.indexOf('transparantie');
        const word = new vscode.Range(item.line, col, item.line, col + 'transparantie'.length);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, word, 'transparantei');
        assert.ok(await vscode.workspace.applyEdit(edit), 'misspelling the tag failed');
        const diag = await poll(() => vscode.languages.getDiagnostics(uri).find((d) => ours(d) && d.range.start.line === item.line && d.message.includes('transparantei')), {
          timeout: 15000,
          what: `a diagnostic on "transparantei" (${name}:${item.line + 1})`,
        });
        const actions = await poll(
          async () => {
            const all =
              /** @type {import('vscode').CodeAction[] | undefined} */ (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, word, undefined, 10)) || [];
            return all.length && all;
          },
          { timeout: 10000, what: 'code actions on "transparantei"' },
        );
        const preferred = actions.find((a) => a.isPreferred && a.edit);
        assert.ok(preferred, `no preferred fix with an edit among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'applying the fix failed');
        const fixed = doc.lineAt(item.line).text;
        assert.equal(fixed, item.text, `line ${item.line + 1} reads ${JSON.stringify(fixed)} after "${preferred.title}"`);
        assert.ok(!doc.getText().includes('transparantei'), '"transparantei" is still in the document');
        return `${codeOf(diag)} on ${name}:${item.line + 1}; applied "${preferred.title}"`;
      } finally {
        await restore(doc, original);
        assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original, `${name} not restored`);
      }
    },
  ],

  // every command of contributes.commands is registered
  [
    'commands',
    async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} not found`);
      const contributed = ((ext.packageJSON.contributes || {}).commands || []).map((c) => c.command);
      for (const c of ['algoritmekader.reindex', 'algoritmekader.newVereiste']) assert.ok(contributed.includes(c), `${c} not in contributes.commands`);
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = contributed.filter((c) => !registered.has(c));
      assert.deepEqual(missing, [], `not registered: ${missing.join(', ')}`);
      return `${contributed.length} commands registered`;
    },
  ],
];

async function run() {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of checks) {
    const t0 = Date.now();
    const secs = () => `(${((Date.now() - t0) / 1000).toFixed(1)}s)`;
    try {
      const note = await withTimeout(Promise.resolve().then(fn), CHECK_TIMEOUT, name);
      passed++;
      console.log(`PASS ${name} ${secs()}${note ? ` ${note}` : ''}`);
    } catch (error) {
      failed++;
      const why = String((error && error.message) || error).split('\n')[0];
      console.log(`FAIL ${name} ${secs()}: ${why}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${passed + failed} VS Code integration checks failed`);
}

module.exports = { run, checks };

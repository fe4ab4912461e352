// Security (issue 6): corpus text in hovers and completion documentation is escaped (no HTML, no
// command: links, no way out of a code span), the server never marks Markdown as trusted, the
// corpus configuration cannot make the CLI or the server read outside the root, and nothing is run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import { ConfigError, loadCorpusConfig, parseCorpusConfig } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { complete } from '../../server/src/languageFeatures/completion';
import { hover } from '../../server/src/languageFeatures/hover';
import { LspSession, uri } from '../support/lspSession';
import { baseFiles, memoryCorpus, M1, M2, V1, vereistenFolder, withFiles } from '../support/memoryCorpus';
import { projectRoot } from '../support/realCorpus';

const payloads = [
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.quit)',
  '<script>alert(1)</script>',
  '`code` ``` ``',
  '<!-- c -->',
  '[y](javascript:alert(1))',
  '<command:workbench.action.quit>',
];
const nasty = payloads.join(' ');

/** Why a Markdown string lets corpus text through as markup, or undefined. Code spans (one line, as code() makes them) are literal and left out. */
function markupProblem(markdown: string): string | undefined {
  const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
  if (/<\/?[A-Za-z!?]/.test(outsideCode)) return `a raw tag: ${outsideCode.match(/<\/?[A-Za-z!?][^\n]{0,40}/)![0]}`;
  if (/(?<!\\)\]\(\s*<?\s*(command|javascript):/i.test(outsideCode)) return 'a command: or javascript: link';
  return undefined;
}

function assertSafe(where: string, value: unknown): void {
  const json = JSON.stringify(value);
  assert.ok(!json.includes('isTrusted') && !json.includes('supportHtml'), `${where} sets isTrusted or supportHtml: ${json.slice(0, 300)}`);
  const markdowns: string[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.kind === 'markdown' && typeof record.value === 'string') markdowns.push(record.value);
      Object.values(record).forEach(collect);
    }
  };
  collect(value);
  for (const markdown of markdowns) assert.equal(markupProblem(markdown), undefined, `${where}: ${JSON.stringify(markdown)}`);
}

/** A vereiste, a maatregel, a taxonomy page and a hulpmiddel whose text carries the payloads, in the base corpus. */
const slug = 'aia-08-transparantie-aan-gebruiksverantwoordelijken';
function hostileFiles() {
  const files = baseFiles();
  const quoted = JSON.stringify(nasty);
  return withFiles(files, {
    [V1]: files[V1].replace(/^title: .*$/m, `title: ${quoted}`)
      .replace(/^toelichting: .*$/m, `toelichting: ${JSON.stringify(`${nasty}\n\n${nasty}`)}`)
      .replace('Een testvereiste over uitleg.', `${nasty}\n\n<a href="command:workbench.action.quit">klik</a>\n\n\`\`\`\n${nasty}\n\`\`\``),
    [M2]: files[M2].replace(/^title: .*$/m, `title: ${quoted}`).replace(/^toelichting: .*$/m, `toelichting: ${quoted}`),
    'docs/onderwerpen/transparantie.md': `---\ntitle: ${quoted}\nsummary: ${quoted}\n---\n`,
    [M1]: files[M1].replace(`- ${slug}\n`, `- ${slug}\n- ${JSON.stringify(`x\n\n${nasty}`)}\n`)
      .replace('onderwerp:\n- transparantie\n', `onderwerp:\n- transparantie\n- ${JSON.stringify(`y\n\n${payloads[0]}`)}\n`)
      .replace('## Vereisten', `<!-- list_maatregelen vereiste/${slug} -->\n\n<!-- list_vereisten onderwerp/transparantie -->\n\n## Vereisten`),
  });
}

describe('hovers and completion documentation escape corpus text', () => {
  const files = hostileFiles();
  const corpus = memoryCorpus(files);
  const document = corpus.get(M1)!;
  const lines = document.text.getText().split('\n');
  const at = (needle: string, offset = 2) => {
    const line = lines.findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, needle);
    return { line, character: lines[line].indexOf(needle) + offset };
  };

  test('hover on every slug, value, key and directive of a page that cites the hostile texts', () => {
    const positions = [
      at(slug),
      at('"x\\n'),
      at('- transparantie'),
      at('"y\\n'),
      at('title:', 1),
      at(`list_maatregelen vereiste/${slug}`, 2),
      at(`vereiste/${slug}`, 12),
      at('list_vereisten onderwerp/', 20),
    ];
    let shown = 0;
    for (const position of positions) {
      const result = hover(corpus, document, position);
      assertSafe(`hover at ${JSON.stringify(position)}`, result);
      if (result) shown++;
    }
    assert.equal(shown, positions.length, 'every position has a hover');
    const preview = (hover(corpus, document, at(slug))!.contents as { value: string }).value;
    assert.match(preview, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/, 'the title is shown, escaped');
    assert.match(preview, /\\\[x\\\]\\\(command:workbench\\\.action\\\.quit\\\)/, 'the link is shown as text');
  });

  test('completion of slugs, tags, keys and directives carries escaped documentation', () => {
    const completions = [
      complete(corpus, document, { line: at(slug).line, character: 2 }),
      complete(corpus, document, { line: at('- transparantie').line, character: 2 }),
      complete(corpus, document, { line: 1, character: 0 }),
    ];
    const typing = memoryCorpus(withFiles(files, { [M1]: files[M1] + '\n<!-- \n<!-- list_vereisten onderwerp/\n' }));
    const typed = typing.get(M1)!;
    const typedLines = typed.text.getText().split('\n');
    completions.push(
      complete(typing, typed, { line: typedLines.length - 3, character: 5 }),
      complete(typing, typed, { line: typedLines.length - 2, character: typedLines[typedLines.length - 2].length }),
    );
    const documented = completions.flatMap((list) => list.items).filter((item: CompletionItem) => item.documentation);
    assert.ok(documented.length > 5, `${documented.length} documented items`);
    for (const list of completions) assertSafe('completion', list);
    assert.ok(JSON.stringify(completions).includes('&lt;img'), 'the hostile toelichting and summary are in the documentation, escaped');
  });
});

describe('the language server escapes too and never trusts Markdown', () => {
  let folder: string;
  let session: LspSession;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-security-'));
    for (const [path, text] of Object.entries(hostileFiles())) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    // A file name is corpus text too: the slug in a preview is inline code, which a line break must not end.
    writeFileSync(join(folder, vereistenFolder, 'aia-99-x\n\n<img src=x onerror=alert(1)>.md'), readFileSync(join(folder, V1), 'utf8').replace('aia-08', 'aia-99'));
    writeFileSync(join(folder, '.algoritmekader.json'), JSON.stringify({ schema: { keyDescriptions: { title: nasty }, directives: { tags: { description: nasty } } } }));
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('hovers and completions over LSP: no raw tags, no command: links, no isTrusted', async () => {
    const path = join(folder, M1);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const requests: [string, unknown][] = [];
    lines.forEach((line, index) => {
      for (let character = 0; character < Math.min(line.length, 80); character += 3)
        requests.push(['textDocument/hover', { textDocument: { uri: uri(path) }, position: { line: index, character } }]);
    });
    for (const line of [1, lines.findIndex((l) => l.startsWith('- aia')), lines.findIndex((l) => l === '- transparantie')]) {
      requests.push(['textDocument/completion', { textDocument: { uri: uri(path) }, position: { line, character: line === 1 ? 0 : 2 } }]);
    }
    let answered = 0;
    for (const [method, params] of requests) {
      const result = await session.request<Hover | CompletionList | null>(method, params);
      assertSafe(`${method} ${JSON.stringify(params)}`, result);
      if (result) answered++;
    }
    assert.ok(answered > 20, `${answered} answers`);
    // The hover of the vereiste named by the odd file name.
    const maatregel = join(folder, M2);
    const odd = 'aia-99-x\n\n<img src=x onerror=alert(1)>';
    writeFileSync(maatregel, readFileSync(maatregel, 'utf8').replace('vereiste:\n', `vereiste:\n- ${JSON.stringify(odd)}\n`));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(maatregel), type: 2 }] });
    await session.diagnosticsFor(uri(maatregel), (d) => d.length === 0);
    const line = readFileSync(maatregel, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('aia-99'));
    const preview = await session.request<Hover>('textDocument/hover', { textDocument: { uri: uri(maatregel) }, position: { line, character: 4 } });
    assert.match((preview.contents as { value: string }).value, /urn:nl:ak:ver:aia-99/);
    assertSafe('hover on the odd file name', preview);
  });
});

describe('the corpus configuration cannot reach outside the root or run anything', () => {
  let parent: string;
  let root: string;
  before(() => {
    parent = mkdtempSync(join(tmpdir(), 'ak-config-'));
    root = join(parent, 'corpus');
    cpSync(join(projectRoot, 'content'), root, { recursive: true });
    mkdirSync(join(parent, 'outside'));
    writeFileSync(join(parent, 'outside', 'config.json'), JSON.stringify({ rules: { AK062: 'off' } }));
  });
  after(() => rmSync(parent, { recursive: true, force: true }));

  const write = (config: unknown) => writeFileSync(join(root, '.algoritmekader.json'), JSON.stringify(config));
  const akcheck = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'dist/akcheck.js'), '--no-cache', ...args, root], { encoding: 'utf8', timeout: 20_000 });
  const remove = () => rmSync(join(root, '.algoritmekader.json'), { force: true });

  const refused: [string, unknown, RegExp][] = [
    [
      'a document folder with ..',
      { schema: { documentTypes: { vereiste: { folder: '../outside' } } } },
      /documentTypes\.vereiste\.folder must be a relative folder inside the corpus/,
    ],
    [
      'a document folder with .. inside',
      { schema: { documentTypes: { maatregel: { folder: 'docs/../../outside' } } } },
      /documentTypes\.maatregel\.folder must be a relative folder inside the corpus/,
    ],
    ['an absolute document folder', { schema: { documentTypes: { vereiste: { folder: '/etc' } } } }, /documentTypes\.vereiste\.folder must be a relative folder inside the corpus/],
    ['a taxonomy folder outside', { schema: { taxonomies: { rollen: '../../etc' } } }, /taxonomies\.rollen must be a relative folder inside the corpus/],
    ['a root marker outside', { schema: { rootMarker: '/' } }, /rootMarker must be a relative folder inside the corpus/],
    ['a __proto__ table', { schema: { directives: { __proto__: { list_evil: { description: 'x', lists: 'nope' } } } } }, /'__proto__' is not a valid name/],
  ];
  for (const [name, config, message] of refused) {
    test(`refused with a clear message: ${name}`, () => {
      // JSON.stringify drops a literal __proto__ key; write it as JSON text.
      const text = name.includes('__proto__') ? '{"schema":{"directives":{"__proto__":{"list_evil":{"description":"x","lists":"nope"}}}}}' : JSON.stringify(config);
      assert.throws(
        () => parseCorpusConfig(text),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
      writeFileSync(join(root, '.algoritmekader.json'), text);
      const run = akcheck();
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^akcheck: \.algoritmekader\.json: /);
      remove();
    });
  }

  test('a configuration file that links out of the root, to a device or is a FIFO is not read (no hang, no leak)', async () => {
    const cases: [string, () => void, RegExp][] = [
      ['link out of the root', () => symlinkSync(join(parent, 'outside', 'config.json'), join(root, '.algoritmekader.json')), /symbolic link to a file outside the corpus/],
      ['link to /dev/zero', () => symlinkSync('/dev/zero', join(root, '.algoritmekader.json')), /outside the corpus/],
      ['FIFO', () => spawnSync('mkfifo', [join(root, '.algoritmekader.json')]), /not a file/],
      ['folder', () => mkdirSync(join(root, '.algoritmekader.json')), /not a file/],
    ];
    for (const [name, make, message] of cases) {
      make();
      try {
        await assert.rejects(loadCorpusConfig(new NodeFileSystem(root)), (error: unknown) => error instanceof ConfigError && message.test(error.message), name);
        const run = akcheck();
        assert.equal(run.error, undefined, `${name}: ${run.error}`);
        assert.equal(run.status, 2, `${name}: ${run.stderr}`);
        assert.match(run.stderr, message, name);
      } finally {
        rmSync(join(root, '.algoritmekader.json'), { recursive: true, force: true });
      }
    }
  });

  test('the server refuses such a configuration with a message, keeps the default schema and stays inside the root', async () => {
    write({ schema: { documentTypes: { vereiste: { folder: '../outside' } } } });
    const session = await LspSession.start(root);
    try {
      await session.until(() => session.messages.length > 0, 5000, 'a warning about the configuration');
      assert.match(session.messages.join('\n'), /documentTypes\.vereiste\.folder must be a relative folder inside the corpus; using the default schema/);
      assert.ok([...session.diagnostics.keys()].every((key) => key.startsWith(uri(root) + '/')));
      assert.equal(session.lastStatus.documents, walk(join(root, 'docs'), '.md').length);
    } finally {
      await session.stop();
      remove();
    }
  });

  test('nothing in the engine, the server or the CLI can run a program or evaluate code', () => {
    const sources = ['server/src', 'cli/src'].flatMap((folder) => walk(join(projectRoot, folder)));
    const forbidden = /['"](node:)?(child_process|vm|worker_threads)['"]|\beval\s*\(|new Function\s*\(|\brequire\s*\(\s*[^'"\s)]|\bimport\s*\(\s*[^'"\s)]/;
    const offenders = sources.filter((path) => forbidden.test(readFileSync(path, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});

function walk(folder: string, extension = '.ts'): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path, extension) : path.endsWith(extension) ? [path] : [];
  });
}

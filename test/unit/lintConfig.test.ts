// The architecture rules of eslint.config.mjs bite: each case lints a snippet as if it were a file at
// the given place in the project and checks exactly which rules fire.
import { ESLint } from 'eslint';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/realCorpus';

const eslint = new ESLint({ cwd: projectRoot });

/** The rule ids that fire on `code` as the file `filePath` (relative to the project root). */
async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, filePath) });
  return result.messages.map((message) => message.ruleId ?? `(no rule) ${message.message}`);
}

/** A module of engine/<folder> that exists now, as a path without extension: `name` if it is there, else the first one. */
function engineModule(folder: string, name: string): string {
  const files = readdirSync(join(projectRoot, 'engine', folder))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -3))
    .sort();
  assert.ok(files.length > 0, `engine/${folder} has a module`);
  return `engine/${folder}/${files.includes(name) ? name : files[0]}`;
}

/** `target` (relative to the project root) as an import specifier from the file `from`. */
function specifier(from: string, target: string): string {
  const path = relative(join(projectRoot, from, '..'), join(projectRoot, target)).replaceAll('\\', '/');
  return path.startsWith('.') ? path : `./${path}`;
}

const restrictedImports = '@typescript-eslint/no-restricted-imports';
const restrictedPaths = 'import-x/no-restricted-paths';

test('engine files may not import vscode or the language server/client packages', async () => {
  assert.deepEqual(await rulesFired('engine/parsing/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/parsing/x.ts', `import type { Range } from 'vscode';\nexport type R = Range;\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/corpus/x.ts', `import 'vscode-languageserver/node';\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/corpus/x.ts', `import 'vscode-languageserver';\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/rules/x.ts', `import 'vscode-languageclient/node';\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/rules/x.ts', `import 'vscode-jsonrpc/node';\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/node/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;\n`), [restrictedImports]);
});

test('engine files may import the pure text-document and LSP-types packages', async () => {
  assert.deepEqual(await rulesFired('engine/parsing/x.ts', `import { TextDocument } from 'vscode-languageserver-textdocument';\nexport const t = TextDocument;\n`), []);
  assert.deepEqual(await rulesFired('engine/parsing/x.ts', `import type { Range } from 'vscode-languageserver-types';\nexport type R = Range;\n`), []);
});

test('Node built-ins are an error in the engine, with or without node:, but allowed in engine/node', async () => {
  for (const module of ['node:fs', 'fs', 'fs/promises', 'node:path', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'v8', 'node:test']) {
    const code = `import * as m from '${module}';\nexport const n = m;\n`;
    assert.deepEqual(await rulesFired('engine/rules/x.ts', code), [restrictedImports], module);
    assert.deepEqual(await rulesFired('engine/node/x.ts', code), [], `${module} in engine/node`);
  }
  assert.deepEqual(await rulesFired('engine/rules/x.ts', `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`), [restrictedImports]);
  assert.deepEqual(await rulesFired('engine/node/x.ts', `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`), []);
});

test('Node globals are an error in the engine, but allowed in engine/node', async () => {
  assert.deepEqual(await rulesFired('engine/corpus/x.ts', 'export const argv = process.argv;\n'), ['no-restricted-globals']);
  assert.deepEqual(await rulesFired('engine/node/x.ts', 'export const argv = process.argv;\n'), []);
});

test('server, cli, bench and protocol import the engine only through engine/index.ts and engine/node/index.ts', async () => {
  const catalog = engineModule('rules', 'catalog');
  for (const file of ['server/src/x.ts', 'server/src/lsp/x.ts', 'cli/src/x.ts', 'bench/x.ts', 'protocol/x.ts']) {
    const importing = (target: string) => rulesFired(file, `import * as m from '${specifier(file, target)}';\nexport const n = m;\n`);
    assert.deepEqual(await importing(catalog), [restrictedPaths], `${file} importing ${specifier(file, catalog)}`);
    assert.deepEqual(await importing(engineModule('node', 'nodeFileSystem')), [restrictedPaths], `${file} importing a deep engine/node path`);
    for (const entry of ['engine', 'engine/index', 'engine/node', 'engine/node/index']) {
      assert.deepEqual(await importing(entry), [], `${file} importing ${specifier(file, entry)}`);
    }
  }
  assert.deepEqual(await rulesFired('server/src/x.ts', `import { ruleCatalog } from '../../engine';\nexport const n = ruleCatalog;\n`), []);
});

test('the client imports neither engine/node nor the server', async () => {
  assert.deepEqual(await rulesFired('client/src/x.ts', `import * as m from '../../engine/node';\nexport const n = m;\n`), [restrictedPaths]);
  assert.deepEqual(await rulesFired('client/src/x.ts', `import * as m from '../../engine';\nexport const n = m;\n`), []);
  const serverFile = readdirSync(join(projectRoot, 'server/src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()[0];
  assert.ok(serverFile, 'server/src has a module');
  const serverModule = `server/src/${serverFile.split('\\').join('/').slice(0, -3)}`;
  assert.deepEqual(await rulesFired('client/src/x.ts', `import * as m from '${specifier('client/src/x.ts', serverModule)}';\nexport const n = m;\n`), [restrictedPaths]);
});

test('an engine layer imports only from the layers before it', async () => {
  const importing = (file: string, target: string) => rulesFired(file, `import * as m from '${specifier(file, target)}';\nexport const n = m;\n`);
  // Backwards: an earlier layer importing a later one.
  assert.deepEqual(await importing('engine/schema/x.ts', engineModule('rules', 'catalog')), [restrictedPaths]);
  assert.deepEqual(await importing('engine/parsing/x.ts', engineModule('corpus', 'corpus')), [restrictedPaths]);
  assert.deepEqual(await importing('engine/rules/x.ts', engineModule('project', 'corpusConfig')), [restrictedPaths]);
  // The two base layers import nothing of the engine, not even each other.
  assert.deepEqual(await importing('engine/text/x.ts', engineModule('fileSystem', 'fileSystem')), [restrictedPaths]);
  assert.deepEqual(await importing('engine/fileSystem/x.ts', engineModule('text', 'positions')), [restrictedPaths]);
  // No layer imports engine/node or the public entry; engine/index.ts does not import engine/node.
  assert.deepEqual(await importing('engine/project/x.ts', 'engine/node'), [restrictedPaths]);
  assert.deepEqual(await importing('engine/rules/x.ts', 'engine/index'), [restrictedPaths]);
  assert.deepEqual(await importing('engine/index.ts', 'engine/node'), [restrictedPaths]);
  // Forwards is fine, within a layer too; engine/node may import any layer.
  assert.deepEqual(await importing('engine/rules/x.ts', engineModule('schema', 'schema')), []);
  assert.deepEqual(await importing('engine/project/x.ts', engineModule('rules', 'catalog')), []);
  assert.deepEqual(await importing('engine/rules/x.ts', engineModule('rules', 'catalog')), []);
  assert.deepEqual(await importing('engine/node/x.ts', engineModule('project', 'corpusConfig')), []);
});

test('an import cycle is an error', async () => {
  // A cycle needs real files. They are made in a scratch copy of the layout (outside the project, so
  // that nobody else's tsc or eslint run sees them) and linted with the project's own config; file
  // patterns of a config given as overrideConfigFile are relative to `cwd`.
  const scratch = mkdtempSync(join(tmpdir(), 'lint-config-test-'));
  try {
    const folder = join(scratch, 'engine', 'corpus');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.ts'), `import { b } from './b';\nexport const a = (): number => b() + 1;\n`);
    writeFileSync(join(folder, 'b.ts'), `import { a } from './a';\nexport const b = (): number => (a() > 0 ? 0 : 1);\n`);
    writeFileSync(join(folder, 'c.ts'), `import { b } from './b';\nexport const c = (): number => b();\n`);
    const scratchLint = new ESLint({ cwd: scratch, overrideConfigFile: join(projectRoot, 'eslint.config.mjs') });
    const results = await scratchLint.lintFiles(['engine/corpus/*.ts']);
    const fired = Object.fromEntries(results.map((result) => [relative(folder, result.filePath), result.messages.map((message) => message.ruleId)]));
    assert.deepEqual(fired, { 'a.ts': ['import-x/no-cycle'], 'b.ts': ['import-x/no-cycle'], 'c.ts': [] });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information, so
// it stays fast) plus the architecture rules that keep the engine portable and layered.
//
// The architecture, as lint rules:
// - engine/ is layered; a layer imports only from the layers before it, in this order:
//     text, fileSystem (base) → schema → parsing → corpus → fixes → rules → project
//   engine/node/ (Node-only parts) may import any layer; no layer imports engine/node/.
//   engine/index.ts re-exports every layer except node/.
// - Nothing under engine/ imports VS Code or the language server/client/JSON-RPC packages, nor a Node
//   built-in; engine/node/ may import Node built-ins.
// - server/, cli/, client/, bench/ and protocol/ reach the engine only through engine/index.ts and
//   engine/node/index.ts; client/ not through engine/node at all, and not into server/.
// - No import cycles in engine/, server/, cli/, client/ and protocol/.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

// The engine's layers, each allowed to import only from the ones before it.
const layers = [['text', 'fileSystem'], ['schema'], ['parsing'], ['corpus'], ['fixes'], ['rules'], ['project']];

// A zone per layer: nothing of the engine may be imported except the layer's own folder and the
// folders of the layers before it (so not a later layer, a layer of the same rank, engine/node or
// engine/index.ts).
const layerZones = layers.flatMap((group, index) =>
  group.map((layer) => {
    const allowed = [...layers.slice(0, index).flat(), layer];
    return {
      target: `./engine/${layer}`,
      from: './engine',
      except: allowed.map((name) => `./${name}`),
      message:
        index === 0
          ? `engine/${layer} is a base layer: it imports nothing of the engine outside its own folder.`
          : `engine/${layer} may import only from engine/{${allowed.join(',')}} (layers: ${layers.map((g) => g.join(' + ')).join(' → ')}); never from a later layer, engine/node or engine/index.ts.`,
    };
  }),
);

// Outside the engine, only its two public entries may be imported.
const publicEntriesOnly = (target) => ({
  target,
  from: './engine',
  except: ['./index.ts', './node/index.ts'],
  message: 'Import the engine only through its public entries: engine (engine/index.ts) or engine/node (engine/node/index.ts).',
});

const zones = [
  ...layerZones,
  { target: './engine/index.ts', from: './engine/node', message: 'engine/index.ts runs anywhere: it must not import engine/node.' },
  ...['./server', './cli', './bench', './protocol'].map(publicEntriesOnly),
  {
    target: './client',
    from: './engine',
    except: ['./index.ts'],
    message: 'The client imports the engine only through engine/index.ts (never engine/node or a deeper path).',
  },
  { target: './client', from: './server', message: 'The client must not import the server; shared definitions belong in protocol/.' },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Every Node built-in, with and without `node:` (and subpaths such as fs/promises).
const nodeBuiltinPattern = {
  regex: `^(node:.*|(${builtinModules.map(escapeRegExp).join('|')})(/.*)?)$`,
  message: 'The engine runs outside Node too (browser worker): Node built-ins belong in engine/node/.',
};
const editorPackagePatterns = [
  { regex: '^vscode(/.*)?$', message: 'The engine must not depend on VS Code.' },
  { regex: '^vscode-languageclient', message: 'The engine must not depend on the language client.' },
  {
    regex: '^vscode-languageserver(/.*)?$',
    message: 'The engine must not depend on the language server (vscode-languageserver-textdocument and -types are fine).',
  },
  { regex: '^vscode-jsonrpc', message: 'The engine must not depend on JSON-RPC.' },
];

export default defineConfig(
  {
    ignores: ['**/node_modules/', 'dist/', 'out/', '.vscode-test/', '.cache/', 'content/', 'docs/', 'bench/corpora/', '*.vsix'],
  },
  {
    // Only the source folders are linted; the config file itself too.
    files: ['{engine,server,cli,client,protocol,bench,scripts,test,e2e,images}/**/*.{ts,mts,cts,js,mjs,cjs}', '*.{mjs,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (noUnusedLocals/noUnusedParameters) already reports these.
      '@typescript-eslint/no-unused-vars': 'off',
      // The code base ignores failures on purpose with `catch {}` (clean-up, best-effort probes).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `let [a, b] = ...` where only b is reassigned stays one declaration.
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The end-to-end driver passes functions to the browser (Playwright's page.evaluate).
    files: ['e2e/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The VS Code test suite is plain CommonJS run by the extension host.
    files: ['e2e/vscode/suite/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Tests read loosely typed JSON (SARIF, LSP messages) and may use `any` for it.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // ---- Architecture ----
  {
    files: ['{engine,server,cli,client,protocol,bench}/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
    },
  },
  {
    files: ['{engine,server,cli,client,protocol}/**/*.ts'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/node/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...editorPackagePatterns, nodeBuiltinPattern] }],
      // tsconfig gives every file Node's types, so tsc would not catch these in the engine.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: 'The engine runs outside Node too (browser worker): Node globals belong in engine/node/.',
        })),
      ],
    },
  },
  {
    files: ['engine/node/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: editorPackagePatterns }],
    },
  },
);

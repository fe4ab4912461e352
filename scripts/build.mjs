// One esbuild call per bundle: the CLI, the language server and the VS Code client on Node, and the
// client and the language server (a worker) for the browser (github.dev, vscode.dev, code-server's
// web worker). `--production` minifies and drops source maps (used by packaging).
// The browser bundles use the packages' browser entries; a Node built-in in their import graph fails
// the build (esbuild cannot resolve it for platform 'browser'), and nothing is polyfilled.
// package.json declares `sideEffects: false`, so a bundle leaves out the engine modules it does not
// use (the client carries no YAML parser; test/unit/clientBundle.test.ts holds it to that). Its
// markdown-it comes with the markdown-it-attrs plugin of the preview, which requires it.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser'],
  mainFields: ['browser', 'module', 'main'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

// Settle all of them before failing, so one broken bundle never leaves the others stale.
const results = await Promise.allSettled([
  esbuild.build({ ...common, entryPoints: ['cli/src/akcheck.ts'], outfile: 'dist/akcheck.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // The web extension host loads the client as CommonJS (`require('vscode')`); the worker runs a plain script.
  esbuild.build({ ...browser, format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] }),
  esbuild.build({ ...browser, format: 'iife', entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/browser/server.js' }),
]);
const failed = results.filter((result) => result.status === 'rejected');
if (failed.length > 0) {
  for (const { reason } of failed) console.error(reason.message);
  process.exit(1);
}

// One esbuild call per bundle: the CLI, the language server and the VS Code client.
// `--production` minifies and drops source maps (used by packaging).
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

// Settle all three before failing, so one broken bundle never leaves the others stale.
const results = await Promise.allSettled([
  esbuild.build({ ...common, entryPoints: ['cli/src/akcheck.ts'], outfile: 'dist/akcheck.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
const failed = results.filter((result) => result.status === 'rejected');
if (failed.length > 0) {
  for (const { reason } of failed) console.error(reason.message);
  process.exit(1);
}

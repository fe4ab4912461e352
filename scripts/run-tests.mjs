// Bundles every test/**/*.test.ts with esbuild (dependencies stay external) and runs them with node's test runner.
// Usage: node scripts/run-tests.mjs [path-fragment ...]  (only test files whose path contains a fragment)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const tests = findTests('test')
  .filter((path) => filters.length === 0 || filters.some((f) => path.includes(f)))
  .sort();
if (tests.length === 0) {
  console.error('no test files match');
  process.exit(1);
}

// A folder per run, so that two runs at once do not pull files from under each other.
const outFolder = join('out', `test-${process.pid}`);
rmSync(outFolder, { recursive: true, force: true });
await esbuild.build({
  entryPoints: tests,
  outdir: outFolder,
  outbase: 'test',
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const compiled = tests.map((path) => join(outFolder, path.replace(/^test[\\/]/, '').replace(/\.ts$/, '.js')));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...compiled], { stdio: 'inherit' });
rmSync(outFolder, { recursive: true, force: true });
process.exit(result.status ?? 1);

// akcheck on the real corpus gives the same output with a cold parse cache, a warm one and none.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { needsRealCorpus, projectRoot, realCorpusRoot } from '../support/realCorpus';

test('the real corpus: JSON output is the same cold, warm and without the cache', needsRealCorpus, () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'ak-real-cache-'));
  try {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(projectRoot, 'dist/akcheck.js'), '--format', 'json', ...args, realCorpusRoot!], {
        env: { ...process.env, AKCHECK_CACHE_DIR: cacheDir },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const cold = run();
    assert.ok(readdirSync(cacheDir).length > 0, 'no cache was written');
    const warm = run();
    const none = run('--no-cache');
    assert.equal(cold.status, 1, cold.stderr);
    assert.ok(JSON.parse(cold.stdout).length > 50, 'the real corpus has findings');
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(none.stdout, cold.stdout);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

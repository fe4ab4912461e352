// The VS Code client's bundles carry no YAML parser: the client needs the engine's names of
// configuration files and a few helpers of the preview, not the parsers (scripts/build.mjs relies on
// `sideEffects: false`, and one import of a module next to the parser undoes it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/realCorpus';

test('the client bundles (Node and browser) leave out the YAML parser that the server and akcheck carry', () => {
  const marker = 'YAMLParseError';
  assert.ok(readFileSync(join(projectRoot, 'dist/akcheck.js'), 'utf8').includes(marker), 'the marker names the YAML parser');
  for (const bundle of ['dist/client.js', 'dist/browser/client.js']) {
    assert.ok(!readFileSync(join(projectRoot, bundle), 'utf8').includes(marker), `${bundle} carries the YAML parser`);
  }
});

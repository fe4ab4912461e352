// akcheck's JSON output on the real corpus is the recorded one (realCorpusFindings.json): a change
// made for speed must not change a finding. A rule changed on purpose records the new output:
//   node dist/akcheck.js ../shared/corpora/algoritmekader --format json > test/corpus/realCorpusFindings.json
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { needsRealCorpus, projectRoot, realCorpusRoot } from '../support/realCorpus';

test('the real corpus: the recorded JSON output', needsRealCorpus, () => {
  const recorded = readFileSync(join(projectRoot, 'test/corpus/realCorpusFindings.json'), 'utf8');
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist/akcheck.js'), '--format', 'json', realCorpusRoot!], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 1, run.stderr);
  assert.ok(JSON.parse(run.stdout).length > 50, 'the real corpus has findings');
  assert.equal(run.stdout, recorded, 'the findings differ from test/corpus/realCorpusFindings.json');
});

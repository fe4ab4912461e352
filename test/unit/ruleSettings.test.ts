// package.json's per-rule settings (contributes.configuration, `algoritmekader.rules`) are what the
// rule catalogue gives; scripts/sync-rule-settings.mjs regenerates them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleCatalog, severitySettings } from '../../engine/rules/catalog';
import { ruleSettingsSchema } from '../../scripts/ruleSettings';
import { projectRoot } from '../support/realCorpus';

const fix = 'package.json is out of date with the rule catalogue: run `node scripts/sync-rule-settings.mjs`';

function ruleSettings() {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return manifest.contributes.configuration.properties['algoritmekader.rules'];
}

test('package.json has a setting for every rule of the catalogue, in catalogue order, and for no other code', () => {
  assert.deepEqual(
    Object.keys(ruleSettings().properties),
    ruleCatalog.map((rule) => rule.code),
    fix,
  );
});

test("each rule's setting in package.json is what the catalogue gives (default severity, name, summary)", () => {
  const expected = ruleSettingsSchema(ruleCatalog, severitySettings);
  const actual = ruleSettings();
  for (const rule of ruleCatalog) assert.deepEqual(actual.properties[rule.code], expected.properties[rule.code], `${rule.code}: ${fix}`);
  assert.deepEqual(actual.patternProperties, expected.patternProperties, fix);
});

test('scripts/sync-rule-settings.mjs --check agrees', () => {
  const result = spawnSync(process.execPath, ['scripts/sync-rule-settings.mjs', '--check'], { cwd: projectRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

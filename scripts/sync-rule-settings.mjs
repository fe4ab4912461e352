// Regenerates the per-rule settings in package.json (contributes.configuration, `algoritmekader.rules`:
// `properties` AKnnn and `patternProperties`) from the rule catalogue of the engine.
// Usage: node scripts/sync-rule-settings.mjs          writes package.json
//        node scripts/sync-rule-settings.mjs --check  exits 1 when package.json differs
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'package.json');
const check = process.argv.includes('--check');

// Bundle the catalogue (through the engine's public entry, wherever the engine keeps it) and the
// generator into one self-contained CommonJS file, and load that.
const bundle = await esbuild.build({
  stdin: {
    contents: `export { ruleCatalog, severitySettings } from './engine'; export { ruleSettingsSchema } from './scripts/ruleSettings';`,
    resolveDir: root,
    sourcefile: 'sync-rule-settings-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const folder = mkdtempSync(join(tmpdir(), 'sync-rule-settings-'));
let loaded;
try {
  const file = join(folder, 'catalogue.cjs');
  writeFileSync(file, bundle.outputFiles[0].text);
  loaded = createRequire(import.meta.url)(file);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const { ruleCatalog, severitySettings, ruleSettingsSchema } = loaded;
const { properties, patternProperties } = ruleSettingsSchema(ruleCatalog, severitySettings);

const text = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(text);
const rules = manifest.contributes?.configuration?.properties?.['algoritmekader.rules'];
if (!rules) {
  console.error('package.json has no contributes.configuration.properties["algoritmekader.rules"]');
  process.exit(1);
}

const differences = [];
const before = rules.properties ?? {};
for (const code of Object.keys(properties)) {
  if (!(code in before)) differences.push(`${code} is missing`);
  else {
    const fields = [...new Set([...Object.keys(before[code]), ...Object.keys(properties[code])])];
    const changed = fields.filter((field) => JSON.stringify(before[code][field]) !== JSON.stringify(properties[code][field]));
    if (changed.length > 0) differences.push(`${code} ${changed.join(', ')} differs`);
  }
}
for (const code of Object.keys(before)) if (!(code in properties)) differences.push(`${code} is not in the catalogue`);
if (differences.length === 0 && JSON.stringify(Object.keys(before)) !== JSON.stringify(Object.keys(properties))) {
  differences.push('the rules are not in catalogue order');
}
if (JSON.stringify(rules.patternProperties) !== JSON.stringify(patternProperties)) differences.push('patternProperties differs');

// Replace in place, so that the keys around them keep their order.
rules.properties = properties;
rules.patternProperties = patternProperties;
const updated = `${JSON.stringify(manifest, null, 2)}\n`;

if (check) {
  if (updated === text) process.exit(0);
  console.error(
    `package.json's algoritmekader.rules settings are out of date with the rule catalogue` +
      (differences.length > 0 ? ` (${differences.join('; ')})` : ' (formatting only)') +
      '.\nRun `node scripts/sync-rule-settings.mjs` to regenerate them.',
  );
  process.exit(1);
}
if (updated === text) {
  console.log(`package.json: the settings of ${ruleCatalog.length} rules are up to date.`);
} else {
  writeFileSync(manifestPath, updated);
  console.log(`package.json: wrote the settings of ${ruleCatalog.length} rules${differences.length > 0 ? ` (${differences.join('; ')})` : ''}.`);
}

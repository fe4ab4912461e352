// The shipped JSON Schema of `.algoritmekader.json` describes what the engine reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultSchema, parseCorpusConfig } from '../../engine';
import { projectRoot } from '../support/realCorpus';

const jsonSchema = JSON.parse(readFileSync(join(projectRoot, 'schemas/algoritmekader.schema.json'), 'utf8'));

test('the JSON Schema names every key of the built-in schema, and no other', () => {
  assert.deepEqual(Object.keys(jsonSchema.properties.schema.properties).sort(), Object.keys(defaultSchema).sort());
  assert.deepEqual(Object.keys(jsonSchema.properties).sort(), ['$schema', 'rules', 'schema']);
});

test('the JSON Schema describes every key of a document type, list key and directive', () => {
  const properties = jsonSchema.properties.schema.properties;
  const typeKeys = Object.keys(properties.documentTypes.additionalProperties.oneOf[1].properties).sort();
  for (const type of Object.values(defaultSchema.documentTypes)) for (const key of Object.keys(type)) assert.ok(typeKeys.includes(key), key);
  const directiveKeys = Object.keys(properties.directives.additionalProperties.oneOf[1].properties);
  for (const directive of Object.values(defaultSchema.directives)) for (const key of Object.keys(directive)) assert.ok(directiveKeys.includes(key), key);
  const vocabularyKinds = properties.listKeys.additionalProperties.oneOf[1].properties.vocabulary.oneOf.map(
    (v: { properties: { kind: { const: string } } }) => v.properties.kind.const,
  );
  for (const { vocabulary } of Object.values(defaultSchema.listKeys)) assert.ok(vocabularyKinds.includes(vocabulary.kind), vocabulary.kind);
});

test('the README example configuration is accepted by the engine', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const example = /```json\n(\{\n {2}"\$schema"[\s\S]*?)\n```/.exec(readme)?.[1];
  assert.ok(example, 'the README has an example .algoritmekader.json');
  const config = parseCorpusConfig(example);
  assert.equal(config.rules.AK061, 'off');
  assert.deepEqual(config.schema.listKeys.risicogroep.vocabulary, { kind: 'values', values: ['hoog-risico-ai-systeem', 'verboden-ai'] });
});

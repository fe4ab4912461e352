import type { FileSystem } from '../fileSystem/fileSystem';
import { errorCode } from '../fileSystem/readText';
import { ruleByCode, severitySettings, type SeveritySetting } from '../rules/catalog';
import { configFileName } from '../schema/configFileName';
import { defaultSchema, type CorpusSchema } from '../schema/schema';

export interface CorpusConfig {
  schema: CorpusSchema;
  rules: Record<string, SeveritySetting>;
}

export class ConfigError extends Error {}

/** A configuration file is a few KiB; a larger one (a link to a device, a log) is not read. */
const maxConfigBytes = 1024 * 1024;

/**
 * Reads `.algoritmekader.json` from the corpus root, if there is one: `rules` sets severities, and
 * `schema` is merged into the default schema (objects merge key by key, anything else replaces, and
 * `null` removes a key). The file is data only: nothing in it is run or resolved outside the root.
 */
export async function loadCorpusConfig(fs: FileSystem): Promise<CorpusConfig> {
  let text: string;
  try {
    const stat = await fs.stat(configFileName);
    if (!stat) return { schema: defaultSchema, rules: {} };
    // Read as the Markdown files are: a regular file in the root, or a link to one inside it (not a FIFO, a device or a file elsewhere).
    const problem = stat.refused ?? (stat.kind === 'file' ? undefined : 'not a file');
    if (problem) throw new ConfigError(`${configFileName}: cannot be read (${problem})`);
    if (stat.size > maxConfigBytes) throw new ConfigError(`${configFileName}: cannot be read (larger than ${maxConfigBytes / 1024 / 1024} MiB)`);
    text = new TextDecoder().decode(await fs.readFile(configFileName));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${configFileName}: cannot be read (${errorCode(error)})`);
  }
  return parseCorpusConfig(text);
}

export function parseCorpusConfig(text: string): CorpusConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${configFileName}: not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw)) throw new ConfigError(`${configFileName}: expected a JSON object`);
  const unknownKeys = Object.keys(raw).filter((key) => !['$schema', 'rules', 'schema'].includes(key));
  if (unknownKeys.length > 0) throw new ConfigError(`${configFileName}: unknown key ${unknownKeys.map((k) => `'${k}'`).join(', ')} (expected rules, schema)`);
  const rules = parseRuleSettings(raw.rules ?? {}, `${configFileName}: rules`);
  const schema = raw.schema === undefined ? defaultSchema : mergeSchema(raw.schema);
  return { schema, rules };
}

export function parseRuleSettings(value: unknown, where: string): Record<string, SeveritySetting> {
  if (!isObject(value)) throw new ConfigError(`${where}: expected an object of rule code → severity`);
  for (const [code, severity] of Object.entries(value)) {
    if (!ruleByCode.has(code)) throw new ConfigError(`${where}: unknown rule '${code}'`);
    if (!severitySettings.includes(severity as SeveritySetting)) throw new ConfigError(`${where}: '${code}' must be one of ${severitySettings.join(', ')}`);
  }
  return value as Record<string, SeveritySetting>;
}

function mergeSchema(override: unknown): CorpusSchema {
  if (!isObject(override)) throw new ConfigError(`${configFileName}: schema must be an object`);
  const merged = merge(defaultSchema, override) as CorpusSchema;
  validateSchema(merged);
  return merged;
}

function merge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // JSON.parse keeps `__proto__` as a key; assigned, it would give the table a prototype of unchecked entries.
    if (key === '__proto__') throw new ConfigError(`${configFileName}: '__proto__' is not a valid name`);
    if (value === null) delete result[key];
    else result[key] = merge(base[key], value);
  }
  return result;
}

/** Checks the shapes the engine relies on, so a bad override is a clear message and not a crash later. */
function validateSchema(schema: CorpusSchema): void {
  const fail = (message: string): never => {
    throw new ConfigError(`${configFileName}: schema.${message}`);
  };
  const isStrings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';
  const isFolder = (value: unknown) => typeof value === 'string' && !value.startsWith('/') && !value.split('/').includes('..');
  // Names are looked up as own keys only: `toString` is no document type.
  const isTypeName = (value: unknown) => typeof value === 'string' && Object.hasOwn(schema.documentTypes, value);
  if (!isFolder(schema.rootMarker)) fail('rootMarker must be a relative folder inside the corpus');
  for (const table of ['documentTypes', 'taxonomies', 'listKeys', 'directives'] as const) if (!isObject(schema[table])) fail(`${table} must be an object`);
  for (const [name, type] of Object.entries(schema.documentTypes)) {
    if (!isObject(type) || !isFolder(type.folder)) fail(`documentTypes.${name}.folder must be a relative folder inside the corpus`);
    if (!isStrings(type.required) || !isStrings(type.optional)) fail(`documentTypes.${name}: required and optional must be lists of keys`);
    if (typeof type.label !== 'string') fail(`documentTypes.${name}.label must be a string`);
    if (!isOptionalString(type.idPrefix) || !isOptionalString(type.mainSection)) fail(`documentTypes.${name}: idPrefix and mainSection must be strings`);
    if (type.sections !== undefined && !isStrings(type.sections)) fail(`documentTypes.${name}.sections must be a list of section names`);
  }
  for (const [name, folder] of Object.entries(schema.taxonomies)) if (!isFolder(folder)) fail(`taxonomies.${name} must be a relative folder inside the corpus`);
  for (const [key, listKey] of Object.entries(schema.listKeys)) {
    const vocabulary = isObject(listKey) ? listKey.vocabulary : undefined;
    if (!isObject(vocabulary)) fail(`listKeys.${key}.vocabulary is required`);
    else if (
      vocabulary.kind === 'values'
        ? !isStrings(vocabulary.values)
        : vocabulary.kind === 'taxonomy'
          ? !(typeof vocabulary.taxonomy === 'string' && Object.hasOwn(schema.taxonomies, vocabulary.taxonomy))
          : vocabulary.kind === 'documents'
            ? !isTypeName(vocabulary.documentType)
            : vocabulary.kind !== 'open'
    ) {
      fail(`listKeys.${key}.vocabulary must be {kind: values, values}, {kind: taxonomy, taxonomy}, {kind: documents, documentType} or {kind: open}`);
    }
  }
  const isDocumentsKey = (key: unknown) => typeof key === 'string' && Object.hasOwn(schema.listKeys, key) && schema.listKeys[key].vocabulary.kind === 'documents';
  for (const [name, directive] of Object.entries(schema.directives)) {
    if (!isObject(directive) || typeof directive.description !== 'string') fail(`directives.${name}.description must be a string`);
    if (directive.lists !== undefined && !isTypeName(directive.lists)) fail(`directives.${name}.lists must name a document type`);
    if (directive.options !== undefined && !isStrings(directive.options)) fail(`directives.${name}.options must be a list of strings`);
    if (directive.allowedOn !== undefined && !(Array.isArray(directive.allowedOn) && directive.allowedOn.every(isTypeName)))
      fail(`directives.${name}.allowedOn must be a list of document types`);
    const isColumn = (column: unknown) =>
      isObject(column) &&
      typeof column.name === 'string' &&
      typeof column.header === 'string' &&
      ['title', 'law', 'labels'].includes(column.shows as string) &&
      isOptionalString(column.key) &&
      (column.abbreviated === undefined || isStrings(column.abbreviated));
    if (directive.columns !== undefined && !(Array.isArray(directive.columns) && directive.columns.every(isColumn)))
      fail(`directives.${name}.columns must be a list of {name, header, shows: title | law | labels, key?, abbreviated?}`);
    if (directive.ownList !== undefined && !isDocumentsKey(directive.ownList)) fail(`directives.${name}.ownList must be a list key of document slugs`);
    if (!isOptionalString(directive.emptyText)) fail(`directives.${name}.emptyText must be a string`);
    const labels = directive.labels as unknown;
    const isLabels = (value: unknown) =>
      isObject(value) && isStrings(value.keys) && (value.skip === undefined || isStrings(value.skip)) && [undefined, true, false].includes(value.aiAct as boolean);
    if (labels !== undefined && !isLabels(labels)) fail(`directives.${name}.labels must be {keys: [...], skip?: [...], aiAct?: boolean}`);
  }
  if (!isStrings(schema.directivePrefixes)) fail('directivePrefixes must be a list of strings');
  if (typeof schema.maxToelichtingWords !== 'number') fail('maxToelichtingWords must be a number');
  if (!isStrings(schema.hideValues)) fail('hideValues must be a list of strings');
  const sources = schema.sources as unknown;
  if (!isObject(sources) || !isFolder(sources.file) || !isObject(sources.frameworks) || !Object.values(sources.frameworks).every((name) => typeof name === 'string')) {
    fail('sources must be {file: a relative path inside the corpus, frameworks: {key: source name}}');
  }
  const uitzondering = schema.uitzondering as unknown;
  if (!isObject(uitzondering) || !isStrings(uitzondering.standalone) || !isStrings(uitzondering.labelKeys)) fail('uitzondering must be {standalone: [labels], labelKeys: [keys]}');
  if (!isObject(schema.displayNames) || !Object.values(schema.displayNames).every((name) => typeof name === 'string')) fail('displayNames must map names to strings');
  if (!isFolder(schema.glossary) || !isFolder(schema.templateFolder)) fail('glossary and templateFolder must be relative paths inside the corpus');
  if (!isStrings(schema.instructionPhrases)) fail('instructionPhrases must be a list of strings');
  schema.keyDescriptions ??= {};
  if (!isObject(schema.keyDescriptions) || !Object.values(schema.keyDescriptions).every((text) => typeof text === 'string')) fail('keyDescriptions must map keys to strings');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

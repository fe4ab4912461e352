// Configuration: rule severities (including `off`) and the `.algoritmekader.json` schema override,
// which changes the findings without code changes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, defaultSchema, loadCorpusConfig, MemoryFileSystem, parseCorpusConfig, parseRuleSettings, ruleCatalog } from '../../engine';
import { base, check, damage, findingsOf, H1, lineOf, M1, V1, V2, withFiles } from '../support/memoryCorpus';

const defects = damage(
  damage(damage(base, V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: Persoonsgegevens worden rechtmatig verwerkt.'), V2, '- governance', '- governanse'),
  V2,
  '<!-- tags -->\n',
  '',
);

describe('rule severities', () => {
  test('each finding carries its default severity from the catalogue', () => {
    const severities = Object.fromEntries(check(defects).map((f) => [f.code, f.severity]));
    assert.deepEqual(severities, { AK020: 'error', AK060: 'warning', AK062: 'warning' });
  });

  test('the catalogue has every code of RULES.md with its default severity', () => {
    assert.deepEqual(
      ruleCatalog.map((rule) => `${rule.code} ${rule.name} ${rule.severity}`),
      [
        'AK005 unreadable-file error',
        'AK001 missing-frontmatter error',
        'AK002 unclosed-frontmatter error',
        'AK003 yaml-syntax error',
        'AK004 frontmatter-not-mapping error',
        'AK010 missing-key error',
        'AK011 unknown-key warning',
        'AK012 duplicate-key error',
        'AK020 unknown-value error',
        'AK021 malformed-list warning',
        'AK022 duplicate-value warning',
        'AK030 invalid-id error',
        'AK031 duplicate-id error',
        'AK032 filename-id-mismatch error',
        'AK040 unknown-vereiste error',
        'AK041 unknown-maatregel error',
        'AK050 unknown-directive warning',
        'AK051 invalid-directive-filter error',
        'AK052 ignored-directive-filter warning',
        'AK053 ineffective-directive-option information',
        'AK054 directive-not-self warning',
        'AK055 empty-directive information',
        'AK056 directive-wrong-page warning',
        'AK060 title-trailing-period warning',
        'AK061 toelichting-too-long information',
        'AK062 missing-tags-directive warning',
        'AK070 broken-link error',
        'AK071 broken-anchor warning',
        'AK072 site-url-link warning',
        'AK073 html-link-to-markdown warning',
        'AK074 external-image warning',
        'AK080 missing-section warning',
        'AK081 merge-conflict error',
        'AK082 list-without-blank-line warning',
        'AK083 empty-admonition warning',
        'AK084 template-placeholder warning',
        'AK090 tags-ai-act-without-id error',
        'AK091 invalid-hide warning',
        'AK092 invalid-uitzondering error',
        'AK093 unknown-source-code error',
        'AK094 numeric-source-code warning',
        'AK095 duplicate-glossary-term warning',
      ],
    );
  });

  test('an override changes the severity of that rule only', () => {
    const findings = check(defects, { rules: { AK020: 'hint', AK060: 'error' } });
    assert.deepEqual(Object.fromEntries(findings.map((f) => [f.code, f.severity])), { AK020: 'hint', AK060: 'error', AK062: 'warning' });
  });

  test("off removes the rule's findings", () => {
    assert.deepEqual(findingsOf(defects, { rules: { AK062: 'off', AK020: 'off' } }), [[V2, 2, 'AK060']]);
  });

  test('every severity setting is accepted, anything else is a ConfigError', () => {
    for (const severity of ['error', 'warning', 'information', 'hint', 'off']) assert.deepEqual(parseRuleSettings({ AK061: severity }, 'test'), { AK061: severity });
    assert.throws(() => parseRuleSettings({ AK061: 'fatal' }, 'test'), ConfigError);
    assert.throws(() => parseRuleSettings({ AK999: 'off' }, 'test'), /unknown rule 'AK999'/);
    assert.throws(() => parseRuleSettings(['AK061'], 'test'), ConfigError);
  });
});

describe('.algoritmekader.json', () => {
  test('rules in the file set severities', () => {
    const config = parseCorpusConfig('{ "rules": { "AK060": "off" } }');
    assert.deepEqual(
      findingsOf(defects, { schema: config.schema, rules: config.rules }).map(([, , code]) => code),
      ['AK062', 'AK020'],
    );
  });

  test('an extra vocabulary for onderwerp, as a list of values, replaces the taxonomy', () => {
    const config = parseCorpusConfig(JSON.stringify({ schema: { listKeys: { onderwerp: { vocabulary: { kind: 'values', values: ['transparantie', 'data', 'governanse'] } } } } }));
    // governanse is now valid; governance (used by H1) no longer is.
    assert.deepEqual(findingsOf(defects, { schema: config.schema }), [
      [H1, 13, 'AK020'],
      [V2, 1, 'AK062'],
      [V2, 2, 'AK060'],
    ]);
  });

  test('an extra known key removes AK011 for it', () => {
    const files = damage(base, V1, 'hide:', 'wetcode: AI-verordening\nhide:');
    assert.deepEqual(findingsOf(files), [[V1, 17, 'AK011']]);
    const optional = [...defaultSchema.documentTypes.vereiste.optional, 'wetcode'];
    const config = parseCorpusConfig(JSON.stringify({ schema: { documentTypes: { vereiste: { optional } } } }));
    assert.deepEqual(findingsOf(files, { schema: config.schema }), []);
    // The other types keep their keys.
    assert.deepEqual(config.schema.documentTypes.maatregel, defaultSchema.documentTypes.maatregel);
  });

  test('an extra list key with its own vocabulary is checked like the built-in ones', () => {
    const optional = [...defaultSchema.documentTypes.maatregel.optional, 'fase'];
    const config = parseCorpusConfig(
      JSON.stringify({ schema: { documentTypes: { maatregel: { optional } }, listKeys: { fase: { vocabulary: { kind: 'values', values: ['a', 'b'] } } } } }),
    );
    const files = damage(base, M1, 'rollen:', 'fase:\n- a\n- c\n- a\nrollen:');
    assert.deepEqual(findingsOf(files, { schema: config.schema }), [
      [M1, 13, 'AK020'],
      [M1, 14, 'AK022'],
    ]);
    // And filters on it are checked too.
    const directive = withFiles(files, { [M1]: files[M1] + '<!-- list_maatregelen fase/c -->\n<!-- list_maatregelen fase/b -->\n' });
    assert.deepEqual(
      findingsOf(directive, { schema: config.schema }).filter(([, line]) => line > 20),
      [
        [M1, lineOf(directive[M1], 'fase/c'), 'AK051'],
        [M1, lineOf(directive[M1], 'fase/b'), 'AK055'],
      ],
    );
  });

  test('a required key made optional, and the word limit changed', () => {
    const config = parseCorpusConfig(
      JSON.stringify({ schema: { maxToelichtingWords: 5, documentTypes: { hulpmiddel: { required: ['title', 'toelichting', 'levenscyclus', 'onderwerp', 'rollen'] } } } }),
    );
    const files = damage(base, H1, 'categorie:\n- self-assessment\n', '');
    const findings = findingsOf(files, { schema: config.schema });
    assert.ok(!findings.some(([, , code]) => code === 'AK010'), JSON.stringify(findings));
    assert.ok(findings.filter(([, , code]) => code === 'AK061').length === 5, JSON.stringify(findings));
  });

  test('null removes a key of the default schema', () => {
    const config = parseCorpusConfig(JSON.stringify({ schema: { directives: { 'tags-ai-act': null } } }));
    const files = damage(base, V1, '<!-- tags -->', '<!-- tags -->\n<!-- tags-ai-act -->');
    assert.deepEqual(findingsOf(files), []);
    assert.deepEqual(findingsOf(files, { schema: config.schema }), [[V1, 22, 'AK050']]);
  });

  test('the default schema is not changed by an override', () => {
    const before = JSON.stringify(defaultSchema);
    parseCorpusConfig(JSON.stringify({ schema: { documentTypes: { vereiste: { optional: ['x'] } }, taxonomies: { rollen: 'docs/andere-rollen' } } }));
    assert.equal(JSON.stringify(defaultSchema), before);
  });

  test('bad files are a ConfigError with a clear message', () => {
    const bad: [string, RegExp][] = [
      ['{', /not valid JSON/],
      ['[]', /expected a JSON object/],
      ['{"rulez": {}}', /unknown key 'rulez'/],
      ['{"rules": {"AK061": "loud"}}', /'AK061' must be one of/],
      ['{"schema": 3}', /schema must be an object/],
      ['{"schema": {"documentTypes": {"vereiste": {"folder": "../buiten"}}}}', /folder/],
      ['{"schema": {"taxonomies": {"rollen": "/etc"}}}', /taxonomies\.rollen/],
      ['{"schema": {"listKeys": {"rollen": {"vocabulary": {"kind": "values"}}}}}', /listKeys\.rollen\.vocabulary/],
      ['{"schema": {"listKeys": {"rollen": {"vocabulary": {"kind": "taxonomy", "taxonomy": "bestaat-niet"}}}}}', /listKeys\.rollen\.vocabulary/],
      ['{"schema": {"directives": {"list_x": {"description": "x", "lists": "bestaat-niet"}}}}', /directives\.list_x\.lists/],
      ['{"schema": {"maxToelichtingWords": "veertig"}}', /maxToelichtingWords/],
      // Shapes the rules rely on later: a clear message now instead of a TypeError while checking.
      ['{"schema": {"directives": {"list_vereisten": {"options": 5}}}}', /directives\.list_vereisten\.options/],
      ['{"schema": {"directives": {"list_maatregelen_on_hulpmiddelen_page": {"allowedOn": "hulpmiddel"}}}}', /directives\.list_maatregelen_on_hulpmiddelen_page\.allowedOn/],
      ['{"schema": {"directives": {"tags": {"allowedOn": ["bestaat-niet"]}}}}', /directives\.tags\.allowedOn/],
      ['{"schema": {"documentTypes": 5}}', /documentTypes must be an object/],
      ['{"schema": {"taxonomies": null}}', /taxonomies must be an object/],
      ['{"schema": {"listKeys": null}}', /listKeys must be an object/],
      ['{"schema": {"documentTypes": {"vereiste": {"idPrefix": 5}}}}', /documentTypes\.vereiste: idPrefix/],
      ['{"schema": {"documentTypes": {"vereiste": {"mainSection": ["Vereiste"]}}}}', /documentTypes\.vereiste: idPrefix and mainSection/],
      ['{"schema": {"keyDescriptions": {"title": 5}}}', /keyDescriptions/],
      ['{"schema": {"listKeys": {"rollen": {"vocabulary": {"kind": "documents", "documentType": "toString"}}}}}', /listKeys\.rollen\.vocabulary/],
      ['{"schema": {"directives": {"list_x": {"description": "x", "lists": "constructor"}}}}', /directives\.list_x\.lists/],
    ];
    for (const [text, message] of bad) {
      assert.throws(
        () => parseCorpusConfig(text),
        (error: unknown) => error instanceof ConfigError && message.test((error as Error).message) && (error as Error).message.startsWith('.algoritmekader.json'),
        text,
      );
    }
  });

  test('loadCorpusConfig: no file is the default, a file is read from the root', async () => {
    const fs = new MemoryFileSystem({ 'docs/index.md': '# Start\n' });
    assert.equal((await loadCorpusConfig(fs)).schema, defaultSchema);
    await fs.writeFile('.algoritmekader.json', '{"rules": {"AK061": "off"}}');
    assert.deepEqual((await loadCorpusConfig(fs)).rules, { AK061: 'off' });
    await fs.writeFile('.algoritmekader.json', 'nee');
    await assert.rejects(loadCorpusConfig(fs), ConfigError);
  });
});

// The defects the hardening tests (issue 6) found, each pinned by a small example.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, checkDocument, defaultSchema, parseDocument } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { complete } from '../../server/src/languageFeatures/completion';
import { hover } from '../../server/src/languageFeatures/hover';
import { baseFiles, check, H1, M1, memoryCorpus, only, withFiles } from '../support/memoryCorpus';
import { assertFindingsWellFormed, lspLineStarts } from './support';

describe('regressions found by the hardening tests', () => {
  test('a lone CR ends a line, as for MkDocs (universal newlines) and LSP: keys and directives after it are where the editor shows them', () => {
    const files = baseFiles();
    const text = files[H1].replace('- self-assessment\n', '- self-assessment\r').replace('<!-- list_maatregelen_on_hulpmiddelen_page -->', '\r<!-- list_x -->');
    const findings = check(withFiles(files, { [H1]: text }));
    assertFindingsWellFormed(findings, (path) => (path === H1 ? text : files[path]));
    const mine = findings.filter((f) => f.path === H1).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`);
    // `vereiste:` after the CR is the known key, not an unknown `\rvereiste`; the comment is on a line of its own.
    const starts = lspLineStarts(text);
    const directiveLine = starts.findIndex((start) => text.startsWith('<!-- list_x', start));
    assert.deepEqual(mine, [`${directiveLine}:0 AK050`]);
  });

  test('removing a duplicate item of a list with lone CR line ends deletes that line only', () => {
    const files = baseFiles();
    const text = files[M1].replace('onderwerp:\n- transparantie\n', 'onderwerp:\r- transparantie\r- transparantie\r');
    const finding = only(withFiles(files, { [M1]: text }), 'AK022');
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(fixed, files[M1].replace('onderwerp:\n- transparantie\n', 'onderwerp:\r- transparantie\r'));
  });

  test('a YAML error on a CRLF line never ends between the CR and the LF', () => {
    const files = baseFiles();
    // The parser reports the empty line after an indented list as an error covering just its CR.
    const text = files[M1].replace('rollen:\n- projectleider\n', 'rollen:\n - projectleider\n - jurist\n\n- x\n').replace(/\n/g, '\r\n');
    const findings = check(withFiles(files, { [M1]: text }));
    assert.ok(findings.some((f) => f.path === M1 && f.code === 'AK003'));
    assertFindingsWellFormed(findings, (path) => (path === M1 ? text : files[path]));
  });

  test('YAML errors after a rejected token spanning lines stay on their lines', () => {
    const files = baseFiles();
    const text = files[M1].replace('toelichting: ', 'toelichting: x.\n}<!--\nxx ');
    const findings = check(withFiles(files, { [M1]: text }));
    assertFindingsWellFormed(findings, (path) => (path === M1 ? text : files[path]));
    const document = parseDocument(M1, text, defaultSchema);
    assert.ok(document.frontmatter.status === 'parsed' && document.frontmatter.errors.length > 0);
  });

  test('an unknown key written with a tag (`!!binary id`) gets no safe rename: the tag would stay', () => {
    const files = baseFiles();
    const text = files[M1].replace('id: urn', '!!binary id: urn');
    const finding = only(withFiles(files, { [M1]: text }), 'AK011');
    assert.ok(
      finding.fixes.every((fix) => !fix.safe && !fix.preferred),
      JSON.stringify(finding.fixes),
    );
    const quoted = only(withFiles(files, { [M1]: files[M1].replace('toelichting:', '"toelichtng":') }), 'AK011');
    assert.ok(quoted.fixes[0].safe, 'a quoted key is still renamed safely');
  });

  test('a taxonomy page that appears or goes changes the messages of every document with an unknown value of that taxonomy', () => {
    const files = baseFiles();
    const corpus = memoryCorpus(withFiles(files, { [M1]: files[M1].replace('- ontwerp\n', '- ontwerpp\n') }));
    const before = checkDocument(corpus, corpus.get(M1)!).find((f) => f.code === 'AK020')!;
    const page = parseDocumentAt('docs/levenscyclus/ontwerpen.md', '---\ntitle: Ontwerpen\n---\n');
    const dependents = corpus.set(page);
    assert.ok(dependents.has(M1), `dependents: ${[...dependents]}`);
    const after = checkDocument(corpus, corpus.get(M1)!).find((f) => f.code === 'AK020')!;
    assert.notEqual(after.message, before.message);
    assert.match(after.message, /'ontwerpen'/);
    assert.ok(corpus.delete(page.path).has(M1));
  });

  test('the allowed values a message lists do not depend on the order pages were indexed in', () => {
    const files = withFiles(baseFiles(), { [M1]: baseFiles()[M1].replace('- ontwerp\n', '- ontwerpp\n') });
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const message = (f: typeof files) => check(f).find((x) => x.code === 'AK020')!.message;
    assert.equal(message(reversed), message(files));
  });

  test('keys and filters named like Object members (constructor, __proto__, toString) are unknown names, not a crash', () => {
    const files = baseFiles();
    const text = files[M1].replace('title:', 'constructor: x\n__proto__: y\ntoString: z\ntitle:') + '<!-- list_maatregelen constructor/\n';
    const corpus = memoryCorpus(withFiles(files, { [M1]: text }));
    const document = corpus.get(M1)!;
    for (const line of [1, 2, 3]) assert.match((hover(corpus, document, { line, character: 2 })!.contents as { value: string }).value, /onbekend voor een maatregel/);
    const lines = text.split('\n');
    assert.deepEqual(complete(corpus, document, { line: lines.length - 2, character: lines[lines.length - 2].length }).items, []);
    assert.deepEqual(
      check(withFiles(files, { [M1]: text }))
        .filter((f) => f.path === M1)
        .map((f) => f.code)
        .sort(),
      ['AK011', 'AK011', 'AK011'],
    );
  });

  test('a file reached through a linked folder is not read, as the walk does not follow such links', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ak-regression-link-'));
    try {
      mkdirSync(join(parent, 'root', 'docs'), { recursive: true });
      mkdirSync(join(parent, 'elsewhere'));
      writeFileSync(join(parent, 'elsewhere', 'page.md'), '# buiten\n');
      symlinkSync(join(parent, 'elsewhere'), join(parent, 'root', 'docs', 'linked'));
      const fs = new NodeFileSystem(join(parent, 'root'));
      assert.equal(fs.statSync('docs/linked/page.md')?.refused, 'in a folder reached through a symbolic link');
      writeFileSync(join(parent, 'root', 'docs', 'page.md'), '# binnen\n');
      assert.equal(fs.statSync('docs/page.md')?.refused, undefined);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

function parseDocumentAt(path: string, text: string) {
  return parseDocument(path, text, defaultSchema);
}

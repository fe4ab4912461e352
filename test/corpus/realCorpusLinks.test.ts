// The body links of the real Algoritmekader corpus (read-only, skipped visibly when absent): every
// AK070-AK074 finding, checked by hand against the files, RULES.md and the live site; then renames
// and moves on an in-memory copy, which must leave no broken slug, link or anchor behind.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  checkCorpus,
  defaultSchema,
  type Finding,
  type Fix,
  type LoadedCorpus,
  loadCorpus,
  MemoryFileSystem,
  renameHeadingEdits,
  renamePageEdits,
  type TextEdit,
} from '../../engine';
import { compareTriples, triples, type Triple } from '../support/memoryCorpus';
import { realCorpusRoot, skipReason } from '../support/realCorpus';

const skip = realCorpusRoot ? false : skipReason;
const v = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
const m = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';
const h = 'docs/voldoen-aan-wetten-en-regels/hulpmiddelen/';
const over = 'docs/over-het-algoritmekader/';

const expected: Triple[] = [
  // A raw-HTML href to index.md: MkDocs does not rewrite it, the live site answers 404.
  ['docs/ai-verordening/index.md', 27, 'AK073'],
  // `#aanbevolen-maatregelen`: the heading is `Aanbevolen maatregelen ontwikkelfase` (…-ontwikkelfase).
  ['docs/levenscyclus/ontwikkelen.md', 17, 'AK071'],
  // The same, where the heading is `Aanbevolen maatregelen voor verificatie en validatie`.
  ['docs/levenscyclus/verificatie-en-validatie.md', 19, 'AK071'],
  // `CONTRIBUTING.md#ik-heb-een-vraag`: CONTRIBUTING.md has no such heading (`Vragen en suggesties`).
  [`${over}sitemap.md`, 62, 'AK071'],
  [`${over}veelgestelde-vragen.md`, 62, 'AK071'],
  // Images hot-linked from other hosts: a toegankelijkheidsverklaring.nl badge, github.com/user-attachments
  // uploads from web-UI edits, and a figure of gemmaonline.nl (twice).
  [`${over}toegankelijkheid.md`, 3, 'AK074'],
  [`${m}0-org-06-volwassenheidsmodel.md`, 92, 'AK074'],
  [`${m}0-org-10-inrichten-taken-en-verantwoordelijkheden-algoritmegovernance.md`, 33, 'AK074'],
  [`${m}0-org-10-inrichten-taken-en-verantwoordelijkheden-algoritmegovernance.md`, 59, 'AK074'],
  [`${m}2-owp-01-rollen-en-verantwoordelijkheden.md`, 82, 'AK074'],
  [`${m}5-ver-02-evalueer-nauwkeurigheid.md`, 93, 'AK074'],
  [`${v}aia-14-conformiteitsbeoordeling.md`, 55, 'AK074'],
  // An absolute link to the site itself (https://minbzk.github.io/Algoritmekader/…).
  [`${h}genAI-compliance-FAQ.md`, 33, 'AK072'],
];

/** Every file of the real corpus that the loader reads: the pages, the other files under docs/, mkdocs.yml. */
function readRealCorpus(root: string): Record<string, string> {
  const files: Record<string, string> = { 'mkdocs.yml': readFileSync(join(root, 'mkdocs.yml'), 'utf8') };
  const walk = (folder: string) => {
    for (const name of readdirSync(join(root, folder))) {
      const path = `${folder}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  walk('docs');
  return files;
}

const linkCodes = /^AK07/;
/** The codes a rename or move must never leave behind. */
const brokenCodes = new Set(['AK040', 'AK041', 'AK070', 'AK071']);

/** Applies edits and a rename to the files, as an editor applies the workspace edit. */
function apply(files: Record<string, string>, edits: readonly TextEdit[], rename?: { from: string; to: string }): Record<string, string> {
  const result = { ...files };
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  for (const [path, fileEdits] of byPath) result[path] = applyEdits(result[path], fileEdits);
  if (rename) {
    result[rename.to] = result[rename.from];
    delete result[rename.from];
  }
  return result;
}

async function findingsOf(files: Record<string, string>): Promise<Finding[]> {
  return checkCorpus((await loadCorpus(new MemoryFileSystem(files), defaultSchema)).corpus);
}

describe('the body links of the real corpus', () => {
  let files: Record<string, string>;
  let loaded: LoadedCorpus;
  let findings: Finding[];
  const find = (path: string, line: number, code: string) => {
    const found = findings.filter((f) => f.path === path && f.range.start.line + 1 === line && f.code === code);
    assert.equal(found.length, 1, `${path}:${line} ${code}`);
    return found[0];
  };
  const afterFix = (fix: Fix, path: string) =>
    applyEdits(
      files[path],
      fix.edits.filter((edit) => edit.path === path),
    );

  before(async () => {
    if (!realCorpusRoot) return;
    files = readRealCorpus(realCorpusRoot);
    loaded = await loadCorpus(new MemoryFileSystem(files), defaultSchema);
    findings = checkCorpus(loaded.corpus);
  });

  test('every AK070-AK074 finding, and no other', { skip }, () => {
    assert.deepEqual(triples(findings.filter((f) => linkCodes.test(f.code))), [...expected].sort(compareTriples));
  });

  test('the site configuration is read from mkdocs.yml, its Python tags tolerated', { skip }, () => {
    assert.deepEqual(loaded.corpus.site, { siteUrl: 'https://minbzk.github.io/Algoritmekader/', useDirectoryUrls: true });
    assert.ok(loaded.corpus.hasFile('docs/afbeeldingen/levenscyclus/modellevenscyclus_vws.png'), 'files beside the pages are known');
  });

  test('the fixes: the .md path for the site URL, the page URL for the HTML link, the closest ids for the anchors', { skip }, () => {
    const siteLink = find(`${h}genAI-compliance-FAQ.md`, 33, 'AK072');
    assert.ok(siteLink.fixes[0].safe);
    assert.match(afterFix(siteLink.fixes[0], `${h}genAI-compliance-FAQ.md`).split('\n')[32], /\]\(\.\.\/\.\.\/soorten-algoritmes-en-ai\/risico-van-ai-systemen\.md\)/);
    const htmlLink = find('docs/ai-verordening/index.md', 27, 'AK073');
    assert.match(afterFix(htmlLink.fixes[0], 'docs/ai-verordening/index.md').split('\n')[26], /href="\.\.\/voldoen-aan-wetten-en-regels\/vereisten\/"/);
    const anchor = find('docs/levenscyclus/ontwikkelen.md', 17, 'AK071');
    assert.match(anchor.message, /'#aanbevolen-maatregelen' bestaat niet op deze pagina\. Bedoel je 'aanbevolen-maatregelen-ontwikkelfase'\?/);
    assert.equal(anchor.fixes[0].title, "Vervang door '#aanbevolen-maatregelen-ontwikkelfase'");
  });

  test('renaming a vereiste that maatregelen, hulpmiddelen and pages cite and link to leaves no broken slug, link or anchor', { skip }, async () => {
    const from = `${v}aia-01-ai-geletterdheid.md`;
    const to = `${v}aia-01-ai-geletterdheid-van-personeel.md`;
    const edits = renamePageEdits(loaded.corpus, from, to);
    const touched = new Set(edits.map((edit) => edit.path));
    // Frontmatter lists (hulpmiddelen), its own directive, Markdown links from four folders.
    for (const path of [
      `${h}AI-Geletterdheid-self-assessment.md`,
      from,
      'docs/ai-verordening/tijdlijn-ai-verordening.md',
      'docs/soorten-algoritmes-en-ai/generatieve-ai.md',
      `${m}0-org-16-bewustwording-en-opleiding.md`,
    ]) {
      assert.ok(touched.has(path), path);
    }
    const after = await findingsOf(apply(files, edits, { from, to }));
    assert.deepEqual(triples(after.filter((f) => brokenCodes.has(f.code))), triples(findings.filter((f) => brokenCodes.has(f.code))));
    assert.equal(after.length, findings.length);
  });

  test('moving a page to another folder rewrites the links to it and its own relative links', { skip }, async () => {
    const from = 'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md';
    const to = 'docs/ai-verordening/risico-van-ai-systemen.md';
    const edits = renamePageEdits(loaded.corpus, from, to);
    assert.ok(
      edits.some((edit) => edit.path === from),
      'its own links are rewritten',
    );
    const moved = apply(files, edits, { from, to });
    assert.match(moved['docs/ai-verordening/ai-verordening-in-het-kort.md'], /\]\(risico-van-ai-systemen\.md#hoog-risico-ai-systeem\)/);
    const after = await findingsOf(moved);
    assert.deepEqual(triples(after.filter((f) => brokenCodes.has(f.code))), triples(findings.filter((f) => brokenCodes.has(f.code))));
  });

  test('renaming a heading rewrites every fragment that named it', { skip }, async () => {
    const path = 'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md';
    const page = loaded.corpus.get(path)!;
    const index = page.body.headings.findIndex((heading) => heading.id === 'hoog-risico-ai-systeem');
    assert.ok(index >= 0);
    const edits = renameHeadingEdits(loaded.corpus, page, index, 'Hoog-risico-AI-systemen');
    assert.ok(edits.some((edit) => edit.path === 'docs/ai-verordening/ai-verordening-in-het-kort.md' && edit.newText === 'hoog-risico-ai-systemen'));
    const after = await findingsOf(apply(files, edits));
    assert.deepEqual(triples(after.filter((f) => brokenCodes.has(f.code))), triples(findings.filter((f) => brokenCodes.has(f.code))));
  });
});

// akcheck on body links, as a user runs it: `--format json|sarif|text` and `--fix` on copies of the
// real corpus mutated the ways its history shows (renamed pages, renamed headings) and the ways the
// rules are about (accented and duplicate headings, site-URL links, HTML links to .md, external
// images). Each expected finding is justified against RULES.md in a comment.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTriples, type Triple } from '../support/memoryCorpus';
import { projectRoot, realCorpusRoot, skipReason } from '../support/realCorpus';

const akcheck = join(projectRoot, 'dist/akcheck.js');
const scratch = mkdtempSync(join(tmpdir(), 'akcheck-links-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const skip = realCorpusRoot ? false : skipReason;

const v = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
const m = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [akcheck, '--no-cache', ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at |TypeError|RangeError/);
  return result;
}

interface JsonFinding {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** The AK070-AK074 findings of `akcheck --format json`, as sorted triples. */
function linkFindings(root: string): { triples: Triple[]; findings: JsonFinding[] } {
  const findings = (JSON.parse(run(['--format', 'json', root]).stdout) as JsonFinding[]).filter((f) => /^AK07/.test(f.code));
  return { triples: findings.map((f): Triple => [f.file, f.line, f.code]).sort(compareTriples), findings };
}

let copies = 0;
/** A writable copy of the real corpus. */
function copy(): string {
  const root = join(scratch, `corpus-${++copies}`);
  cpSync(realCorpusRoot!, root, { recursive: true });
  const writable = (folder: string) => {
    chmodSync(folder, 0o755);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) writable(join(folder, entry.name));
      else if (entry.isFile()) chmodSync(join(folder, entry.name), 0o644);
    }
  };
  writable(root);
  return root;
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const write = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);

/** The findings of the real corpus as it is (see test/corpus/realCorpusLinks.test.ts for each one's reason). */
let baseline: Triple[] = [];

describe('akcheck on the links of mutated copies of the real corpus', () => {
  test('the real corpus: JSON, SARIF and text report the same link findings', { skip }, () => {
    baseline = linkFindings(realCorpusRoot!).triples;
    assert.equal(baseline.length, 13);
    const sarif = JSON.parse(run(['--format', 'sarif', realCorpusRoot!]).stdout);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => /^AK07/.test(r.ruleId));
    assert.equal(results.length, baseline.length);
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string; name: string }) => rule.id === 'AK070' && rule.name === 'broken-link'));
    const text = run([realCorpusRoot!]).stdout;
    assert.equal(text.split('\n').filter((line) => /\[AK07\d\]$/.test(line)).length, baseline.length);
  });

  test('a renamed page leaves AK070 on every Markdown link to it, with the closest page offered; --fix does not guess', { skip }, () => {
    const root = copy();
    // aia-01 renamed without its links: upstream did this 21 times since November 2024.
    renameSync(join(root, `${v}aia-01-ai-geletterdheid.md`), join(root, `${v}aia-01-ai-geletterdheid-personeel.md`));
    const { triples, findings } = linkFindings(root);
    const added = triples.filter((t) => !baseline.some((b) => compareTriples(b, t) === 0));
    // Four Markdown links, in a maatregel, a hulpmiddel and two pages (grep -rno 'aia-01-ai-geletterdheid\.md' docs/).
    assert.equal(added.length, 4);
    assert.ok(added.every(([, , code]) => code === 'AK070'));
    assert.ok(findings.filter((f) => f.code === 'AK070').every((f) => /Bedoel je '.*aia-01-ai-geletterdheid-personeel\.md'\?/.test(f.message)));
    const fixed = run(['--fix', root]);
    assert.doesNotMatch(fixed.stdout, /^fixed .*\[AK070\]$/m);
  });

  test('a moved page: --fix points every link at its one new place, fragments kept, and nothing else', { skip }, () => {
    const root = copy();
    const from = 'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md';
    const to = 'docs/ai-verordening/risico-van-ai-systemen.md';
    renameSync(join(root, from), join(root, to));
    const before = linkFindings(root).triples.filter(([, , code]) => code === 'AK070');
    assert.ok(before.length >= 5, `${before.length} broken links`);
    const kort = read(root, 'docs/ai-verordening/ai-verordening-in-het-kort.md');
    const fixed = run(['--fix', '--format', 'json', root]);
    assert.ok(
      JSON.parse(fixed.stdout).every((f: JsonFinding) => f.code !== 'AK070'),
      'no broken link left',
    );
    assert.equal(
      read(root, 'docs/ai-verordening/ai-verordening-in-het-kort.md'),
      kort.replace(/\.\.\/soorten-algoritmes-en-ai\/risico-van-ai-systemen\.md/g, 'risico-van-ai-systemen.md'),
      'the links from the same folder become local, with #risico-op-misleiding and the other fragments kept',
    );
  });

  test('a renamed heading leaves AK071 on the links to its old id, with the new id offered', { skip }, () => {
    const root = copy();
    const path = 'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md';
    write(root, path, read(root, path).replace(/^(#+) Verboden AI$/m, '$1 Verboden AI-praktijken'));
    const { findings } = linkFindings(root);
    const broken = findings.filter((f) => f.code === 'AK071' && f.file === 'docs/ai-verordening/ai-verordening-in-het-kort.md');
    // `#verboden-ai` in ai-verordening-in-het-kort.md; the heading's id is now verboden-ai-praktijken.
    assert.equal(broken.length, 1);
    assert.match(broken[0].message, /'#verboden-ai' bestaat niet op '\.\.\/soorten-algoritmes-en-ai\/risico-van-ai-systemen\.md'\. Bedoel je 'verboden-ai-praktijken'\?/);
  });

  test('accented and duplicate headings, site-URL links, HTML links to .md and external images', { skip }, () => {
    const root = copy();
    const path = `${m}0-org-01-benodigde-expertise-en-capaciteit.md`;
    const text = read(root, path);
    const added = [
      '',
      '## Één overzicht { data-search-exclude }',
      '',
      '## Toelichting',
      '',
      // Valid: the site's ids (accent folded, attribute list dropped; the second Toelichting is toelichting_1).
      '[een](#een-overzicht) [twee](#toelichting_1)',
      // AK071: GitHub-style slug of the accented heading.
      '[drie](#één-overzicht)',
      // AK071: there is no third Toelichting.
      '[vier](#toelichting_2)',
      // AK072: the site's own URL, a root-relative path, a folder.
      '[vijf](https://minbzk.github.io/Algoritmekader/levenscyclus/ontwerp/) [zes](/Algoritmekader/levenscyclus/) [zeven](../../levenscyclus/)',
      // AK073: raw HTML to a .md file.
      '<a href="../../../levenscyclus/ontwerp.md">acht</a>',
      // AK074: images from other hosts.
      '![negen](https://github.com/user-attachments/assets/0000) <img src="https://example.org/tien.png">',
      // AK070: out of docs/, and a file that is not there.
      '[elf](../../../../etc/passwd) ![twaalf](../../afbeeldingen/bestaat-niet.png)',
      '',
    ].join('\n');
    write(root, path, text + added);
    const lines = (text + added).split('\n');
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    const expected: Triple[] = [
      [path, at('[drie]'), 'AK071'],
      [path, at('[vier]'), 'AK071'],
      [path, at('[vijf]'), 'AK072'],
      [path, at('[vijf]'), 'AK072'],
      [path, at('[vijf]'), 'AK072'],
      [path, at('acht</a>'), 'AK073'],
      [path, at('[negen]'), 'AK074'],
      [path, at('[negen]'), 'AK074'],
      [path, at('[elf]'), 'AK070'],
      [path, at('[elf]'), 'AK070'],
    ];
    const { triples } = linkFindings(root);
    assert.deepEqual(
      triples.filter(([file]) => file === path),
      expected.sort(compareTriples),
    );
    // --fix applies the site-URL fixes and nothing it would have to guess: `../../levenscyclus/` is
    // a URL that the site serves nothing at (from the page's URL it is voldoen-aan-wetten-en-regels/levenscyclus/).
    run(['--fix', root]);
    const after = read(root, path);
    assert.match(after, /\[vijf\]\(\.\.\/\.\.\/levenscyclus\/ontwerp\.md\) \[zes\]\(\.\.\/\.\.\/levenscyclus\/index\.md\) \[zeven\]\(\.\.\/\.\.\/levenscyclus\/\)/);
    assert.match(after, /\[drie\]\(#één-overzicht\)/);
    assert.match(after, /<a href="\.\.\/\.\.\/\.\.\/levenscyclus\/ontwerp\.md">/);
  });
});

// The akcheck CLI (dist/akcheck.js, built by `npm run build`): exit codes, output formats, options,
// --fix on a corpus damaged on purpose, and bad input that must never crash it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ruleCatalog } from '../../engine';
import { base, compareTriples, edit, H1, lineOf, M1, M2, maatregelenFolder, V1, V2, vereistenFolder, type Files, type Triple } from '../support/memoryCorpus';
import { projectRoot, realCorpusRoot, skipReason } from '../support/realCorpus';

const akcheck = join(projectRoot, 'dist/akcheck.js');
const isRoot = process.getuid?.() === 0;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = projectRoot): Run {
  assert.ok(existsSync(akcheck), `${akcheck} is missing: run npm run build first`);
  const result = spawnSync(process.execPath, [akcheck, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A usage or I/O problem: exit 2 and one line `akcheck: …` on stderr, no stack trace. */
function assertUsageError(result: Run, message: RegExp): void {
  assert.equal(result.status, 2, JSON.stringify(result));
  assert.match(result.stderr, /^akcheck: [^\n]+\n$/, JSON.stringify(result.stderr));
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(result.stdout, '');
}

function assertNoCrash(result: Run): void {
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:|TypeError|RangeError/, result.stderr);
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
}

function json(result: Run): JsonFinding[] {
  return JSON.parse(result.stdout) as JsonFinding[];
}

function triplesOf(findings: JsonFinding[]): Triple[] {
  return findings.map((f): Triple => [f.file, f.line, f.code]).sort(compareTriples);
}

let scratch: string;
function tempDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeFiles(root: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every file under `root` (relative, `/` separators) with its bytes. */
function readTree(root: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) tree.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(root);
  return tree;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const bom = '\ufeff';

// The damaged corpus: every defect on purpose, with what --fix must make of each file.
const open = `${vereistenFolder}/aia-20-open.md`;
const copy = `${maatregelenFolder}/4-owk-01-kopie.md`;
const copyRenamed = `${maatregelenFolder}/4-dat-01-kopie.md`;
const fencedV1 = '```html\n<!-- list_vereisen -->\n```\n\n<!-- list_maatregelen vereiste/aia-20-open -->\n';
const fencedH1 = '~~~\n<!-- tags_x -->\n~~~\n';

/** `text` with the snippets replaced in order (each must occur once). */
const replaced = (text: string, ...pairs: [string, string][]) => pairs.reduce((t, [from, to]) => edit(t, from, to), text);

const damaged: Files = {
  ...base,
  // A key renamed, and a slug with a typo.
  [M1]: replaced(base[M1], ['toelichting:', 'toelichtnig:'], ['- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-08-transparantie-aan-gebruikersverantwoordelijken']),
  // A tag with a typo, a list turned into a scalar.
  [M2]: replaced(base[M2], ['- data', '- dta'], ['rollen:\n- ontwikkelaar', 'rollen: ontwikkelaar']),
  // A duplicate id (and so a file name that does not match it).
  [copy]: base[M2],
  // CRLF, a title with a period, a directive in a code fence, a directive pointing at another vereiste.
  [V1]: crlf(replaced(base[V1], ['verantwoordelijken krijgen uitleg over het systeem', 'verantwoordelijken krijgen uitleg over het systeem.']) + fencedV1),
  // BOM, no tags directive, a directive in a ~~~ fence.
  [H1]: bom + replaced(base[H1], ['\n<!-- tags -->\n', '']) + fencedH1,
  // Unclosed frontmatter.
  [open]: '---\ntitle: Open\n\n<!-- tags -->\n',
};
// A deleted vereiste, cited by M2, its copy and H1.
delete damaged[V2];
/** The line of the directive in V1 that names another vereiste. */
const v1Directive = lineOf(damaged[V1], 'vereiste/aia-20-open');
/** The unclosed page is all body, without the six sections of a vereiste. */
const openSections = Array.from({ length: 6 }, (): Triple => [open, 1, 'AK080']);

const expectedFindings: Triple[] = [
  [copy, 3, 'AK031'],
  [copy, 3, 'AK032'],
  [copy, 6, 'AK040'],
  [M1, 1, 'AK010'],
  [M1, 4, 'AK011'],
  [M1, 6, 'AK040'],
  [M2, 3, 'AK031'],
  [M2, 6, 'AK040'],
  [M2, 11, 'AK020'],
  [M2, 12, 'AK021'],
  [H1, 1, 'AK062'],
  [H1, 7, 'AK040'],
  [open, 1, 'AK002'],
  ...openSections,
  [V1, 2, 'AK060'],
  [V1, v1Directive, 'AK054'],
  [V1, v1Directive, 'AK055'],
].sort((a, b) => compareTriples(a as Triple, b as Triple)) as Triple[];

/** What --fix makes of the damaged corpus. */
const fixedFiles: Files = {
  ...damaged,
  [M1]: base[M1],
  [M2]: base[M2],
  [V1]: crlf(base[V1] + fencedV1.replace('vereiste/aia-20-open', 'vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken')),
  [H1]: bom + base[H1] + fencedH1,
  [copyRenamed]: base[M2],
};
delete fixedFiles[copy];

const findingsAfterFix: Triple[] = [
  [copyRenamed, 3, 'AK031'],
  [copyRenamed, 6, 'AK040'],
  [M2, 3, 'AK031'],
  [M2, 6, 'AK040'],
  [H1, 7, 'AK040'],
  [open, 1, 'AK002'],
  ...openSections,
].sort((a, b) => compareTriples(a as Triple, b as Triple)) as Triple[];

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'akcheck-test-'));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('exit codes and usage errors', () => {
  test('0 for a corpus without errors, also with warnings', () => {
    const root = tempDir('valid');
    writeFiles(root, base);
    const result = run([root]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const warned = tempDir('warned');
    writeFiles(warned, { ...base, [V2]: edit(base[V2], 'verwerkt\n', 'verwerkt.\n') });
    assert.equal(run([warned]).status, 0);
  });

  test('1 when there are errors', () => {
    const root = tempDir('errors');
    writeFiles(root, { ...base, [V2]: edit(base[V2], '- governance', '- governanse') });
    assert.equal(run([root]).status, 1);
  });

  test('the root defaults to the current folder', () => {
    const root = tempDir('cwd');
    writeFiles(root, base);
    const result = run(['--format', 'json'], root);
    assert.equal(result.status, 0);
    assert.deepEqual(json(result), []);
  });

  test('2 for a missing root', () => {
    assertUsageError(run([join(scratch, 'bestaat-niet')]), /no such folder/);
  });

  test('2 for a root that is a file', () => {
    const file = join(tempDir('file'), 'x.md');
    writeFileSync(file, '# x\n');
    assertUsageError(run([file]), /not a folder/);
  });

  test('2 for a folder that is not a corpus', () => {
    assertUsageError(run([tempDir('empty')]), /not an Algoritmekader corpus/);
  });

  test('2 for a bad --rule', () => {
    const root = tempDir('rules');
    writeFiles(root, base);
    assertUsageError(run(['--rule', 'AK061', root]), /--rule expects AKnnn=SEVERITY/);
    assertUsageError(run(['--rule', 'AK999=off', root]), /unknown rule 'AK999'/);
    assertUsageError(run(['--rule', 'AK061=loud', root]), /'AK061' must be one of/);
  });

  test('2 for a bad --format, an unknown option, or two roots', () => {
    const root = tempDir('format');
    writeFiles(root, base);
    assertUsageError(run(['--format', 'xml', root]), /unknown format 'xml'/);
    assertUsageError(run(['--bogus', root]), /bogus/);
    assertUsageError(run([root, root]), /at most one ROOT/);
  });

  test('2 for an invalid configuration file', () => {
    const root = tempDir('badconfig');
    writeFiles(root, { ...base, '.algoritmekader.json': '{ "rules": ' });
    assertUsageError(run([root]), /\.algoritmekader\.json: not valid JSON/);
    writeFiles(root, { '.algoritmekader.json': '{ "rules": { "AK061": "loud" } }' });
    assertUsageError(run([root]), /\.algoritmekader\.json: rules: 'AK061' must be one of/);
    writeFiles(root, { '.algoritmekader.json': '{ "schema": { "documentTypes": { "vereiste": { "folder": "../../etc" } } } }' });
    assertUsageError(run([root]), /\.algoritmekader\.json: schema\.documentTypes\.vereiste\.folder/);
  });

  test('2 for a configuration file that cannot be read (a folder)', () => {
    const root = tempDir('configdir');
    writeFiles(root, base);
    mkdirSync(join(root, '.algoritmekader.json'));
    assertUsageError(run([root]), /\.algoritmekader\.json: cannot be read/);
  });

  test('2 for a configuration file without read permission', { skip: isRoot ? 'running as root: chmod 000 does not stop root from reading' : false }, () => {
    const root = tempDir('configperm');
    writeFiles(root, { ...base, '.algoritmekader.json': '{}' });
    chmodSync(join(root, '.algoritmekader.json'), 0o000);
    assertUsageError(run([root]), /\.algoritmekader\.json: cannot be read/);
  });

  test('output piped into a reader that stops early (| head) ends quietly, without a stack trace', () => {
    const root = tempDir('big');
    const values = Array.from({ length: 5000 }, (_, i) => `- fase-${i}`).join('\n');
    writeFiles(root, { ...base, [V2]: edit(base[V2], 'levenscyclus:\n- ontwerp', `levenscyclus:\n${values}`) });
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${akcheck}" --format json "${root}" | head -c 100 > /dev/null`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.stderr, '');
  });

  test('--help and --version exit 0', () => {
    assert.equal(run(['--help']).status, 0);
    assert.match(run(['--help']).stdout, /Usage: akcheck/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('output', () => {
  let root: string;
  before(() => {
    root = tempDir('damaged-output');
    writeFiles(root, damaged);
  });

  test('json: the exact findings of the damaged corpus, with every field', () => {
    const result = run(['--format', 'json', root]);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
    const findings = json(result);
    assert.deepEqual(triplesOf(findings), expectedFindings);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
      assert.ok(!f.file.includes('\\') && !f.file.startsWith('/') && f.file.startsWith('docs/'), f.file);
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)), JSON.stringify(f));
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
      assert.ok(f.message.length > 0);
    }
    const typo = findings.find((f) => f.code === 'AK020') as JsonFinding;
    assert.deepEqual([typo.line, typo.column, typo.endLine, typo.endColumn, typo.severity], [11, 3, 11, 6, 'error']);
    assert.match(typo.message, /'dta'/);
  });

  test('json: positions in the CRLF and BOM files', () => {
    const findings = json(run(['--format', 'json', root]));
    const title = findings.find((f) => f.file === V1 && f.code === 'AK060') as JsonFinding;
    assert.deepEqual([title.line, title.column, title.endLine, title.endColumn], [2, 1, 2, 6]);
    const directive = findings.find((f) => f.file === V1 && f.code === 'AK054') as JsonFinding;
    assert.deepEqual([directive.line, directive.column, directive.endLine, directive.endColumn], [v1Directive, 1, v1Directive, 47]);
    const cited = findings.find((f) => f.file === H1 && f.code === 'AK040') as JsonFinding;
    assert.deepEqual([cited.line, cited.column], [7, 3]);
  });

  test('text: one line per finding, path:line:col  severity  message  [code], and a summary', () => {
    const result = run([root]);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, expectedFindings.length + 1);
    const parsed = lines.slice(0, -1).map((line) => {
      const match = /^(.+):(\d+):(\d+) {2}(error|warning|information|hint) {2}(.+) {2}\[(AK\d{3})\]$/.exec(line);
      assert.ok(match, line);
      return [relative(root, resolve(projectRoot, match[1])).split(sep).join('/'), Number(match[2]), match[6]] as Triple;
    });
    assert.deepEqual(parsed.sort(compareTriples), expectedFindings);
    assert.match(lines[lines.length - 1], /^\d+ files checked: 10 errors, 11 warnings, 1 information, 0 hints in 6 files$/);
  });

  test('text: paths are shown under the root as given, relative to the current folder', () => {
    const result = run(['.'], root);
    assert.match(result.stdout, /^docs\/voldoen-aan-wetten-en-regels\//m);
  });

  test('sarif: a SARIF 2.1.0 log with one result per finding', () => {
    const result = run(['--format', 'sarif', root]);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'akcheck');
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.equal(ruleIds.length, ruleCatalog.length);
    const triples: Triple[] = sarifRun.results.map((r: any): Triple => {
      assert.equal(r.ruleId, ruleIds[r.ruleIndex]);
      assert.ok(['error', 'warning', 'note', 'none'].includes(r.level));
      assert.equal(typeof r.message.text, 'string');
      const location = r.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1 && location.region.endLine >= location.region.startLine);
      return [decodeURIComponent(location.artifactLocation.uri), location.region.startLine, r.ruleId];
    });
    assert.deepEqual(triples.sort(compareTriples), expectedFindings);
    const levels = new Map(sarifRun.results.map((r: any) => [r.ruleId, r.level]));
    assert.equal(levels.get('AK020'), 'error');
    assert.equal(levels.get('AK060'), 'warning');
    assert.equal(levels.get('AK055'), 'note');
  });

  test('--quiet reports errors only (exit code unchanged)', () => {
    const result = run(['--quiet', '--format', 'json', root]);
    assert.equal(result.status, 1);
    assert.deepEqual(
      triplesOf(json(result)),
      expectedFindings.filter(([, , code]) => !['AK011', 'AK021', 'AK054', 'AK055', 'AK060', 'AK062', 'AK080'].includes(code)),
    );
    const warnings = tempDir('quiet-warnings');
    writeFiles(warnings, { ...base, [V2]: edit(base[V2], 'verwerkt\n', 'verwerkt.\n') });
    const quiet = run(['--quiet', warnings]);
    assert.equal(quiet.status, 0);
    assert.match(quiet.stdout, /0 errors, 0 warnings/);
  });

  test('--rule sets severities: off drops findings, error changes the exit code', () => {
    const long = tempDir('long');
    const words = Array.from({ length: 45 }, (_, i) => `w${i}`).join(' ');
    writeFiles(long, { ...base, [V2]: edit(base[V2], 'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.', `toelichting: ${words}`) });
    assert.deepEqual(triplesOf(json(run(['--format', 'json', long]))), [[V2, 4, 'AK061']]);
    assert.deepEqual(json(run(['--format', 'json', '--rule', 'AK061=off', long])), []);
    const asError = run(['--format', 'json', '--rule', 'AK061=error', long]);
    assert.equal(asError.status, 1);
    assert.equal(json(asError)[0].severity, 'error');
    // Repeatable, and lower case codes are accepted.
    const both = run(['--format', 'json', '--rule', 'ak061=hint', '--rule', 'AK060=off', long]);
    assert.equal(json(both)[0].severity, 'hint');
  });

  test('.algoritmekader.json rules apply, and --rule overrides them', () => {
    const configured = tempDir('configured');
    writeFiles(configured, { ...damaged, '.algoritmekader.json': JSON.stringify({ rules: { AK040: 'warning', AK062: 'off' } }) });
    const findings = json(run(['--format', 'json', configured]));
    assert.ok(findings.every((f) => f.code !== 'AK062'));
    assert.ok(findings.filter((f) => f.code === 'AK040').every((f) => f.severity === 'warning'));
    const overridden = json(run(['--format', 'json', '--rule', 'AK040=error', configured]));
    assert.ok(overridden.filter((f) => f.code === 'AK040').every((f) => f.severity === 'error'));
  });

  test('.algoritmekader.json schema override changes the findings', () => {
    const configured = tempDir('schema-override');
    const optional = ['hide', 'summary', 'allow_excel_export', 'search', 'vereiste', 'sources', 'bronnen', 'toelichtnig'];
    writeFiles(configured, { ...damaged, '.algoritmekader.json': JSON.stringify({ schema: { documentTypes: { maatregel: { optional } } } }) });
    const findings = triplesOf(json(run(['--format', 'json', configured])));
    assert.deepEqual(
      findings,
      expectedFindings.filter(([path, line, code]) => !(path === M1 && line === 4 && code === 'AK011')),
    );
  });
});

describe('cache', () => {
  test('--no-cache is still accepted and changes nothing', () => {
    const root = tempDir('no-cache');
    writeFiles(root, damaged);
    assert.equal(run(['--no-cache', '--format', 'json', root]).stdout, run(['--format', 'json', root]).stdout);
  });
});

describe('--fix', () => {
  test('fixes the fixable findings, changes nothing else, and a second run changes nothing', () => {
    const root = tempDir('damaged-fix');
    writeFiles(root, damaged);
    const before = readTree(root);
    const result = run(['--fix', root]);
    assert.equal(result.status, 1, result.stderr);
    const fixedLines = result.stdout.split('\n').filter((line) => line.startsWith('fixed '));
    assert.deepEqual(fixedLines.map((line) => /\[(AK\d{3})\]$/.exec(line)?.[1]).sort(), ['AK011', 'AK020', 'AK021', 'AK032', 'AK040', 'AK054', 'AK060', 'AK062']);
    // Byte for byte: the fixed files are exactly as expected, every other file is untouched.
    const afterFix = readTree(root);
    assert.deepEqual([...afterFix.keys()].sort(), Object.keys(fixedFiles).sort());
    for (const [path, text] of Object.entries(fixedFiles)) {
      assert.equal(afterFix.get(path)?.toString('utf8'), text, path);
      if (before.has(path) && text === damaged[path]) assert.ok(afterFix.get(path)?.equals(before.get(path) as Buffer), path);
    }
    // What is left is reported after the fixes.
    assert.deepEqual(triplesOf(json(run(['--format', 'json', root]))), findingsAfterFix);
    // A second --fix finds nothing to fix and changes nothing.
    const second = run(['--fix', root]);
    assert.equal(second.status, 1);
    assert.ok(!second.stdout.includes('fixed '), second.stdout);
    const afterSecond = readTree(root);
    assert.deepEqual([...afterSecond.keys()].sort(), [...afterFix.keys()].sort());
    for (const [path, bytes] of afterFix) assert.ok(afterSecond.get(path)?.equals(bytes), path);
  });

  test('with --format json, the fixes are reported on stderr and stdout stays valid JSON', () => {
    const root = tempDir('damaged-fix-json');
    writeFiles(root, damaged);
    const result = run(['--fix', '--format', 'json', root]);
    assert.equal(result.status, 1);
    assert.deepEqual(triplesOf(json(result)), findingsAfterFix);
    assert.match(result.stderr, /^fixed /m);
    const sarifRoot = tempDir('damaged-fix-sarif');
    writeFiles(sarifRoot, damaged);
    const sarif = run(['--fix', '--format', 'sarif', sarifRoot]);
    assert.equal(JSON.parse(sarif.stdout).runs[0].results.length, findingsAfterFix.length);
  });

  test('--fix respects --rule off: a rule that is off is not fixed', () => {
    const root = tempDir('fix-off');
    writeFiles(root, damaged);
    run(['--fix', '--rule', 'AK060=off', root]);
    assert.equal(readFileSync(join(root, V1), 'utf8').split('\r\n')[1], 'title: Gebruiksverantwoordelijken krijgen uitleg over het systeem.');
  });

  test('a corpus without findings is left alone', () => {
    const root = tempDir('fix-valid');
    writeFiles(root, base);
    const before = readTree(root);
    const result = run(['--fix', root]);
    assert.equal(result.status, 0);
    assert.ok(!result.stdout.includes('fixed '));
    for (const [path, bytes] of readTree(root)) assert.ok(bytes.equals(before.get(path) as Buffer), path);
  });
});

describe('bad input never crashes the checker', () => {
  let root: string;
  before(() => {
    root = tempDir('bad-input');
    writeFiles(root, base);
  });

  // Issue 12: a file that cannot be checked is an AK005 finding (line 1, in every format), not a line on stderr.
  const unreadable = (result: Run, path: string, message: RegExp) => {
    const findings = json(result).filter((f) => f.file === path);
    assert.deepEqual(
      findings.map((f) => [f.line, f.code, f.severity]),
      [[1, 'AK005', 'error']],
      JSON.stringify(findings),
    );
    assert.match(findings[0].message, message);
    assert.doesNotMatch(result.stderr, new RegExp(path.slice(path.lastIndexOf('/') + 1).replace('.', '\\.')));
  };

  test('a binary .md is AK005 (NUL bytes), and the run goes on', () => {
    const path = join(root, vereistenFolder, 'aia-90-binair.md');
    writeFileSync(path, Buffer.from([0x00, 0x01, 0xff, 0x00, 0x42]));
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      assert.equal(result.status, 1);
      unreadable(result, `${vereistenFolder}/aia-90-binair.md`, /NUL-bytes/);
      assert.deepEqual(
        json(result).filter((f) => f.code !== 'AK005'),
        [],
      );
      // Text and SARIF carry it too.
      assert.match(run([root]).stdout, /aia-90-binair\.md:1:1 {2}error {2}.*\[AK005\]/);
      const sarif = JSON.parse(run(['--format', 'sarif', root]).stdout);
      assert.ok(
        sarif.runs[0].results.some(
          (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
            r.ruleId === 'AK005' && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('aia-90-binair.md'),
        ),
      );
    } finally {
      rmSync(path);
    }
  });

  test('invalid UTF-8 is AK005, is not checked further and never fixed', () => {
    const path = join(root, vereistenFolder, 'aia-91-latin1.md');
    // Latin-1 'Café.' as title: a fixable AK060 in a file that must not be checked or written.
    const [head, tail] = edit(base[V2], 'id: urn:nl:ak:ver:avg-01', 'id: urn:nl:ak:ver:aia-91').split('Persoonsgegevens worden rechtmatig verwerkt');
    const bytes = Buffer.concat([Buffer.from(head + 'Caf'), Buffer.from([0xe9]), Buffer.from('.' + tail)]);
    writeFileSync(path, bytes);
    try {
      const result = run(['--fix', '--format', 'json', root]);
      assertNoCrash(result);
      unreadable(result, `${vereistenFolder}/aia-91-latin1.md`, /geen geldige UTF-8/);
      assert.ok(readFileSync(path).equals(bytes), 'the invalid UTF-8 file was written');
    } finally {
      rmSync(path);
    }
  });

  test('a dangling symlink and a symlink loop are AK005', () => {
    const dangling = join(root, vereistenFolder, 'aia-92-weg.md');
    const loopA = join(root, vereistenFolder, 'lus-a.md');
    const loopB = join(root, vereistenFolder, 'lus-b.md');
    symlinkSync('bestaat-niet.md', dangling);
    symlinkSync('lus-b.md', loopA);
    symlinkSync('lus-a.md', loopB);
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      assert.equal(result.status, 1);
      unreadable(result, `${vereistenFolder}/aia-92-weg.md`, /nergens naar wijst/);
      unreadable(result, `${vereistenFolder}/lus-a.md`, /naar zichzelf/);
      unreadable(result, `${vereistenFolder}/lus-b.md`, /naar zichzelf/);
    } finally {
      for (const path of [dangling, loopA, loopB]) rmSync(path);
    }
  });

  test('a symlinked folder loop is not followed, and links outside the corpus are not read', () => {
    const loop = join(root, 'docs', 'lus');
    const outside = join(root, 'docs', 'buiten.md');
    const outsideTarget = join(tempDir('outside'), 'geheim.md');
    writeFileSync(outsideTarget, '<!-- list_geheim -->\n');
    symlinkSync('..', loop);
    symlinkSync(outsideTarget, outside);
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      unreadable(result, 'docs/buiten.md', /buiten het corpus/);
      assert.deepEqual(
        json(result).filter((f) => f.code !== 'AK005'),
        [],
      );
    } finally {
      rmSync(loop);
      rmSync(outside);
    }
  });

  test('an empty file is a finding, not a crash', () => {
    const path = join(root, vereistenFolder, 'aia-93-leeg.md');
    writeFileSync(path, '');
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      assert.deepEqual(triplesOf(json(result)), [
        [`${vereistenFolder}/aia-93-leeg.md`, 1, 'AK001'],
        [`${vereistenFolder}/aia-93-leeg.md`, 1, 'AK062'],
        ...Array.from({ length: 6 }, (): Triple => [`${vereistenFolder}/aia-93-leeg.md`, 1, 'AK080']),
      ]);
    } finally {
      rmSync(path);
    }
  });

  test('absurdly nested YAML is a finding, not a crash', () => {
    const path = join(root, vereistenFolder, 'aia-94-diep.md');
    writeFileSync(path, `---\ntitle: ${'['.repeat(20000)}\n---\n<!-- tags -->\n`);
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      assert.ok(json(result).some((f) => f.file.endsWith('aia-94-diep.md') && f.code === 'AK003'));
    } finally {
      rmSync(path);
    }
  });

  test('a file over 2 MiB is AK005 (3 MiB here)', () => {
    const path = join(root, vereistenFolder, 'aia-96-groot.md');
    writeFileSync(path, base[V2] + 'x'.repeat(3 * 1024 * 1024));
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      unreadable(result, `${vereistenFolder}/aia-96-groot.md`, /groter dan 2 MiB \(3,01 MiB\)/);
    } finally {
      rmSync(path);
    }
  });

  test('a file without read permission is AK005', { skip: isRoot ? 'running as root: chmod 000 does not stop root from reading' : false }, () => {
    const path = join(root, vereistenFolder, 'aia-95-geheim.md');
    writeFileSync(path, base[V2]);
    chmodSync(path, 0o000);
    try {
      const result = run(['--format', 'json', root]);
      assertNoCrash(result);
      unreadable(result, `${vereistenFolder}/aia-95-geheim.md`, /kan niet worden gelezen \(EACCES\)/);
    } finally {
      chmodSync(path, 0o644);
      rmSync(path);
    }
  });

  test('the fixture is clean again after the bad-input cases', () => {
    assert.equal(run([root]).status, 0);
    assert.ok(statSync(join(root, V1)).isFile());
  });
});

const realV = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
const realM = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';
const realH = 'docs/voldoen-aan-wetten-en-regels/hulpmiddelen/';

/**
 * What --fix changes in the real corpus: the clear slug typos, the periods, the earlier duplicate
 * keys, lists glued to a paragraph, near-miss section headings, admonition bodies that were not
 * indented, an unknown `hide` value and a link to the site's own URL. Not
 * `aia-20-verstrekken-van-informatie-op-verzoek`: the one slug with its prefix has a wholly
 * different name, so it is offered, not applied; nor the glossary's `Awb` after `AWB` (the site
 * tells them apart by case).
 */
const voorbeelden: [string, string] = ['\n## Voorbeeld\n', '\n## Voorbeelden\n'];
const realFixes: Record<string, [string, string][]> = {
  ['docs/soorten-algoritmes-en-ai/geautomatiseerde-risicoselectie.md']: [
    ['\n    * Zorg ervoor dat dossiers via verschillende routes', '\n\n    * Zorg ervoor dat dossiers via verschillende routes'],
  ],
  [`${realH}standaarden.md`]: [['zullen zijn:\n- AI trustworthiness framework', 'zullen zijn:\n\n- AI trustworthiness framework']],
  [`${realH}genAI-compliance-FAQ.md`]: [
    ['(https://minbzk.github.io/Algoritmekader/soorten-algoritmes-en-ai/risico-van-ai-systemen/)', '(../../soorten-algoritmes-en-ai/risico-van-ai-systemen.md)'],
  ],
  [`${realV}aia-21-gebruiksverantwoordelijken-menselijk-toezicht.md`]: [['uit een beschrijving:\n- welke handelingen', 'uit een beschrijving:\n\n- welke handelingen']],
  [`${realM}0-org-00-inventariseren-algoritmes.md`]: [voorbeelden],
  [`${realM}0-org-16-bewustwording-en-opleiding.md`]: [voorbeelden],
  [`${realM}1-pba-06-multidisciplinair-inkoopteam.md`]: [['## Bijbehorende vereisten {', '## Bijbehorende vereiste(n) {']],
  [`${realM}2-owp-05-soort-algoritme.md`]: [['van toepassing zijn.\nid:', 'van toepassing zijn\nid:']],
  [`${realM}2-owp-16-vereisten-onderdeel-algemene-inkoopvoorwaarden-en-contractovereenkomst.md`]: [['\n  De Europese Commissie biedt', '\n    De Europese Commissie biedt']],
  [`${realM}2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`]: [['- data\nhide:\n- navigation\n', '- data\n'], voorbeelden],
  [`${realM}2-owp-21-ruimte-voor-samenwerking-met-aanbieder.md`]: [voorbeelden],
  [`${realM}2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md`]: [
    ['- aia-35-melding-ernstige-incidenten\n- aia-34-monitoring-na-het-in-de-handel-brengen\n', '- aia-35-melding-ernstige-incidenten\n'],
    ['- tocs\n', '- toc\n'],
  ],
  [`${realM}2-owp-30-informeer-betrokkenen.md`]: [
    ['- aia-08-transparantie-aan-gebruikersverantwoordelijken\n', '- aia-08-transparantie-aan-gebruiksverantwoordelijken\n'],
    ['- aia-28-transparantieverplichtingen-richting-natuurlijke-personen\n', '- aia-28-transparantieverplichtingen\n'],
  ],
  [`${realM}2-owp-35-genereren-bronvermelding.md`]: [['- aia-09-menselijke-toezicht\n', '- aia-09-menselijk-toezicht\n']],
  [`${realM}3-dat-02-toetsen-geschiktheid-variabelen.md`]: [voorbeelden],
  [`${realM}4-owk-05-energiezuinige-programmeermethoden.md`]: [['\n   <!-- list_vereisten_on_maatregelen_page -->', '\n    <!-- list_vereisten_on_maatregelen_page -->']],
  [`${realM}6-imp-04-publiceren-algoritmeregister.md`]: [["\nHet algoritme 'Eerste Hulp bij Geldzaken'", "\n    Het algoritme 'Eerste Hulp bij Geldzaken'"]],
  [`${realM}7-mon-05-evalueer-bij-veranderingen-in-data.md`]: [['output van het algoritme.\nid:', 'output van het algoritme\nid:']],
};
/** The findings --fix removes from the real corpus. */
const realFixed: Triple[] = [
  ['docs/soorten-algoritmes-en-ai/geautomatiseerde-risicoselectie.md', 76, 'AK082'],
  [`${realH}standaarden.md`, 88, 'AK082'],
  [`${realH}genAI-compliance-FAQ.md`, 33, 'AK072'],
  [`${realV}aia-21-gebruiksverantwoordelijken-menselijk-toezicht.md`, 47, 'AK082'],
  [`${realM}0-org-00-inventariseren-algoritmes.md`, 1, 'AK080'],
  [`${realM}0-org-16-bewustwording-en-opleiding.md`, 1, 'AK080'],
  [`${realM}1-pba-06-multidisciplinair-inkoopteam.md`, 1, 'AK080'],
  [`${realM}2-owp-05-soort-algoritme.md`, 3, 'AK060'],
  [`${realM}2-owp-16-vereisten-onderdeel-algemene-inkoopvoorwaarden-en-contractovereenkomst.md`, 122, 'AK083'],
  [`${realM}2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`, 1, 'AK080'],
  [`${realM}2-owp-18-leveren-bewijs-door-aanbieder-niet-schenden-auteursrechten.md`, 28, 'AK012'],
  [`${realM}2-owp-21-ruimte-voor-samenwerking-met-aanbieder.md`, 1, 'AK080'],
  [`${realM}2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md`, 20, 'AK022'],
  [`${realM}2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md`, 43, 'AK091'],
  [`${realM}2-owp-30-informeer-betrokkenen.md`, 7, 'AK040'],
  [`${realM}2-owp-30-informeer-betrokkenen.md`, 8, 'AK040'],
  [`${realM}2-owp-35-genereren-bronvermelding.md`, 11, 'AK040'],
  [`${realM}3-dat-02-toetsen-geschiktheid-variabelen.md`, 1, 'AK080'],
  [`${realM}4-owk-05-energiezuinige-programmeermethoden.md`, 48, 'AK083'],
  [`${realM}6-imp-04-publiceren-algoritmeregister.md`, 64, 'AK083'],
  [`${realM}7-mon-05-evalueer-bij-veranderingen-in-data.md`, 2, 'AK060'],
];

/** A writable copy of the real corpus in the scratch folder. */
function copyRealCorpus(name: string): string {
  const root = join(scratch, name);
  cpSync(realCorpusRoot as string, root, { recursive: true });
  // The source is read-only; the copy must be writable.
  const makeWritable = (folder: string) => {
    chmodSync(folder, 0o755);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) makeWritable(path);
      else if (entry.isFile()) chmodSync(path, 0o644);
    }
  };
  makeWritable(root);
  return root;
}

/** `list` with each triple of `removed` taken out once (a page can have two findings of one code on one line). */
const without = (list: Triple[], removed: Triple[]) => {
  const left = [...removed];
  return list.filter((t) => {
    const at = left.findIndex((r) => compareTriples(r, t) === 0);
    if (at !== -1) left.splice(at, 1);
    return at === -1;
  });
};
const sorted = (list: Triple[]) => [...list].sort(compareTriples);

describe('on a copy of the real corpus', () => {
  const skip = realCorpusRoot ? false : skipReason;

  test('--fix applies exactly the expected fixes and a second run changes nothing', { skip }, () => {
    const root = copyRealCorpus('real');
    const before = readTree(root);
    const result = run(['--fix', '--format', 'json', root]);
    assert.equal(result.status, 1);
    const baseline = triplesOf(json(run(['--format', 'json', realCorpusRoot as string])));
    assert.deepEqual(triplesOf(json(result)), without(baseline, realFixed));
    const afterFix = readTree(root);
    assert.deepEqual([...afterFix.keys()].sort(), [...before.keys()].sort());
    for (const [path, bytes] of before) {
      const expected = realFixes[path] ? replaced(bytes.toString('utf8'), ...realFixes[path]) : undefined;
      if (expected === undefined) assert.ok(afterFix.get(path)?.equals(bytes), `${path} changed`);
      else assert.equal(afterFix.get(path)?.toString('utf8'), expected, path);
    }
    const second = run(['--fix', root]);
    assert.ok(!second.stdout.includes('fixed '), second.stdout);
    for (const [path, bytes] of afterFix) assert.ok(readTree(root).get(path)?.equals(bytes), path);
  });

  test('a damaged copy: the exact findings, then --fix, then a second --fix that changes nothing', { skip }, () => {
    const root = copyRealCorpus('real-damaged');
    const original = readTree(root);
    const text = (path: string) => (original.get(path) as Buffer).toString('utf8');
    const write = (path: string, content: string) => writeFileSync(join(root, path), content);
    const baseline = triplesOf(json(run(['--format', 'json', root])));
    const lineIn = (content: string, needle: string) => content.slice(0, content.indexOf(needle)).split('\n').length;

    // A tag typo and a renamed key; a copy of the page with the same id (and a directive naming the original).
    const arc = `${realV}arc-01-archiefwet.md`;
    write(arc, replaced(text(arc), ['- uitfaseren\n', '- uitfaseern\n'], ['\ntoelichting:', '\ntoelichtng:']));
    const arcCopy = `${realV}arc-02-kopie.md`;
    const arcCopyRenamed = `${realV}arc-01-kopie.md`;
    write(arcCopy, text(arc));
    // A list turned into a scalar.
    const owp30 = `${realM}2-owp-30-informeer-betrokkenen.md`;
    write(owp30, replaced(text(owp30), ['onderwerp:\n- transparantie\nrollen:', 'onderwerp: transparantie\nrollen:']));
    // Unclosed frontmatter (the closing --- removed).
    const dpia = `${realH}DPIA.md`;
    const dpiaLines = text(dpia).split('\n');
    dpiaLines.splice(dpiaLines.indexOf('---', 1), 1);
    write(dpia, dpiaLines.join('\n'));
    // BOM and CRLF, and a title with a period.
    const avg12 = `${realV}avg-12-beveiliging-van-verwerking.md`;
    const avg12Title = text(avg12).split('\n')[1];
    write(avg12, bom + crlf(replaced(text(avg12), [`${avg12Title}\n`, `${avg12Title}.\n`])));
    // Directives in code fences.
    const data = 'docs/onderwerpen/data.md';
    const fences = '\n```\n<!-- list_vereisten onderwerp/bestaat-niet -->\n```\n\n~~~\n<!-- tagz -->\n<!-- list_onbekend -->\n~~~\n';
    write(data, text(data) + fences);
    // A deleted vereiste.
    const dat01 = `${realV}dat-01-databankenwet.md`;
    rmSync(join(root, dat01));
    const citing = [...original.keys()].filter((path) => path.startsWith(realM) && text(path).includes('\n- dat-01-databankenwet\n'));
    assert.equal(citing.length, 10);
    // And one page links to it in its text.
    const owp35 = `${realM}2-owp-35-genereren-bronvermelding.md`;
    const linkToDat01: Triple = [owp35, lineIn(text(owp35), '(../vereisten/dat-01-databankenwet.md)'), 'AK070'];

    const added: Triple[] = [
      [arc, 1, 'AK010'],
      [arc, 3, 'AK031'],
      [arc, 4, 'AK011'],
      [arc, lineIn(text(arc), '- uitfaseren'), 'AK020'],
      [arcCopy, 3, 'AK031'],
      [arcCopy, 3, 'AK032'],
      [arcCopy, lineIn(text(arc), '<!-- list_maatregelen vereiste/arc-01-archiefwet'), 'AK054'],
      [owp30, lineIn(text(owp30), 'onderwerp:'), 'AK021'],
      [dpia, 1, 'AK002'],
      [avg12, 2, 'AK060'],
      ...citing.map((path): Triple => [path, lineIn(text(path), '\n- dat-01-databankenwet\n') + 1, 'AK040']),
      linkToDat01,
    ];
    // DPIA's frontmatter is no longer read, so its long toelichting is no finding any more.
    const gone: Triple[] = [[dpia, 3, 'AK061']];
    const damagedFindings = triplesOf(json(run(['--format', 'json', root])));
    assert.deepEqual(damagedFindings, sorted([...without(baseline, gone), ...added]));

    const damagedTree = readTree(root);
    const fixRun = run(['--fix', root]);
    assert.equal(fixRun.status, 1, fixRun.stderr);
    assert.equal(fixRun.stderr, '');
    const copyDirectiveLine = lineIn(text(arc), '<!-- list_maatregelen vereiste/arc-01-archiefwet');
    assert.deepEqual(
      triplesOf(json(run(['--format', 'json', root]))),
      sorted([
        ...without(without(baseline, gone), realFixed),
        [arc, 3, 'AK031'],
        [arcCopyRenamed, 3, 'AK031'],
        // The copy now lists its own maatregelen, and none cites it yet.
        [arcCopyRenamed, copyDirectiveLine, 'AK055'],
        [dpia, 1, 'AK002'],
        ...citing.map((path): Triple => [path, lineIn(text(path), '\n- dat-01-databankenwet\n') + 1, 'AK040']),
        linkToDat01,
      ]),
    );

    // Byte for byte: what the fixes touched is exactly as expected, everything else as it was.
    const expected = new Map<string, string>();
    for (const [path, bytes] of damagedTree) expected.set(path, bytes.toString('utf8'));
    for (const [path, pairs] of Object.entries(realFixes)) expected.set(path, replaced(text(path), ...pairs));
    expected.set(arc, text(arc));
    expected.delete(arcCopy);
    expected.set(arcCopyRenamed, text(arc).replace('vereiste/arc-01-archiefwet ', 'vereiste/arc-01-kopie '));
    expected.set(avg12, bom + crlf(text(avg12)));
    const afterFix = readTree(root);
    assert.deepEqual([...afterFix.keys()].sort(), [...expected.keys()].sort());
    for (const [path, content] of expected) {
      if (content === damagedTree.get(path)?.toString('utf8')) assert.ok(afterFix.get(path)?.equals(damagedTree.get(path) as Buffer), `${path} changed`);
      else assert.equal(afterFix.get(path)?.toString('utf8'), content, path);
    }
    const second = run(['--fix', root]);
    assert.ok(!second.stdout.includes('fixed '), second.stdout);
    const afterSecond = readTree(root);
    for (const [path, bytes] of afterFix) assert.ok(afterSecond.get(path)?.equals(bytes), path);
  });

  test('the findings are the same as on the original', { skip }, () => {
    const original = run(['--format', 'json', realCorpusRoot as string]);
    assert.equal(original.status, 1);
    assert.equal(original.stderr, '');
    assert.equal(json(original).length, 117);
  });
});

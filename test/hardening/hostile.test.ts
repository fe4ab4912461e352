// Hostile inputs (issue 6), each on its own: through the engine as the CLI and the server read files,
// then the whole hostile corpus through akcheck. Every file gets clear findings (a file that cannot be
// checked, an AK005 that says why: issue 12 made these findings instead of lines on stderr), a folder
// that cannot be listed is skipped with a reason, and no file takes more than a second to parse and
// check (a bound, not a benchmark).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  checkCorpus,
  checkDocument,
  defaultSchema,
  type Finding,
  listMarkdownFiles,
  loadCorpus,
  MemoryFileSystem,
  parseDocument,
  readDocument,
  readMarkdownText,
  type SkippedFile,
} from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { CorpusWorkspace } from '../../server/src/workspace/corpusWorkspace';
import { memoryCorpus } from '../support/memoryCorpus';
import { projectRoot } from '../support/realCorpus';
import { hostileCorpus, hulpmiddel, hulpmiddelen, outsideTitle, type HostileFile } from './hostileCorpus';
import { assertFindingsWellFormed, filesOnDisk, show, timed } from './support';

const boundMs = 1000;
const hostile = hostileCorpus();
after(() => hostile.remove());

const demo = memoryCorpus(filesOnDisk(join(projectRoot, 'content')));
const hostileFs = new NodeFileSystem(hostile.root);
const skippedByListing: SkippedFile[] = [];
let listed = new Set<string>();
before(async () => {
  listed = new Set(await listMarkdownFiles(hostileFs, skippedByListing));
});

/** What the engine makes of one file, the way akcheck reads it: skipped (and why), or its findings and the time they took. */
async function outcome(file: HostileFile): Promise<{ skipped: string } | { findings: Finding[]; ms: number; lossy: boolean }> {
  const atListing = skippedByListing.find((s) => s.path === file.path);
  if (atListing) return { skipped: atListing.reason };
  assert.ok(listed.has(file.path), `${file.path} was neither listed nor skipped`);
  const skipped: SkippedFile[] = [];
  const lossy = new Set<string>();
  const document = await readDocument(hostileFs, file.path, defaultSchema, {}, skipped, lossy);
  if (!document) return { skipped: skipped[0]?.reason ?? 'unreadable' };
  const { value: findings, ms } = timed(() => {
    demo.set(document);
    return checkDocument(demo, document);
  });
  demo.delete(file.path);
  assertFindingsWellFormed(findings, () => document.text.getText());
  return { findings, ms, lossy: lossy.has(file.path) };
}

const codesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.code))].sort();

describe('hostile inputs through the engine', () => {
  for (const file of hostile.files) {
    test(`${file.name}: ${file.what}`, async () => {
      const result = await outcome(file);
      if ('skipped' in result) {
        assert.ok(file.skip, `${file.path} was skipped (${result.skipped}) but should have been checked`);
        assert.match(result.skipped, file.skip);
        return;
      }
      assert.ok(!file.skip, `${file.path} was read but should have been skipped (${file.skip})`);
      assert.ok(result.ms < boundMs, `${file.path}: parse and check took ${Math.round(result.ms)} ms`);
      assert.deepEqual(codesOf(result.findings), file.codes, `${file.path}: ${show(result.findings)}`);
      if (file.unreadable) {
        assert.deepEqual(
          result.findings.map((f) => f.range.start.line),
          [0],
          'AK005 is anchored at line 1',
        );
        assert.match(result.findings[0].message, file.unreadable);
      }
    });
  }

  test('the 10 MB file, as an editor sends it (no size limit for open documents), is parsed and checked within the bound', () => {
    const text = readFileSync(join(hostile.root, hulpmiddelen, 'hostile-10mb.md'), 'utf8');
    assert.ok(text.length >= 10 * 1024 * 1024);
    const { value: findings, ms } = timed(() => checkDocument(demo, parseDocument(`${hulpmiddelen}/hostile-10mb.md`, text, defaultSchema)));
    assert.ok(ms < boundMs, `${Math.round(ms)} ms`);
    assert.deepEqual(findings, []);
  });

  test('a file of more than 2 MiB on disk is AK005, one of 2 MiB is checked', async () => {
    const limit = 2 * 1024 * 1024;
    const fill = (size: number) => {
      const page = hulpmiddel();
      return page + 'x'.repeat(size - Buffer.byteLength(page));
    };
    const fs = new MemoryFileSystem({ [`${hulpmiddelen}/precies.md`]: fill(limit), [`${hulpmiddelen}/te-groot.md`]: fill(limit + 1) });
    const loaded = await loadCorpus(fs, defaultSchema);
    const unreadable = checkCorpus(loaded.corpus).filter((f) => f.code === 'AK005');
    assert.deepEqual(
      unreadable.map((f) => f.path),
      [`${hulpmiddelen}/te-groot.md`],
    );
  });

  test('the alias bomb is not expanded: list keys that name an alias are reported as not a list of strings', async () => {
    const result = await outcome(hostile.files.find((f) => f.name === 'alias bomb')!);
    assert.ok('findings' in result);
    const ak021 = result.findings.filter((f) => f.code === 'AK021').map((f) => f.message);
    assert.equal(ak021.length, 2, JSON.stringify(ak021));
    assert.ok(ak021.some((message) => message.includes("'vereiste'")));
  });

  test('nesting 10,000 deep is a YAML finding, not a stack overflow', async () => {
    for (const name of ['flow nesting', 'block nesting']) {
      const result = await outcome(hostile.files.find((f) => f.name === name)!);
      assert.ok('findings' in result);
      assert.ok(
        result.findings.some((f) => f.code === 'AK003' && f.range.start.line >= 1),
        show(result.findings),
      );
    }
  });

  test('a frontmatter block of more than 64 KiB is one AK003 and is not parsed', () => {
    const text = hulpmiddel(`sources:\n${'- &a x\n- *a\n'.repeat(20_000)}`);
    const { value: findings, ms } = timed(() => checkDocument(demo, parseDocument(`${hulpmiddelen}/groot.md`, text, defaultSchema)));
    assert.ok(ms < boundMs, `${Math.round(ms)} ms`);
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line]),
      [['AK003', 1]],
    );
    assert.match(findings[0].message, /KiB/);
  });

  test('many aliases within the size limit resolve in linear time', () => {
    const text = hulpmiddel(`a: &a x\nsources: [${'*a, '.repeat(15_000)}*a]\n`);
    const { ms } = timed(() => checkDocument(demo, parseDocument(`${hulpmiddelen}/aliassen.md`, text, defaultSchema)));
    assert.ok(ms < boundMs, `${Math.round(ms)} ms`);
  });

  test('invalid UTF-8 is AK005 and not checked further (its duplicate value is no finding), and it is marked never to be written', async () => {
    const result = await outcome(hostile.files.find((f) => f.name === 'invalid UTF-8')!);
    assert.ok('findings' in result && result.lossy);
    assert.deepEqual(codesOf(result.findings), ['AK005']);
  });

  test('a folder without read permission is skipped with its reason', (t) => {
    if (hostile.unreadableSkipped) return t.skip(hostile.unreadableSkipped);
    assert.ok(
      skippedByListing.some((s) => s.path === 'docs/hostile-unreadable' && /EACCES/.test(s.reason)),
      JSON.stringify(skippedByListing),
    );
  });

  test('links to folders are not followed: nothing is listed under the linked folder or the folder loop', () => {
    assert.deepEqual(
      [...listed].filter((path) => path.startsWith('docs/hostile-linked-folder/') || path.startsWith('docs/hostile-folder-loop/')),
      [],
    );
  });

  test('every listed file of the hostile corpus is parsed and checked within the bound', async () => {
    for (const path of listed) {
      const read = await readMarkdownText(hostileFs, path);
      if (read.text === undefined) continue;
      const text = read.text;
      const { ms } = timed(() => {
        const document = parseDocument(path, text, defaultSchema);
        demo.set(document);
        checkDocument(demo, document);
      });
      assert.ok(ms < boundMs, `${path}: ${Math.round(ms)} ms`);
    }
    for (const path of listed) if (!path.startsWith('docs/voldoen-aan-wetten-en-regels/') || path.includes('hostile')) demo.delete(path);
  });
});

describe('files deleted while they are read', () => {
  const copy = () => {
    const folder = mkdtempSync(join(tmpdir(), 'ak-deleted-'));
    cpSync(join(projectRoot, 'content'), folder, { recursive: true });
    return folder;
  };
  const victim = `${hulpmiddelen}/DPIA.md`;

  test('a file deleted between listing and reading is skipped with its reason', async () => {
    const folder = copy();
    try {
      const loaded = await loadCorpus(new NodeFileSystem(folder), defaultSchema, { onListed: () => unlinkSync(join(folder, victim)) });
      assert.deepEqual(loaded.skipped, [{ path: victim, reason: 'cannot be read (ENOENT)' }]);
      assert.equal(loaded.corpus.get(victim), undefined);
      assertFindingsWellFormed(checkCorpus(loaded.corpus), (path) => loaded.corpus.get(path)?.text.getText());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the workspace: a file gone by the time its event is handled drops out, and so do its findings', async () => {
    const folder = copy();
    try {
      const warnings: string[] = [];
      const workspace = new CorpusWorkspace({
        log: { info: () => {}, warn: (m) => warnings.push(m) },
        fileSystemFor: (root) => new NodeFileSystem(fileURLToPath(root)),
      });
      await workspace.index([pathToFileURL(folder).toString()]);
      const root = workspace.roots[0];
      assert.ok(root.corpus.get(victim));
      unlinkSync(join(folder, victim));
      const reloaded = await workspace.reloadFromDisk(pathToFileURL(join(folder, victim)).toString());
      assert.equal(reloaded?.path, victim);
      assert.equal(root.corpus.get(victim), undefined);
      assert.equal(root.findings.get(victim), undefined);
      // Its citations of maatregelen are gone; re-checking the dependents does not throw.
      workspace.recheck(root, reloaded!.dependents);
      // An event for a file that never existed changes nothing.
      assert.deepEqual((await workspace.reloadFromDisk(pathToFileURL(join(folder, hulpmiddelen, 'nooit.md')).toString()))?.dependents, new Set());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('akcheck: a file that changes after it was read and before its fix is made fails clearly, or is checked, but never crashes', async () => {
    const folder = copy();
    try {
      const target = join(folder, victim);
      writeFileSync(target, readFileSync(target, 'utf8').replace('- jurist\n', '- jurist\n- jurist\n'));
      const loaded = await loadCorpus(new NodeFileSystem(folder), defaultSchema, { keepTextsUpTo: 0 });
      unlinkSync(target);
      let findings: Finding[] | undefined;
      try {
        findings = checkCorpus(loaded.corpus);
      } catch (error) {
        assert.match(String(error), /changed while it was being checked|cannot be read/);
      }
      if (findings) assert.ok(findings.some((f) => f.path === victim && f.code === 'AK022'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('hostile inputs through akcheck', () => {
  const akcheck = join(projectRoot, 'dist/akcheck.js');

  test('one run over the hostile corpus: exit 1, each file reported (AK005 for one that cannot be checked, nothing on stderr about it), in bounded time', () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [akcheck, '--format', 'json', '--no-cache', hostile.root], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    assert.equal(run.error, undefined, String(run.error));
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as { file: string; line: number; code: string; message: string }[];
    for (const file of hostile.files) {
      if (file.skip) {
        assert.match(run.stderr, new RegExp(`skipped ${file.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${file.skip.source}`), run.stderr);
        assert.deepEqual(
          findings.filter((f) => f.file === file.path),
          [],
        );
      } else {
        assert.deepEqual([...new Set(findings.filter((f) => f.file === file.path).map((f) => f.code))].sort(), file.codes, file.path);
        if (file.unreadable) assert.match(findings.find((f) => f.file === file.path)!.message, file.unreadable);
        assert.doesNotMatch(run.stderr, new RegExp(file.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'a file that is reported is not also on stderr');
      }
    }
    assert.ok(!run.stdout.includes(outsideTitle) && !run.stdout.includes(hostile.outside), 'nothing outside the corpus is read or reported');
    assert.ok(ms < 30_000, `${Math.round(ms)} ms`);
  });

  test('--fix on the hostile corpus ends, never writes the file that is not UTF-8, and a second --fix changes nothing', () => {
    const lossy = join(hostile.root, hulpmiddelen, 'hostile-invalid-utf8.md');
    const before = readFileSync(lossy);
    const first = spawnSync(process.execPath, [akcheck, '--fix', '--no-cache', hostile.root], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(first.error, undefined, String(first.error));
    assert.ok(first.status === 0 || first.status === 1, first.stderr);
    assert.deepEqual(readFileSync(lossy), before);
    const names = readdirSync(join(hostile.root, hulpmiddelen)).filter((name) => !name.includes('loop') && !name.includes('dangling'));
    const contents = () => names.map((name) => readFileSync(join(hostile.root, hulpmiddelen, name)));
    const fixedOnce = contents();
    const second = spawnSync(process.execPath, [akcheck, '--fix', '--no-cache', hostile.root], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.ok(second.status === 0 || second.status === 1, second.stderr);
    assert.doesNotMatch(second.stdout, /^fixed /m);
    assert.deepEqual(contents(), fixedOnce);
  });
});

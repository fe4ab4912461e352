/** The tools authors already have, measured on the same corpora: markdownlint-cli2 and the upstream Python validators. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import { log, note } from './log';
import { measureCommand, runsFor, type Measurement } from './measure';
import type { BenchOptions } from './options';

const MARKDOWNLINT_PREFIX = path.join(os.homedir(), '.cache', 'algoritmekader-bench', 'markdownlint');

/** markdownlint-cli2, installed on demand outside the project (not a dependency) */
function ensureMarkdownlint(): { bin: string; version: string } | undefined {
  const bin = path.join(MARKDOWNLINT_PREFIX, 'node_modules', '.bin', 'markdownlint-cli2');
  if (!fs.existsSync(bin)) {
    log(`installing markdownlint-cli2 into ${MARKDOWNLINT_PREFIX} ...`);
    fs.mkdirSync(MARKDOWNLINT_PREFIX, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', MARKDOWNLINT_PREFIX, 'markdownlint-cli2', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0 || !fs.existsSync(bin)) {
      note('markdownlint-cli2 could not be installed: skipped');
      return undefined;
    }
  }
  let version = '?';
  try {
    version = (JSON.parse(fs.readFileSync(path.join(MARKDOWNLINT_PREFIX, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // keep '?'
  }
  return { bin, version };
}

const UPSTREAM_SCRIPTS = ['validate_all_labels.py', 'validate_urn_uniqueness.py', 'validate_file_prefix_urn.py'];

/** the upstream validators (Python), run one after another with the corpus root as cwd */
function upstreamValidators(): string[] | undefined {
  if (spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status !== 0) {
    note("upstream Python validators: `python3 -c 'import yaml'` fails: skipped");
    return undefined;
  }
  const dir = process.env.AK_UPSTREAM_SCRIPTS;
  const scripts = dir ? UPSTREAM_SCRIPTS.map((s) => path.join(dir, s)).filter((p) => fs.existsSync(p)) : [];
  if (scripts.length === 0) {
    note(`upstream Python validators: not found (set AK_UPSTREAM_SCRIPTS to the folder with ${UPSTREAM_SCRIPTS.join(', ')}): skipped`);
    return undefined;
  }
  if (scripts.length < UPSTREAM_SCRIPTS.length) note(`upstream Python validators: only ${scripts.map((s) => path.basename(s)).join(', ')} found`);
  return scripts;
}

export type PeerKind = 'markdownlint' | 'upstream';
export interface PeerRow {
  kind: PeerKind;
  corpus: CorpusInfo;
  m: Measurement;
}

export function measurePeers(corpora: CorpusInfo[], o: BenchOptions): PeerRow[] {
  const out: PeerRow[] = [];
  const eligible = corpora.filter((c) => c.documents === null || c.documents <= o.peerMaxSize);
  const mdl = ensureMarkdownlint();
  if (mdl) {
    for (const c of eligible) {
      const m = measureCommand({
        tool: `markdownlint-cli2 ${mdl.version}`,
        corpus: c,
        cmd: mdl.bin,
        args: ['docs/**/*.md'],
        cwd: c.root,
        ...runsFor(o, c.files, true),
        okExitCodes: [0, 1],
      });
      out.push({ kind: 'markdownlint', corpus: c, m });
    }
  }
  const scripts = upstreamValidators();
  if (scripts) {
    const sh = 's=0; for f in "$@"; do python3 "$f" >/dev/null || s=1; done; exit $s';
    for (const c of eligible) {
      const m = measureCommand({
        tool: `upstream validators (${scripts.length} × python3)`,
        corpus: c,
        cmd: 'sh',
        args: ['-c', sh, 'sh', ...scripts],
        cwd: c.root,
        ...runsFor(o, c.files, true),
        okExitCodes: [0, 1],
      });
      out.push({ kind: 'upstream', corpus: c, m });
    }
  }
  return out;
}

/** akcheck as a whole process, cold and warm parse cache, with its findings checked against the injected defects. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import type { InjectedDefect } from './generateCorpus';
import { note } from './log';
import { measureCommand, runsFor, type CacheMode, type Measurement } from './measure';
import type { BenchOptions } from './options';
import { freshDir } from './scratch';

export interface AkcheckRow {
  corpus: CorpusInfo;
  mode: CacheMode;
  m: Measurement;
  findings: number | null;
  byCode: Record<string, number>;
  /** injected defects reported (file, line, code) / in the manifest; null for the real corpus */
  recall: { found: number; expected: number; missing: InjectedDefect[] } | null;
  /** error findings that no injected defect explains (synthetic corpora only) */
  unexpectedErrors: number | null;
  /** warm output byte-identical to the cold output (warm rows only) */
  sameAsCold?: boolean;
}

interface JsonFinding {
  file: string;
  line: number;
  code: string;
  severity: string;
}

function readFindings(file: string): JsonFinding[] | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as JsonFinding[]) : undefined;
  } catch {
    return undefined;
  }
}

function analyseFindings(c: CorpusInfo, m: Measurement): Pick<AkcheckRow, 'findings' | 'byCode' | 'recall' | 'unexpectedErrors'> {
  const findings = readFindings(m.stdoutFile);
  if (!findings) {
    note(`akcheck on ${c.name}: the JSON output could not be read (${m.stdoutFile})`);
    return { findings: null, byCode: {}, recall: null, unexpectedErrors: null };
  }
  const byCode: Record<string, number> = {};
  const keys = new Set<string>();
  for (const f of findings) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    keys.add(`${f.file}\0${f.line}\0${f.code}`);
  }
  if (!c.defects) return { findings: findings.length, byCode, recall: null, unexpectedErrors: null };
  const missing = c.defects.filter((d) => !keys.has(`${d.file}\0${d.line}\0${d.code}`));
  const injected = new Set(c.defects.map((d) => `${d.file}\0${d.line}\0${d.code}`));
  const unexpectedErrors = findings.filter((f) => f.severity === 'error' && !injected.has(`${f.file}\0${f.line}\0${f.code}`)).length;
  return { findings: findings.length, byCode, recall: { found: c.defects.length - missing.length, expected: c.defects.length, missing }, unexpectedErrors };
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}

/**
 * `node dist/akcheck.js ROOT --format json` as a whole process, per corpus:
 * cold (`--no-cache`) and warm (a bench-private AKCHECK_CACHE_DIR filled by an
 * unmeasured first run). Exit 1 (findings with errors) is normal.
 */
export function measureAkcheck(dist: string, corpora: CorpusInfo[], o: BenchOptions): { rows: AkcheckRow[]; startup: Measurement | undefined } {
  const bin = path.join(dist, 'akcheck.js');
  if (!fs.existsSync(bin)) {
    note('akcheck: dist/akcheck.js is not built (npm run build): skipped');
    return { rows: [], startup: undefined };
  }
  const rows: AkcheckRow[] = [];
  const unusedCache = freshDir('akcheck-cache-unused');
  const warmCache = freshDir('akcheck-cache-warm');
  let startup: Measurement | undefined;
  if (corpora.length) {
    startup = measureCommand({
      tool: 'akcheck --version',
      corpus: corpora[0],
      cmd: process.execPath,
      args: [bin, '--version'],
      runs: o.runs,
      warmup: o.warmup,
      okExitCodes: [0],
      env: { ...process.env, AKCHECK_CACHE_DIR: unusedCache },
    });
  }
  for (const c of corpora) {
    const runs = runsFor(o, c.files, false);
    const cold = measureCommand({
      tool: 'akcheck cold',
      corpus: c,
      cmd: process.execPath,
      args: [bin, c.root, '--format', 'json', '--no-cache'],
      ...runs,
      okExitCodes: [0, 1],
      env: { ...process.env, AKCHECK_CACHE_DIR: unusedCache },
    });
    rows.push({ corpus: c, mode: 'cold', m: cold, ...analyseFindings(c, cold) });
    const warmEnv = { ...process.env, AKCHECK_CACHE_DIR: warmCache };
    // prepare the cache: one unmeasured run that writes it
    spawnSync(process.execPath, [bin, c.root, '--format', 'json'], { env: warmEnv, stdio: 'ignore' });
    const warm = measureCommand({
      tool: 'akcheck warm',
      corpus: c,
      cmd: process.execPath,
      args: [bin, c.root, '--format', 'json'],
      ...runs,
      okExitCodes: [0, 1],
      env: warmEnv,
    });
    const sameAsCold = sameFile(cold.stdoutFile, warm.stdoutFile);
    if (!sameAsCold) note(`akcheck on ${c.name}: the warm-cache output differs from the cold output`);
    rows.push({ corpus: c, mode: 'warm', m: warm, ...analyseFindings(c, warm), sameAsCold });
  }
  if (fs.readdirSync(unusedCache).length) note(`akcheck --no-cache wrote into its cache folder (${fs.readdirSync(unusedCache).join(', ')})`);
  return { rows, startup };
}

/** akcheck as a whole process, beside `node -e 0` on the same machine, with its findings checked against the injected defects. */
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import type { InjectedDefect } from './generateCorpus';
import { note } from './log';
import { measureCommand, measureInTurn, runsFor, type Measurement } from './measure';
import type { BenchOptions } from './options';

export interface AkcheckRow {
  corpus: CorpusInfo;
  m: Measurement;
  findings: number | null;
  byCode: Record<string, number>;
  /** injected defects reported (file, line, code) / in the manifest; null for the real corpus */
  recall: { found: number; expected: number; missing: InjectedDefect[] } | null;
  /** error findings that no injected defect explains (synthetic corpora only) */
  unexpectedErrors: number | null;
  /** The real corpus only: Node's own start-up (`node -e 0`), run in turn with akcheck. */
  beside?: { node: Measurement; ratioToNode: number };
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

/**
 * `node dist/akcheck.js ROOT --format json` as a whole process, per corpus: a fresh process, as in
 * CI (akcheck keeps no cache). On the real corpus `node -e 0` runs in turn with it. Exit 1
 * (findings with errors) is normal.
 */
export function measureAkcheck(dist: string, corpora: CorpusInfo[], o: BenchOptions): { rows: AkcheckRow[]; startup: Measurement | undefined } {
  const bin = path.join(dist, 'akcheck.js');
  if (!fs.existsSync(bin)) {
    note('akcheck: dist/akcheck.js is not built (npm run build): skipped');
    return { rows: [], startup: undefined };
  }
  const rows: AkcheckRow[] = [];
  const startup = corpora.length
    ? measureCommand({ tool: 'akcheck --version', corpus: corpora[0], cmd: process.execPath, args: [bin, '--version'], runs: o.runs, warmup: o.warmup, okExitCodes: [0] })
    : undefined;
  for (const c of corpora) {
    const runs = runsFor(o, c.files, false);
    const spec = { tool: 'akcheck', corpus: c, cmd: process.execPath, args: [bin, c.root, '--format', 'json'], ...runs, okExitCodes: [0, 1] };
    if (c.documents !== null) {
      const m = measureCommand(spec);
      rows.push({ corpus: c, m, ...analyseFindings(c, m) });
      continue;
    }
    const [m, node] = measureInTurn([spec, { ...spec, tool: 'node -e 0', args: ['-e', '0'], okExitCodes: [0] }]);
    rows.push({ corpus: c, m, ...analyseFindings(c, m), beside: { node, ratioToNode: 1 / node.ratioToFirst } });
  }
  return { rows, startup };
}

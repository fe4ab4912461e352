/**
 * Measuring a command as a fresh process (wall time; CPU and peak RSS through
 * GNU time), how many runs a corpus gets, and the statistics of the samples.
 */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import { log, note } from './log';
import type { BenchOptions } from './options';
import { scratch } from './scratch';

/** a server start: the first on a corpus (cold) or a later one (warm, the files in the system's cache) */
export type CacheMode = 'cold' | 'warm';

interface Sample {
  wallS: number;
  userS: number | null;
  sysS: number | null;
  maxRssKb: number | null;
  exitCode: number | null;
}

export interface Measurement {
  tool: string;
  corpus: string;
  files: number;
  runs: number;
  warmup: number;
  wallMedianS: number;
  wallMinS: number;
  wallMaxS: number;
  cpuMedianS: number | null;
  /** median over the runs of the peak RSS (MiB) */
  peakRssMedianMb: number | null;
  /** largest peak RSS (MiB) of any measured run */
  peakRssMaxMb: number | null;
  exitCodes: number[];
  /** stdout and stderr of the last run */
  stdoutFile: string;
  stderrFile: string;
  problem?: string;
}

export interface MeasureSpec {
  tool: string;
  corpus: CorpusInfo;
  cmd: string;
  args: string[];
  cwd?: string;
  runs: number;
  warmup: number;
  /** exit codes that are normal (a linter that found something exits 1) */
  okExitCodes: number[];
  env?: NodeJS.ProcessEnv;
}

const TIME_BIN = '/usr/bin/time';
let timeAvailable: boolean | undefined;
/** GNU time can report the child's CPU and peak RSS; without it only wall time is measured */
export function hasGnuTime(): boolean {
  if (timeAvailable === undefined) {
    timeAvailable = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%e %U %S %M', 'true'], { stdio: 'ignore' }).status === 0;
    if (!timeAvailable) note(`${TIME_BIN} (GNU time) not found: wall time only. Install it with \`apt-get install -y time\`.`);
  }
  return timeAvailable;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** nearest-rank percentile */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function runOnce(spec: MeasureSpec, stdoutFile: string, stderrFile: string): Sample {
  const useTime = hasGnuTime();
  const timeFile = path.join(scratch(), 'time.txt');
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const options: SpawnSyncOptions = { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', out, err], maxBuffer: 1 << 20 };
  const t0 = process.hrtime.bigint();
  const r = useTime ? spawnSync(TIME_BIN, ['-f', '%e %U %S %M', '-o', timeFile, spec.cmd, ...spec.args], options) : spawnSync(spec.cmd, spec.args, options);
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(out);
  fs.closeSync(err);
  const sample: Sample = { wallS, userS: null, sysS: null, maxRssKb: null, exitCode: r.status };
  if (useTime) {
    // GNU time writes "Command exited with non-zero status N" before the format line
    const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
    const [, u, s, m] = lines[lines.length - 1].split(' ').map(Number);
    if ([u, s, m].every(Number.isFinite)) {
      sample.userS = u;
      sample.sysS = s;
      sample.maxRssKb = m;
    }
  }
  return sample;
}

/** run a command `warmup` times unmeasured, then `runs` times; report medians */
export function measureCommand(spec: MeasureSpec): Measurement {
  return measureInTurn([spec])[0];
}

/**
 * Several commands with the same number of runs, run in turn (A B A B …) so that a change of the
 * machine's load hits each alike; `ratios[i]` are the per-turn wall ratios of command i to command 0.
 */
export function measureInTurn(specs: MeasureSpec[]): (Measurement & { ratioToFirst: number })[] {
  const files = specs.map((spec) => path.join(scratch(), `${spec.tool}-${spec.corpus.name}`.replace(/[^\w.-]+/g, '_')));
  process.stdout.write(`measure ${specs.map((spec) => spec.tool).join(' / ')} on ${specs[0].corpus.name}: ${specs[0].warmup} warm-up + ${specs[0].runs} runs ...`);
  for (let i = 0; i < specs[0].warmup; i++) specs.forEach((spec, k) => runOnce(spec, `${files[k]}.out`, `${files[k]}.err`));
  const samples: Sample[][] = specs.map(() => []);
  for (let i = 0; i < specs[0].runs; i++) specs.forEach((spec, k) => samples[k].push(runOnce(spec, `${files[k]}.out`, `${files[k]}.err`)));
  const results = specs.map((spec, k) => {
    const walls = samples[k].map((s) => s.wallS);
    const cpu = samples[k].every((s) => s.userS !== null) ? median(samples[k].map((s) => s.userS! + s.sysS!)) : null;
    const haveRss = samples[k].every((s) => s.maxRssKb !== null);
    const m: Measurement & { ratioToFirst: number } = {
      tool: spec.tool,
      corpus: spec.corpus.name,
      files: spec.corpus.files,
      runs: spec.runs,
      warmup: spec.warmup,
      wallMedianS: median(walls),
      wallMinS: Math.min(...walls),
      wallMaxS: Math.max(...walls),
      cpuMedianS: cpu,
      peakRssMedianMb: haveRss ? median(samples[k].map((s) => s.maxRssKb!)) / 1024 : null,
      peakRssMaxMb: haveRss ? Math.max(...samples[k].map((s) => s.maxRssKb!)) / 1024 : null,
      exitCodes: [...new Set(samples[k].map((s) => s.exitCode ?? -1))],
      stdoutFile: `${files[k]}.out`,
      stderrFile: `${files[k]}.err`,
      ratioToFirst: median(walls.map((wall, i) => wall / samples[0][i].wallS)),
    };
    const bad = m.exitCodes.filter((c) => !spec.okExitCodes.includes(c));
    if (bad.length) {
      const head = fs.readFileSync(m.stderrFile, 'utf8').split('\n').slice(0, 5).join(' | ');
      m.problem = `unexpected exit ${bad.join(',')}: ${head}`;
      note(`${spec.tool} on ${spec.corpus.name}: ${m.problem}`);
    }
    return m;
  });
  log(` median ${results.map((m) => m.wallMedianS.toFixed(3)).join(' / ')} s`);
  return results;
}

/** fewer runs on big corpora for slow tools (and for everything at 100k) */
export function runsFor(o: BenchOptions, files: number, slow: boolean): { runs: number; warmup: number } {
  if (files > 20000) return { runs: Math.min(o.runs, slow ? 1 : 3), warmup: 0 };
  if (!slow || files <= 2000) return { runs: o.runs, warmup: o.warmup };
  return { runs: Math.min(o.runs, 3), warmup: 0 };
}

/** latency statistics (ms) of a series of requests or edits */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(xs: number[]): Stats | null {
  if (xs.length === 0) return null;
  return { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) };
}

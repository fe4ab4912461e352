/**
 * Benchmark harness (sketch): prepares synthetic corpora, measures commands
 * (wall time, user+sys CPU, peak RSS) and writes BENCHMARKS.md at the
 * project root. See bench/README.md.
 *
 *   npx esbuild bench/run.ts --bundle --platform=node --packages=external --outfile=/tmp/bench-run.js
 *   node /tmp/bench-run.js [options]          (from the project root)
 *
 * Options:
 *   --sizes 1000,10000,100000   synthetic corpus sizes (documents)
 *   --seed 1                    generator seed
 *   --runs 5 --warmup 1         measured runs (median reported) after warm-up runs
 *   --out BENCHMARKS.md         report file, relative to the project root
 *   --peer-max-size 10000       skip peers on larger synthetic corpora (markdownlint needs ~1 min per 10k files)
 *   --no-akcheck --no-server --no-peers
 *   --prepare-only              only generate (or reuse) the corpora
 *
 * Environment: AK_REAL_CORPUS (default ../shared/corpora/algoritmekader),
 * AK_UPSTREAM_SCRIPTS (folder with the upstream validate_*.py scripts).
 */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus, GENERATOR_VERSION, MANIFEST_FILE, readCorpusManifest } from './generateCorpus';

// ---------------------------------------------------------------------------
// Options and environment

export interface BenchOptions {
  sizes: number[];
  seed: number;
  runs: number;
  warmup: number;
  out: string;
  peerMaxSize: number;
  akcheck: boolean;
  server: boolean;
  peers: boolean;
  prepareOnly: boolean;
}

function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    sizes: [1000, 10000, 100000],
    seed: 1,
    runs: 5,
    warmup: 1,
    out: 'BENCHMARKS.md',
    peerMaxSize: 10000,
    akcheck: true,
    server: true,
    peers: true,
    prepareOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = argv[i].split('=', 2) as [string, string | undefined];
    const take = (): string => {
      if (value === undefined) value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      return value;
    };
    switch (flag) {
      case '--sizes':
        o.sizes = take().split(',').map((s) => parseSize(s));
        break;
      case '--seed':
        o.seed = Number(take());
        break;
      case '--runs':
        o.runs = Math.max(1, Number(take()));
        break;
      case '--warmup':
        o.warmup = Math.max(0, Number(take()));
        break;
      case '--out':
        o.out = take();
        break;
      case '--peer-max-size':
        o.peerMaxSize = parseSize(take());
        break;
      case '--no-akcheck':
        o.akcheck = false;
        break;
      case '--no-server':
        o.server = false;
        break;
      case '--no-peers':
        o.peers = false;
        break;
      case '--prepare-only':
        o.prepareOnly = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return o;
}

/** "10k" -> 10000 */
function parseSize(s: string): number {
  const m = /^(\d+)(k?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

function sizeLabel(n: number): string {
  return n % 1000 === 0 && n > 0 ? `${n / 1000}k` : String(n);
}

/** the project root: the nearest folder upwards from cwd with package.json and bench/ */
function findProjectRoot(): string {
  if (process.env.AK_PROJECT_ROOT) return path.resolve(process.env.AK_PROJECT_ROOT);
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bench'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

const notes: string[] = [];
function note(s: string): void {
  notes.push(s);
  process.stdout.write(`note: ${s}\n`);
}

// ---------------------------------------------------------------------------
// Corpora

export interface CorpusInfo {
  name: string;
  root: string;
  documents: number | null;
  files: number;
  bytes: number;
  diskBytes: number | null;
  /** seconds to generate now; null when reused or not generated */
  generatedSeconds: number | null;
  defects: number | null;
}

interface Marker {
  generatorVersion: number;
  seed: number;
  documents: number;
}
const MARKER_FILE = '.bench-marker.json';

function countMarkdown(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  walk(path.join(dir, 'docs'));
  return { files, bytes };
}

function diskUsage(dir: string): number | null {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  const kb = r.status === 0 ? Number(r.stdout.split(/\s/)[0]) : NaN;
  return Number.isFinite(kb) ? kb * 1024 : null;
}

/**
 * bench/corpora/<size>-s<seed>: reused when its marker names the same
 * generator version, seed and size (and the generator's manifest is there),
 * otherwise generated anew.
 */
export function prepareCorpus(projectRoot: string, documents: number, seed: number): CorpusInfo {
  const name = `${sizeLabel(documents)}-s${seed}`;
  const root = path.join(projectRoot, 'bench', 'corpora', name);
  const want: Marker = { generatorVersion: GENERATOR_VERSION, seed, documents };
  let generatedSeconds: number | null = null;
  let have: Marker | undefined;
  try {
    have = JSON.parse(fs.readFileSync(path.join(root, MARKER_FILE), 'utf8')) as Marker;
  } catch {
    have = undefined;
  }
  const reusable = have !== undefined && JSON.stringify(have) === JSON.stringify(want) && fs.existsSync(path.join(root, MANIFEST_FILE));
  if (reusable) {
    process.stdout.write(`corpus ${name}: reused\n`);
  } else {
    process.stdout.write(`corpus ${name}: generating ${documents} documents ...\n`);
    fs.rmSync(path.join(root, MARKER_FILE), { force: true });
    const t0 = process.hrtime.bigint();
    generateCorpus(root, documents, seed);
    generatedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.writeFileSync(path.join(root, MARKER_FILE), JSON.stringify(want) + '\n');
    process.stdout.write(`corpus ${name}: generated in ${generatedSeconds.toFixed(2)} s\n`);
  }
  const m = readCorpusManifest(root);
  return {
    name,
    root,
    documents,
    files: m?.files ?? countMarkdown(root).files,
    bytes: m?.bytes ?? countMarkdown(root).bytes,
    diskBytes: diskUsage(root),
    generatedSeconds,
    defects: m?.defects.length ?? null,
  };
}

function realCorpus(projectRoot: string): CorpusInfo | undefined {
  const root = path.resolve(process.env.AK_REAL_CORPUS ?? path.join(projectRoot, '..', 'shared', 'corpora', 'algoritmekader'));
  if (!fs.existsSync(path.join(root, 'docs'))) {
    note(`real corpus not found at ${root} (set AK_REAL_CORPUS)`);
    return undefined;
  }
  const { files, bytes } = countMarkdown(root);
  return { name: 'real', root, documents: null, files, bytes, diskBytes: diskUsage(root), generatedSeconds: null, defects: null };
}

// ---------------------------------------------------------------------------
// Measuring a command

export interface Sample {
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
  peakRssMedianMb: number | null;
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
function hasGnuTime(): boolean {
  if (timeAvailable === undefined) {
    timeAvailable = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%e %U %S %M', 'true'], { stdio: 'ignore' }).status === 0;
    if (!timeAvailable) note(`${TIME_BIN} (GNU time) not found: wall time only. Install it with \`apt-get install -y time\`.`);
  }
  return timeAvailable;
}

let scratchDir: string | undefined;
/** a temporary folder for the outputs of measured runs, made on first use */
function scratch(): string {
  if (scratchDir === undefined) scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akbench-'));
  return scratchDir;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runOnce(spec: MeasureSpec, stdoutFile: string, stderrFile: string): Sample {
  const useTime = hasGnuTime();
  const timeFile = path.join(scratch(), 'time.txt');
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const options: SpawnSyncOptions = { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', out, err], maxBuffer: 1 << 20 };
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME_BIN, ['-f', '%e %U %S %M', '-o', timeFile, spec.cmd, ...spec.args], options)
    : spawnSync(spec.cmd, spec.args, options);
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
  const base = path.join(scratch(), `${spec.tool}-${spec.corpus.name}`.replace(/[^\w.-]+/g, '_'));
  const stdoutFile = `${base}.out`;
  const stderrFile = `${base}.err`;
  process.stdout.write(`measure ${spec.tool} on ${spec.corpus.name}: ${spec.warmup} warm-up + ${spec.runs} runs ...`);
  for (let i = 0; i < spec.warmup; i++) runOnce(spec, stdoutFile, stderrFile);
  const samples: Sample[] = [];
  for (let i = 0; i < spec.runs; i++) samples.push(runOnce(spec, stdoutFile, stderrFile));
  const walls = samples.map((s) => s.wallS);
  const cpu = samples.every((s) => s.userS !== null) ? median(samples.map((s) => s.userS! + s.sysS!)) : null;
  const rss = samples.every((s) => s.maxRssKb !== null) ? median(samples.map((s) => s.maxRssKb!)) / 1024 : null;
  const exitCodes = [...new Set(samples.map((s) => s.exitCode ?? -1))];
  const m: Measurement = {
    tool: spec.tool,
    corpus: spec.corpus.name,
    files: spec.corpus.files,
    runs: spec.runs,
    warmup: spec.warmup,
    wallMedianS: median(walls),
    wallMinS: Math.min(...walls),
    wallMaxS: Math.max(...walls),
    cpuMedianS: cpu,
    peakRssMedianMb: rss,
    exitCodes,
    stdoutFile,
    stderrFile,
  };
  const bad = exitCodes.filter((c) => !spec.okExitCodes.includes(c));
  if (bad.length) {
    const head = fs.readFileSync(stderrFile, 'utf8').split('\n').slice(0, 5).join(' | ');
    m.problem = `unexpected exit ${bad.join(',')}: ${head}`;
    note(`${spec.tool} on ${spec.corpus.name}: ${m.problem}`);
  }
  process.stdout.write(` median ${m.wallMedianS.toFixed(2)} s\n`);
  return m;
}

/** fewer runs on big corpora for slow tools */
function runsFor(o: BenchOptions, files: number, slow: boolean): { runs: number; warmup: number } {
  if (!slow || files <= 2000) return { runs: o.runs, warmup: o.warmup };
  if (files <= 20000) return { runs: Math.min(o.runs, 3), warmup: 0 };
  return { runs: 1, warmup: 0 };
}

// ---------------------------------------------------------------------------
// akcheck and the language server

/**
 * TODO(akcheck): plug-in point for the checker. Measures
 * `node dist/akcheck.js ROOT --format json` (exit 1 = findings with errors,
 * which is normal) once dist/akcheck.js exists. Still to do here:
 *  - parse the JSON of the last run (bench output file) and report the number
 *    of findings per code;
 *  - compare the findings with the injected defects of the synthetic corpus
 *    (generated-corpus.json `defects`: file, line, code) and report recall;
 *  - maybe a second scenario: a warm incremental run / `--fix` on a copy.
 */
export function measureAkcheck(projectRoot: string, corpora: CorpusInfo[], o: BenchOptions): Measurement[] {
  const bin = path.join(projectRoot, 'dist', 'akcheck.js');
  if (!fs.existsSync(bin)) {
    note('akcheck: dist/akcheck.js is not built yet (npm run build): skipped');
    return [];
  }
  return corpora.map((c) =>
    measureCommand({
      tool: 'akcheck',
      corpus: c,
      cmd: process.execPath,
      args: [bin, c.root, '--format', 'json'],
      ...runsFor(o, c.files, false),
      okExitCodes: [0, 1],
    }),
  );
}

/**
 * TODO(server): plug-in point for the language server (dist/server.js).
 * Planned measurements, per corpus:
 *  - start-up: spawn `node dist/server.js --stdio`, send `initialize` with the
 *    corpus root as workspace folder and `initialized`; time until the index
 *    is built (first `publishDiagnostics`, or a progress `end` if the server
 *    reports one);
 *  - edit latency: `didOpen` a maatregel, then N `didChange` edits of a
 *    `vereiste:` item; median time from change to its `publishDiagnostics`;
 *  - completion latency on a `vereiste:` item (`textDocument/completion`);
 *  - memory: peak RSS of the server process from /proc/<pid>/status (VmHWM),
 *    since /usr/bin/time does not fit a long-running child.
 * Returns rows in the same Measurement shape so that the report stays one table.
 */
export function measureServer(projectRoot: string, _corpora: CorpusInfo[], _o: BenchOptions): Measurement[] {
  const bin = path.join(projectRoot, 'dist', 'server.js');
  note(fs.existsSync(bin) ? 'server: measurements not implemented yet (TODO in bench/run.ts)' : 'server: dist/server.js is not built yet: skipped');
  return [];
}

// ---------------------------------------------------------------------------
// Peers

const MARKDOWNLINT_PREFIX = path.join(os.homedir(), '.cache', 'algoritmekader-bench', 'markdownlint');

/** markdownlint-cli2, installed on demand outside the project (not a dependency) */
function ensureMarkdownlint(): { bin: string; version: string } | undefined {
  const bin = path.join(MARKDOWNLINT_PREFIX, 'node_modules', '.bin', 'markdownlint-cli2');
  if (!fs.existsSync(bin)) {
    process.stdout.write(`installing markdownlint-cli2 into ${MARKDOWNLINT_PREFIX} ...\n`);
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
  return scripts;
}

export function measurePeers(corpora: CorpusInfo[], o: BenchOptions): Measurement[] {
  const out: Measurement[] = [];
  const eligible = corpora.filter((c) => c.documents === null || c.documents <= o.peerMaxSize);
  for (const c of corpora) if (!eligible.includes(c)) note(`peers skipped on ${c.name} (larger than --peer-max-size ${o.peerMaxSize})`);
  const mdl = ensureMarkdownlint();
  if (mdl) {
    for (const c of eligible) {
      out.push(
        measureCommand({
          tool: `markdownlint-cli2 ${mdl.version}`,
          corpus: c,
          cmd: mdl.bin,
          args: ['docs/**/*.md'],
          cwd: c.root,
          ...runsFor(o, c.files, true),
          okExitCodes: [0, 1],
        }),
      );
    }
  }
  const scripts = upstreamValidators();
  if (scripts) {
    const sh = 's=0; for f in "$@"; do python3 "$f" || s=1; done; exit $s';
    for (const c of eligible) {
      out.push(
        measureCommand({
          tool: `upstream validators (${scripts.length} py)`,
          corpus: c,
          cmd: 'sh',
          args: ['-c', sh, 'sh', ...scripts],
          cwd: c.root,
          ...runsFor(o, c.files, true),
          okExitCodes: [0, 1],
        }),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Report

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  gnuTime: boolean;
}

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    gnuTime: hasGnuTime(),
  };
}

const fmt = (x: number | null, digits = 2): string => (x === null ? 'n/a' : x.toFixed(digits));
const mib = (b: number | null): string => (b === null ? 'n/a' : (b / 1048576).toFixed(1));

export function writeReport(file: string, machine: MachineInfo, corpora: CorpusInfo[], rows: Measurement[], extraNotes: string[]): void {
  const L: string[] = [];
  L.push('# Benchmarks', '');
  L.push(`Measured by \`bench/run.ts\` on ${machine.date.slice(0, 10)} (${machine.date}). See \`bench/README.md\` for what is measured and how to re-run.`, '');
  L.push('## Machine', '');
  L.push('| CPU | cores | memory | Node | OS | CPU/RSS via |', '|---|---|---|---|---|---|');
  L.push(`| ${machine.cpu} | ${machine.cores} | ${machine.memoryGiB.toFixed(1)} GiB | ${machine.node} | ${machine.os} | ${machine.gnuTime ? 'GNU time' : 'n/a (wall only)'} |`, '');
  L.push('## Corpora', '');
  L.push('| corpus | documents | .md files | Markdown (MiB) | on disk (MiB) | generated in (s) | injected defects |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const c of corpora) {
    L.push(`| ${c.name} | ${c.documents ?? '-'} | ${c.files} | ${mib(c.bytes)} | ${mib(c.diskBytes)} | ${c.generatedSeconds === null ? (c.documents === null ? '-' : 'reused') : fmt(c.generatedSeconds)} | ${c.defects ?? '-'} |`);
  }
  L.push('');
  L.push('## Results', '');
  L.push('Wall time is the median of the measured runs (after warm-up runs with a warm file cache); CPU is user+sys of the process and its children; peak RSS is the largest resident set of one process.', '');
  L.push('| tool | corpus | files | runs | median wall (s) | min–max wall (s) | user+sys CPU (s) | peak RSS (MiB) | exit |', '|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    L.push(`| ${r.tool} | ${r.corpus} | ${r.files} | ${r.runs}+${r.warmup} | ${fmt(r.wallMedianS)} | ${fmt(r.wallMinS)}–${fmt(r.wallMaxS)} | ${fmt(r.cpuMedianS)} | ${fmt(r.peakRssMedianMb, 0)} | ${r.exitCodes.join(',')}${r.problem ? ' (!)' : ''} |`);
  }
  if (rows.length === 0) L.push('| (nothing measured) | | | | | | | | |');
  L.push('');
  if (extraNotes.length) {
    L.push('## Notes', '');
    for (const n of extraNotes) L.push(`- ${n}`);
    L.push('');
  }
  fs.writeFileSync(file, L.join('\n'));
}

// ---------------------------------------------------------------------------

export function runBenchmarks(argv: string[]): void {
  const o = parseArgs(argv);
  const projectRoot = findProjectRoot();
  const corpora: CorpusInfo[] = [];
  const real = realCorpus(projectRoot);
  if (real) corpora.push(real);
  for (const n of o.sizes) corpora.push(prepareCorpus(projectRoot, n, o.seed));
  if (o.prepareOnly) {
    for (const c of corpora) {
      process.stdout.write(`${c.name}: ${c.files} files, ${mib(c.bytes)} MiB Markdown, ${mib(c.diskBytes)} MiB on disk, ${c.root}\n`);
    }
    return;
  }
  const rows: Measurement[] = [];
  if (o.akcheck) rows.push(...measureAkcheck(projectRoot, corpora, o));
  if (o.server) rows.push(...measureServer(projectRoot, corpora, o));
  if (o.peers) rows.push(...measurePeers(corpora, o));
  const file = path.resolve(projectRoot, o.out);
  writeReport(file, machineInfo(), corpora, rows, notes);
  process.stdout.write(`wrote ${file}\n`);
  if (scratchDir !== undefined) fs.rmSync(scratchDir, { recursive: true, force: true });
}

// Entry only when this file is the bundle's entry (see the note at the end of generateCorpus.ts).
if (typeof require !== 'undefined' && require.main === module && (module.exports as { runBenchmarks?: unknown }).runBenchmarks === runBenchmarks) {
  try {
    runBenchmarks(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

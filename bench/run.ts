/**
 * Benchmark harness: prepares synthetic corpora, measures akcheck (cold and
 * warm parse cache), its peers (markdownlint-cli2, the upstream Python
 * validators) and the language server (start-up, memory, request and edit
 * latency), judges the targets and writes BENCHMARKS.md at the project root.
 * See bench/README.md.
 *
 *   npx esbuild bench/run.ts --bundle --platform=node --packages=external --outfile=out/bench.js
 *   node out/bench.js [options]          (from the project root; `npm run bench -- [options]`)
 *
 * Options:
 *   --sizes 1k,10k,100k         synthetic corpus sizes (documents) for akcheck
 *   --server-sizes 10k,100k     synthetic corpus sizes for the language server (the real corpus is always measured)
 *   --seed 1                    generator seed
 *   --runs 5 --warmup 1         measured runs (median reported) after warm-up runs
 *   --out BENCHMARKS.md         report file, relative to the project root
 *   --peer-max-size 0           also run the peers on synthetic corpora up to this size (0: real corpus only)
 *   --requests 200 --edits 100  language-server request and edit counts per scenario
 *   --server-timeout 600        seconds a server start-up may take before it is given up
 *   --no-akcheck --no-server --no-peers
 *   --prepare-only              only generate (or reuse) the corpora
 *
 * Environment: AK_REAL_CORPUS (default ../shared/corpora/algoritmekader),
 * AK_UPSTREAM_SCRIPTS (folder with the upstream validate_*.py scripts).
 */
import { spawn, spawnSync, SpawnSyncOptions, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { generateCorpus, GENERATOR_VERSION, MANIFEST_FILE, readCorpusManifest, type InjectedDefect } from './generateCorpus';

// ---------------------------------------------------------------------------
// Options and environment

export interface BenchOptions {
  sizes: number[];
  serverSizes: number[];
  seed: number;
  runs: number;
  warmup: number;
  out: string;
  peerMaxSize: number;
  requests: number;
  edits: number;
  serverTimeoutS: number;
  akcheck: boolean;
  server: boolean;
  peers: boolean;
  prepareOnly: boolean;
}

function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    sizes: [1000, 10000, 100000],
    serverSizes: [10000, 100000],
    seed: 1,
    runs: 5,
    warmup: 1,
    out: 'BENCHMARKS.md',
    peerMaxSize: 0,
    requests: 200,
    edits: 100,
    serverTimeoutS: 600,
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
    const sizes = (s: string) => (s.trim() === '' ? [] : s.split(',').map((x) => parseSize(x)));
    switch (flag) {
      case '--sizes':
        o.sizes = sizes(take());
        break;
      case '--server-sizes':
        o.serverSizes = sizes(take());
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
      case '--requests':
        o.requests = Math.max(1, Number(take()));
        break;
      case '--edits':
        o.edits = Math.max(2, Number(take()));
        break;
      case '--server-timeout':
        o.serverTimeoutS = Math.max(1, Number(take()));
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

function log(s: string): void {
  process.stdout.write(`${s}\n`);
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
  defects: InjectedDefect[] | null;
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
      else if (e.name.toLowerCase().endsWith('.md')) {
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
    log(`corpus ${name}: reused`);
  } else {
    log(`corpus ${name}: generating ${documents} documents ...`);
    fs.rmSync(path.join(root, MARKER_FILE), { force: true });
    const t0 = process.hrtime.bigint();
    generateCorpus(root, documents, seed);
    generatedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.writeFileSync(path.join(root, MARKER_FILE), JSON.stringify(want) + '\n');
    log(`corpus ${name}: generated in ${generatedSeconds.toFixed(2)} s`);
  }
  const m = readCorpusManifest(root);
  const counted = countMarkdown(root);
  if (m && m.files !== counted.files) note(`corpus ${name}: the manifest names ${m.files} files, docs/ holds ${counted.files} .md files`);
  return {
    name,
    root,
    documents,
    files: counted.files,
    bytes: counted.bytes,
    diskBytes: diskUsage(root),
    generatedSeconds,
    defects: m?.defects ?? null,
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
function hasGnuTime(): boolean {
  if (timeAvailable === undefined) {
    timeAvailable = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%e %U %S %M', 'true'], { stdio: 'ignore' }).status === 0;
    if (!timeAvailable) note(`${TIME_BIN} (GNU time) not found: wall time only. Install it with \`apt-get install -y time\`.`);
  }
  return timeAvailable;
}

let scratchDir: string | undefined;
/** a temporary folder for the outputs of measured runs and the bench-private caches, made on first use */
function scratch(): string {
  if (scratchDir === undefined) scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akbench-'));
  return scratchDir;
}

/** a new, empty folder below the scratch folder */
function freshDir(name: string): string {
  const dir = path.join(scratch(), name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function median(xs: number[]): number {
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
  const haveRss = samples.every((s) => s.maxRssKb !== null);
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
    peakRssMedianMb: haveRss ? median(samples.map((s) => s.maxRssKb!)) / 1024 : null,
    peakRssMaxMb: haveRss ? Math.max(...samples.map((s) => s.maxRssKb!)) / 1024 : null,
    exitCodes: [...new Set(samples.map((s) => s.exitCode ?? -1))],
    stdoutFile,
    stderrFile,
  };
  const bad = m.exitCodes.filter((c) => !spec.okExitCodes.includes(c));
  if (bad.length) {
    const head = fs.readFileSync(stderrFile, 'utf8').split('\n').slice(0, 5).join(' | ');
    m.problem = `unexpected exit ${bad.join(',')}: ${head}`;
    note(`${spec.tool} on ${spec.corpus.name}: ${m.problem}`);
  }
  log(` median ${m.wallMedianS.toFixed(3)} s`);
  return m;
}

/** fewer runs on big corpora for slow tools (and for everything at 100k) */
function runsFor(o: BenchOptions, files: number, slow: boolean): { runs: number; warmup: number } {
  if (files > 20000) return { runs: Math.min(o.runs, slow ? 1 : 3), warmup: 0 };
  if (!slow || files <= 2000) return { runs: o.runs, warmup: o.warmup };
  return { runs: Math.min(o.runs, 3), warmup: 0 };
}

// ---------------------------------------------------------------------------
// akcheck

export type CacheMode = 'cold' | 'warm';

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

// ---------------------------------------------------------------------------
// Language server

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(xs: number[]): Stats | null {
  if (xs.length === 0) return null;
  return { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) };
}

export interface StartupResult {
  cache: CacheMode;
  /** spawn to the last of the first publications for every file; null when timed out */
  spawnToAllS: number | null;
  /** the `initialize` response to the same moment (the server's own start-up left out) */
  initToAllS: number | null;
  /** spawn to the `initialize` response */
  spawnToInitS: number | null;
  /** files with diagnostics published (at the end or at the timeout) / .md files under docs/ */
  published: number;
  expected: number;
  /** VmRSS and VmHWM of the server (MiB) right when every file had its diagnostics */
  rssMb: number | null;
  hwmMb: number | null;
}

export interface ServerRow {
  corpus: CorpusInfo;
  cold: StartupResult | null;
  warm: StartupResult[];
  completionOnderwerp: Stats | null;
  completionVereiste: Stats | null;
  hoverVereiste: Stats | null;
  hoverDirective: Stats | null;
  edits: Stats | null;
  editsPaced: Stats | null;
  /** after the latency scenarios */
  rssAfterMb: number | null;
  hwmAfterMb: number | null;
  details: string[];
  problem?: string;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6; // ms

function procStatus(pid: number | undefined): { rssMb: number | null; hwmMb: number | null } {
  if (pid === undefined) return { rssMb: null, hwmMb: null };
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { rssMb: kb('VmRSS'), hwmMb: kb('VmHWM') };
  } catch {
    return { rssMb: null, hwmMb: null };
  }
}

interface Diag {
  code?: string | number;
  range: { start: { line: number; character: number } };
}

interface Waiter {
  predicate: (diagnostics: Diag[]) => boolean;
  resolve: (t: number) => void;
}

/** A language server process and a minimal LSP client for it. */
class ServerSession {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly spawnedAt: number;
  initDoneAt = 0;
  /** URIs with at least one publication */
  readonly seen = new Set<string>();
  allAt: number | undefined;
  memAtAll: { rssMb: number | null; hwmMb: number | null } = { rssMb: null, hwmMb: null };
  private onAll: (() => void) | undefined;
  private readonly waiters = new Map<string, Waiter[]>();
  stderr = '';
  exited = false;

  constructor(
    serverBin: string,
    readonly expected: number,
    env: NodeJS.ProcessEnv,
  ) {
    this.spawnedAt = now();
    this.child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.on('exit', () => (this.exited = true));
    this.child.stderr!.on('data', (chunk) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diag[] }) => {
      const t = now();
      if (!this.seen.has(params.uri)) {
        this.seen.add(params.uri);
        if (this.seen.size >= this.expected && this.allAt === undefined) {
          this.allAt = t;
          this.memAtAll = procStatus(this.child.pid);
          this.onAll?.();
        }
      }
      const waiting = this.waiters.get(params.uri);
      if (!waiting) return;
      for (const w of [...waiting]) {
        if (!w.predicate(params.diagnostics)) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(t);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(root: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: path.basename(root) }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.initDoneAt = now();
    await this.connection.sendNotification('initialized', {});
  }

  /** resolves true once every file has had diagnostics published, false at the timeout */
  allPublished(timeoutMs: number): Promise<boolean> {
    if (this.allAt !== undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onAll = undefined;
        resolve(false);
      }, timeoutMs);
      this.onAll = () => {
        clearTimeout(timer);
        this.onAll = undefined;
        resolve(true);
      };
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve(this.allAt !== undefined);
      });
    });
  }

  /** the arrival time (ms) of the next publication for `uri` that satisfies `predicate` */
  nextDiagnostics(uri: string, predicate: (diagnostics: Diag[]) => boolean, timeoutMs = 10000): Promise<number> {
    return new Promise((resolve, reject) => {
      let list = this.waiters.get(uri);
      if (!list) this.waiters.set(uri, (list = []));
      const waiter: Waiter = {
        predicate,
        resolve: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
      };
      const timer = setTimeout(() => {
        list!.splice(list!.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      list.push(waiter);
    });
  }

  startup(cache: CacheMode): StartupResult {
    const all = this.allAt;
    return {
      cache,
      spawnToAllS: all === undefined ? null : (all - this.spawnedAt) / 1000,
      initToAllS: all === undefined || !this.initDoneAt ? null : (all - this.initDoneAt) / 1000,
      spawnToInitS: this.initDoneAt ? (this.initDoneAt - this.spawnedAt) / 1000 : null,
      published: this.seen.size,
      expected: this.expected,
      ...(all === undefined ? procStatus(this.child.pid) : this.memAtAll),
    };
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the server may be gone already
      }
      await new Promise<void>((resolve) => {
        if (this.exited) return resolve();
        const timer = setTimeout(() => {
          if (!this.exited) this.child.kill('SIGKILL');
          resolve();
        }, 3000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }
}

interface Position {
  line: number;
  character: number;
}

/** the frontmatter lines of a file: [1, close) or undefined */
function frontmatterRange(lines: string[]): [number, number] | undefined {
  if (lines[0] !== '---') return undefined;
  const close = lines.indexOf('---', 1);
  return close > 0 ? [1, close] : undefined;
}

/** line indices of the `- item` lines of a block list `key:` in the frontmatter */
function listItemLines(lines: string[], key: string): number[] {
  const fm = frontmatterRange(lines);
  if (!fm) return [];
  const start = lines.findIndex((l, i) => i >= fm[0] && i < fm[1] && l.trimEnd() === `${key}:`);
  if (start < 0) return [];
  const items: number[] = [];
  for (let i = start + 1; i < fm[1] && /^\s*-\s+\S/.test(lines[i]); i++) items.push(i);
  return items;
}

function mdFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** plain LF text without a BOM, or undefined */
function plainText(file: string): string | undefined {
  const text = fs.readFileSync(file, 'utf8');
  return text.includes('\r') || text.startsWith('\ufeff') ? undefined : text;
}

interface Scenario {
  maatregel: { uri: string; text: string; onderwerpItem: Position; onderwerpValueEnd: Position; vereisteItem: Position; aiaItem: Position };
  vereiste: { uri: string; text: string; directiveSlug: Position };
  names: string[];
}

/**
 * A maatregel with `vereiste:` and `onderwerp:` block lists (opened with a
 * `- aia-0` item added under `vereiste:`) and a vereiste with a
 * `list_maatregelen vereiste/...` directive.
 */
function findScenario(root: string): Scenario | undefined {
  const base = path.join(root, 'docs', 'voldoen-aan-wetten-en-regels');
  let maatregel: Scenario['maatregel'] | undefined;
  let maatregelName = '';
  for (const file of mdFiles(path.join(base, 'maatregelen'))) {
    const text = plainText(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const vereisten = listItemLines(lines, 'vereiste');
    if (vereisten.length === 0 || listItemLines(lines, 'onderwerp').length === 0) continue;
    const last = vereisten[vereisten.length - 1];
    const indent = /^(\s*)-/.exec(lines[last])![1];
    lines.splice(last + 1, 0, `${indent}- aia-0`);
    const onderwerp = listItemLines(lines, 'onderwerp');
    const firstVereiste = listItemLines(lines, 'vereiste')[0];
    const valueAt = (line: number) => /^\s*-\s+/.exec(lines[line])![0].length;
    const onderwerpLine = lines[onderwerp[0]];
    if (/\s$/.test(onderwerpLine)) continue;
    maatregel = {
      uri: pathToFileURL(file).toString(),
      text: lines.join('\n'),
      onderwerpItem: { line: onderwerp[0], character: onderwerpLine.length },
      onderwerpValueEnd: { line: onderwerp[0], character: onderwerpLine.length },
      vereisteItem: { line: firstVereiste, character: valueAt(firstVereiste) + 2 },
      aiaItem: { line: last + 1, character: lines[last + 1].length },
    };
    maatregelName = path.relative(root, file);
    break;
  }
  let vereiste: Scenario['vereiste'] | undefined;
  let vereisteName = '';
  for (const file of mdFiles(path.join(base, 'vereisten'))) {
    const text = plainText(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('<!-- list_maatregelen vereiste/'));
    if (line < 0) continue;
    vereiste = { uri: pathToFileURL(file).toString(), text, directiveSlug: { line, character: lines[line].indexOf('vereiste/') + 'vereiste/'.length + 2 } };
    vereisteName = path.relative(root, file);
    break;
  }
  return maatregel && vereiste ? { maatregel, vereiste, names: [maatregelName, vereisteName] } : undefined;
}

const isUnknownValue = (line: number) => (d: Diag) => d.code === 'AK020' && d.range.start.line === line;

async function timeRequests(session: ServerSession, method: string, params: unknown, count: number, warmup: number): Promise<{ ms: number[]; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = await session.connection.sendRequest(method, params);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    last = await session.connection.sendRequest(method, params);
    ms.push(now() - t0);
  }
  return { ms, last };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** didChange (append `x` to an onderwerp value / delete it again) to the matching publishDiagnostics of that URI */
async function timeEdits(session: ServerSession, s: Scenario, version: { v: number }, count: number, gapMs: number): Promise<number[]> {
  const { uri } = s.maatregel;
  const at = s.maatregel.onderwerpValueEnd;
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const misspell = i % 2 === 0;
    const change = misspell
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const wait = session.nextDiagnostics(uri, (ds) => (misspell ? ds.some(isUnknownValue(at.line)) : !ds.some(isUnknownValue(at.line))));
    const t0 = now();
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version.v }, contentChanges: [change] });
    ms.push((await wait) - t0);
    if (gapMs) await sleep(gapMs);
  }
  // end restored
  if (count % 2 === 1) {
    const wait = session.nextDiagnostics(uri, (ds) => !ds.some(isUnknownValue(at.line)));
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version.v },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }],
    });
    await wait;
  }
  return ms;
}

function itemCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const items = (result as { items?: unknown[] } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

async function latencyScenarios(session: ServerSession, row: ServerRow, o: BenchOptions): Promise<void> {
  const s = findScenario(row.corpus.root);
  if (!s) {
    row.details.push('no maatregel with vereiste: and onderwerp: lists, or no vereiste with a list_maatregelen directive: latency not measured');
    return;
  }
  row.details.push(`latency on ${s.names.join(' and ')}`);
  const version = { v: 1 };
  const opened = Promise.all([
    session.nextDiagnostics(s.maatregel.uri, (ds) => ds.some((d) => d.code === 'AK040' && d.range.start.line === s.maatregel.aiaItem.line)),
    session.nextDiagnostics(s.vereiste.uri, () => true),
  ]);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: s.maatregel.uri, languageId: 'markdown', version: 1, text: s.maatregel.text } });
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: s.vereiste.uri, languageId: 'markdown', version: 1, text: s.vereiste.text } });
  await opened;
  const warm = 10;
  const td = (uri: string) => ({ uri });
  const c1 = await timeRequests(session, 'textDocument/completion', { textDocument: td(s.maatregel.uri), position: s.maatregel.onderwerpItem }, o.requests, warm);
  const c2 = await timeRequests(session, 'textDocument/completion', { textDocument: td(s.maatregel.uri), position: s.maatregel.aiaItem, context: { triggerKind: 1 } }, o.requests, warm);
  const h1 = await timeRequests(session, 'textDocument/hover', { textDocument: td(s.maatregel.uri), position: s.maatregel.vereisteItem }, o.requests, warm);
  const h2 = await timeRequests(session, 'textDocument/hover', { textDocument: td(s.vereiste.uri), position: s.vereiste.directiveSlug }, o.requests, warm);
  row.completionOnderwerp = stats(c1.ms);
  row.completionVereiste = stats(c2.ms);
  row.hoverVereiste = stats(h1.ms);
  row.hoverDirective = stats(h2.ms);
  row.details.push(
    `completion items: onderwerp ${itemCount(c1.last)}, \`- aia-0\` ${itemCount(c2.last)}; hover: vereiste item ${h1.last ? 'yes' : 'EMPTY'}, directive slug ${h2.last ? 'yes' : 'EMPTY'}`,
  );
  if (itemCount(c1.last) === 0 || itemCount(c2.last) === 0 || !h1.last || !h2.last) note(`server on ${row.corpus.name}: a completion or hover answered nothing (see details)`);
  await timeEdits(session, s, version, 4, 0); // warm-up
  row.edits = stats(await timeEdits(session, s, version, o.edits, 0));
  // at typing pace, so the dependents of the edited document (re-checked 150 ms after the last edit) run between edits
  row.editsPaced = stats(await timeEdits(session, s, version, Math.max(2, Math.round(o.edits / 5)), 250));
}

async function startSession(serverBin: string, c: CorpusInfo, cacheDir: string, cache: CacheMode, timeoutMs: number): Promise<{ session: ServerSession; result: StartupResult; complete: boolean }> {
  const session = new ServerSession(serverBin, c.files, { ...process.env, AKCHECK_CACHE_DIR: cacheDir });
  await session.initialize(c.root);
  const complete = await session.allPublished(timeoutMs);
  const result = session.startup(cache);
  log(
    `  server ${cache} start-up on ${c.name}: ${complete ? `${result.spawnToAllS!.toFixed(3)} s to all diagnostics` : `TIMED OUT after ${timeoutMs / 1000} s with ${result.published}/${result.expected} files published`}, RSS ${fmt(result.rssMb, 0)} MiB`,
  );
  return { session, result, complete };
}

/**
 * Per corpus: a cold start-up (empty bench-private cache folder), warm
 * start-ups (the cache the cold start wrote), then, in the last warm session,
 * completion, hover and edit latency.
 */
export async function measureServer(dist: string, corpora: CorpusInfo[], o: BenchOptions): Promise<ServerRow[]> {
  const bin = path.join(dist, 'server.js');
  if (!fs.existsSync(bin)) {
    note('server: dist/server.js is not built (npm run build): skipped');
    return [];
  }
  const rows: ServerRow[] = [];
  for (const c of corpora) {
    log(`measure server on ${c.name} (${c.files} files) ...`);
    const row: ServerRow = {
      corpus: c,
      cold: null,
      warm: [],
      completionOnderwerp: null,
      completionVereiste: null,
      hoverVereiste: null,
      hoverDirective: null,
      edits: null,
      editsPaced: null,
      rssAfterMb: null,
      hwmAfterMb: null,
      details: [],
    };
    rows.push(row);
    const cacheDir = freshDir(`server-cache-${c.name}`);
    const timeoutMs = o.serverTimeoutS * 1000;
    let session: ServerSession | undefined;
    try {
      const cold = await startSession(bin, c, cacheDir, 'cold', timeoutMs);
      row.cold = cold.result;
      await cold.session.stop();
      if (!cold.complete) {
        row.problem = `cold start-up timed out after ${o.serverTimeoutS} s: ${cold.result.published}/${cold.result.expected} files published`;
        note(`server on ${c.name}: ${row.problem}; warm start-up and latency skipped`);
        continue;
      }
      const warmRuns = c.files <= 20000 ? 3 : 1;
      for (let i = 0; i < warmRuns; i++) {
        const warm = await startSession(bin, c, cacheDir, 'warm', timeoutMs);
        row.warm.push(warm.result);
        if (i < warmRuns - 1 || !warm.complete) {
          await warm.session.stop();
          if (!warm.complete) throw new Error(`warm start-up timed out after ${o.serverTimeoutS} s`);
        } else session = warm.session;
      }
      await latencyScenarios(session!, row, o);
      const after = procStatus(session!.child.pid);
      row.rssAfterMb = after.rssMb;
      row.hwmAfterMb = after.hwmMb;
    } catch (e) {
      row.problem = (e as Error).message;
      note(`server on ${c.name}: ${row.problem}${session?.stderr ? `; stderr: ${session.stderr.slice(-300)}` : ''}`);
    } finally {
      await session?.stop();
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Peers

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

// ---------------------------------------------------------------------------
// Targets

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
  note?: string;
}

function judgeTargets(ak: AkcheckRow[], peers: PeerRow[], server: ServerRow[], sizes: number[]): TargetRow[] {
  const T: TargetRow[] = [];
  const akRow = (corpus: string, mode: CacheMode) => ak.find((r) => r.corpus.name === corpus && r.mode === mode);
  const synth = (n: number) => ak.find((r) => r.corpus.documents === n)?.corpus.name;
  const wall = (r: AkcheckRow | undefined) => r?.m.wallMedianS ?? null;
  const ok = (x: number | null, limit: number) => (x === null ? null : x <= limit);
  const both = (corpus: string | undefined, limit: number, label: string) => {
    if (!corpus) return;
    const w = wall(akRow(corpus, 'warm'));
    const c = wall(akRow(corpus, 'cold'));
    if (w === null) return;
    T.push({ target: label, measured: `warm ${fmt(w)} s (cold ${fmt(c)} s)`, met: ok(w, limit), note: `cold ${ok(c, limit) ? 'meets' : 'misses'} it` });
  };
  both('real', 0.2, 'akcheck, real corpus: wall ≤ 0.2 s');
  const realWarm = wall(akRow('real', 'warm'));
  const realCold = wall(akRow('real', 'cold'));
  for (const [kind, factor, label] of [
    ['upstream', 10, 'upstream validators'],
    ['markdownlint', 20, 'markdownlint-cli2'],
  ] as const) {
    const p = peers.find((r) => r.kind === kind && r.corpus.name === 'real');
    if (!p || realWarm === null) {
      T.push({ target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`, measured: 'not measured', met: null });
      continue;
    }
    const sw = p.m.wallMedianS / realWarm;
    const sc = realCold === null ? null : p.m.wallMedianS / realCold;
    T.push({
      target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`,
      measured: `${fmt(sw, 1)}× warm (${fmt(sc, 1)}× cold); ${label} ${fmt(p.m.wallMedianS)} s`,
      met: sw >= factor,
      note: `cold ${sc !== null && sc >= factor ? 'meets' : 'misses'} it`,
    });
  }
  both(synth(10000), 1.5, 'akcheck, 10k documents: wall ≤ 1.5 s');
  both(synth(100000), 15, 'akcheck, 100k documents: wall ≤ 15 s');
  // per-document time flat: each step's per-document time at most 1.2× the previous
  const ordered = [...sizes].sort((a, b) => a - b).filter((n) => synth(n));
  for (let i = 1; i < ordered.length; i++) {
    const a = synth(ordered[i - 1])!;
    const b = synth(ordered[i])!;
    const ratio = (mode: CacheMode) => {
      const ra = akRow(a, mode);
      const rb = akRow(b, mode);
      return ra && rb ? rb.m.wallMedianS / rb.corpus.files / (ra.m.wallMedianS / ra.corpus.files) : null;
    };
    const w = ratio('warm');
    const c = ratio('cold');
    T.push({ target: `akcheck time per document ${a.replace(/-s\d+$/, '')} → ${b.replace(/-s\d+$/, '')}: ≤ 1.2× linear`, measured: `warm ${fmt(w)}× (cold ${fmt(c)}×)`, met: w === null ? null : w <= 1.2, note: `cold ${c !== null && c <= 1.2 ? 'meets' : 'misses'} it` });
  }
  const tenK = synth(10000);
  if (tenK) {
    const w = akRow(tenK, 'warm')?.m.peakRssMaxMb ?? null;
    const c = akRow(tenK, 'cold')?.m.peakRssMaxMb ?? null;
    const worst = w === null || c === null ? null : Math.max(w, c);
    T.push({ target: 'akcheck, 10k documents: peak RSS ≤ 300 MB', measured: `warm ${fmt(w, 0)} MiB, cold ${fmt(c, 0)} MiB (largest of the runs)`, met: worst === null ? null : worst <= 300, note: 'judged on the larger of the two; MB read as MiB' + (worst !== null && worst > 286.1 && worst <= 300 ? ' (at 10^6 bytes it would miss)' : '') });
  }
  const srv = (name: string | undefined) => server.find((r) => r.corpus.name === name);
  for (const [name, limit, label] of [
    ['real', 0.5, 'real corpus'],
    [server.find((r) => r.corpus.documents === 10000)?.corpus.name, 3, '10k documents'],
  ] as const) {
    const r = srv(name);
    if (!r) continue;
    const warm = r.warm.length ? median(r.warm.map((s) => s.spawnToAllS ?? Infinity)) : null;
    const cold = r.cold?.spawnToAllS ?? null;
    T.push({ target: `server, ${label}: start to all diagnostics ≤ ${limit} s`, measured: `warm ${fmt(warm)} s (cold ${fmt(cold)} s)`, met: warm === null ? null : warm <= limit, note: `cold ${cold !== null && cold <= limit ? 'meets' : 'misses'} it; measured from spawn` });
  }
  const latency = (label: string, limit: number, pick: (r: ServerRow) => (Stats | null)[]) => {
    if (server.length === 0) return void T.push({ target: label, measured: 'not measured', met: null });
    const parts: string[] = [];
    let met: boolean | null = true;
    for (const r of server) {
      const ss = pick(r);
      if (ss.some((s) => s === null)) {
        parts.push(`${r.corpus.name} n/a`);
        met = met === false ? false : null;
        continue;
      }
      const p95 = Math.max(...ss.map((s) => s!.p95));
      parts.push(`${r.corpus.name} ${fmt(p95)}`);
      if (p95 > limit) met = false;
    }
    T.push({ target: label, measured: `${parts.join(', ')} ms`, met });
  };
  latency('server: completion p95 ≤ 5 ms at every size', 5, (r) => [r.completionOnderwerp, r.completionVereiste]);
  latency('server: hover p95 ≤ 5 ms at every size', 5, (r) => [r.hoverVereiste, r.hoverDirective]);
  latency('server: edit → republished diagnostics p95 ≤ 20 ms at every size', 20, (r) => [r.edits]);
  return T;
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
  /** 1-minute load average at the start and at the end of the run */
  loadStart: number;
  loadEnd: number;
  /** git HEAD and whether the work tree had changes (read-only look) */
  commit: string;
  /** dist/akcheck.js and dist/server.js: short sha1 at the start, and whether they changed during the run */
  builds: { file: string; hash: string; changed: boolean }[];
}

function fileHash(file: string): string {
  try {
    return createHash('sha1').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  } catch {
    return 'missing';
  }
}

function gitCommit(projectRoot: string): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: projectRoot, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}`;
}

const BUILDS = ['dist/akcheck.js', 'dist/server.js'];

/**
 * Copies the bundles (self-contained) into the scratch folder, so that the whole run measures one
 * build even when someone rebuilds dist/ meanwhile. Returns the folder and the copies' hashes.
 */
function snapshotBuilds(projectRoot: string): { dist: string; hashes: string[] } {
  const dist = path.join(scratch(), 'dist');
  fs.mkdirSync(dist, { recursive: true });
  const hashes = BUILDS.map((file) => {
    const from = path.join(projectRoot, file);
    if (!fs.existsSync(from)) return 'missing';
    const to = path.join(dist, path.basename(file));
    fs.copyFileSync(from, to);
    return fileHash(to);
  });
  return { dist, hashes };
}

function machineInfo(projectRoot: string, loadStart: number, startHashes: string[], commit: string): MachineInfo {
  const cpus = os.cpus();
  const builds = BUILDS.map((file, i) => ({ file, hash: startHashes[i], changed: fileHash(path.join(projectRoot, file)) !== startHashes[i] }));
  for (const b of builds) if (b.changed) note(`${b.file} was rebuilt during the run; the run measured the copy taken at its start (${b.hash})`);
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    gnuTime: hasGnuTime(),
    loadStart,
    loadEnd: os.loadavg()[0],
    commit,
    builds,
  };
}

const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const mib = (b: number | null): string => (b === null ? 'n/a' : (b / 1048576).toFixed(1));
const pp = (s: Stats | null): string => (s === null ? 'n/a' : `${fmt(s.p50)} / ${fmt(s.p95)}`);
const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? '**met**' : '**not met**');

export interface Report {
  machine: MachineInfo;
  corpora: CorpusInfo[];
  argv: string[];
  akcheck: AkcheckRow[];
  startup: Measurement | undefined;
  peers: PeerRow[];
  server: ServerRow[];
  targets: TargetRow[];
  seconds: number;
}

function stepRatio(rows: AkcheckRow[], r: AkcheckRow): number | null {
  if (r.corpus.documents === null) return null;
  const prev = rows
    .filter((x) => x.mode === r.mode && x.corpus.documents !== null && x.corpus.documents < r.corpus.documents!)
    .sort((a, b) => b.corpus.documents! - a.corpus.documents!)[0];
  return prev ? r.m.wallMedianS / r.corpus.files / (prev.m.wallMedianS / prev.corpus.files) : null;
}

const shellQuote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** Hand-written analysis between these markers in an existing report is carried over into the new one. */
const ANALYSIS_START = '<!-- analysis: hand-written, kept when the bench rewrites this file -->';
const ANALYSIS_END = '<!-- /analysis -->';

function keptAnalysis(file: string): string | undefined {
  let old: string;
  try {
    old = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const start = old.indexOf(ANALYSIS_START);
  const end = old.indexOf(ANALYSIS_END, start);
  return start >= 0 && end > start ? old.slice(start, end + ANALYSIS_END.length) : undefined;
}

export function writeReport(file: string, r: Report, extraNotes: string[]): void {
  const analysis = keptAnalysis(file);
  const L: string[] = [];
  const { machine } = r;
  L.push('# Benchmarks', '');
  L.push(
    `Measured by \`bench/run.ts\` on ${machine.date.slice(0, 10)} (${machine.date}, ${Math.round(r.seconds)} s in all). See \`bench/README.md\` for what is measured and how to re-run. ` +
      'The machine is small and may be shared: compare rows of one report, not across reports.',
    '',
  );
  L.push('```sh', 'npm run build', `npm run bench${r.argv.length ? ` -- ${r.argv.map(shellQuote).join(' ')}` : ''}`, '```', '');
  L.push('## Machine', '');
  L.push('| CPU | cores | memory | Node | OS | CPU/RSS via | load (1 min) start → end |', '|---|---|---|---|---|---|---|');
  L.push(
    `| ${machine.cpu} | ${machine.cores} | ${machine.memoryGiB.toFixed(1)} GiB | ${machine.node} | ${machine.os} | ${machine.gnuTime ? 'GNU time' : 'n/a (wall only)'} | ${fmt(machine.loadStart)} → ${fmt(machine.loadEnd)} |`,
    '',
  );
  L.push(`Code: commit ${machine.commit}; ${machine.builds.map((b) => `\`${b.file}\` ${b.hash}${b.changed ? ' (rebuilt during the run)' : ''}`).join(', ')} (copies taken at the start were measured).`, '');

  L.push('## Targets', '');
  L.push('Wall-time targets are judged on the warm parse cache (the normal case for a repeated run); the cold figure is given beside it.', '');
  L.push('| target | measured | verdict | note |', '|---|---|---|---|');
  for (const t of r.targets) L.push(`| ${t.target} | ${t.measured} | ${verdict(t.met)} | ${t.note ?? ''} |`);
  if (r.targets.length === 0) L.push('| (nothing measured) | | | |');
  L.push('');
  if (analysis) L.push(analysis, '');

  L.push('## Corpora', '');
  L.push('| corpus | documents | .md files | Markdown (MiB) | on disk (MiB) | generated in (s) | injected defects |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const c of r.corpora) {
    L.push(
      `| ${c.name} | ${c.documents ?? '-'} | ${c.files} | ${mib(c.bytes)} | ${mib(c.diskBytes)} | ${c.generatedSeconds === null ? (c.documents === null ? '-' : 'reused') : fmt(c.generatedSeconds)} | ${c.defects?.length ?? '-'} |`,
    );
  }
  L.push('');

  if (r.akcheck.length) {
    L.push('## akcheck', '');
    L.push(
      '`node dist/akcheck.js ROOT --format json` as a whole process (exit 1 = findings with errors, normal). ' +
        '**cold**: `--no-cache`. **warm**: `AKCHECK_CACHE_DIR` points at a bench-private folder that an unmeasured first run filled. ' +
        'Wall: median of the measured runs after warm-up runs (file cache warm); CPU: user+sys; RSS: median peak. ' +
        'Step: time per document relative to the next smaller synthetic corpus (1.00 = linear). ' +
        'Defects: injected defects of the generator manifest reported with the same file, line and code.',
      '',
    );
    L.push(
      '| corpus | files | cache | runs | median wall (s) | min–max (s) | user+sys (s) | peak RSS (MiB) | µs / doc | step | findings | defects found | other errors | exit |',
      '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const a of r.akcheck) {
      const m = a.m;
      const step = stepRatio(r.akcheck, a);
      L.push(
        `| ${a.corpus.name} | ${a.corpus.files} | ${a.mode} | ${m.runs}+${m.warmup} | ${fmt(m.wallMedianS, 3)} | ${fmt(m.wallMinS, 3)}–${fmt(m.wallMaxS, 3)} | ${fmt(m.cpuMedianS)} | ${fmt(m.peakRssMedianMb, 0)} | ${fmt((m.wallMedianS / a.corpus.files) * 1e6, 0)} | ${step === null ? '-' : fmt(step)} | ${a.findings ?? 'n/a'} | ${a.recall ? `${a.recall.found}/${a.recall.expected}` : '-'} | ${a.unexpectedErrors ?? '-'} | ${m.exitCodes.join(',')}${m.problem ? ' (!)' : ''} |`,
      );
    }
    if (r.startup) L.push('', `Process start-up alone (\`node dist/akcheck.js --version\`): median ${fmt(r.startup.wallMedianS, 3)} s wall, ${fmt(r.startup.peakRssMedianMb, 0)} MiB.`);
    L.push('');
    const codes = (a: AkcheckRow) =>
      Object.entries(a.byCode)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    L.push('Findings per code (warm run):', '');
    for (const a of r.akcheck.filter((x) => x.mode === 'warm')) {
      L.push(`- ${a.corpus.name}: ${codes(a) || 'none'}${a.sameAsCold === false ? ' — **differs from the cold output**' : a.sameAsCold ? ' (identical to the cold output)' : ''}`);
      if (a.recall && a.recall.missing.length) {
        const shown = a.recall.missing.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.code} (${d.kind})`);
        L.push(`  - missed: ${shown.join('; ')}${a.recall.missing.length > 5 ? `; … ${a.recall.missing.length - 5} more` : ''}`);
      }
    }
    L.push('');
  }

  if (r.peers.length) {
    L.push('## Peers', '');
    L.push('In the same run as the akcheck rows above. Speed-up = peer wall / akcheck wall on the same corpus.', '');
    L.push('| tool | corpus | files | runs | median wall (s) | min–max (s) | user+sys (s) | peak RSS (MiB) | speed-up of akcheck warm | cold | exit |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const p of r.peers) {
      const m = p.m;
      const w = r.akcheck.find((a) => a.corpus.name === p.corpus.name && a.mode === 'warm')?.m.wallMedianS;
      const c = r.akcheck.find((a) => a.corpus.name === p.corpus.name && a.mode === 'cold')?.m.wallMedianS;
      L.push(
        `| ${m.tool} | ${m.corpus} | ${m.files} | ${m.runs}+${m.warmup} | ${fmt(m.wallMedianS, 3)} | ${fmt(m.wallMinS, 3)}–${fmt(m.wallMaxS, 3)} | ${fmt(m.cpuMedianS)} | ${fmt(m.peakRssMedianMb, 0)} | ${w ? `${fmt(m.wallMedianS / w, 1)}×` : 'n/a'} | ${c ? `${fmt(m.wallMedianS / c, 1)}×` : 'n/a'} | ${m.exitCodes.join(',')}${m.problem ? ' (!)' : ''} |`,
      );
    }
    L.push('');
  }

  if (r.server.length) {
    L.push('## Language server', '');
    L.push(
      '`node dist/server.js --stdio`, driven over JSON-RPC by the bench. **Start-up**: from spawn until diagnostics have been published for every `.md` file under `docs/` (in brackets: from the `initialize` response, i.e. without the start-up of the server process); ' +
        '**cold** with an empty bench-private `AKCHECK_CACHE_DIR`, **warm** with the cache the cold start wrote (median of the warm starts). ' +
        '**RSS**: VmRSS / VmHWM of the server process at that moment. ' +
        'Latency columns are p50 / p95 in ms over the measured requests (after 10 warm-up requests), each request awaited before the next: ' +
        'completion at the end of an `onderwerp:` item and of a `- aia-0` item added under `vereiste:` (sent with `didOpen`); hover on a `vereiste:` item and on the slug of `<!-- list_maatregelen vereiste/… -->`; ' +
        'edit: incremental `didChange` that appends `x` to / removes it from an `onderwerp:` value, to the `publishDiagnostics` of that URI with / without AK020 there, the next edit sent at once; ' +
        'paced: the same with 250 ms between edits (the dependents of the document are re-checked 150 ms after an edit).',
      '',
    );
    L.push(
      '| corpus | files | cold start (s) | warm start (s) | RSS after indexing (MiB) | peak RSS (MiB) | completion onderwerp | completion `- aia-0` | hover vereiste | hover directive | edit → diagnostics | edit, paced | RSS at end (MiB) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const s of r.server) {
      const start = (x: StartupResult | null | undefined) =>
        !x ? 'n/a' : x.spawnToAllS === null ? `timeout (${x.published}/${x.expected})` : `${fmt(x.spawnToAllS)} (${fmt(x.initToAllS)})`;
      const warmMedian = s.warm.length ? [...s.warm].sort((a, b) => (a.spawnToAllS ?? Infinity) - (b.spawnToAllS ?? Infinity))[(s.warm.length - 1) >> 1] : null;
      const memRow = warmMedian ?? s.cold;
      L.push(
        `| ${s.corpus.name} | ${s.corpus.files} | ${start(s.cold)} | ${start(warmMedian)}${s.warm.length > 1 ? ` [${s.warm.length}]` : ''} | ${fmt(memRow?.rssMb, 0)} | ${fmt(memRow?.hwmMb, 0)} | ${pp(s.completionOnderwerp)} | ${pp(s.completionVereiste)} | ${pp(s.hoverVereiste)} | ${pp(s.hoverDirective)} | ${pp(s.edits)} | ${pp(s.editsPaced)} | ${fmt(s.rssAfterMb, 0)} |`,
      );
    }
    L.push('');
    for (const s of r.server) {
      const parts = [...s.details];
      if (s.cold) parts.push(`cold start: RSS ${fmt(s.cold.rssMb, 0)} MiB, peak ${fmt(s.cold.hwmMb, 0)} MiB; initialize answered after ${fmt(s.cold.spawnToInitS, 3)} s`);
      if (s.edits) parts.push(`edits: ${s.edits.n}, max ${fmt(s.edits.max)} ms; paced: ${s.editsPaced?.n ?? 0}, max ${fmt(s.editsPaced?.max)} ms`);
      if (s.problem) parts.push(`**problem**: ${s.problem}`);
      L.push(`- ${s.corpus.name}: ${parts.join('; ')}`);
    }
    L.push('');
  }

  if (extraNotes.length) {
    L.push('## Notes', '');
    for (const n of extraNotes) L.push(`- ${n}`);
    L.push('');
  }
  fs.writeFileSync(file, L.join('\n'));
}

// ---------------------------------------------------------------------------

export async function runBenchmarks(argv: string[]): Promise<void> {
  const started = Date.now();
  const loadStart = os.loadavg()[0];
  const o = parseArgs(argv);
  const projectRoot = findProjectRoot();
  const { dist, hashes: startHashes } = snapshotBuilds(projectRoot);
  const commit = gitCommit(projectRoot);
  const real = realCorpus(projectRoot);
  const synthetic = new Map<number, CorpusInfo>();
  for (const n of [...new Set([...o.sizes, ...(o.server ? o.serverSizes : [])])].sort((a, b) => a - b)) synthetic.set(n, prepareCorpus(projectRoot, n, o.seed));
  const akCorpora = [...(real ? [real] : []), ...o.sizes.map((n) => synthetic.get(n)!)];
  const serverCorpora = [...(real ? [real] : []), ...o.serverSizes.map((n) => synthetic.get(n)!)];
  const allCorpora = [...(real ? [real] : []), ...synthetic.values()];
  if (o.prepareOnly) {
    for (const c of allCorpora) log(`${c.name}: ${c.files} files, ${mib(c.bytes)} MiB Markdown, ${mib(c.diskBytes)} MiB on disk, ${c.root}`);
    return;
  }
  const ak = o.akcheck ? measureAkcheck(dist, akCorpora, o) : { rows: [], startup: undefined };
  const peers = o.peers ? measurePeers(akCorpora, o) : [];
  const server = o.server ? await measureServer(dist, serverCorpora, o) : [];
  const report: Report = {
    machine: machineInfo(projectRoot, loadStart, startHashes, commit),
    corpora: allCorpora,
    argv,
    akcheck: ak.rows,
    startup: ak.startup,
    peers,
    server,
    targets: judgeTargets(ak.rows, peers, server, o.sizes),
    seconds: (Date.now() - started) / 1000,
  };
  const file = path.resolve(projectRoot, o.out);
  writeReport(file, report, notes);
  log(`wrote ${file}`);
  for (const t of report.targets) log(`${verdict(t.met).replace(/\*/g, '').padEnd(12)} ${t.target}: ${t.measured}`);
  if (scratchDir !== undefined) fs.rmSync(scratchDir, { recursive: true, force: true });
}

// Entry only when this file is the bundle's entry (see the note at the end of generateCorpus.ts).
if (typeof require !== 'undefined' && require.main === module && (module.exports as { runBenchmarks?: unknown }).runBenchmarks === runBenchmarks) {
  runBenchmarks(process.argv.slice(2)).then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      if (scratchDir !== undefined) fs.rmSync(scratchDir, { recursive: true, force: true });
      process.exit(2);
    },
  );
}

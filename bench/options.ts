/** The bench's command-line options (listed at the top of run.ts) and where the project root is. */
import * as fs from 'fs';
import * as path from 'path';

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
  /** runs of the e2e's preview check in code-server (0: not measured) */
  previewEditRuns: number;
}

export function parseArgs(argv: string[]): BenchOptions {
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
    previewEditRuns: 5,
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
      case '--preview-edit-runs':
        o.previewEditRuns = Math.max(0, Number(take()));
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

export function sizeLabel(n: number): string {
  return n % 1000 === 0 && n > 0 ? `${n / 1000}k` : String(n);
}

/** the project root: the nearest folder upwards from cwd with package.json and bench/ */
export function findProjectRoot(): string {
  if (process.env.AK_PROJECT_ROOT) return path.resolve(process.env.AK_PROJECT_ROOT);
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bench'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

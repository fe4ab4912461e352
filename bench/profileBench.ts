/**
 * Where a fresh akcheck run's time goes: CPU profiles (`node --cpu-prof`) of runs on the real
 * corpus, each sample put to a part of the program through the bundle's source map.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { SourceMap } from 'module';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import { log, note } from './log';
import { freshDir } from './scratch';

export interface ProfilePart {
  part: string;
  ms: number;
  share: number;
}

export interface AkcheckProfile {
  corpus: string;
  runs: number;
  /** Sampled time per run; the profiler starts after Node's own start-up. */
  msPerRun: number;
  parts: ProfilePart[];
}

/** Source paths (as the source map names them) to parts, first match wins. */
const partsBySource: [RegExp, string][] = [
  [/node_modules\/markdown-it\//, 'page body: markdown-it inline parser'],
  [/engine\/parsing\/markdown\//, 'page body: blocks, links, headings, ids'],
  [/engine\/parsing\/bodyLines/, 'page body: lines for the structure rules'],
  [/node_modules\/yaml\//, 'YAML parser (mkdocs.yml, blocks the simple reader leaves)'],
  [/engine\/parsing\//, 'frontmatter, directives, facts of a page'],
  [/engine\/corpus\//, 'corpus index and link graph'],
  [/engine\/rules\//, 'rules'],
  [/engine\/(text|fixes)\//, 'suggestions, positions, fixes'],
  [/engine\/(project|node|fileSystem)\//, 'walking, reading and decoding files'],
  [/cli\//, 'command line and output'],
  [/node_modules\//, 'other libraries'],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of one profile node: V8's own entries by name, Node's code by URL, the program's by its source. */
function partOf(node: ProfileNode, map: SourceMap | undefined, program: string): string | undefined {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8: compiling, runtime';
  if (functionName === '(idle)' || functionName === '(root)') return 'idle';
  if (url.startsWith('node:')) return 'Node: loading modules, fs and other built-ins';
  if (url === program || url.endsWith(path.basename(program))) {
    const entry = map?.findEntry(lineNumber, columnNumber);
    const source = entry && 'originalSource' in entry ? entry.originalSource : '';
    return partsBySource.find(([pattern]) => pattern.test(source))?.[1] ?? 'program (unmapped)';
  }
  // A native function (a regular expression, a string built-in) counts for the code that called it.
  return undefined;
}

function addProfile(profile: CpuProfile, map: SourceMap | undefined, program: string, totals: Map<string, number>): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partCache = new Map<number, string>();
  const resolve = (id: number): string => {
    const cached = partCache.get(id);
    if (cached) return cached;
    const own = partOf(byId.get(id)!, map, program);
    const up = parent.get(id);
    const part = own ?? (up === undefined ? 'Node: loading modules, fs and other built-ins' : resolve(up));
    partCache.set(id, part);
    return part;
  };
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    totals.set(resolve(id), (totals.get(resolve(id)) ?? 0) + micros);
  });
  return total;
}

/** Profiles `runs` fresh runs of akcheck on the corpus and sums their samples per part. */
export function profileAkcheck(dist: string, corpus: CorpusInfo, runs = 5): AkcheckProfile | undefined {
  const program = path.join(dist, 'akcheck.js');
  const mapFile = `${program}.map`;
  const map = fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : undefined;
  if (!map) note('akcheck profile: no source map beside dist/akcheck.js (a --production build): the program is one part');
  const folder = freshDir('akcheck-profiles');
  log(`profile akcheck on ${corpus.name}: ${runs} runs ...`);
  for (let run = 0; run < runs; run++) {
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', folder, '--cpu-prof-interval', '250', program, corpus.root, '--format', 'json'], {
      stdio: 'ignore',
    });
  }
  const totals = new Map<string, number>();
  let total = 0;
  const files = fs.readdirSync(folder).filter((file) => file.endsWith('.cpuprofile'));
  for (const file of files) total += addProfile(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as CpuProfile, map, program, totals);
  if (files.length === 0 || total === 0) {
    note('akcheck profile: no profile was written');
    return undefined;
  }
  totals.delete('idle');
  const sampled = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  const parts = [...totals].map(([part, micros]) => ({ part, ms: micros / 1000 / files.length, share: micros / sampled })).sort((a, b) => b.ms - a.ms);
  return { corpus: corpus.name, runs: files.length, msPerRun: sampled / 1000 / files.length, parts };
}

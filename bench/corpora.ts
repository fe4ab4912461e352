/** The corpora measured: synthetic ones generated (or reused) under bench/corpora/, and the real one. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateCorpus, GENERATOR_VERSION, MANIFEST_FILE, readCorpusManifest, type InjectedDefect } from './generateCorpus';
import { log, note } from './log';
import { sizeLabel } from './options';

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

export function realCorpus(projectRoot: string): CorpusInfo | undefined {
  const root = path.resolve(process.env.AK_REAL_CORPUS ?? path.join(projectRoot, '..', 'shared', 'corpora', 'algoritmekader'));
  if (!fs.existsSync(path.join(root, 'docs'))) {
    note(`real corpus not found at ${root} (set AK_REAL_CORPUS)`);
    return undefined;
  }
  const { files, bytes } = countMarkdown(root);
  return { name: 'real', root, documents: null, files, bytes, diskBytes: diskUsage(root), generatedSeconds: null, defects: null };
}

/** What the run ran on: the machine, the load, the commit, and the builds (copied at the start so one build is measured). */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { note } from './log';
import { hasGnuTime } from './measure';
import { scratch } from './scratch';

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
  /** The files of BUILDS: short sha1 at the start, and whether they changed during the run */
  builds: { file: string; hash: string; changed: boolean }[];
}

function fileHash(file: string): string {
  try {
    return createHash('sha1').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  } catch {
    return 'missing';
  }
}

export function gitCommit(projectRoot: string): string {
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
export function snapshotBuilds(projectRoot: string): { dist: string; hashes: string[] } {
  const dist = path.join(scratch(), 'dist');
  fs.mkdirSync(dist, { recursive: true });
  const hashes = BUILDS.map((file) => {
    const from = path.join(projectRoot, file);
    if (!fs.existsSync(from)) return 'missing';
    const to = path.join(dist, path.basename(file));
    fs.copyFileSync(from, to);
    return fileHash(to);
  });
  // akcheck's source map, for the profile's parts (a --production build has none).
  const map = path.join(projectRoot, 'dist/akcheck.js.map');
  if (fs.existsSync(map)) fs.copyFileSync(map, path.join(dist, 'akcheck.js.map'));
  return { dist, hashes };
}

export function machineInfo(projectRoot: string, loadStart: number, startHashes: string[], commit: string): MachineInfo {
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

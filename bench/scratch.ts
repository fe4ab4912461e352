/** The run's temporary folder: outputs of measured runs, bench-private caches, copies of the builds. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

let scratchDir: string | undefined;
/** a temporary folder for the outputs of measured runs and the bench-private caches, made on first use */
export function scratch(): string {
  if (scratchDir === undefined) scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akbench-'));
  return scratchDir;
}

/** a new, empty folder below the scratch folder */
export function freshDir(name: string): string {
  const dir = path.join(scratch(), name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** removes the scratch folder, if one was made */
export function removeScratch(): void {
  if (scratchDir !== undefined) fs.rmSync(scratchDir, { recursive: true, force: true });
}

// Where the real Algoritmekader corpus is (read-only test data): `AK_REAL_CORPUS`, or
// `../shared/corpora/algoritmekader` next to the project. Tests on it are skipped visibly without it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project root: the nearest folder above this (bundled) file whose package.json is this project's. */
export const projectRoot: string = (() => {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'algoritmekader-tools') return folder;
    if (dirname(folder) === folder) return process.cwd();
  }
})();

const candidate = process.env.AK_REAL_CORPUS ? resolve(process.env.AK_REAL_CORPUS) : resolve(projectRoot, '../shared/corpora/algoritmekader');

function isCorpus(folder: string): boolean {
  try {
    return statSync(join(folder, 'docs/voldoen-aan-wetten-en-regels')).isDirectory();
  } catch {
    return false;
  }
}

export const realCorpusRoot: string | undefined = isCorpus(candidate) ? candidate : undefined;

export const skipReason = `real corpus not found at ${process.env.AK_REAL_CORPUS ? candidate : '../shared/corpora/algoritmekader'} (set AK_REAL_CORPUS)`;

/** The `skip` option of a test that needs the real corpus. */
export const needsRealCorpus = { skip: realCorpusRoot ? false : skipReason };

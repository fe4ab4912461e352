// The `akcheck` command: runs the checker's bundle (akcheck-program.js, beside this file) from the
// V8 code cache that the build wrote for it, so that a run does not compile again the functions
// every run needs (about a twentieth of a cold run on the real corpus). Node 22 does this itself
// (module.enableCompileCache); Node 20, the oldest Node supported, does not. A cache of another
// build, or one that this Node rejects, is ignored and the program is compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

const programFile = join(__dirname, 'akcheck-program.js');
const cacheFile = join(__dirname, 'akcheck-program.cache');
/** `write`: the build's run, which writes the cache at its end; `report`: say on stderr whether the cache was used. */
const mode = process.env.AKCHECK_CODE_CACHE;

const source = readFileSync(programFile, 'utf8');
// The program's first line names its build, and the cache starts with that line: V8 itself checks
// little more than the length of the source, so a cache of an older build could otherwise be used.
const buildLine = source.slice(0, source.indexOf('\n') + 1);

function readCache(): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return cache.toString('latin1', 0, buildLine.length) === buildLine ? cache.subarray(buildLine.length) : undefined;
}

const cachedData = mode === 'write' ? undefined : readCache();
// The wrapper of a CommonJS module, so the program sees the `require` and paths it would see if loaded directly.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: programFile, cachedData });
if (mode === 'report') process.stderr.write(`akcheck: code cache ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (mode === 'write') {
  // At exit the script's cache holds every function the run compiled, not only the top level.
  process.once('exit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(buildLine, 'latin1'), script.createCachedData()])));
}
script.runInThisContext()(exports, require, module, programFile, __dirname);

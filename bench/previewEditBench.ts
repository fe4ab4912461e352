/**
 * An edit in one page shown in another page's open preview, in the real editor (issue 13: within a
 * second): the e2e's preview check (`node e2e/run.mjs --check preview`) types a vereiste into a
 * maatregel's `vereiste:` list and times it until the first frame of the open vereiste's preview
 * that shows the new row. It needs code-server and Chromium (`bash e2e/install-code-server.sh`);
 * without them the section says so. Each run is a fresh code-server with the extension packaged
 * from the builds the bench measures.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusInfo } from './corpora';
import { log, note } from './log';
import { freshDir } from './scratch';

export interface PreviewEditRuns {
  /** ms per run, in run order */
  updates: number[];
  /** the e2e's breakdown of the run of median time */
  medianParts?: string;
  runs: number;
  /** why nothing was measured */
  problem?: string;
}

const updateLine = /^TIMING preview-update: (\d+) ms/m;
const partsLine = /^TIMING preview-update-parts: (.*)$/m;

export function measurePreviewEdit(projectRoot: string, real: CorpusInfo | undefined, runs: number): PreviewEditRuns {
  const result: PreviewEditRuns = { updates: [], runs };
  if (!real) return { ...result, problem: 'no real corpus (the check edits its pages)' };
  const folder = freshDir('preview-edit');
  const vsix = path.join(folder, 'bench.vsix');
  log('measure the preview of an edit in code-server: packaging the extension ...');
  const packaged = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: projectRoot, encoding: 'utf8' });
  if (packaged.status !== 0 || !fs.existsSync(vsix)) return { ...result, problem: `vsce package failed: ${(packaged.stderr || packaged.stdout).trim().split('\n').pop()}` };
  const parts: string[] = [];
  for (let run = 0; run < runs; run++) {
    const e2e = spawnSync(process.execPath, ['e2e/run.mjs', '--vsix', vsix, '--corpus', real.root, '--check', 'preview', '--screenshots', path.join(folder, 'screenshots')], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 300_000,
    });
    const output = `${e2e.stdout ?? ''}${e2e.stderr ?? ''}`;
    const update = updateLine.exec(output);
    if (e2e.status !== 0 || !update) {
      const why = output.trim().split('\n').filter(Boolean).pop() ?? `exit ${e2e.status}`;
      if (result.updates.length === 0) return { ...result, problem: why };
      note(`preview edit in code-server: run ${run + 1} failed (${why})`);
      continue;
    }
    result.updates.push(Number(update[1]));
    parts.push(partsLine.exec(output)?.[1] ?? '');
    log(`  run ${run + 1}: ${update[1]} ms`);
  }
  const order = result.updates.map((ms, index) => ({ ms, index })).sort((a, b) => a.ms - b.ms);
  const middle = order[Math.floor((order.length - 1) / 2)];
  if (middle) result.medianParts = parts[middle.index] || undefined;
  return result;
}

/**
 * What the link graph costs (issue 11: at most 20% of a cold akcheck run): akcheck with the link
 * graph and the link rules (AK070-AK074) against a build of the same sources with both taken out
 * (the link graph a stub that indexes nothing, the rule a no-op). The page body, links included, is
 * parsed in both: the other body rules need it, so it is no part of the link graph's cost. Fresh
 * processes, alternating the two builds run by run so that a change of load hits
 * both; the medians go to the report's notes.
 *
 *   npm run bench -- …          (part of the whole benchmark)
 *   npm run bench:links         (this measurement alone, on the real corpus and the 10k corpus)
 */
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { prepareCorpus, realCorpus, type CorpusInfo } from './corpora';
import { fmt } from './format';
import { log, note } from './log';
import { median } from './measure';
import { findProjectRoot } from './options';
import { removeScratch, scratch } from './scratch';

/** The engine's link graph with nothing in it: every page has no targets, nobody links anywhere. */
const linkGraphStub = `
export class LinkGraph {
  siteConfig = { useDirectoryUrls: true };
  setSite(site) { this.siteConfig = site; }
  addDocument() {}
  removeDocument() {}
  targetsOf() { return []; }
  linking() { return new Set(); }
  linkingName() { return new Set(); }
  linkingFolder() { return new Set(); }
  addFile() {}
  deleteFile() { return false; }
  hasFile() { return false; }
  allFiles() { return [][Symbol.iterator](); }
  named() { return new Set(); }
}`;

/** akcheck built from the same sources without the link graph and the link rules. */
async function buildWithoutLinks(projectRoot: string): Promise<string> {
  const outfile = path.join(scratch(), 'akcheck-without-links.js');
  await esbuild.build({
    entryPoints: [path.join(projectRoot, 'cli/src/akcheck.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    plugins: [
      {
        name: 'without-links',
        setup(build) {
          build.onLoad({ filter: /engine[\\/]corpus[\\/]linkGraph\.ts$/ }, () => ({ contents: linkGraphStub, loader: 'js' }));
          build.onLoad({ filter: /engine[\\/]rules[\\/]linkRules\.ts$/ }, () => ({ contents: 'export const linkRules = () => {};', loader: 'js' }));
        },
      },
    ],
  });
  return outfile;
}

function wallSeconds(script: string, corpus: CorpusInfo): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [script, '--no-cache', '--format', 'json', corpus.root], { stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${path.basename(script)} on ${corpus.name} exited with ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface LinkGraphCost {
  corpus: string;
  files: number;
  runs: number;
  withS: number;
  withoutS: number;
  /** with / without, minus 1 */
  extra: number;
}

/** Cold akcheck with and without the link graph on each corpus; the result is also written as a note. */
export async function noteLinkGraph(projectRoot: string, dist: string, corpora: CorpusInfo[], runs = 5): Promise<LinkGraphCost[]> {
  const withLinks = path.join(dist, 'akcheck.js');
  const withoutLinks = await buildWithoutLinks(projectRoot);
  const costs: LinkGraphCost[] = [];
  for (const corpus of corpora) {
    const count = corpus.files > 50_000 ? 1 : runs;
    log(`link graph on ${corpus.name}: 1 warm-up + ${count} runs of each build ...`);
    wallSeconds(withLinks, corpus);
    wallSeconds(withoutLinks, corpus);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < count; i++) {
      a.push(wallSeconds(withLinks, corpus));
      b.push(wallSeconds(withoutLinks, corpus));
    }
    const cost = { corpus: corpus.name, files: corpus.files, runs: count, withS: median(a), withoutS: median(b), extra: median(a) / median(b) - 1 };
    costs.push(cost);
    note(
      `Link graph (AK070-AK074, issue 11), akcheck cold on ${corpus.name}: ${fmt(cost.withS)} s with, ${fmt(cost.withoutS)} s without ` +
        `(same sources, link graph and link rules stubbed out; the page body parsed in both) = ${cost.extra >= 0 ? '+' : ''}${Math.round(cost.extra * 100)}% ` +
        `(median of ${count}; target ≤ +20%: ${cost.extra <= 0.2 ? 'met' : 'not met'}).`,
    );
  }
  return costs;
}

// Entry only when this file is the bundle's entry (see the note at the end of generateCorpus.ts): the real corpus and the synthetic 10k corpus.
if (typeof require !== 'undefined' && require.main === module && (module.exports as { noteLinkGraph?: unknown }).noteLinkGraph === noteLinkGraph) {
  const projectRoot = findProjectRoot();
  const corpora = [realCorpus(projectRoot), prepareCorpus(projectRoot, 10_000, 1)].filter((corpus): corpus is CorpusInfo => corpus !== undefined);
  noteLinkGraph(projectRoot, path.join(projectRoot, 'dist'), corpora).then(
    () => {
      removeScratch();
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      removeScratch();
      process.exit(2);
    },
  );
}

/**
 * Benchmark harness: prepares synthetic corpora, measures akcheck (fresh
 * processes), its peers (markdownlint-cli2, the upstream Python
 * validators), the language server (start-up, memory, request and edit
 * latency) and the Markdown preview of a 100-directive page (a note),
 * judges the targets and writes BENCHMARKS.md at the project root.
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
 *   --preview-edit-runs 5       runs of the e2e's preview check in code-server (0: none; needs e2e/install-code-server.sh)
 *   --prepare-only              only generate (or reuse) the corpora
 *
 * Environment: AK_REAL_CORPUS (default ../shared/corpora/algoritmekader),
 * AK_UPSTREAM_SCRIPTS (folder with the upstream validate_*.py scripts).
 */
import * as os from 'os';
import * as path from 'path';
import { measureAkcheck } from './akcheckBench';
import { prepareCorpus, realCorpus, type CorpusInfo } from './corpora';
import { mib } from './format';
import { log, notes } from './log';
import { gitCommit, machineInfo, snapshotBuilds } from './machine';
import { findProjectRoot, parseArgs } from './options';
import { measurePeers } from './peers';
import { noteLinkGraph } from './linkGraphBench';
import { notePreview } from './previewBench';
import { measurePreviewEdit } from './previewEditBench';
import { verdict, writeReport, type Report } from './report';
import { removeScratch } from './scratch';
import { measureServer } from './serverBench';
import { profileAkcheck } from './profileBench';
import { judgeTargets } from './targets';

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
  await notePreview(projectRoot);
  const linkCorpora = akCorpora.filter((corpus) => corpus.files <= 10_000);
  if (o.akcheck) await noteLinkGraph(projectRoot, dist, linkCorpora);
  const profile = o.akcheck && real ? profileAkcheck(dist, real) : undefined;
  const previewEdit = o.previewEditRuns > 0 ? measurePreviewEdit(projectRoot, real, o.previewEditRuns) : undefined;
  const report: Report = {
    machine: machineInfo(projectRoot, loadStart, startHashes, commit),
    corpora: allCorpora,
    argv,
    akcheck: ak.rows,
    startup: ak.startup,
    profile,
    peers,
    server,
    targets: judgeTargets(ak.rows, peers, server, o.sizes, previewEdit),
    seconds: (Date.now() - started) / 1000,
  };
  const file = path.resolve(projectRoot, o.out);
  writeReport(file, report, notes);
  log(`wrote ${file}`);
  for (const t of report.targets) log(`${verdict(t.met).replace(/\*/g, '').padEnd(12)} ${t.target}: ${t.measured}`);
  removeScratch();
}

// Entry only when this file is the bundle's entry (see the note at the end of generateCorpus.ts).
if (typeof require !== 'undefined' && require.main === module && (module.exports as { runBenchmarks?: unknown }).runBenchmarks === runBenchmarks) {
  runBenchmarks(process.argv.slice(2)).then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      removeScratch();
      process.exit(2);
    },
  );
}

/** Writing BENCHMARKS.md, keeping a hand-written analysis section of the previous file. */
import * as fs from 'fs';
import type { AkcheckRow } from './akcheckBench';
import type { CorpusInfo } from './corpora';
import { fmt, mib } from './format';
import type { MachineInfo } from './machine';
import type { Measurement, Stats } from './measure';
import type { PeerRow } from './peers';
import type { AkcheckProfile } from './profileBench';
import type { ServerRow } from './serverBench';
import type { StartupResult } from './serverSession';
import type { TargetRow } from './targets';

const pp = (s: Stats | null): string => (s === null ? 'n/a' : `${fmt(s.p50)} / ${fmt(s.p95)}`);
export const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? '**met**' : '**not met**');

export interface Report {
  machine: MachineInfo;
  corpora: CorpusInfo[];
  argv: string[];
  akcheck: AkcheckRow[];
  startup: Measurement | undefined;
  profile: AkcheckProfile | undefined;
  peers: PeerRow[];
  server: ServerRow[];
  targets: TargetRow[];
  seconds: number;
}

function stepRatio(rows: AkcheckRow[], r: AkcheckRow): number | null {
  if (r.corpus.documents === null) return null;
  const prev = rows.filter((x) => x.corpus.documents !== null && x.corpus.documents < r.corpus.documents!).sort((a, b) => b.corpus.documents! - a.corpus.documents!)[0];
  return prev ? r.m.wallMedianS / r.corpus.files / (prev.m.wallMedianS / prev.corpus.files) : null;
}

const shellQuote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** Hand-written analysis between these markers in an existing report is carried over into the new one. */
const ANALYSIS_START = '<!-- analysis: hand-written, kept when the bench rewrites this file -->';
const ANALYSIS_END = '<!-- /analysis -->';

function keptAnalysis(file: string): string | undefined {
  let old: string;
  try {
    old = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const start = old.indexOf(ANALYSIS_START);
  const end = old.indexOf(ANALYSIS_END, start);
  return start >= 0 && end > start ? old.slice(start, end + ANALYSIS_END.length) : undefined;
}

export function writeReport(file: string, r: Report, extraNotes: string[]): void {
  const analysis = keptAnalysis(file);
  const L: string[] = [];
  const { machine } = r;
  L.push('# Benchmarks', '');
  L.push(
    `Measured by \`bench/run.ts\` on ${machine.date.slice(0, 10)} (${machine.date}, ${Math.round(r.seconds)} s in all). See \`bench/README.md\` for what is measured and how to re-run. ` +
      'The machine is small and may be shared: compare rows of one report, not across reports.',
    '',
  );
  L.push('```sh', 'npm run build', `npm run bench${r.argv.length ? ` -- ${r.argv.map(shellQuote).join(' ')}` : ''}`, '```', '');
  L.push('## Machine', '');
  L.push('| CPU | cores | memory | Node | OS | CPU/RSS via | load (1 min) start → end |', '|---|---|---|---|---|---|---|');
  L.push(
    `| ${machine.cpu} | ${machine.cores} | ${machine.memoryGiB.toFixed(1)} GiB | ${machine.node} | ${machine.os} | ${machine.gnuTime ? 'GNU time' : 'n/a (wall only)'} | ${fmt(machine.loadStart)} → ${fmt(machine.loadEnd)} |`,
    '',
  );
  L.push(
    `Code: commit ${machine.commit}; ${machine.builds.map((b) => `\`${b.file}\` ${b.hash}${b.changed ? ' (rebuilt during the run)' : ''}`).join(', ')} (copies taken at the start were measured).`,
    '',
  );

  L.push('## Targets', '');
  L.push('The goals of issue 15 (and of issue 5 where issue 15 names none; the last row: issue 13), each next to its figure of this run.', '');
  L.push('| target | measured | verdict | note |', '|---|---|---|---|');
  for (const t of r.targets) L.push(`| ${t.target} | ${t.measured} | ${verdict(t.met)} | ${t.note ?? ''} |`);
  if (r.targets.length === 0) L.push('| (nothing measured) | | | |');
  L.push('');
  if (analysis) L.push(analysis, '');

  L.push('## Corpora', '');
  L.push('| corpus | documents | .md files | Markdown (MiB) | on disk (MiB) | generated in (s) | injected defects |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const c of r.corpora) {
    L.push(
      `| ${c.name} | ${c.documents ?? '-'} | ${c.files} | ${mib(c.bytes)} | ${mib(c.diskBytes)} | ${c.generatedSeconds === null ? (c.documents === null ? '-' : 'reused') : fmt(c.generatedSeconds)} | ${c.defects?.length ?? '-'} |`,
    );
  }
  L.push('');

  if (r.akcheck.length) {
    L.push('## akcheck', '');
    L.push(
      '`node dist/akcheck.js ROOT --format json` as a whole, fresh process, as in CI (exit 1 = findings with errors, normal; akcheck keeps no cache between runs). ' +
        'Wall: median of the measured runs after warm-up runs (file cache warm); CPU: user+sys; RSS: median peak. ' +
        'Step: time per document relative to the next smaller synthetic corpus (1.00 = linear). ' +
        'Defects: injected defects of the generator manifest reported with the same file, line and code.',
      '',
    );
    L.push(
      '| corpus | files | runs | median wall (s) | min–max (s) | user+sys (s) | peak RSS (MiB) | µs / doc | step | findings | defects found | other errors | exit |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const a of r.akcheck) {
      const m = a.m;
      const step = stepRatio(r.akcheck, a);
      L.push(
        `| ${a.corpus.name} | ${a.corpus.files} | ${m.runs}+${m.warmup} | ${fmt(m.wallMedianS, 3)} | ${fmt(m.wallMinS, 3)}–${fmt(m.wallMaxS, 3)} | ${fmt(m.cpuMedianS)} | ${fmt(m.peakRssMedianMb, 0)} | ${fmt((m.wallMedianS / a.corpus.files) * 1e6, 0)} | ${step === null ? '-' : fmt(step)} | ${a.findings ?? 'n/a'} | ${a.recall ? `${a.recall.found}/${a.recall.expected}` : '-'} | ${a.unexpectedErrors ?? '-'} | ${m.exitCodes.join(',')}${m.problem ? ' (!)' : ''} |`,
      );
    }
    if (r.startup)
      L.push('', `Process start-up alone (\`node dist/akcheck.js --version\`): median ${fmt(r.startup.wallMedianS, 3)} s wall, ${fmt(r.startup.peakRssMedianMb, 0)} MiB.`);
    for (const a of r.akcheck.filter((x) => x.beside)) {
      const { node, ratioToNode } = a.beside!;
      L.push(
        '',
        `In turn with akcheck on ${a.corpus.name} (${node.runs} turns): \`node -e 0\` median ${fmt(node.wallMedianS, 3)} s wall, ${fmt(node.cpuMedianS)} s CPU ` +
          `(akcheck ${fmt(ratioToNode, 1)}× that, the median of the per-turn ratios).`,
      );
    }
    L.push('');
    const codes = (a: AkcheckRow) =>
      Object.entries(a.byCode)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    L.push('Findings per code:', '');
    for (const a of r.akcheck) {
      L.push(`- ${a.corpus.name}: ${codes(a) || 'none'}`);
      if (a.recall && a.recall.missing.length) {
        const shown = a.recall.missing.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.code} (${d.kind})`);
        L.push(`  - missed: ${shown.join('; ')}${a.recall.missing.length > 5 ? `; … ${a.recall.missing.length - 5} more` : ''}`);
      }
    }
    L.push('');
  }

  if (r.profile) {
    const p = r.profile;
    L.push("## Where akcheck's time goes", '');
    L.push(
      `CPU profiles (\`node --cpu-prof\`, a sample every 250 µs) of ${p.runs} fresh runs on the ${p.corpus} corpus, each sample put to a part of the program ` +
        `through the bundle's source map (a native function counts for the code that called it). ${fmt(p.msPerRun, 0)} ms sampled per run; ` +
        "the profiler starts after Node's own start-up, which `node -e 0` above measures. Profiling slows a run down, so read the shares, not the milliseconds.",
      '',
    );
    L.push('| part | ms per run | share |', '|---|---:|---:|');
    for (const part of p.parts) L.push(`| ${part.part} | ${fmt(part.ms, 1)} | ${fmt(part.share * 100, 0)} % |`);
    L.push('');
  }

  if (r.peers.length) {
    L.push('## Peers', '');
    L.push('In the same run as the akcheck rows above. Speed-up = peer wall / akcheck wall on the same corpus.', '');
    L.push(
      '| tool | corpus | files | runs | median wall (s) | min–max (s) | user+sys (s) | peak RSS (MiB) | speed-up of akcheck | exit |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const p of r.peers) {
      const m = p.m;
      const w = r.akcheck.find((a) => a.corpus.name === p.corpus.name)?.m.wallMedianS;
      L.push(
        `| ${m.tool} | ${m.corpus} | ${m.files} | ${m.runs}+${m.warmup} | ${fmt(m.wallMedianS, 3)} | ${fmt(m.wallMinS, 3)}–${fmt(m.wallMaxS, 3)} | ${fmt(m.cpuMedianS)} | ${fmt(m.peakRssMedianMb, 0)} | ${w ? `${fmt(m.wallMedianS / w, 1)}×` : 'n/a'} | ${m.exitCodes.join(',')}${m.problem ? ' (!)' : ''} |`,
      );
    }
    L.push('');
  }

  if (r.server.length) {
    L.push('## Language server', '');
    L.push(
      '`node dist/server.js --stdio`, driven over JSON-RPC by the bench. **Start-up**: from spawn until diagnostics have been published for every `.md` file under `docs/` (in brackets: from the `initialize` response, i.e. without the start-up of the server process); ' +
        '**cold**: the first start on the corpus, **warm**: the later starts (median); the server keeps no cache between starts. ' +
        '**RSS**: VmRSS / VmHWM of the server process at that moment. ' +
        'Latency columns are p50 / p95 in ms over the measured requests (after 10 warm-up requests), each request awaited before the next: ' +
        'completion at the end of an `onderwerp:` item and of a `- aia-0` item added under `vereiste:` (sent with `didOpen`); hover on a `vereiste:` item and on the slug of `<!-- list_maatregelen vereiste/… -->`; ' +
        'edit: incremental `didChange` that appends `x` to / removes it from an `onderwerp:` value, to the `publishDiagnostics` of that URI with / without AK020 there, the next edit sent at once; ' +
        'paced: the same with 250 ms between edits (the dependents of the document are re-checked 150 ms after an edit).',
      '',
    );
    L.push(
      '| corpus | files | cold start (s) | warm start (s) | RSS after indexing (MiB) | peak RSS (MiB) | completion onderwerp | completion `- aia-0` | hover vereiste | hover directive | edit → diagnostics | edit, paced | RSS at end (MiB) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const s of r.server) {
      const start = (x: StartupResult | null | undefined) =>
        !x ? 'n/a' : x.spawnToAllS === null ? `timeout (${x.published}/${x.expected})` : `${fmt(x.spawnToAllS)} (${fmt(x.initToAllS)})`;
      const warmMedian = s.warm.length ? [...s.warm].sort((a, b) => (a.spawnToAllS ?? Infinity) - (b.spawnToAllS ?? Infinity))[(s.warm.length - 1) >> 1] : null;
      const memRow = warmMedian ?? s.cold;
      L.push(
        `| ${s.corpus.name} | ${s.corpus.files} | ${start(s.cold)} | ${start(warmMedian)}${s.warm.length > 1 ? ` [${s.warm.length}]` : ''} | ${fmt(memRow?.rssMb, 0)} | ${fmt(memRow?.hwmMb, 0)} | ${pp(s.completionOnderwerp)} | ${pp(s.completionVereiste)} | ${pp(s.hoverVereiste)} | ${pp(s.hoverDirective)} | ${pp(s.edits)} | ${pp(s.editsPaced)} | ${fmt(s.rssAfterMb, 0)} |`,
      );
    }
    L.push('');
    for (const s of r.server) {
      const parts = [...s.details];
      if (s.cold) parts.push(`cold start: RSS ${fmt(s.cold.rssMb, 0)} MiB, peak ${fmt(s.cold.hwmMb, 0)} MiB; initialize answered after ${fmt(s.cold.spawnToInitS, 3)} s`);
      if (s.edits) parts.push(`edits: ${s.edits.n}, max ${fmt(s.edits.max)} ms; paced: ${s.editsPaced?.n ?? 0}, max ${fmt(s.editsPaced?.max)} ms`);
      if (s.problem) parts.push(`**problem**: ${s.problem}`);
      L.push(`- ${s.corpus.name}: ${parts.join('; ')}`);
    }
    L.push('');
  }

  if (extraNotes.length) {
    L.push('## Notes', '');
    for (const n of extraNotes) L.push(`- ${n}`);
    L.push('');
  }
  fs.writeFileSync(file, L.join('\n'));
}

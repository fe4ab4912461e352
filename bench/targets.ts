/** The targets of the performance issue, each judged met / not met on the measurements. */
import type { AkcheckRow } from './akcheckBench';
import { fmt } from './format';
import { median, type Stats } from './measure';
import type { PeerRow } from './peers';
import type { PreviewEditRuns } from './previewEditBench';
import type { ServerRow } from './serverBench';

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
  note?: string;
}

export function judgeTargets(ak: AkcheckRow[], peers: PeerRow[], server: ServerRow[], sizes: number[], previewEdit?: PreviewEditRuns): TargetRow[] {
  const T: TargetRow[] = [];
  const akRow = (corpus: string | undefined) => ak.find((r) => r.corpus.name === corpus);
  const synth = (n: number) => ak.find((r) => r.corpus.documents === n)?.corpus.name;
  const wall = (r: AkcheckRow | undefined) => r?.m.wallMedianS ?? null;
  const ok = (x: number | null, limit: number) => (x === null ? null : x <= limit);
  const real = akRow('real');
  if (real?.beside) {
    const { node, ratioToNode } = real.beside;
    T.push({
      target: 'akcheck, real corpus, fresh process: ≤ 2× `node -e 0`',
      measured: `${fmt(real.m.wallMedianS)} s = ${fmt(ratioToNode, 1)}× \`node -e 0\` (${fmt(node.wallMedianS, 3)} s)`,
      met: ratioToNode <= 2,
      note: 'median of the per-turn ratios, the two run in turn',
    });
  }
  for (const [kind, factor, label] of [
    ['upstream', 10, 'upstream validators'],
    ['markdownlint', 20, 'markdownlint-cli2'],
  ] as const) {
    const p = peers.find((r) => r.kind === kind && r.corpus.name === 'real');
    const w = wall(real);
    if (!p || w === null) {
      T.push({ target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`, measured: 'not measured', met: null });
      continue;
    }
    const speedUp = p.m.wallMedianS / w;
    T.push({ target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`, measured: `${fmt(speedUp, 1)}×; ${label} ${fmt(p.m.wallMedianS)} s`, met: speedUp >= factor });
  }
  for (const [n, limit] of [
    [10000, 1.5],
    [100000, 12],
  ] as const) {
    const row = akRow(synth(n));
    if (row) T.push({ target: `akcheck, ${n / 1000}k documents: wall ≤ ${limit} s`, measured: `${fmt(row.m.wallMedianS)} s`, met: ok(row.m.wallMedianS, limit) });
  }
  // per-document time flat: each step's per-document time at most 1.2× the previous
  const ordered = [...sizes].sort((a, b) => a - b).filter((n) => synth(n));
  for (let i = 1; i < ordered.length; i++) {
    const a = akRow(synth(ordered[i - 1]))!;
    const b = akRow(synth(ordered[i]))!;
    const ratio = b.m.wallMedianS / b.corpus.files / (a.m.wallMedianS / a.corpus.files);
    T.push({
      target: `akcheck time per document ${a.corpus.name.replace(/-s\d+$/, '')} → ${b.corpus.name.replace(/-s\d+$/, '')}: ≤ 1.2× linear`,
      measured: `${fmt(ratio)}×`,
      met: ratio <= 1.2,
    });
  }
  const tenK = akRow(synth(10000));
  if (tenK) {
    const rss = tenK.m.peakRssMaxMb;
    T.push({
      target: 'akcheck, 10k documents: peak RSS ≤ 300 MB',
      measured: `${fmt(rss, 0)} MiB (largest of the runs)`,
      met: ok(rss, 300),
      note: 'MB read as MiB' + (rss !== null && rss > 286.1 && rss <= 300 ? ' (at 10^6 bytes it would miss)' : ''),
    });
  }
  const srv = (name: string | undefined) => server.find((r) => r.corpus.name === name);
  const realServer = srv('real');
  if (realServer) {
    // Issue 15: from the `initialize` response (the server process's own start left out) to every file's diagnostics.
    const fromInit = (s: { spawnToAllS?: number | null; spawnToInitS?: number | null } | null | undefined) =>
      s && s.spawnToAllS != null && s.spawnToInitS != null ? s.spawnToAllS - s.spawnToInitS : null;
    const starts = [...realServer.warm, ...(realServer.cold ? [realServer.cold] : [])].map(fromInit).filter((x): x is number => x !== null);
    const value = starts.length ? median(starts) : null;
    T.push({
      target: 'server, real corpus: initialize to all diagnostics published ≤ 0.3 s',
      measured: `${fmt(value)} s (median of ${starts.length} starts)`,
      met: ok(value, 0.3),
    });
  }
  const tenKServer = srv(server.find((r) => r.corpus.documents === 10000)?.corpus.name);
  if (tenKServer) {
    const starts = [...tenKServer.warm, ...(tenKServer.cold ? [tenKServer.cold] : [])].map((s) => s.spawnToAllS ?? Infinity);
    const value = starts.length ? median(starts) : null;
    T.push({ target: 'server, 10k documents: start to all diagnostics ≤ 3 s', measured: `${fmt(value)} s (median of ${starts.length} starts, from spawn)`, met: ok(value, 3) });
  }
  const hundredK = srv(server.find((r) => r.corpus.documents === 100000)?.corpus.name);
  if (hundredK) {
    // As the server table's column: the warm start of median time (else the cold one), when every file had its diagnostics.
    const warm = [...hundredK.warm].sort((a, b) => (a.spawnToAllS ?? Infinity) - (b.spawnToAllS ?? Infinity))[(hundredK.warm.length - 1) >> 1];
    const rss = (warm ?? hundredK.cold)?.rssMb ?? null;
    const cold = hundredK.cold?.rssMb ?? null;
    T.push({
      target: 'server, 100k documents: RSS after indexing ≤ 800 MB',
      measured: `warm ${fmt(rss, 0)} MiB (cold ${fmt(cold, 0)} MiB)`,
      met: rss === null ? null : rss <= 800,
      note: `cold ${cold !== null && cold <= 800 ? 'meets' : 'misses'} it; MB read as MiB`,
    });
  }
  const latency = (label: string, limit: number, pick: (r: ServerRow) => (Stats | null)[]) => {
    if (server.length === 0) return void T.push({ target: label, measured: 'not measured', met: null });
    const parts: string[] = [];
    let met: boolean | null = true;
    for (const r of server) {
      const ss = pick(r);
      if (ss.some((s) => s === null)) {
        parts.push(`${r.corpus.name} n/a`);
        met = met === false ? false : null;
        continue;
      }
      const p95 = Math.max(...ss.map((s) => s!.p95));
      parts.push(`${r.corpus.name} ${fmt(p95)}`);
      if (p95 > limit) met = false;
    }
    T.push({ target: label, measured: `${parts.join(', ')} ms`, met });
  };
  latency('server: completion p95 ≤ 5 ms at every size', 5, (r) => [r.completionOnderwerp, r.completionVereiste]);
  latency('server: hover p95 ≤ 5 ms at every size', 5, (r) => [r.hoverVereiste, r.hoverDirective]);
  latency('server: edit → republished diagnostics p95 ≤ 20 ms at every size', 20, (r) => [r.edits]);
  if (previewEdit) {
    // Issue 13: typing a vereiste into a maatregel until the open vereiste's preview shows the new row, in code-server.
    const { updates } = previewEdit;
    const value = updates.length ? median(updates) : null;
    T.push({
      target: "preview: an edit of a maatregel's `vereiste:` list shown in the open vereiste's preview ≤ 1 s",
      measured: value === null ? `not measured (${previewEdit.problem})` : `${fmt(value, 0)} ms (median of ${updates.length}, ${Math.min(...updates)}–${Math.max(...updates)} ms)`,
      met: value === null ? null : value <= 1000,
      note: previewEdit.medianParts && `code-server e2e; the run of median time: ${previewEdit.medianParts}`,
    });
  }
  return T;
}

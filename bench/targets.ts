/** The targets of the performance issue, each judged met / not met on the measurements. */
import type { AkcheckRow } from './akcheckBench';
import { fmt } from './format';
import { median, type CacheMode, type Stats } from './measure';
import type { PeerRow } from './peers';
import type { ServerRow } from './serverBench';

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
  note?: string;
}

export function judgeTargets(ak: AkcheckRow[], peers: PeerRow[], server: ServerRow[], sizes: number[]): TargetRow[] {
  const T: TargetRow[] = [];
  const akRow = (corpus: string, mode: CacheMode) => ak.find((r) => r.corpus.name === corpus && r.mode === mode);
  const synth = (n: number) => ak.find((r) => r.corpus.documents === n)?.corpus.name;
  const wall = (r: AkcheckRow | undefined) => r?.m.wallMedianS ?? null;
  const ok = (x: number | null, limit: number) => (x === null ? null : x <= limit);
  const both = (corpus: string | undefined, limit: number, label: string) => {
    if (!corpus) return;
    const w = wall(akRow(corpus, 'warm'));
    const c = wall(akRow(corpus, 'cold'));
    if (w === null) return;
    T.push({ target: label, measured: `warm ${fmt(w)} s (cold ${fmt(c)} s)`, met: ok(w, limit), note: `cold ${ok(c, limit) ? 'meets' : 'misses'} it` });
  };
  both('real', 0.2, 'akcheck, real corpus: wall ≤ 0.2 s');
  const realWarm = wall(akRow('real', 'warm'));
  const realCold = wall(akRow('real', 'cold'));
  for (const [kind, factor, label] of [
    ['upstream', 10, 'upstream validators'],
    ['markdownlint', 20, 'markdownlint-cli2'],
  ] as const) {
    const p = peers.find((r) => r.kind === kind && r.corpus.name === 'real');
    if (!p || realWarm === null) {
      T.push({ target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`, measured: 'not measured', met: null });
      continue;
    }
    const sw = p.m.wallMedianS / realWarm;
    const sc = realCold === null ? null : p.m.wallMedianS / realCold;
    T.push({
      target: `akcheck ≥ ${factor}× faster than ${label} (real corpus)`,
      measured: `${fmt(sw, 1)}× warm (${fmt(sc, 1)}× cold); ${label} ${fmt(p.m.wallMedianS)} s`,
      met: sw >= factor,
      note: `cold ${sc !== null && sc >= factor ? 'meets' : 'misses'} it`,
    });
  }
  both(synth(10000), 1.5, 'akcheck, 10k documents: wall ≤ 1.5 s');
  both(synth(100000), 15, 'akcheck, 100k documents: wall ≤ 15 s');
  // per-document time flat: each step's per-document time at most 1.2× the previous
  const ordered = [...sizes].sort((a, b) => a - b).filter((n) => synth(n));
  for (let i = 1; i < ordered.length; i++) {
    const a = synth(ordered[i - 1])!;
    const b = synth(ordered[i])!;
    const ratio = (mode: CacheMode) => {
      const ra = akRow(a, mode);
      const rb = akRow(b, mode);
      return ra && rb ? rb.m.wallMedianS / rb.corpus.files / (ra.m.wallMedianS / ra.corpus.files) : null;
    };
    const w = ratio('warm');
    const c = ratio('cold');
    T.push({
      target: `akcheck time per document ${a.replace(/-s\d+$/, '')} → ${b.replace(/-s\d+$/, '')}: ≤ 1.2× linear`,
      measured: `warm ${fmt(w)}× (cold ${fmt(c)}×)`,
      met: w === null ? null : w <= 1.2,
      note: `cold ${c !== null && c <= 1.2 ? 'meets' : 'misses'} it`,
    });
  }
  const tenK = synth(10000);
  if (tenK) {
    const w = akRow(tenK, 'warm')?.m.peakRssMaxMb ?? null;
    const c = akRow(tenK, 'cold')?.m.peakRssMaxMb ?? null;
    const worst = w === null || c === null ? null : Math.max(w, c);
    T.push({
      target: 'akcheck, 10k documents: peak RSS ≤ 300 MB',
      measured: `warm ${fmt(w, 0)} MiB, cold ${fmt(c, 0)} MiB (largest of the runs)`,
      met: worst === null ? null : worst <= 300,
      note: 'judged on the larger of the two; MB read as MiB' + (worst !== null && worst > 286.1 && worst <= 300 ? ' (at 10^6 bytes it would miss)' : ''),
    });
  }
  const srv = (name: string | undefined) => server.find((r) => r.corpus.name === name);
  for (const [name, limit, label] of [
    ['real', 0.5, 'real corpus'],
    [server.find((r) => r.corpus.documents === 10000)?.corpus.name, 3, '10k documents'],
  ] as const) {
    const r = srv(name);
    if (!r) continue;
    const warm = r.warm.length ? median(r.warm.map((s) => s.spawnToAllS ?? Infinity)) : null;
    const cold = r.cold?.spawnToAllS ?? null;
    T.push({
      target: `server, ${label}: start to all diagnostics ≤ ${limit} s`,
      measured: `warm ${fmt(warm)} s (cold ${fmt(cold)} s)`,
      met: warm === null ? null : warm <= limit,
      note: `cold ${cold !== null && cold <= limit ? 'meets' : 'misses'} it; measured from spawn`,
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
  return T;
}

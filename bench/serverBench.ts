/** The language server per corpus: cold and warm start-up, memory, completion, hover and edit latency. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CorpusInfo } from './corpora';
import { fmt } from './format';
import { log, note } from './log';
import { stats, type CacheMode, type Stats } from './measure';
import type { BenchOptions } from './options';
import { now, procStatus, ServerSession, type Diag, type StartupResult } from './serverSession';

export interface ServerRow {
  corpus: CorpusInfo;
  cold: StartupResult | null;
  warm: StartupResult[];
  completionOnderwerp: Stats | null;
  completionVereiste: Stats | null;
  hoverVereiste: Stats | null;
  hoverDirective: Stats | null;
  edits: Stats | null;
  editsPaced: Stats | null;
  /** after the latency scenarios */
  rssAfterMb: number | null;
  hwmAfterMb: number | null;
  details: string[];
  problem?: string;
}

interface Position {
  line: number;
  character: number;
}

/** the frontmatter lines of a file: [1, close) or undefined */
function frontmatterRange(lines: string[]): [number, number] | undefined {
  if (lines[0] !== '---') return undefined;
  const close = lines.indexOf('---', 1);
  return close > 0 ? [1, close] : undefined;
}

/** line indices of the `- item` lines of a block list `key:` in the frontmatter */
function listItemLines(lines: string[], key: string): number[] {
  const fm = frontmatterRange(lines);
  if (!fm) return [];
  const start = lines.findIndex((l, i) => i >= fm[0] && i < fm[1] && l.trimEnd() === `${key}:`);
  if (start < 0) return [];
  const items: number[] = [];
  for (let i = start + 1; i < fm[1] && /^\s*-\s+\S/.test(lines[i]); i++) items.push(i);
  return items;
}

function mdFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** plain LF text without a BOM, or undefined */
function plainText(file: string): string | undefined {
  const text = fs.readFileSync(file, 'utf8');
  return text.includes('\r') || text.startsWith('\ufeff') ? undefined : text;
}

interface Scenario {
  maatregel: { uri: string; text: string; onderwerpItem: Position; onderwerpValueEnd: Position; vereisteItem: Position; aiaItem: Position };
  vereiste: { uri: string; text: string; directiveSlug: Position };
  names: string[];
}

/**
 * A maatregel with `vereiste:` and `onderwerp:` block lists (opened with a
 * `- aia-0` item added under `vereiste:`) and a vereiste with a
 * `list_maatregelen vereiste/...` directive.
 */
function findScenario(root: string): Scenario | undefined {
  const base = path.join(root, 'docs', 'voldoen-aan-wetten-en-regels');
  let maatregel: Scenario['maatregel'] | undefined;
  let maatregelName = '';
  for (const file of mdFiles(path.join(base, 'maatregelen'))) {
    const text = plainText(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const vereisten = listItemLines(lines, 'vereiste');
    if (vereisten.length === 0 || listItemLines(lines, 'onderwerp').length === 0) continue;
    const last = vereisten[vereisten.length - 1];
    const indent = /^(\s*)-/.exec(lines[last])![1];
    lines.splice(last + 1, 0, `${indent}- aia-0`);
    const onderwerp = listItemLines(lines, 'onderwerp');
    const firstVereiste = listItemLines(lines, 'vereiste')[0];
    const valueAt = (line: number) => /^\s*-\s+/.exec(lines[line])![0].length;
    const onderwerpLine = lines[onderwerp[0]];
    if (/\s$/.test(onderwerpLine)) continue;
    maatregel = {
      uri: pathToFileURL(file).toString(),
      text: lines.join('\n'),
      onderwerpItem: { line: onderwerp[0], character: onderwerpLine.length },
      onderwerpValueEnd: { line: onderwerp[0], character: onderwerpLine.length },
      vereisteItem: { line: firstVereiste, character: valueAt(firstVereiste) + 2 },
      aiaItem: { line: last + 1, character: lines[last + 1].length },
    };
    maatregelName = path.relative(root, file);
    break;
  }
  let vereiste: Scenario['vereiste'] | undefined;
  let vereisteName = '';
  for (const file of mdFiles(path.join(base, 'vereisten'))) {
    const text = plainText(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('<!-- list_maatregelen vereiste/'));
    if (line < 0) continue;
    vereiste = { uri: pathToFileURL(file).toString(), text, directiveSlug: { line, character: lines[line].indexOf('vereiste/') + 'vereiste/'.length + 2 } };
    vereisteName = path.relative(root, file);
    break;
  }
  return maatregel && vereiste ? { maatregel, vereiste, names: [maatregelName, vereisteName] } : undefined;
}

const isUnknownValue = (line: number) => (d: Diag) => d.code === 'AK020' && d.range.start.line === line;

async function timeRequests(session: ServerSession, method: string, params: unknown, count: number, warmup: number): Promise<{ ms: number[]; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = await session.connection.sendRequest(method, params);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    last = await session.connection.sendRequest(method, params);
    ms.push(now() - t0);
  }
  return { ms, last };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** didChange (append `x` to an onderwerp value / delete it again) to the matching publishDiagnostics of that URI */
async function timeEdits(session: ServerSession, s: Scenario, version: { v: number }, count: number, gapMs: number): Promise<number[]> {
  const { uri } = s.maatregel;
  const at = s.maatregel.onderwerpValueEnd;
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const misspell = i % 2 === 0;
    const change = misspell ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const wait = session.nextDiagnostics(uri, (ds) => (misspell ? ds.some(isUnknownValue(at.line)) : !ds.some(isUnknownValue(at.line))));
    const t0 = now();
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version.v }, contentChanges: [change] });
    ms.push((await wait) - t0);
    if (gapMs) await sleep(gapMs);
  }
  // end restored
  if (count % 2 === 1) {
    const wait = session.nextDiagnostics(uri, (ds) => !ds.some(isUnknownValue(at.line)));
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version.v },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }],
    });
    await wait;
  }
  return ms;
}

function itemCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const items = (result as { items?: unknown[] } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

async function latencyScenarios(session: ServerSession, row: ServerRow, o: BenchOptions): Promise<void> {
  const s = findScenario(row.corpus.root);
  if (!s) {
    row.details.push('no maatregel with vereiste: and onderwerp: lists, or no vereiste with a list_maatregelen directive: latency not measured');
    return;
  }
  row.details.push(`latency on ${s.names.join(' and ')}`);
  const version = { v: 1 };
  const opened = Promise.all([
    session.nextDiagnostics(s.maatregel.uri, (ds) => ds.some((d) => d.code === 'AK040' && d.range.start.line === s.maatregel.aiaItem.line)),
    session.nextDiagnostics(s.vereiste.uri, () => true),
  ]);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: s.maatregel.uri, languageId: 'markdown', version: 1, text: s.maatregel.text } });
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: s.vereiste.uri, languageId: 'markdown', version: 1, text: s.vereiste.text } });
  await opened;
  const warm = 10;
  const td = (uri: string) => ({ uri });
  const c1 = await timeRequests(session, 'textDocument/completion', { textDocument: td(s.maatregel.uri), position: s.maatregel.onderwerpItem }, o.requests, warm);
  const c2 = await timeRequests(
    session,
    'textDocument/completion',
    { textDocument: td(s.maatregel.uri), position: s.maatregel.aiaItem, context: { triggerKind: 1 } },
    o.requests,
    warm,
  );
  const h1 = await timeRequests(session, 'textDocument/hover', { textDocument: td(s.maatregel.uri), position: s.maatregel.vereisteItem }, o.requests, warm);
  const h2 = await timeRequests(session, 'textDocument/hover', { textDocument: td(s.vereiste.uri), position: s.vereiste.directiveSlug }, o.requests, warm);
  row.completionOnderwerp = stats(c1.ms);
  row.completionVereiste = stats(c2.ms);
  row.hoverVereiste = stats(h1.ms);
  row.hoverDirective = stats(h2.ms);
  row.details.push(
    `completion items: onderwerp ${itemCount(c1.last)}, \`- aia-0\` ${itemCount(c2.last)}; hover: vereiste item ${h1.last ? 'yes' : 'EMPTY'}, directive slug ${h2.last ? 'yes' : 'EMPTY'}`,
  );
  if (itemCount(c1.last) === 0 || itemCount(c2.last) === 0 || !h1.last || !h2.last) note(`server on ${row.corpus.name}: a completion or hover answered nothing (see details)`);
  await timeEdits(session, s, version, 4, 0); // warm-up
  row.edits = stats(await timeEdits(session, s, version, o.edits, 0));
  // at typing pace, so the dependents of the edited document (re-checked 150 ms after the last edit) run between edits
  row.editsPaced = stats(await timeEdits(session, s, version, Math.max(2, Math.round(o.edits / 5)), 250));
}

async function startSession(serverBin: string, c: CorpusInfo, cache: CacheMode, timeoutMs: number): Promise<{ session: ServerSession; result: StartupResult; complete: boolean }> {
  const session = new ServerSession(serverBin, c.files, process.env);
  await session.initialize(c.root);
  const complete = await session.allPublished(timeoutMs);
  const result = session.startup(cache);
  log(
    `  server ${cache} start-up on ${c.name}: ${complete ? `${result.spawnToAllS!.toFixed(3)} s to all diagnostics` : `TIMED OUT after ${timeoutMs / 1000} s with ${result.published}/${result.expected} files published`}, RSS ${fmt(result.rssMb, 0)} MiB`,
  );
  return { session, result, complete };
}

/**
 * Per corpus: a cold start-up (the first), warm start-ups (the files in the
 * system's cache), then, in the last warm session,
 * completion, hover and edit latency.
 */
export async function measureServer(dist: string, corpora: CorpusInfo[], o: BenchOptions): Promise<ServerRow[]> {
  const bin = path.join(dist, 'server.js');
  if (!fs.existsSync(bin)) {
    note('server: dist/server.js is not built (npm run build): skipped');
    return [];
  }
  const rows: ServerRow[] = [];
  for (const c of corpora) {
    log(`measure server on ${c.name} (${c.files} files) ...`);
    const row: ServerRow = {
      corpus: c,
      cold: null,
      warm: [],
      completionOnderwerp: null,
      completionVereiste: null,
      hoverVereiste: null,
      hoverDirective: null,
      edits: null,
      editsPaced: null,
      rssAfterMb: null,
      hwmAfterMb: null,
      details: [],
    };
    rows.push(row);
    const timeoutMs = o.serverTimeoutS * 1000;
    let session: ServerSession | undefined;
    try {
      const cold = await startSession(bin, c, 'cold', timeoutMs);
      row.cold = cold.result;
      await cold.session.stop();
      if (!cold.complete) {
        row.problem = `cold start-up timed out after ${o.serverTimeoutS} s: ${cold.result.published}/${cold.result.expected} files published`;
        note(`server on ${c.name}: ${row.problem}; warm start-up and latency skipped`);
        continue;
      }
      const warmRuns = c.files <= 20000 ? 3 : 1;
      for (let i = 0; i < warmRuns; i++) {
        const warm = await startSession(bin, c, 'warm', timeoutMs);
        row.warm.push(warm.result);
        if (i < warmRuns - 1 || !warm.complete) {
          await warm.session.stop();
          if (!warm.complete) throw new Error(`warm start-up timed out after ${o.serverTimeoutS} s`);
        } else session = warm.session;
      }
      await latencyScenarios(session!, row, o);
      const after = procStatus(session!.child.pid);
      row.rssAfterMb = after.rssMb;
      row.hwmAfterMb = after.hwmMb;
    } catch (e) {
      row.problem = (e as Error).message;
      note(`server on ${c.name}: ${row.problem}${session?.stderr ? `; stderr: ${session.stderr.slice(-300)}` : ''}`);
    } finally {
      await session?.stop();
    }
  }
  return rows;
}

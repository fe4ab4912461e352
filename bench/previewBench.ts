/**
 * The Markdown preview of a page with 100 directives: how long the server takes to work out what
 * the site shows in their place (algoritmekader/previewData), and how long markdown-it with the
 * preview plugin takes to parse and render the page from that data, as VS Code's preview does on
 * every change of the page (the target: under 100 ms). On the real corpus, else on the synthetic
 * corpus of 1,000 documents.
 *
 *   npm run bench:preview            (or as part of `npm run bench`)
 */
import { loadCorpus, loadCorpusConfig, parseDocument, type Corpus } from '../engine';
import { NodeFileSystem } from '../engine/node';
import { previewData } from '../server/src/languageFeatures/previewData';
import { previewMarkdown, renderAs } from '../test/support/sitePreview';
import { prepareCorpus, realCorpus } from './corpora';
import { fmt } from './format';
import { log, note } from './log';
import { stats, type Stats } from './measure';
import { findProjectRoot } from './options';

export interface PreviewBench {
  corpus: string;
  directives: number;
  rows: number;
  htmlBytes: number;
  /** ms: the server's preview data of the page. */
  data: Stats;
  /** ms: parse and render with data just arrived (no directive rendered before): as when the server answers. */
  fresh: Stats;
  /** ms: parse and render with the data of the previous render: as on every keystroke in the page. */
  edit: Stats;
  /** ms: render only, the tokens already parsed. */
  rerender: Stats;
}

const runs = 50;
const warmup = 10;
const targetMs = 100;

/** A vereiste page with 100 directives of every kind, in headings, expanders and admonitions as the real pages have them. */
function hundredDirectivePage(corpus: Corpus): string {
  const vereisten = [...corpus.documentsOf('vereiste')].map((document) => document.slug).sort();
  const onderwerpen = [...corpus.documentsOf('onderwerp')].map((document) => document.slug).sort();
  const lines = [
    '---',
    'title: Honderd directives',
    'id: urn:nl:ak:ver:aia-99',
    'toelichting: Een pagina voor de meting.',
    'levenscyclus: [ontwerp]',
    'onderwerp: [transparantie]',
    'rollen: [projectleider]',
    'soort-toepassing: [ai-systeem]',
    'risicogroep: [hoog-risico-ai-systeem]',
    '---',
    '',
  ];
  for (let index = 0; index < 100; index++) {
    lines.push(`## Deel ${index + 1} { data-search-exclude }`, '', 'Een alinea over de AI-verordening en een algoritme, met een [link](../maatregelen/index.md).', '');
    const kind = index % 10;
    if (kind < 6) lines.push('??? expander "Bekijk de maatregelen"', `    <!-- list_maatregelen vereiste/${vereisten[index % vereisten.length]} no-search -->`, '');
    else if (kind < 8) lines.push(`<!-- list_vereisten onderwerp/${onderwerpen[index % onderwerpen.length]} -->`, '');
    else if (kind === 8) lines.push('!!! example "Hulpmiddelen"', '    <!-- list_hulpmiddelen no-search no-rol -->', '');
    else lines.push(index % 20 === 9 ? '<!-- tags -->' : '<!-- tags-ai-act -->', '');
  }
  return lines.join('\n');
}

/**
 * Times `run` after `prepare` (not timed) in each of the runs: the CPU time of this process, which
 * other processes on a busy machine do not lengthen (the render is synchronous: on an idle machine
 * it is its wall-clock time).
 */
function time(run: () => unknown, prepare: () => void = () => undefined): Stats {
  const times: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    prepare();
    // With --expose-gc (npm run bench:preview): a collection of what earlier runs left is not timed.
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    if (index >= warmup) times.push((used.user + used.system) / 1000);
  }
  return stats(times)!;
}

export async function measurePreview(projectRoot: string): Promise<PreviewBench> {
  const info = realCorpus(projectRoot) ?? prepareCorpus(projectRoot, 1000, 1);
  const fs = new NodeFileSystem(info.root);
  const { corpus } = await loadCorpus(fs, (await loadCorpusConfig(fs)).schema);
  const path = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-99-honderd-directives.md';
  const text = hundredDirectivePage(corpus);
  const document = parseDocument(path, text, corpus.schema);
  corpus.set(document);

  let data = previewData(corpus, document, 1);
  const dataTimes = time(() => (data = previewData(corpus, document, 1)));
  const answer = JSON.stringify(data);
  const md = previewMarkdown(() => data);
  let html = '';
  const fresh = time(
    () => (html = renderAs(md, text, path)),
    () => (data = JSON.parse(answer)),
  );
  const edit = time(() => renderAs(md, text, path));
  const tokens = md.parse(text, {});
  const rerender = time(() => md.renderer.render(tokens, md.options, { currentDocument: { toString: () => path } }));
  const rows = data.directives.reduce((sum, directive) => sum + (directive.view.kind === 'table' || directive.view.kind === 'ownTable' ? directive.view.rows.length : 0), 0);
  return { corpus: info.name, directives: document.directives.length, rows, htmlBytes: html.length, data: dataTimes, fresh, edit, rerender };
}

export function previewSummary(result: PreviewBench): string {
  const ms = (s: Stats) => `${fmt(s.p50)} / ${fmt(s.p95)} ms`;
  return (
    `preview of a ${result.directives}-directive page (${result.corpus} corpus, ${result.rows} table rows, ${Math.round(result.htmlBytes / 1024)} KiB of HTML), p50 / p95 of ${runs} runs in CPU time: ` +
    `parse and render on an edit ${ms(result.edit)} (target < ${targetMs} ms: ${result.edit.p95 < targetMs ? 'met' : 'not met'}), ` +
    `with data just arrived ${ms(result.fresh)} (${result.fresh.p95 < targetMs ? 'met' : 'not met'}), render only ${ms(result.rerender)}, server's preview data ${ms(result.data)}`
  );
}

/** Measures and notes the figure, for the report of `npm run bench`. */
export async function notePreview(projectRoot: string): Promise<void> {
  note(previewSummary(await measurePreview(projectRoot)));
}

// Entry only when this file is the bundle's entry (see the note at the end of generateCorpus.ts).
if (typeof require !== 'undefined' && require.main === module && (module.exports as { measurePreview?: unknown }).measurePreview === measurePreview) {
  measurePreview(findProjectRoot()).then(
    (result) => log(previewSummary(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// What the site's hooks put in place of a directive, as HTML in the classes of the site's own pages
// (Material's `mdx-badge` labels, the filter bar above a table), from the server's view of it.
import type { OwnRow, SiteCell, SiteDirectiveView, SiteLabel } from '../../../engine';
import { escapeHtml, marker, messageHtml } from './html';

/** The colour (Material's accent name) and icon of a label, by its key, as the site's hooks give them. */
const labelStyles: Record<string, { accent: string; icon: string }> = {
  id: { accent: 'blue', icon: 'tag' },
  levenscyclus: { accent: 'indigo', icon: 'reload' },
  rollen: { accent: 'deep-orange', icon: 'account' },
  onderwerp: { accent: 'teal', icon: 'lightbulb' },
  'soort-toepassing': { accent: 'blue', icon: 'graph' },
  risicogroep: { accent: 'blue', icon: 'alert' },
  'rol-ai-act': { accent: 'blue', icon: 'account-details' },
  transparantieverplichting: { accent: 'blue', icon: 'magnify' },
  systeemrisico: { accent: 'blue', icon: 'network' },
};

/** The filter bar's label per label column, as the site names them. */
const filterLabels: Record<string, string> = { rollen: 'Rollen', levenscyclus: 'Levenscyclus', onderwerp: 'Onderwerpen' };

/** The HTML of each view, kept while the view is: the data of a page stays the same over many renders (every keystroke renders the page again). */
const rendered = new WeakMap<SiteDirectiveView, string>();

export function directiveHtml(name: string, view: SiteDirectiveView): string {
  let html = rendered.get(view);
  if (html === undefined) rendered.set(view, (html = viewHtml(name, view)));
  return html;
}

function viewHtml(name: string, view: SiteDirectiveView): string {
  const attributes = `class="ak-directive" data-ak-directive="${escapeHtml(name)}"`;
  switch (view.kind) {
    case 'table':
      return `<div ${attributes} data-ak-rows="${view.rows.length}">${filterBar(view)}${table(
        view.headers,
        view.rows.map((row) => row.cells.map(cellHtml)),
      )}${view.problem ? marker(view.problem) : ''}</div>`;
    case 'ownTable':
      if (view.rows.length === 0) return `<div ${attributes} data-ak-rows="0"><p>${escapeHtml(view.emptyText ?? '')}</p></div>`;
      return `<div ${attributes} data-ak-rows="${view.rows.length}">${table(
        view.headers,
        view.rows.map((row) => ownRowCells(row, view.listedType)),
        'ak-table ak-table--ids',
      )}</div>`;
    case 'labels':
      return `<div ${attributes}>${introHtml(view.intro)}${view.labels.length > 0 ? `<p class="ak-labels">${view.labels.map(labelHtml).join('')}</p>` : ''}</div>`;
    case 'nothing':
      return `<div ${attributes} data-ak-nothing>${marker(view.problem)}</div>`;
  }
}

/** Until the server has answered: a line in place of the directive. */
export function loadingHtml(name: string): string {
  return `<div class="ak-directive ak-loading" data-ak-directive="${escapeHtml(name)}">${messageHtml(`\`${name}\` laden…`)}</div>`;
}

function table(headers: string[], rows: string[][], classes = 'ak-table'): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table class="${classes}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The site's filter bar: a search field and a choice per label column that has values; not working in the preview. */
function filterBar(view: Extract<SiteDirectiveView, { kind: 'table' }>): string {
  const items: string[] = [];
  if (view.search) items.push(`<label class="filter-item">Zoeken<input type="text" disabled placeholder="Zoek op ${escapeHtml(view.headers[0]?.toLowerCase() ?? '')}"></label>`);
  const columnKeys = new Set<string>();
  for (const row of view.rows) for (const cell of row.cells) if (cell.shows === 'labels' && cell.labels.length > 0) columnKeys.add(cell.labels[0].key);
  for (const key of columnKeys) items.push(`<label class="filter-item">${escapeHtml(filterLabels[key] ?? key)}<select disabled></select></label>`);
  return items.length > 0 ? `<div class="filter-wrapper">${items.join('')}</div>` : '';
}

function cellHtml(cell: SiteCell): string {
  switch (cell.shows) {
    case 'title':
      return link(cell.target, escapeHtml(cell.text));
    case 'law':
      return cell.abbreviation ? `<abbr title="${escapeHtml(cell.abbreviation)}">${escapeHtml(cell.text)}</abbr>` : escapeHtml(cell.text);
    case 'labels':
      return cell.labels.map(labelHtml).join('');
  }
}

function ownRowCells(row: OwnRow, listedType: string): string[] {
  // The site shows the slug alone, in one cell; the preview says why beside it.
  if (!row.document) return [`<span class="ak-slug">${escapeHtml(row.slug)}</span>`, marker(`Er is geen ${listedType} met deze slug: de site toont hem zonder link.`, true)];
  return [link(row.document.target, escapeHtml(row.document.id)), link(row.document.target, escapeHtml(row.document.title))];
}

/** The HTML of labels by their content: a table repeats the same few labels in every row. */
const labels = new Map<string, string>();
const maxLabels = 10_000;

export function labelHtml(label: SiteLabel): string {
  const key = `${label.key}\u0000${label.text}\u0000${label.target ?? ''}`;
  let html = labels.get(key);
  if (html === undefined) {
    if (labels.size >= maxLabels) labels.clear();
    labels.set(key, (html = newLabelHtml(label)));
  }
  return html;
}

function newLabelHtml(label: SiteLabel): string {
  const style = labelStyles[label.key] ?? { accent: 'blue', icon: 'tag' };
  const text = label.target ? link(label.target, escapeHtml(label.text)) : escapeHtml(label.text);
  return (
    `<span class="mdx-badge" data-md-color-accent="${style.accent}" data-ak-label="${escapeHtml(label.key)}">` +
    `<span class="mdx-badge__icon"><span class="ak-icon ak-icon--${style.icon}"></span></span><span class="mdx-badge__text">${text}</span></span>`
  );
}

function introHtml(intro: 'ai-act' | 'other-law' | undefined): string {
  if (intro === 'ai-act') {
    return (
      '<p data-ak-intro="ai-act">Deze vereiste is van toepassing voor onderstaande (combinatie van) labels. Gebruik de ' +
      '<span class="ak-site-only" title="Op de site opent dit de beslishulp">beslishulp AI-verordening</span> ' +
      'voor hulp bij wat er in jouw situatie van toepassing is.</p>'
    );
  }
  if (intro === 'other-law')
    return '<p data-ak-intro="other-law">Deze vereiste geldt waarschijnlijk voor jouw algoritmische toepassingen. Bekijk de <a href="#bronnen">bronnen</a> om te controleren of dit zo is.</p>';
  return '';
}

function link(target: string, html: string): string {
  return `<a href="${escapeHtml(target)}">${html}</a>`;
}

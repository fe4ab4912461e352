// The Algoritmekader schema as data: document types, their folders and keys, the vocabularies of the
// list keys and the directives the site's hooks expand. Rules, completion and hover read it from here;
// a corpus may override parts of it with its configuration file (see corpusConfig.ts).

export type DocumentTypeName = string;

export interface DocumentTypeSchema {
  /** Folder (relative to the corpus root) whose direct `*.md` children are documents of this type. */
  folder: string;
  /** Prefix of a valid `id`, e.g. `urn:nl:ak:ver:`; absent when ids of this type are not checked. */
  idPrefix?: string;
  required: string[];
  /** Known keys besides the required ones. */
  optional: string[];
  /** The body section that states the document's point, shown in hover previews (`## Vereiste`). */
  mainSection?: string;
  /** The `##` sections a page of this type must have, in the order of its template (AK080). */
  sections?: string[];
  /** Dutch label, for messages and hovers. */
  label: string;
}

/** Where the allowed values of a list key come from. */
export type Vocabulary = { kind: 'values'; values: string[] } | { kind: 'taxonomy'; taxonomy: string } | { kind: 'documents'; documentType: DocumentTypeName } | { kind: 'open' };

export interface ListKeySchema {
  vocabulary: Vocabulary;
}

export interface DirectiveSchema {
  description: string;
  /** For `list_*` directives with a filter: the document type listed. */
  lists?: DocumentTypeName;
  /** Column or control names X valid in `no-X` / `add-X`. */
  options?: string[];
  /** Document types whose pages may carry it; absent means every page. */
  allowedOn?: DocumentTypeName[];
  /** For `list_*` directives: the columns of the table the site renders, in order. */
  columns?: DirectiveColumn[];
  /** For a directive that lists the slugs of the page's own list key (`vereiste:`): that key. */
  ownList?: string;
  /** What the site shows in place of an `ownList` table when the page's list is empty. */
  emptyText?: string;
  /**
   * For a label directive: the keys whose values it shows as labels (`id`: the page's id), in order,
   * and values it leaves out. `aiAct`: the AI-Act labels, which the site explains above them and
   * replaces by a sentence on a vereiste of another law.
   */
  labels?: { keys: string[]; skip?: string[]; aiAct?: boolean };
}

/** A column of a `list_*` table; `no-<name>` hides it, `add-<name>` shows it. */
export interface DirectiveColumn {
  name: string;
  header: string;
  /** The linked title, the law a vereiste's id names (`aia` → AI-verordening, from the glossary), or the values of a list key as labels. */
  shows: 'title' | 'law' | 'labels';
  /** For `labels`: the list key. */
  key?: string;
  /** For `law`: the codes the site shows as the abbreviation (with the glossary's definition as a tooltip) instead of the definition. */
  abbreviated?: string[];
}

export interface CorpusSchema {
  /** A folder is a corpus root when it contains this folder. */
  rootMarker: string;
  documentTypes: Record<DocumentTypeName, DocumentTypeSchema>;
  /** Taxonomy name → folder whose page slugs form the vocabulary (index.md excluded). */
  taxonomies: Record<string, string>;
  listKeys: Record<string, ListKeySchema>;
  /** What each frontmatter key is for, shown by completion and hover. */
  keyDescriptions: Record<string, string>;
  /** HTML comments whose first word starts with one of these are meant as directives. */
  directivePrefixes: string[];
  directives: Record<string, DirectiveSchema>;
  /** Words above which a `toelichting` is too long. */
  maxToelichtingWords: number;
  /** The values MkDocs Material knows in `hide` (AK091). */
  hideValues: string[];
  /**
   * The audit frameworks that `sources` of a maatregel cites (AK093): the CSV of their codes beside
   * `docs/` (`nummer;maatregel;source`), and per key of `sources` the `source` column of its codes.
   */
  sources: { file: string; frameworks: Record<string, string> };
  /** `uitzondering` of vereisten (AK092): items that stand alone, and the keys whose `<key>-<value>` labels the expressions test. */
  uitzondering: { standalone: string[]; labelKeys: string[] };
  /** How keys and values read in hovers and completion; one not listed reads as itself with its dashes as spaces. */
  displayNames: Record<string, string>;
  /** The glossary the site appends to every page as abbreviations (`*[term]: definition`). */
  glossary: string;
  /** The folder of the corpus's page templates, `template-<type>.md`. */
  templateFolder: string;
  /** How the instruction sentences of those templates start: a body line that starts so is template text left in (AK084). */
  instructionPhrases: string[];
}

const contentFolder = 'docs/voldoen-aan-wetten-en-regels';
const commonOptional = ['hide', 'summary', 'allow_excel_export', 'search'];
const aiActKeys = ['soort-toepassing', 'risicogroep', 'transparantieverplichting', 'systeemrisico', 'open-source', 'rol-ai-act'];
const listOptions = ['search', 'title', 'rol', 'levenscyclus', 'onderwerp'];
/** The columns of the site's `list_*` tables after the title (src/overrides/hooks/lists.py of the site). */
const labelColumns: DirectiveColumn[] = [
  { name: 'rol', header: 'Rollen', shows: 'labels', key: 'rollen' },
  { name: 'levenscyclus', header: 'Levenscyclus', shows: 'labels', key: 'levenscyclus' },
  { name: 'onderwerp', header: 'Onderwerpen', shows: 'labels', key: 'onderwerp' },
];

export const defaultSchema: CorpusSchema = {
  rootMarker: contentFolder,
  documentTypes: {
    vereiste: {
      folder: `${contentFolder}/vereisten`,
      idPrefix: 'urn:nl:ak:ver:',
      required: ['title', 'id', 'toelichting', 'levenscyclus', 'onderwerp', 'rollen'],
      optional: [...commonOptional, ...aiActKeys, 'uitzondering', 'status_vereiste'],
      mainSection: 'Vereiste',
      sections: ['Vereiste', 'Toelichting', 'Bronnen', 'Van toepassing op', 'Risico', 'Maatregelen'],
      label: 'vereiste',
    },
    maatregel: {
      folder: `${contentFolder}/maatregelen`,
      idPrefix: 'urn:nl:ak:mtr:',
      required: ['title', 'id', 'toelichting', 'levenscyclus', 'onderwerp', 'rollen'],
      optional: [...commonOptional, 'vereiste', 'sources', 'bronnen'],
      mainSection: 'Maatregel',
      sections: ['Maatregel', 'Toelichting', 'Risico', 'Bijbehorende vereiste(n)', 'Bronnen', 'Voorbeelden'],
      label: 'maatregel',
    },
    hulpmiddel: {
      folder: `${contentFolder}/hulpmiddelen`,
      required: ['title', 'toelichting', 'categorie', 'levenscyclus', 'onderwerp', 'rollen'],
      optional: [...commonOptional, 'id', 'vereiste', 'maatregel'],
      sections: ['Hulpmiddel', 'Relevantie', 'Auteur', 'Bijbehorende vereisten', 'Bijbehorende maatregelen'],
      label: 'hulpmiddel',
    },
  },
  taxonomies: {
    levenscyclus: 'docs/levenscyclus',
    onderwerp: 'docs/onderwerpen',
    rollen: 'docs/rollen',
  },
  listKeys: {
    levenscyclus: { vocabulary: { kind: 'taxonomy', taxonomy: 'levenscyclus' } },
    onderwerp: { vocabulary: { kind: 'taxonomy', taxonomy: 'onderwerp' } },
    rollen: { vocabulary: { kind: 'taxonomy', taxonomy: 'rollen' } },
    'soort-toepassing': { vocabulary: { kind: 'values', values: ['ai-systeem', 'ai-systeem-voor-algemene-doeleinden', 'ai-model-voor-algemene-doeleinden'] } },
    risicogroep: {
      vocabulary: { kind: 'values', values: ['hoog-risico-ai-systeem', 'niet-van-toepassing', 'verboden-ai', 'geen-hoog-risico-ai-systeem', 'uitzondering-van-toepassing'] },
    },
    transparantieverplichting: { vocabulary: { kind: 'values', values: ['geen-transparantieverplichting', 'transparantieverplichting', 'niet-van-toepassing'] } },
    systeemrisico: { vocabulary: { kind: 'values', values: ['systeemrisico', 'geen-systeemrisico', 'niet-van-toepassing'] } },
    'open-source': { vocabulary: { kind: 'values', values: ['open-source', 'geen-open-source', 'niet-van-toepassing'] } },
    'rol-ai-act': { vocabulary: { kind: 'values', values: ['aanbieder', 'gebruiksverantwoordelijke', 'importeur', 'distributeur'] } },
    vereiste: { vocabulary: { kind: 'documents', documentType: 'vereiste' } },
    maatregel: { vocabulary: { kind: 'documents', documentType: 'maatregel' } },
    categorie: { vocabulary: { kind: 'open' } },
  },
  keyDescriptions: {
    title: 'Titel van de pagina.',
    id: 'Unieke URN, bijvoorbeeld `urn:nl:ak:ver:aia-29` (vereiste) of `urn:nl:ak:mtr:owp-30` (maatregel); het laatste deel is ook het begin van de bestandsnaam.',
    toelichting: 'Korte samenvatting (hoogstens 40 woorden), getoond in tabellen en zoekresultaten.',
    levenscyclus: "Fasen van de levenscyclus waarin dit speelt (pagina's in `docs/levenscyclus`).",
    onderwerp: "Onderwerpen (pagina's in `docs/onderwerpen`).",
    rollen: "Rollen voor wie dit bedoeld is (pagina's in `docs/rollen`).",
    vereiste: 'Vereisten waar dit bij hoort, als slugs (bestandsnamen zonder `.md`).',
    maatregel: 'Maatregelen waar dit bij hoort, als slugs (bestandsnamen zonder `.md`).',
    categorie: 'Soort hulpmiddel (vrije waarden, bijvoorbeeld `self-assessment`).',
    'soort-toepassing': 'AI-verordening: soort toepassing.',
    risicogroep: 'AI-verordening: risicogroep.',
    transparantieverplichting: 'AI-verordening: of er een transparantieverplichting geldt.',
    systeemrisico: 'AI-verordening: systeemrisico van AI-modellen voor algemene doeleinden.',
    'open-source': 'AI-verordening: open-source of niet.',
    'rol-ai-act': 'AI-verordening: rol van de organisatie.',
    uitzondering: 'AI-verordening: uitzonderingen die van toepassing kunnen zijn.',
    status_vereiste: 'Status van de vereiste.',
    hide: 'MkDocs: onderdelen van de pagina die verborgen worden (`navigation`, `toc`).',
    summary: 'Korte beschrijving voor overzichten.',
    allow_excel_export: 'Staat export van de tabellen naar Excel toe.',
    search: 'MkDocs-zoekinstellingen voor deze pagina.',
    sources: 'Bronnen per toetsingskader, bijvoorbeeld `ARK: [2.09]`.',
    bronnen: 'Bronnen van deze maatregel.',
  },
  directivePrefixes: ['list_', 'tags'],
  directives: {
    tags: { description: 'Toont de labels (levenscyclus, onderwerp, rollen) van deze pagina als knoppen.', labels: { keys: ['id', 'levenscyclus', 'rollen', 'onderwerp'] } },
    'tags-ai-act': {
      description: 'Toont de AI-verordening-labels van deze pagina.',
      labels: {
        keys: ['soort-toepassing', 'risicogroep', 'rol-ai-act', 'systeemrisico', 'transparantieverplichting'],
        skip: ['niet-van-toepassing', 'uitzondering-van-toepassing'],
        aiAct: true,
      },
    },
    list_vereisten: {
      description: 'Tabel van vereisten. Het eerste argument `sleutel/waarde` filtert; `no-X`/`add-X` verbergt of toont kolom X.',
      lists: 'vereiste',
      options: [...listOptions, 'wetcode'],
      columns: [
        { name: 'title', header: 'Vereisten', shows: 'title' },
        { name: 'wetcode', header: 'Wetgeving', shows: 'law', abbreviated: ['AVG', 'BIO', 'BZK', 'WOO', 'AWB'] },
        ...labelColumns,
      ],
    },
    list_maatregelen: {
      description: 'Tabel van maatregelen. Het eerste argument `sleutel/waarde` filtert; `no-X`/`add-X` verbergt of toont kolom X.',
      lists: 'maatregel',
      options: listOptions,
      columns: [{ name: 'title', header: 'Maatregelen', shows: 'title' }, ...labelColumns],
    },
    list_hulpmiddelen: {
      description: 'Tabel van hulpmiddelen. Het eerste argument `sleutel/waarde` filtert; `no-X`/`add-X` verbergt of toont kolom X.',
      lists: 'hulpmiddel',
      options: listOptions,
      columns: [{ name: 'title', header: 'Hulpmiddelen', shows: 'title' }, ...labelColumns],
    },
    list_vereisten_on_maatregelen_page: {
      description: 'Lijst van de vereisten uit de eigen `vereiste:`-lijst van deze pagina.',
      allowedOn: ['maatregel', 'hulpmiddel'],
      ownList: 'vereiste',
      emptyText: 'Geen vereisten beschikbaar voor deze maatregel.',
    },
    list_maatregelen_on_hulpmiddelen_page: {
      description: 'Lijst van de maatregelen uit de eigen `maatregel:`-lijst van deze pagina.',
      allowedOn: ['hulpmiddel'],
      ownList: 'maatregel',
      emptyText: 'Geen maatregelen beschikbaar voor dit hulpmiddel.',
    },
  },
  maxToelichtingWords: 40,
  hideValues: ['navigation', 'toc', 'footer', 'path', 'tags', 'feedback'],
  sources: { file: 'script/maatregelen-adr-ark.csv', frameworks: { ADR: 'Onderzoekskader Auditdienst Rijk', ARK: 'Toetsingskader Algemene Rekenkamer' } },
  uitzondering: { standalone: ['risicogroep-uitzondering-van-toepassing'], labelKeys: aiActKeys },
  displayNames: {
    'soort-toepassing': 'soort toepassing',
    'rol-ai-act': 'rol (AI-verordening)',
    'ai-systeem': 'AI-systeem',
    'ai-systeem-voor-algemene-doeleinden': 'AI-systeem voor algemene doeleinden',
    'ai-model-voor-algemene-doeleinden': 'AI-model voor algemene doeleinden',
    'hoog-risico-ai-systeem': 'hoog-risico-AI-systeem',
    'geen-hoog-risico-ai-systeem': 'geen hoog-risico-AI-systeem',
    'verboden-ai': 'verboden AI',
    'open-source': 'open source',
    'geen-open-source': 'geen open source',
  },
  glossary: 'includes/begrippenlijst.md',
  templateFolder: 'templates',
  instructionPhrases: ['Hier staat', 'Hier staan', 'Beschrijf hier'],
};

/**
 * An entry of a schema table by a name read from a document (a key, a directive name): own entries
 * only, so that `constructor`, `toString` or `__proto__` name nothing.
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export function knownKeys(type: DocumentTypeSchema): string[] {
  return [...type.required, ...type.optional];
}

/** How a key or value reads in a hover or completion item. */
export function displayName(schema: CorpusSchema, name: string): string {
  return entryOf(schema.displayNames, name) ?? name.replace(/-/g, ' ');
}

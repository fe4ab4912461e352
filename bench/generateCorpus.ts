/**
 * Deterministic generator of synthetic Algoritmekader corpora for benchmarks
 * and scale tests.
 *
 *   generateCorpus(root, documents, seed = 1)
 *
 * writes `documents` Markdown files (vereisten : maatregelen : hulpmiddelen :
 * other pages in the real corpus's 63 : 108 : 28 : 40 proportion) below
 * `root/docs/`, a `root/mkdocs.yml`, and a manifest `root/generated-corpus.json`
 * (counts plus every injected defect with the file, line and rule code a
 * checker should report). The taxonomy pages use the real slugs, so tags stay
 * valid. The same (documents, seed) always gives byte-identical output.
 *
 * CLI, after bundling (see bench/README.md):
 *   node generateCorpus.js <outDir> <N> [seed]
 */
import * as fs from 'fs';
import * as path from 'path';

/** Bump when the output for a given (documents, seed) changes. */
export const GENERATOR_VERSION = 2;
/** Written last into the corpus root; its presence marks a complete corpus. */
export const MANIFEST_FILE = 'generated-corpus.json';

export type DefectKind = 'misspelt-tag' | 'unknown-vereiste' | 'title-period' | 'duplicate-value' | 'empty-item';

export interface InjectedDefect {
  /** posix path relative to the corpus root */
  file: string;
  kind: DefectKind;
  /** rule code of RULES.md the defect should trigger */
  code: string;
  /** 1-based file line of the anchor (the item, or the `title` key) */
  line: number;
  detail: string;
}

export interface CorpusManifest {
  generator: 'akcheck-bench';
  version: number;
  seed: number;
  documents: number;
  files: number;
  bytes: number;
  counts: { vereisten: number; maatregelen: number; hulpmiddelen: number; taxonomy: number; other: number };
  crlfFiles: number;
  bomFiles: number;
  /** toelichting of more than 40 words (AK061, information), as in the real corpus */
  longToelichting: number;
  defects: InjectedDefect[];
}

// ---------------------------------------------------------------------------
// PRNG

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(private readonly next: Rng) {}
  float(): number {
    return this.next();
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** pick by weights: [[value, weight], ...] */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][0];
  }
  /** k distinct elements of xs, in random order */
  sample<T>(xs: readonly T[], k: number): T[] {
    k = Math.min(k, xs.length);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < k) {
      const i = Math.floor(this.next() * xs.length);
      if (!chosen.has(i)) {
        chosen.add(i);
        out.push(xs[i]);
      }
    }
    return out;
  }
  /** log-normal with the given median */
  logNormal(median: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
}

// ---------------------------------------------------------------------------
// Vocabularies (the real taxonomy slugs and the closed AI-Act vocabularies)

const LEVENSCYCLUS_PHASES = [
  'organisatieverantwoordelijkheden',
  'probleemanalyse',
  'ontwerp',
  'dataverkenning-en-datapreparatie',
  'ontwikkelen',
  'verificatie-en-validatie',
  'implementatie',
  'monitoring-en-beheer',
  'uitfaseren',
] as const;
/** every page in docs/levenscyclus (the vocabulary) */
const LEVENSCYCLUS_PAGES = [...LEVENSCYCLUS_PHASES, 'over-de-levenscyclus'];
const ONDERWERPEN = [
  'bias-en-non-discriminatie',
  'data',
  'duurzaamheid',
  'fundamentele-rechten',
  'governance',
  'menselijke-controle',
  'privacy-en-gegevensbescherming',
  'publieke-inkoop',
  'technische-robuustheid-en-veiligheid',
  'transparantie',
];
const ROLLEN = ['beleid-en-advies', 'jurist', 'ontwikkelaar', 'projectleider'];
const TAG_VOCAB = new Set<string>([...LEVENSCYCLUS_PAGES, ...ONDERWERPEN, ...ROLLEN]);
/** the list keys of RULES.md (checked for AK021/AK022); `hide`, `uitzondering` and the like are not */
const LIST_KEYS = new Set<string>([
  'levenscyclus',
  'onderwerp',
  'rollen',
  'vereiste',
  'maatregel',
  'categorie',
  'soort-toepassing',
  'risicogroep',
  'transparantieverplichting',
  'systeemrisico',
  'open-source',
  'rol-ai-act',
]);

/** AI-Act list values on vereisten, as combinations seen in the real corpus (weights = frequency) */
const AI_ACT_COMBOS: Record<string, ReadonlyArray<readonly [string[], number]>> = {
  'soort-toepassing': [
    [['ai-systeem', 'ai-systeem-voor-algemene-doeleinden'], 30],
    [['ai-model-voor-algemene-doeleinden', 'ai-systeem', 'ai-systeem-voor-algemene-doeleinden'], 24],
    [['ai-model-voor-algemene-doeleinden'], 5],
    [['ai-systeem', 'ai-systeem-voor-algemene-doeleinden', 'ai-model-voor-algemene-doeleinden'], 4],
  ],
  risicogroep: [
    [['hoog-risico-ai-systeem'], 28],
    [['hoog-risico-ai-systeem', 'geen-hoog-risico-ai-systeem', 'uitzondering-van-toepassing', 'niet-van-toepassing'], 23],
    [['niet-van-toepassing'], 5],
    [['hoog-risico-ai-systeem', 'geen-hoog-risico-ai-systeem', 'niet-van-toepassing'], 2],
    [['verboden-ai'], 1],
    [['geen-hoog-risico-ai-systeem'], 1],
    [['hoog-risico-ai-systeem', 'geen-hoog-risico-ai-systeem'], 1],
  ],
  'rol-ai-act': [
    [['aanbieder'], 28],
    [['aanbieder', 'gebruiksverantwoordelijke', 'importeur', 'distributeur'], 26],
    [['gebruiksverantwoordelijke'], 8],
    [['aanbieder', 'gebruiksverantwoordelijke'], 1],
  ],
  transparantieverplichting: [
    [['geen-transparantieverplichting', 'transparantieverplichting'], 30],
    [['geen-transparantieverplichting', 'transparantieverplichting', 'niet-van-toepassing'], 27],
    [['niet-van-toepassing'], 5],
    [['transparantieverplichting'], 1],
  ],
  systeemrisico: [
    [['niet-van-toepassing'], 30],
    [['systeemrisico', 'geen-systeemrisico', 'niet-van-toepassing'], 28],
    [['systeemrisico'], 3],
    [['systeemrisico', 'geen-systeemrisico'], 2],
  ],
  'open-source': [[['open-source', 'geen-open-source', 'niet-van-toepassing'], 1]],
};
const UITZONDERING_EXPR =
  '("soort-toepassing-ai-systeem-voor-algemene-doeleinden" || "soort-toepassing-ai-systeem") && "open-source-open-source" && "transparantieverplichting-geen-transparantieverplichting" && "risicogroep-geen-hoog-risico-ai-systeem"';

const CATEGORIEEN = ['handreiking', 'toetsingskader', 'factsheet', 'impact-assessment', 'template', 'self-assessment', 'standaard', 'checklist'];

/** real id prefixes with their real counts (vereisten) */
const VER_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['aia', 40],
  ['arc', 1],
  ['aut', 1],
  ['avg', 13],
  ['awb', 2],
  ['bio', 1],
  ['bzk', 1],
  ['dat', 1],
  ['grw', 2],
  ['woo', 1],
];
/** real maatregel prefixes: [prefix, count, levenscyclus digit] */
const MTR_PREFIXES: ReadonlyArray<readonly [string, number, number]> = [
  ['org', 17, 0],
  ['pba', 6, 1],
  ['owp', 37, 2],
  ['dat', 12, 3],
  ['owk', 12, 4],
  ['ver', 6, 5],
  ['imp', 10, 6],
  ['mon', 8, 7],
  ['uit', 1, 8],
];

// Dutch-like word material
const NOUNS = [
  'algoritme',
  'AI-systeem',
  'organisatie',
  'gegevens',
  'persoonsgegevens',
  'dataset',
  'risico',
  'maatregel',
  'vereiste',
  'verantwoordelijkheid',
  'toezicht',
  'besluitvorming',
  'burger',
  'betrokkene',
  'ontwikkelaar',
  'aanbieder',
  'gebruiker',
  'model',
  'uitkomst',
  'beslissing',
  'proces',
  'documentatie',
  'evaluatie',
  'monitoring',
  'kwaliteit',
  'transparantie',
  'uitlegbaarheid',
  'privacy',
  'beveiliging',
  'bias',
  'discriminatie',
  'grondrecht',
  'wetgeving',
  'verordening',
  'beleid',
  'governance',
  'impact',
  'analyse',
  'toetsing',
  'audit',
  'register',
  'logboek',
  'bewaartermijn',
  'archief',
  'inkoop',
  'leverancier',
  'contract',
  'overeenkomst',
  'werkinstructie',
  'medewerker',
  'team',
  'expertise',
  'validatie',
  'nauwkeurigheid',
  'robuustheid',
  'betrouwbaarheid',
  'prestatie',
  'afwijking',
  'incident',
  'melding',
  'klacht',
  'bezwaar',
  'motivering',
  'grondslag',
  'doelstelling',
  'probleemdefinitie',
  'belanghebbende',
  'afweging',
  'techniek',
  'broncode',
  'training',
  'testdata',
  'variabele',
  'steekproef',
  'proportionaliteit',
  'subsidiariteit',
  'zorgvuldigheid',
  'dataminimalisatie',
  'pseudonimisering',
  'versleuteling',
  'toegang',
  'aansprakelijkheid',
  'conformiteit',
  'registratie',
  'overzicht',
  'inventarisatie',
  'levenscyclus',
  'fase',
  'ontwerp',
  'implementatie',
  'uitfasering',
  'duurzaamheid',
  'energieverbruik',
  'datacenter',
  'feedbackloop',
  'aanval',
  'kwetsbaarheid',
  'toegankelijkheid',
  'geletterdheid',
  'opleiding',
  'bewustwording',
  'wijziging',
  'versiebeheer',
  'beheer',
  'back-up',
  'continuïteit',
  'toetsingskader',
  'handreiking',
  'richtlijn',
  'norm',
  'standaard',
  'uitgangspunt',
  'context',
  'toepassing',
  'dienstverlening',
  'uitvoering',
  'taak',
  'bevoegdheid',
  'interventie',
  'signaal',
  'drempelwaarde',
  'output',
  'invoer',
  'verwerking',
  'verwerkingsregister',
  'privacyverklaring',
  'functionaris',
  'opdrachtgever',
  'bestuurder',
  'gemeente',
  'uitvoeringsorganisatie',
  'risicoanalyse',
  'beslisregel',
  'profilering',
  'herleidbaarheid',
  'reproduceerbaarheid',
];
const VERBS = [
  'bepaalt',
  'beschrijft',
  'controleert',
  'evalueert',
  'beoordeelt',
  'documenteert',
  'toetst',
  'analyseert',
  'waarborgt',
  'voorkomt',
  'beperkt',
  'verbetert',
  'onderbouwt',
  'registreert',
  'publiceert',
  'bewaakt',
  'monitort',
  'herziet',
  'actualiseert',
  'verwerkt',
  'gebruikt',
  'ontwikkelt',
  'ondersteunt',
  'vermindert',
  'betrekt',
  'informeert',
  'meldt',
  'inventariseert',
  'beheert',
  'borgt',
  'verantwoordt',
  'beïnvloedt',
];
const ADJECTIVES = [
  'passende',
  'duidelijke',
  'relevante',
  'juiste',
  'volledige',
  'actuele',
  'betrouwbare',
  'transparante',
  'uitlegbare',
  'zorgvuldige',
  'proportionele',
  'noodzakelijke',
  'wettelijke',
  'technische',
  'organisatorische',
  'menselijke',
  'geautomatiseerde',
  'algemene',
  'specifieke',
  'representatieve',
  'periodieke',
  'onafhankelijke',
  'multidisciplinaire',
  'interne',
  'externe',
  'publieke',
  'gevoelige',
  'bijzondere',
  'nieuwe',
  'bestaande',
  'mogelijke',
  'belangrijke',
  'concrete',
  'structurele',
  'aantoonbare',
  'effectieve',
  'redelijke',
  'geëvalueerde',
  'financiële',
  'ethische',
];
const PREDICATES = [
  'actueel',
  'volledig',
  'juist',
  'betrouwbaar',
  'transparant',
  'uitlegbaar',
  'zorgvuldig',
  'proportioneel',
  'noodzakelijk',
  'aantoonbaar',
  'geschikt',
  'beschikbaar',
];
const PARTICIPLES = [
  'vastgelegd',
  'beoordeeld',
  'geëvalueerd',
  'beïnvloed',
  'gedocumenteerd',
  'getoetst',
  'gecontroleerd',
  'beperkt',
  'gemonitord',
  'bijgehouden',
  'afgewogen',
  'onderbouwd',
  'gepubliceerd',
];
const ARTICLES = ['de', 'het', 'een', 'elk', 'ieder', 'dit', 'deze'];
const PREPS = ['van', 'voor', 'bij', 'met', 'in', 'op', 'door', 'tijdens', 'binnen', 'over', 'na'];
const CONNECTORS = ['zodat', 'omdat', 'waardoor', 'terwijl', 'wanneer', 'als'];
const IMPERATIVES = [
  'Leg vast',
  'Bepaal',
  'Beschrijf',
  'Controleer',
  'Evalueer',
  'Documenteer',
  'Toets',
  'Analyseer',
  'Borg',
  'Publiceer',
  'Inventariseer',
  'Betrek',
  'Informeer',
  'Stel vast',
  'Maak afspraken over',
  'Zorg voor',
  'Richt',
  'Monitor',
];
const SOURCES_LINKS = [
  ['Artikel {n}(1) Verordening Artificiële Intelligentie', 'https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=OJ:L_202401689#d1e{n}-1-1'],
  ['Artikel {n} Algemene Verordening Gegevensbescherming', 'https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#d1e{n}-1-1'],
  ['Artikel 3:{n} Algemene wet bestuursrecht', 'https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk3'],
  ['Onderzoekskader Auditdienst Rijk, SV.{n}', 'https://www.rijksoverheid.nl/documenten/2023/07/11/onderzoekskader-algoritmes-adr-2023'],
  ['Toetsingskader Algoritmes Algemene Rekenkamer, {n}', 'https://www.rekenkamer.nl/onderwerpen/algoritmes/documenten/publicaties/2024/05/15/toetsingskader-algoritmes'],
  ['Handreiking Algoritmeregister', 'https://www.digitaleoverheid.nl/document/handreiking-algoritmeregister/'],
] as const;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** file-name form of a word: lowercase ascii, diacritics and apostrophes dropped */
function slugWord(w: string): string {
  if (w === 'AI') return w;
  return w
    .normalize('NFD')
    .replace(/[\u0300-\u036f’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

class Text {
  private readonly pool: string[] = [];
  constructor(private readonly r: Random) {
    for (let i = 0; i < 4096; i++) this.pool.push(this.makeSentence());
  }

  private np(): string {
    const r = this.r;
    return r.chance(0.4) ? `${r.pick(ARTICLES)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}` : `${r.pick(ARTICLES)} ${r.pick(NOUNS)}`;
  }

  private makeSentence(): string {
    const r = this.r;
    switch (r.int(0, 9)) {
      case 0:
        return `${cap(this.np())} ${r.pick(VERBS)} ${this.np()} ${r.pick(PREPS)} ${this.np()}.`;
      case 1:
        return `${cap(this.np())} ${r.pick(VERBS)} ${this.np()}, ${r.pick(CONNECTORS)} ${this.np()} ${r.pick(PREPS)} ${this.np()} ${r.pick(PARTICIPLES)} wordt.`;
      case 2:
        return `Het is belangrijk dat ${this.np()} ${this.np()} ${r.pick(VERBS)}.`;
      case 3:
        return `Denk hierbij aan ${this.np()}, ${this.np()} en ${this.np()}.`;
      case 4:
        return `Zorg dat ${this.np()} ${r.pick(PREPS)} ${this.np()} ${r.pick(PREDICATES)} is.`;
      case 5:
        return `${r.pick(IMPERATIVES)} ${this.np()} ${r.pick(PREPS)} ${this.np()}.`;
      case 6:
        return `Is ${this.np()} ${r.pick(PREDICATES)} ${r.pick(PREPS)} ${this.np()}?`;
      case 7:
        return `De risico’s van ${this.np()} worden ${r.pick(PARTICIPLES)} ${r.pick(PREPS)} ${this.np()}.`;
      case 8:
        return `${cap(r.pick(CONNECTORS))} ${this.np()} ${r.pick(PREDICATES)} is, ${r.pick(VERBS)} ${this.np()} ${this.np()} ${r.pick(PREPS)} ${this.np()}.`;
      default:
        return `Hierdoor ${r.pick(VERBS)} ${this.np()} ${this.np()} en ${r.pick(VERBS)} ${this.np()} ${r.pick(PREPS)} ${this.np()}.`;
    }
  }

  sentence(): string {
    return this.r.pick(this.pool);
  }

  sentences(n: number, sep = ' '): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.sentence());
    return out.join(sep);
  }

  /** a paragraph; about a third of them have one sentence per line, as many real maatregelen do */
  paragraph(): string {
    const n = this.r.int(2, 6);
    return this.sentences(n, this.r.chance(0.3) ? '\n' : ' ');
  }

  wordCount(s: string): number {
    return s.split(/\s+/).filter(Boolean).length;
  }

  /** toelichting: usually 12-40 words, about 10% longer (AK061), like the real corpus */
  toelichting(): string {
    const long = this.r.chance(0.1);
    let s = this.sentence();
    const min = long ? 45 : 10;
    while (this.wordCount(s) < min) s += ' ' + this.sentence();
    if (!long) {
      while (this.wordCount(s) > 40) s = this.sentence();
    }
    return s;
  }

  /** 1-5 content words for a slug, with their display forms */
  slugWords(min: number, max: number): string[] {
    const r = this.r;
    const n = r.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (r.chance(0.03)) out.push('AI');
      else out.push(r.chance(0.25) ? r.pick(ADJECTIVES) : r.pick(NOUNS));
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Frontmatter model (so that defects can be injected and their lines known)

type FieldValue = string | null | string[] | Array<readonly [string, string]>;
interface Field {
  key: string;
  value: FieldValue;
  /** list items indented by two spaces */
  indent?: boolean;
  /** record entries ([k, v] pairs) instead of list items */
  record?: boolean;
}

interface Serialized {
  text: string;
  /** line of `key` (1-based file line), and of item i of a list: `${key}#${i}` */
  lines: Map<string, number>;
  lineCount: number;
}

function serializeFrontmatter(fields: Field[], blankBeforeClose: boolean): Serialized {
  const out: string[] = ['---'];
  const lines = new Map<string, number>();
  for (const f of fields) {
    lines.set(f.key, out.length + 1);
    const v = f.value;
    if (v === null) {
      out.push(`${f.key}:`);
    } else if (typeof v === 'string') {
      out.push(`${f.key}: ${v}`);
    } else if (f.record) {
      out.push(`${f.key}:`);
      for (const [k, val] of v as Array<readonly [string, string]>) out.push(`  ${k}: ${val}`);
    } else {
      out.push(`${f.key}:`);
      const ind = f.indent ? '  ' : '';
      (v as string[]).forEach((item, i) => {
        lines.set(`${f.key}#${i}`, out.length + 1);
        out.push(item === '' ? `${ind}-` : `${ind}- ${item}`);
      });
    }
  }
  if (blankBeforeClose) out.push('');
  out.push('---');
  return { text: out.join('\n') + '\n', lines, lineCount: out.length };
}

// ---------------------------------------------------------------------------
// Ids

interface IdSlot {
  prefix: string;
  nn: string;
  digit: number;
}

function syntheticPrefix(r: Random, used: Set<string>): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let len = 3; ; len++) {
    for (let attempt = 0; attempt < 60; attempt++) {
      let p = '';
      for (let i = 0; i < len; i++) p += letters[r.int(0, 25)];
      if (!used.has(p)) {
        used.add(p);
        return p;
      }
    }
  }
}

/**
 * Ids for `total` documents: the real prefixes first (scaled, at most 99 each,
 * two digits), then synthetic prefixes of 20-300 documents each (three digits
 * past 99), so that ids stay unique and match `<letters>-<digits>`.
 */
function allocateIds(
  r: Random,
  total: number,
  real: ReadonlyArray<readonly [string, number, number]>,
  used: Set<string>,
  digitWeights: ReadonlyArray<readonly [number, number]>,
): IdSlot[] {
  const realTotal = real.reduce((s, x) => s + x[1], 0);
  const k = total / realTotal;
  const plan: Array<{ prefix: string; count: number; digit: number; start: number }> = real.map(([prefix, count, digit]) => ({
    prefix,
    count: Math.min(99, Math.max(1, Math.round(count * k))),
    digit,
    start: prefix === 'aia' || prefix === 'org' ? 0 : 1,
  }));
  for (const p of plan) used.add(p.prefix);
  let sum = plan.reduce((s, p) => s + p.count, 0);
  while (sum > total) {
    let big = plan[0];
    for (const p of plan) if (p.count > big.count) big = p;
    big.count--;
    sum--;
  }
  while (sum < total) {
    const count = Math.min(total - sum, r.int(20, 300));
    plan.push({ prefix: syntheticPrefix(r, used), count, digit: r.weighted(digitWeights), start: 1 });
    sum += count;
  }
  const slots: IdSlot[] = [];
  for (const p of plan) {
    const width = p.start + p.count - 1 > 99 ? 3 : 2;
    for (let i = 0; i < p.count; i++) {
      slots.push({ prefix: p.prefix, nn: String(p.start + i).padStart(width, '0'), digit: p.digit });
    }
  }
  return slots;
}

// ---------------------------------------------------------------------------
// Documents

interface DocPlan {
  type: 'vereiste' | 'maatregel' | 'hulpmiddel';
  slug: string;
  dir: string;
  title: string;
  slot?: IdSlot;
}

const DIR_VER = 'docs/voldoen-aan-wetten-en-regels/vereisten';
const DIR_MTR = 'docs/voldoen-aan-wetten-en-regels/maatregelen';
const DIR_HLP = 'docs/voldoen-aan-wetten-en-regels/hulpmiddelen';
const OTHER_DIRS = ['docs/over-het-algoritmekader', 'docs/soorten-algoritmes-en-ai', 'docs/ai-verordening'];

const MTR_TEMPLATE_COMMENTS = [
  '<!-- Hier volgt een lijst met vereisten op basis van de in de metadata ingevulde vereiste -->',
  "<!-- Let op! onderstaande regel met 'list_vereisten_on_maatregelen_page' niet weghalen! Deze maakt automatisch een lijst van bijbehorende verseisten op basis van de metadata  -->",
];

const MKDOCS_YML = `site_name: Algoritmekader (synthetisch)
site_description: Synthetisch corpus voor benchmarks van akcheck

theme:
    name: material
    language: nl
    features:
        - navigation.indexes
        - navigation.tabs

nav:
    - Home: index.md
    - Onderwerpen:
        - onderwerpen/index.md
        - ... | onderwerpen/*.md
    - Levenscyclus:
        - levenscyclus/index.md
        - ... | levenscyclus/*.md
    - Rollen:
        - rollen/index.md
        - ... | rollen/*.md
    - Voldoen aan wetten en regels:
        - Overzicht: voldoen-aan-wetten-en-regels/index.md
        - Vereisten: voldoen-aan-wetten-en-regels/vereisten/index.md
        - Maatregelen: voldoen-aan-wetten-en-regels/maatregelen/index.md
        - Hulpmiddelen: voldoen-aan-wetten-en-regels/hulpmiddelen/index.md

markdown_extensions:
    - pymdownx.tabbed:
        alternate_style: true
    - pymdownx.superfences
    - pymdownx.details
    - admonition
    - attr_list
    - footnotes
    - toc:
        toc_depth: 3

hooks:
    - src/overrides/hooks/tags.py
    - src/overrides/hooks/lists.py
`;

class Generator {
  private readonly r: Random;
  private readonly t: Text;
  private readonly defects: InjectedDefect[] = [];
  private files = 0;
  private bytes = 0;
  private crlf = 0;
  private bom = 0;
  private longToelichting = 0;
  private vereisten: DocPlan[] = [];
  private maatregelen: DocPlan[] = [];
  private hulpmiddelen: DocPlan[] = [];
  private vereisteSlugs = new Set<string>();

  constructor(
    private readonly root: string,
    seed: number,
  ) {
    this.r = new Random(mulberry32(seed));
    this.t = new Text(this.r);
  }

  private write(rel: string, content: string): void {
    let text = content;
    if (this.r.chance(0.01)) {
      text = text.replace(/\n/g, '\r\n');
      this.crlf++;
    }
    if (this.r.chance(0.01)) {
      text = '\uFEFF' + text;
      this.bom++;
    }
    fs.writeFileSync(path.join(this.root, rel), text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
  }

  run(documents: number, seed: number): CorpusManifest {
    const N = Math.max(0, Math.floor(documents));
    const fixedOther = 1 + 1 + 3 + 3 + LEVENSCYCLUS_PAGES.length + ONDERWERPEN.length + ROLLEN.length;
    const nV = Math.max(1, Math.round((N * 63) / 239));
    const nM = Math.max(1, Math.round((N * 108) / 239));
    const nH = Math.max(1, Math.round((N * 28) / 239));
    const nO = Math.max(fixedOther, N - nV - nM - nH);

    for (const d of [DIR_VER, DIR_MTR, DIR_HLP, 'docs/levenscyclus', 'docs/onderwerpen', 'docs/rollen', ...OTHER_DIRS]) {
      fs.mkdirSync(path.join(this.root, d), { recursive: true });
    }

    this.plan(nV, nM, nH);
    for (const d of this.vereisten) this.writeVereiste(d);
    for (const d of this.maatregelen) this.writeMaatregel(d);
    for (const d of this.hulpmiddelen) this.writeHulpmiddel(d);
    const taxonomy = this.writeTaxonomy();
    const other = this.writeOtherPages(nO - taxonomy);
    fs.writeFileSync(path.join(this.root, 'mkdocs.yml'), MKDOCS_YML);

    return {
      generator: 'akcheck-bench',
      version: GENERATOR_VERSION,
      seed,
      documents: N,
      files: this.files,
      bytes: this.bytes,
      counts: { vereisten: nV, maatregelen: nM, hulpmiddelen: nH, taxonomy, other },
      crlfFiles: this.crlf,
      bomFiles: this.bom,
      longToelichting: this.longToelichting,
      defects: this.defects,
    };
  }

  // --- planning: all slugs exist before any reference is drawn

  private plan(nV: number, nM: number, nH: number): void {
    const r = this.r;
    const used = new Set<string>();
    const digitWeights = MTR_PREFIXES.map(([, c, d]) => [d, c] as const);
    const verSlots = allocateIds(
      r,
      nV,
      VER_PREFIXES.map(([p, c]) => [p, c, 0] as const),
      used,
      [[0, 1]],
    );
    const mtrSlots = allocateIds(r, nM, MTR_PREFIXES, used, digitWeights);
    for (const slot of verSlots) {
      const words = this.t.slugWords(1, 5);
      const slug = `${slot.prefix}-${slot.nn}-${words.map(slugWord).join('-')}`;
      this.vereisten.push({ type: 'vereiste', slug, dir: DIR_VER, title: this.vereisteTitle(words), slot });
      this.vereisteSlugs.add(slug);
    }
    for (const slot of mtrSlots) {
      const words = this.t.slugWords(1, 5);
      const slug = `${slot.digit}-${slot.prefix}-${slot.nn}-${words.map(slugWord).join('-')}`;
      this.maatregelen.push({ type: 'maatregel', slug, dir: DIR_MTR, title: this.maatregelTitle(words), slot });
    }
    const hlpSlugs = new Set<string>();
    for (let i = 0; i < nH; i++) {
      let title: string;
      let slug: string;
      let attempt = 0;
      do {
        if (r.chance(0.2)) {
          const n = r.int(3, 5);
          title = '';
          for (let j = 0; j < n; j++) title += 'ABCDEFGHIJKLMNOPRSTUVW'[r.int(0, 21)];
          slug = title;
        } else {
          const words = this.t.slugWords(1, 4);
          title = cap(words.join(' '));
          slug = words.map(slugWord).join('-');
        }
        if (++attempt > 5) slug = `${slug}-${i}`;
      } while (hlpSlugs.has(slug) || slug === 'index');
      hlpSlugs.add(slug);
      this.hulpmiddelen.push({ type: 'hulpmiddel', slug, dir: DIR_HLP, title });
    }
  }

  private vereisteTitle(words: string[]): string {
    const r = this.r;
    const subject = cap(words.join(' '));
    switch (r.int(0, 3)) {
      case 0:
        return `${subject} ${r.pick(PREPS)} ${r.pick(ARTICLES)} ${r.pick(NOUNS)} wordt ${r.pick(PARTICIPLES)}`;
      case 1:
        return `${subject} is ${r.pick(PREDICATES)} en wordt ${r.pick(PARTICIPLES)}`;
      case 2:
        return `Organisaties ${r.pick(['zorgen voor', 'voldoen aan', 'werken met'])} ${words.join(' ')}`;
      default:
        return `Hoog-risico-AI-systemen ${r.pick(['zijn', 'worden'])} ${r.pick(PARTICIPLES)} ${r.pick(PREPS)} ${words.join(' ')}`;
    }
  }

  private maatregelTitle(words: string[]): string {
    const r = this.r;
    return `${r.pick(IMPERATIVES)} ${r.pick(ARTICLES)} ${words.join(' ')}${r.chance(0.5) ? ` ${r.pick(PREPS)} ${r.pick(ARTICLES)} ${r.pick(NOUNS)}` : ''}`;
  }

  // --- shared frontmatter parts

  private tags(field: string, vocab: readonly string[], table: ReadonlyArray<readonly [number, number]>): Field {
    const f: Field = { key: field, value: this.r.sample(vocab, this.r.weighted(table)) };
    if (this.r.chance(0.05)) f.indent = true;
    return f;
  }

  private levenscyclus(phase?: number): Field {
    const f = this.tags('levenscyclus', LEVENSCYCLUS_PHASES, [
      [1, 19],
      [2, 23],
      [3, 18],
      [4, 3],
    ]);
    const list = f.value as string[];
    if (phase !== undefined && !list.includes(LEVENSCYCLUS_PHASES[phase])) list[0] = LEVENSCYCLUS_PHASES[phase];
    return f;
  }

  private onderwerp(): Field {
    return this.tags('onderwerp', ONDERWERPEN, [
      [1, 42],
      [2, 20],
      [3, 3],
    ]);
  }

  private rollen(): Field {
    return this.tags('rollen', ROLLEN, [
      [1, 30],
      [2, 28],
      [3, 5],
    ]);
  }

  /** `count` distinct vereiste slugs, mostly from one neighbourhood (same prefix), like real lists */
  private vereisteRefs(count: number): string[] {
    const r = this.r;
    const n = this.vereisten.length;
    count = Math.min(count, n);
    const centre = r.int(0, n - 1);
    const chosen = new Set<number>();
    let guard = 0;
    while (chosen.size < count && guard++ < count * 50) {
      const i = r.chance(0.75) ? (centre + r.int(0, 24)) % n : r.int(0, n - 1);
      chosen.add(i);
    }
    return [...chosen].map((i) => this.vereisten[i].slug);
  }

  private maatregelRefs(count: number): string[] {
    const r = this.r;
    const n = this.maatregelen.length;
    count = Math.min(count, n);
    const centre = r.int(0, n - 1);
    const chosen = new Set<number>();
    let guard = 0;
    while (chosen.size < count && guard++ < count * 50) {
      chosen.add(r.chance(0.7) ? (centre + r.int(0, 40)) % n : r.int(0, n - 1));
    }
    return [...chosen].map((i) => this.maatregelen[i].slug);
  }

  private toelichtingField(): Field {
    const s = this.t.toelichting();
    if (this.t.wordCount(s) > 40) this.longToelichting++;
    return { key: 'toelichting', value: s };
  }

  // --- defects

  private misspell(value: string): string {
    const r = this.r;
    for (let attempt = 0; attempt < 20; attempt++) {
      const i = r.int(1, value.length - 2);
      let v: string;
      switch (r.int(0, 2)) {
        case 0: // swapped letters
          v = value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
          break;
        case 1: // dropped letter
          v = value.slice(0, i) + value.slice(i + 1);
          break;
        default: // doubled letter
          v = value.slice(0, i) + value[i] + value.slice(i);
      }
      if (v !== value && !TAG_VOCAB.has(v) && !v.includes('--') && !v.endsWith('-')) return v;
    }
    return value + 'e';
  }

  private staleVereisteSlug(slug: string): string {
    const parts = slug.split('-');
    let v = parts.length > 3 ? parts.slice(0, -1).join('-') : `${slug}-oud`;
    while (this.vereisteSlugs.has(v)) v += 'x';
    return v;
  }

  /** maybe inject one defect into the fields; returns a finisher that records its line */
  private injectDefect(fields: Field[], type: DocPlan['type']): ((rel: string, s: Serialized) => void) | undefined {
    const r = this.r;
    if (!r.chance(0.02)) return undefined;
    const listFields = fields.filter((f) => LIST_KEYS.has(f.key) && Array.isArray(f.value) && !f.record && f.value.length > 0);
    const kinds: DefectKind[] = ['misspelt-tag', 'title-period', 'duplicate-value', 'empty-item'];
    if (type !== 'vereiste' && fields.some((f) => f.key === 'vereiste' && Array.isArray(f.value) && f.value.length > 0)) {
      kinds.push('unknown-vereiste', 'unknown-vereiste');
    }
    const kind = r.pick(kinds);
    const byKey = (k: string) => fields.find((f) => f.key === k)!;
    let code: string;
    let anchor: string;
    let detail: string;
    switch (kind) {
      case 'misspelt-tag': {
        const f = byKey(r.pick(['levenscyclus', 'onderwerp', 'rollen']));
        const list = f.value as string[];
        const i = r.int(0, list.length - 1);
        const bad = this.misspell(list[i]);
        detail = `${f.key}: ${list[i]} -> ${bad}`;
        list[i] = bad;
        code = 'AK020';
        anchor = `${f.key}#${i}`;
        break;
      }
      case 'unknown-vereiste': {
        const f = byKey('vereiste');
        const list = f.value as string[];
        const i = r.int(0, list.length - 1);
        let bad = this.staleVereisteSlug(list[i]);
        while (list.includes(bad)) bad += 'x';
        detail = `vereiste: ${list[i]} -> ${bad}`;
        list[i] = bad;
        code = 'AK040';
        anchor = `vereiste#${i}`;
        break;
      }
      case 'title-period': {
        const f = byKey('title');
        f.value = `${f.value as string}.`;
        detail = 'title ends with a period';
        code = 'AK060';
        anchor = 'title';
        break;
      }
      case 'duplicate-value': {
        const f = r.pick(listFields);
        const list = f.value as string[];
        const dup = r.pick(list);
        const at = r.int(list.indexOf(dup) + 1, list.length);
        list.splice(at, 0, dup);
        detail = `${f.key}: ${dup} repeated`;
        code = 'AK022';
        anchor = `${f.key}#${at}`;
        break;
      }
      default: {
        const f = byKey(r.pick(['levenscyclus', 'onderwerp', 'rollen']));
        const list = f.value as string[];
        const at = r.int(0, list.length);
        list.splice(at, 0, '');
        detail = `${f.key}: empty item`;
        code = 'AK021';
        anchor = `${f.key}#${at}`;
      }
    }
    return (rel, s) => {
      this.defects.push({ file: rel, kind, code, line: s.lines.get(anchor) ?? 1, detail });
    };
  }

  // --- body parts

  private list(): string {
    const r = this.r;
    const n = r.int(3, 6);
    const style = r.weighted([
      ['-', 5],
      ['*', 2],
      ['1.', 1],
    ] as const);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const bullet = style === '1.' ? `${i + 1}.` : style;
      let item = `${bullet} ${this.t.sentence()}`;
      if (r.chance(0.2)) item += `\n${this.t.sentence()}`;
      if (r.chance(0.1)) item += `\n\n    ${this.t.sentences(2)}`;
      out.push(item);
    }
    return out.join('\n');
  }

  private table(): string {
    const r = this.r;
    const cols = r.int(2, 4);
    const rows = r.int(3, 8);
    const header = Array.from({ length: cols }, () => cap(r.pick(NOUNS)));
    const out = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (let i = 0; i < rows; i++) {
      out.push(`| ${Array.from({ length: cols }, () => (r.chance(0.5) ? r.pick(PREDICATES) : `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`)).join(' | ')} |`);
    }
    return out.join('\n');
  }

  /** a fenced block; half of them show a directive, which is not a directive inside a fence */
  private codeBlock(): string {
    const r = this.r;
    const fence = r.chance(0.8) ? '```' : '~~~';
    if (r.chance(0.5)) {
      return `${fence}markdown\n<!-- list_maatregelen onderwerp/${r.pick(ONDERWERPEN)} no-search -->\n<!-- tags -->\n${fence}`;
    }
    if (r.chance(0.5)) {
      return `${fence}yaml\n---\ntitle: ${cap(r.pick(NOUNS))}\nlevenscyclus:\n- ${r.pick(LEVENSCYCLUS_PHASES)}\n---\n${fence}`;
    }
    const v = slugWord(r.pick(NOUNS)).replace(/-/g, '_');
    return `${fence}python\n${v} = laad_gegevens("${slugWord(r.pick(NOUNS))}.csv")\nif ${v}.isna().sum() > 0:\n    print("ontbrekende waarden in ${v}")\n${fence}`;
  }

  private admonition(): string {
    const r = this.r;
    const kind = r.pick(['tip', 'info', 'warning', 'example']);
    const label = kind === 'tip' ? 'Tip' : kind === 'warning' ? 'Let op!' : cap(r.pick(NOUNS));
    return `!!! ${kind} "${label}"\n\n    ${this.t.sentences(r.int(1, 3))}`;
  }

  /** A link from a page in folder `from` to a maatregel, a vereiste or an onderwerp (relative, as authors write them) or to the web. */
  private link(from: string): string {
    const r = this.r;
    const text = `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    const to = (file: string) => path.posix.relative(from, file);
    switch (r.int(0, 3)) {
      case 0:
        return `[${text}](${to(`${DIR_MTR}/${r.pick(this.maatregelen).slug}.md`)})`;
      case 1:
        return `[${text}](${to(`${DIR_VER}/${r.pick(this.vereisten).slug}.md`)})`;
      case 2:
        return `[${text}](${to(`docs/onderwerpen/${r.pick(ONDERWERPEN)}.md`)})`;
      default:
        return `[${text}](https://www.example.nl/${slugWord(r.pick(NOUNS))})`;
    }
  }

  /** free text of about `budget` characters for a page in folder `from`: paragraphs, lists, now and then a table, fence, admonition or link */
  private prose(budget: number, from: string): string {
    const r = this.r;
    const out: string[] = [];
    let size = 0;
    let extras = 0;
    while (size < budget) {
      let block: string;
      const roll = r.float();
      if (roll < 0.62 || extras > 4) block = this.t.paragraph();
      else if (roll < 0.82) block = this.list();
      else if (roll < 0.9) block = this.admonition();
      else if (roll < 0.95) block = this.table();
      else if (roll < 0.97) block = this.codeBlock();
      else block = `### ${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}`;
      if (block.startsWith('|') || block.startsWith('```') || block.startsWith('~~~')) extras++;
      if (r.chance(0.15)) block += ` Zie ook ${this.link(from)}.`;
      out.push(block);
      size += block.length + 2;
    }
    return out.join('\n\n');
  }

  private bodyBudget(median: number): number {
    return Math.round(Math.min(18000, Math.max(400, this.r.logNormal(median, 0.5))));
  }

  private sourcesList(): string {
    const r = this.r;
    const n = r.int(1, 3);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const [t, u] = r.pick(SOURCES_LINKS);
      const num = String(r.int(1, 99));
      out.push(`${n > 1 ? '- ' : ''}[${t.replace('{n}', num)}](${u.replace('{n}', num)})`);
    }
    return out.join('\n');
  }

  private emit(d: DocPlan, fields: Field[], body: string): void {
    const finish = this.injectDefect(fields, d.type);
    const fm = serializeFrontmatter(fields, this.r.chance(0.03));
    const rel = `${d.dir}/${d.slug}.md`;
    this.write(rel, fm.text + body);
    if (finish) finish(rel, fm);
  }

  // --- the three content types

  private writeVereiste(d: DocPlan): void {
    const r = this.r;
    const fields: Field[] = [
      { key: 'title', value: d.title },
      { key: 'id', value: `urn:nl:ak:ver:${d.slot!.prefix}-${d.slot!.nn}` },
      this.toelichtingField(),
      this.levenscyclus(),
      this.onderwerp(),
    ];
    for (const key of ['soort-toepassing', 'risicogroep', 'rol-ai-act', 'transparantieverplichting', 'systeemrisico', 'open-source']) {
      fields.push({ key, value: [...r.weighted(AI_ACT_COMBOS[key])] });
    }
    if (r.chance(0.62)) {
      fields.push({ key: 'uitzondering', value: r.chance(0.15) ? ['risicogroep-uitzondering-van-toepassing', UITZONDERING_EXPR] : ['risicogroep-uitzondering-van-toepassing'] });
    }
    if (r.chance(0.03)) fields.push({ key: 'status_vereiste', value: ['geldend'], indent: true });
    fields.push({ key: 'hide', value: ['navigation'] });
    fields.push(this.rollen());

    const toel = fields[2].value as string;
    const body = `
<!-- tags -->

## Vereiste

${d.title}.

## Toelichting

${toel}

${this.prose(this.bodyBudget(1000), d.dir)}

## Bronnen

${this.sourcesList()}

## Van toepassing op
<!-- tags-ai-act -->

## Risico

${this.t.paragraph()}

## Maatregelen { data-search-exclude }

<!-- list_maatregelen vereiste/${d.slug} no-search no-onderwerp no-rol no-levenscyclus -->
`;
    this.emit(d, fields, body);
  }

  private writeMaatregel(d: DocPlan): void {
    const r = this.r;
    const fields: Field[] = [{ key: 'title', value: d.title }, { key: 'id', value: `urn:nl:ak:mtr:${d.slot!.prefix}-${d.slot!.nn}` }, this.toelichtingField()];
    if (r.chance(0.86)) {
      const count = r.chance(0.03)
        ? r.int(8, 30)
        : r.weighted([
            [1, 27],
            [2, 16],
            [3, 18],
            [4, 10],
            [5, 8],
            [6, 4],
          ] as const);
      fields.push({ key: 'vereiste', value: this.vereisteRefs(count) });
    }
    fields.push(this.levenscyclus(d.slot!.digit), this.onderwerp(), this.rollen());
    if (r.chance(0.6)) {
      const src: Array<readonly [string, string]> = [];
      if (r.chance(0.7)) src.push(['ADR', `SV.${r.int(1, 20)}`]);
      if (src.length === 0 || r.chance(0.4)) src.push(['ARK', `${r.int(1, 3)}.${String(r.int(1, 20)).padStart(2, '0')}`]);
      fields.push({ key: 'sources', value: src, record: true });
    } else if (r.chance(0.1)) {
      fields.push({ key: 'sources', value: null });
    }
    fields.push({ key: 'hide', value: r.chance(0.9) ? ['navigation', 'toc'] : ['navigation'] });

    const indent = r.chance(0.5) ? '\t' : '    ';
    const comments = r.chance(0.25) ? MTR_TEMPLATE_COMMENTS.join('\n') + '\n' : '';
    const body = `
<!-- tags -->

## Maatregel
${fields[2].value as string}

## Toelichting
${this.prose(this.bodyBudget(2300), d.dir)}

## Risico
${this.t.paragraph()}

## Bijbehorende vereiste(n)${r.chance(0.9) ? ' { data-search-exclude }' : ''}
${comments}??? expander "Bekijk alle vereisten"
${indent}<!-- list_vereisten_on_maatregelen_page -->

## Bronnen
${this.sourcesList()}

## Voorbeelden
Heb je een ander voorbeeld of best practice, laat het ons weten via [algoritmes@minbzk.nl](mailto:algoritmes@minbzk.nl)
`;
    this.emit(d, fields, body);
  }

  private writeHulpmiddel(d: DocPlan): void {
    const r = this.r;
    const fields: Field[] = [{ key: 'title', value: d.title }, this.toelichtingField(), { key: 'categorie', value: r.sample(CATEGORIEEN, r.chance(0.92) ? 1 : 2) }];
    if (r.chance(0.9)) {
      const n = r.chance(0.05)
        ? r.int(9, 15)
        : r.weighted([
            [1, 12],
            [2, 5],
            [3, 3],
            [4, 1],
            [5, 1],
            [8, 1],
          ] as const);
      fields.push({ key: 'vereiste', value: this.vereisteRefs(n) });
    }
    if (r.chance(0.93)) {
      const n = r.chance(0.3) ? r.int(6, 15) : r.int(1, 5);
      fields.push({ key: 'maatregel', value: this.maatregelRefs(n) });
    }
    fields.push(
      this.levenscyclus(),
      this.onderwerp(),
      this.tags('rollen', ROLLEN, [
        [1, 1],
        [2, 9],
        [3, 9],
        [4, 9],
      ]),
    );
    fields.push(r.chance(0.85) ? { key: 'hide', value: 'navigation' } : { key: 'hide', value: ['navigation', 'toc'] });

    const body = `
<!-- tags -->

[Direct naar ${d.title}](https://www.example.nl/hulpmiddelen/${d.slug.toLowerCase()}){ .button .md-button--secondary }
## Hulpmiddel

${this.prose(this.bodyBudget(2500), d.dir)}

## Relevantie
${this.t.paragraph()}

## Auteur
${this.t.sentences(r.int(1, 3))}

## Bijbehorende vereisten { data-search-exclude }

<!-- list_vereisten_on_maatregelen_page -->

## Bijbehorende maatregelen

<!-- list_maatregelen_on_hulpmiddelen_page -->
`;
    this.emit(d, fields, body);
  }

  // --- taxonomy and other pages (not content documents: never defects)

  private writeTaxonomy(): number {
    let n = 0;
    const opts = 'no-search no-onderwerp no-rol no-levenscyclus';
    const page = (dir: string, key: string, slug: string, withHulp: boolean, hulpExtra: string) => {
      const title = cap(slug.replace(/-/g, ' '));
      let body = `---\ntitle: ${title}\nhide:\n- toc\n---\n\n# ${title}\n${this.t.paragraph()}\n\n${this.prose(this.bodyBudget(1800), `docs/${dir}`)}\n\n`;
      if (slug !== 'over-de-levenscyclus') {
        body += `## Vereisten { data-search-exclude }\n\n<!-- list_vereisten ${key}/${slug} ${opts} -->\n\n`;
        body += `## Maatregelen { data-search-exclude }\n\n<!-- list_maatregelen ${key}/${slug} ${opts} -->\n`;
        if (withHulp) body += `\n## Hulpmiddelen\n\n<!-- list_hulpmiddelen ${key}/${slug} ${opts}${hulpExtra} -->\n`;
      }
      this.write(`docs/${dir}/${slug}.md`, body);
      n++;
    };
    for (const s of LEVENSCYCLUS_PAGES) page('levenscyclus', 'levenscyclus', s, true, '');
    for (const s of ONDERWERPEN) page('onderwerpen', 'onderwerp', s, true, ' no-id');
    for (const s of ROLLEN) page('rollen', 'rollen', s, false, '');
    for (const dir of ['levenscyclus', 'onderwerpen', 'rollen']) {
      this.write(`docs/${dir}/index.md`, `---\ntitle: ${cap(dir)}\nhide:\n  - toc\n---\n\n# ${cap(dir)}\n\n${this.prose(this.bodyBudget(1500), `docs/${dir}`)}\n`);
      n++;
    }
    const index = (rel: string, title: string, directive: string) => {
      this.write(
        rel,
        `---\ntitle: ${title}\nallow_excel_export: true\nhide:\n  - navigation\n  - toc\n---\n# ${title}\n${this.t.paragraph()}\n\n${directive}\n\n## Voorbeeld\n${this.t.paragraph()}\n`,
      );
      n++;
    };
    index(`${DIR_VER}/index.md`, 'Vereisten voor de overheid', '<!-- list_vereisten -->');
    index(`${DIR_MTR}/index.md`, 'Aanbevolen maatregelen', '<!-- list_maatregelen -->');
    index(`${DIR_HLP}/index.md`, 'Hulpmiddelen', '<!-- list_hulpmiddelen no-rol no-levenscyclus no-id -->');
    this.write(
      'docs/voldoen-aan-wetten-en-regels/index.md',
      `---\ntitle: Voldoen aan wetten en regels\nhide:\n  - navigation\n---\n\n# Voldoen aan wetten en regels\n\n${this.prose(this.bodyBudget(2000), 'docs/voldoen-aan-wetten-en-regels')}\n`,
    );
    this.write('docs/index.md', `---\ntitle: Algoritmekader\nhide:\n  - navigation\n  - toc\n---\n\n# Algoritmekader\n\n${this.prose(this.bodyBudget(2500), 'docs')}\n`);
    n += 2;
    return n;
  }

  private writeOtherPages(count: number): number {
    const r = this.r;
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const dir = r.pick(OTHER_DIRS);
      let name = this.t.slugWords(1, 4).map(slugWord).join('-').toLowerCase();
      if (names.has(`${dir}/${name}`) || name === 'index') name = `${name}-${i}`;
      names.add(`${dir}/${name}`);
      const title = cap(name.replace(/-/g, ' '));
      let text = r.chance(0.85) ? `---\ntitle: ${title}\n${r.chance(0.5) ? 'hide:\n  - toc\n' : ''}---\n\n` : '';
      text += `# ${title}\n\n${this.prose(this.bodyBudget(2800), dir)}\n`;
      if (r.chance(0.15)) {
        const which = r.weighted([
          [`<!-- list_vereisten onderwerp/${r.pick(ONDERWERPEN)} no-search -->`, 2],
          [`<!-- list_maatregelen levenscyclus/${r.pick(LEVENSCYCLUS_PHASES)} no-rol -->`, 2],
          [`<!-- list_vereisten soort-toepassing/ai-systeem no-search no-wetcode -->`, 1],
          [`<!-- list_maatregelen vereiste/${r.pick(this.vereisten).slug} -->`, 1],
        ] as const);
        text += `\n## Overzicht\n\n${which}\n`;
      }
      this.write(`${dir}/${name}.md`, text);
    }
    return count;
  }
}

/**
 * Write a synthetic corpus of about `documents` Markdown files into `root`
 * (created if missing). Refuses to write into an existing non-empty folder
 * unless it holds a corpus made by this generator, whose `docs/` is then
 * replaced. Deterministic for a given (documents, seed).
 */
export function generateCorpus(root: string, documents: number, seed = 1): void {
  const abs = path.resolve(root);
  if (fs.existsSync(abs)) {
    const entries = fs.readdirSync(abs);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE) && entries.includes('docs')) {
      throw new Error(`generateCorpus: ${abs} holds a docs/ folder that this generator did not write; refusing to overwrite it`);
    }
    fs.rmSync(path.join(abs, MANIFEST_FILE), { force: true });
    fs.rmSync(path.join(abs, 'docs'), { recursive: true, force: true });
  }
  fs.mkdirSync(abs, { recursive: true });
  const manifest = new Generator(abs, seed >>> 0).run(documents, seed >>> 0);
  fs.writeFileSync(path.join(abs, MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
}

/** Read the manifest of a generated corpus, or undefined when there is none. */
export function readCorpusManifest(root: string): CorpusManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

function cli(argv: string[]): number {
  const [out, n, seed] = argv;
  const documents = Number(n);
  const seedNum = seed === undefined ? 1 : Number(seed);
  if (!out || !Number.isInteger(documents) || documents < 0 || !Number.isInteger(seedNum)) {
    process.stderr.write('usage: generateCorpus <outDir> <N> [seed]\n');
    return 2;
  }
  const t0 = process.hrtime.bigint();
  generateCorpus(out, documents, seedNum);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = readCorpusManifest(out)!;
  process.stdout.write(
    `${m.files} files (${m.counts.vereisten} vereisten, ${m.counts.maatregelen} maatregelen, ${m.counts.hulpmiddelen} hulpmiddelen, ` +
      `${m.counts.taxonomy + m.counts.other} other), ${(m.bytes / 1048576).toFixed(1)} MiB, ${m.defects.length} defects, ` +
      `${m.crlfFiles} CRLF, ${m.bomFiles} BOM, in ${(ms / 1000).toFixed(2)} s -> ${path.resolve(out)}\n`,
  );
  return 0;
}

// Run as a CLI only when this module is the program's entry: after esbuild
// bundling, `require.main === module` also holds for any bundle that merely
// imports this file (bench/run.ts), so also require that the entry module's
// exports are this module's (true for `node generateCorpus.js` built from this
// file and for ts-node/tsc output, false for a bundle of another entry).
if (typeof require !== 'undefined' && require.main === module && (module.exports as { generateCorpus?: unknown }).generateCorpus === generateCorpus) {
  process.exitCode = cli(process.argv.slice(2));
}

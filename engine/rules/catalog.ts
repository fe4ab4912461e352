// The rule catalogue of RULES.md as data: code, name and default severity.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleInfo {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
}

export const ruleCatalog: readonly RuleInfo[] = [
  {
    code: 'AK005',
    name: 'unreadable-file',
    severity: 'error',
    summary: 'Het bestand kan niet worden gecontroleerd: binair, geen UTF-8, groter dan 2 MiB of een symbolische link die nergens of buiten het corpus uitkomt.',
  },
  { code: 'AK001', name: 'missing-frontmatter', severity: 'error', summary: 'Het bestand begint niet met een frontmatter-blok.' },
  { code: 'AK002', name: 'unclosed-frontmatter', severity: 'error', summary: 'Het frontmatter-blok wordt niet afgesloten met `---`.' },
  { code: 'AK003', name: 'yaml-syntax', severity: 'error', summary: 'De frontmatter is geen geldige YAML.' },
  { code: 'AK004', name: 'frontmatter-not-mapping', severity: 'error', summary: 'De frontmatter is geen mapping van sleutels.' },
  { code: 'AK010', name: 'missing-key', severity: 'error', summary: 'Een verplichte sleutel ontbreekt.' },
  { code: 'AK011', name: 'unknown-key', severity: 'warning', summary: 'Onbekende sleutel voor dit documenttype.' },
  { code: 'AK012', name: 'duplicate-key', severity: 'error', summary: 'Een sleutel komt twee keer voor.' },
  { code: 'AK020', name: 'unknown-value', severity: 'error', summary: 'Een waarde staat niet in de woordenlijst van de sleutel.' },
  { code: 'AK021', name: 'malformed-list', severity: 'warning', summary: 'Een lijst is geen lijst, is leeg of heeft een leeg of niet-tekst item.' },
  { code: 'AK022', name: 'duplicate-value', severity: 'warning', summary: 'Een waarde komt twee keer voor in dezelfde lijst.' },
  { code: 'AK030', name: 'invalid-id', severity: 'error', summary: 'Het `id` heeft niet de vorm `urn:nl:ak:ver:` of `urn:nl:ak:mtr:` + letters-cijfers.' },
  { code: 'AK031', name: 'duplicate-id', severity: 'error', summary: 'Meer documenten hebben hetzelfde `id`.' },
  { code: 'AK032', name: 'filename-id-mismatch', severity: 'error', summary: 'De bestandsnaam past niet bij het `id`.' },
  { code: 'AK040', name: 'unknown-vereiste', severity: 'error', summary: 'Er is geen vereiste met deze slug.' },
  { code: 'AK041', name: 'unknown-maatregel', severity: 'error', summary: 'Er is geen maatregel met deze slug.' },
  { code: 'AK050', name: 'unknown-directive', severity: 'warning', summary: 'Onbekende directive.' },
  { code: 'AK051', name: 'invalid-directive-filter', severity: 'error', summary: 'Het filter van een `list_*`-directive is ongeldig.' },
  { code: 'AK052', name: 'ignored-directive-filter', severity: 'warning', summary: 'Alleen het eerste argument wordt als filter gebruikt.' },
  { code: 'AK053', name: 'ineffective-directive-option', severity: 'information', summary: 'Een argument is geen filter en geen bekende optie.' },
  { code: 'AK054', name: 'directive-not-self', severity: 'warning', summary: 'De `list_maatregelen`-directive van een vereiste wijst naar een andere vereiste.' },
  { code: 'AK055', name: 'empty-directive', severity: 'information', summary: 'Geen enkel document past bij het filter: de tabel is leeg.' },
  { code: 'AK056', name: 'directive-wrong-page', severity: 'warning', summary: 'Deze directive werkt alleen op een ander soort pagina.' },
  { code: 'AK060', name: 'title-trailing-period', severity: 'warning', summary: 'De titel eindigt op een punt.' },
  { code: 'AK061', name: 'toelichting-too-long', severity: 'information', summary: 'De toelichting is langer dan 40 woorden.' },
  { code: 'AK062', name: 'missing-tags-directive', severity: 'warning', summary: 'Het document heeft geen `<!-- tags -->`.' },
  { code: 'AK070', name: 'broken-link', severity: 'error', summary: 'Een relatieve link wijst naar een bestand dat niet bestaat, of buiten docs/.' },
  { code: 'AK071', name: 'broken-anchor', severity: 'warning', summary: 'Het `#anker` van een link bestaat niet op de doelpagina.' },
  { code: 'AK072', name: 'site-url-link', severity: 'warning', summary: 'Een link naar de site zelf die MkDocs niet controleert of omzet.' },
  { code: 'AK073', name: 'html-link-to-markdown', severity: 'warning', summary: 'Een HTML-link naar een `.md`-bestand: op de site een 404.' },
  { code: 'AK074', name: 'external-image', severity: 'warning', summary: 'Een afbeelding van een andere site.' },
  { code: 'AK080', name: 'missing-section', severity: 'warning', summary: 'Een verplichte `##`-sectie van het sjabloon ontbreekt.' },
  { code: 'AK081', name: 'merge-conflict', severity: 'error', summary: 'Een merge-conflictmarkering (`<<<<<<< `) staat nog in het bestand.' },
  { code: 'AK082', name: 'list-without-blank-line', severity: 'warning', summary: 'Een lijst volgt zonder witregel op een alinea: de site toont haar als gewone tekst.' },
  { code: 'AK083', name: 'empty-admonition', severity: 'warning', summary: 'Een admonition of uitklapblok heeft geen ingesprongen inhoud: het blok blijft leeg.' },
  { code: 'AK084', name: 'template-placeholder', severity: 'warning', summary: 'Voorbeeldtekst of een `url`-link uit het sjabloon staat er nog.' },
  { code: 'AK090', name: 'tags-ai-act-without-id', severity: 'error', summary: '`<!-- tags-ai-act -->` op een pagina zonder geldig `id`: de site kan niet worden gebouwd.' },
  { code: 'AK091', name: 'invalid-hide', severity: 'warning', summary: 'Een waarde van `hide` die MkDocs Material niet kent.' },
  { code: 'AK092', name: 'invalid-uitzondering', severity: 'error', summary: 'Een `uitzondering` is geen geldige labelexpressie: de vereiste verdwijnt dan stil van de site.' },
  {
    code: 'AK093',
    name: 'unknown-source-code',
    severity: 'error',
    summary: '`sources` heeft een andere vorm dan `ADR`/`ARK` met codes, of een code die niet in het toetsingskader staat.',
  },
  { code: 'AK094', name: 'numeric-source-code', severity: 'warning', summary: 'Een code in `sources` is een getal dat YAML anders leest (`3.10` als 3.1).' },
  { code: 'AK095', name: 'duplicate-glossary-term', severity: 'warning', summary: 'Een begrip staat twee keer in de begrippenlijst.' },
];

export const ruleByCode: ReadonlyMap<string, RuleInfo> = new Map(ruleCatalog.map((rule) => [rule.code, rule]));

export const severitySettings: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

// AK030-AK032: ids are well-formed URNs, unique, and match the file name.
import { fix, replace } from '../fixes/edits';
import { renamePageEdits } from '../fixes/renames';
import { slugIdPrefix } from '../text/suggest';
import { isValidId, validEntries } from '../parsing/parseDocument';
import type { Fix } from '../fixes/fix';
import { quote, type Rule, type RuleContext } from './rule';

export const idRules: Rule = (context) => {
  const { corpus, document, report } = context;
  const prefix = document.type ? corpus.schema.documentTypes[document.type].idPrefix : undefined;
  // Only the last `id` counts, as on the site (an earlier one is reported as a duplicate key, AK012).
  const entry = validEntries(document)
    .filter((e) => e.key === 'id')
    .pop();
  if (!prefix || !entry) return;
  const raw = entry.value.kind === 'scalar' ? entry.value.value : undefined;
  if (!isValidId(raw, prefix)) {
    const shown = entry.value.kind === 'list' ? '(een lijst)' : entry.value.kind === 'map' ? '(een mapping)' : raw === null ? '(leeg)' : quote(raw);
    report('AK030', entry.keyRange, `Ongeldig id ${shown}: verwacht ${quote(`${prefix}<letters>-<cijfers>`)}, bijvoorbeeld ${quote(`${prefix}aia-29`)}.`);
    return;
  }
  const id = raw.trim();
  const others = corpus.withId(id).filter((other) => other.path !== document.path);
  if (others.length > 0) {
    report('AK031', entry.keyRange, `Id ${quote(id)} wordt ook gebruikt door ${others.map((o) => o.path).join(', ')}.`);
  }
  const tail = id.slice(id.lastIndexOf(':') + 1);
  if (!matchesId(document.slug, tail)) {
    report(
      'AK032',
      entry.keyRange,
      `De bestandsnaam ${quote(document.slug + '.md')} past niet bij id ${quote(id)}: die moet beginnen met ${quote(tail + '-')} (eventueel na een fasenummer).`,
      mismatchFixes(context, entry.value.offsets, prefix, tail),
    );
  }
};

/** Whether a slug matches `^(\d+-)?<tail>-`. */
function matchesId(slug: string, tail: string): boolean {
  const phase = /^\d+-/.exec(slug)?.[0] ?? '';
  return slug.startsWith(`${tail}-`) || (phase !== '' && slug.startsWith(`${tail}-`, phase.length));
}

/** Rename the file (and every citation of its slug), or change the id to the file's prefix. */
function mismatchFixes({ corpus, document }: RuleContext, idOffsets: [number, number], prefix: string, tail: string): Fix[] {
  const fixes: Fix[] = [];
  const match = /^(\d+-)?[a-z]+-\d+-(.+)$/.exec(document.slug);
  const newSlug = `${match?.[1] ?? ''}${tail}-${match ? match[2] : document.slug}`;
  const folder = document.path.slice(0, document.path.lastIndexOf('/') + 1);
  const newPath = `${folder}${newSlug}.md`;
  if (document.type && !corpus.get(newPath)) {
    // Its citations and every link to it move along with the file.
    const edits = renamePageEdits(corpus, document.path, newPath);
    fixes.push({ title: `Hernoem het bestand naar ${quote(newSlug + '.md')}`, preferred: true, safe: true, edits, rename: { from: document.path, to: newPath } });
  }
  const filePrefix = slugIdPrefix(document.slug);
  if (filePrefix) {
    fixes.push(fix(`Verander het id in ${quote(prefix + filePrefix)}`, [replace(document, idOffsets, prefix + filePrefix)], { preferred: fixes.length === 0, safe: false }));
  }
  return fixes;
}

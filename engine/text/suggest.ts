// Closest valid values for a misspelt one. For slugs the id prefix counts first (a renamed vereiste
// keeps its `aia-08-` prefix), unless another slug is a near-miss of the whole text (a renumbered
// one, `aia-37-…` for `aia-35-…`): then both are offered and neither is applied blindly. The edit
// distance is bounded, so a lookup against thousands of slugs stays cheap.

export interface Suggestions {
  /** Best candidates, best first (at most three). */
  candidates: string[];
  /** True when the first candidate is the one right answer. */
  clear: boolean;
}

const idPrefix = /^(?:\d+-)?([a-z]+-\d+)-/;
/** Longer values are no typo of a slug or tag: they get no suggestions (and cost no quadratic work). */
const maxSuggestedLength = 200;
/** Below this many candidates, a value with no near match still gets the nearest few offered. */
const smallVocabulary = 200;

/** Below this many slugs every slug is compared; above it only those sharing the id prefix or the name after it. */
const compareAllBelow = 2000;

/**
 * The slugs of one document type by id prefix and by the name after it, so that in a corpus of
 * thousands a misspelt slug is compared with the few that can be meant: the same number (a typo or
 * a rename) or the same name (a renumbered one).
 */
export class SlugIndex {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();

  constructor(private readonly slugs: readonly string[]) {
    for (const slug of slugs) {
      const match = idPrefix.exec(slug);
      if (!match) continue;
      append(this.byPrefix, match[1], slug);
      append(this.byName, slug.slice(match[0].length), slug);
    }
  }

  /** Each slug under its own text and, after a phase number (`2-owp-30-…`), under the rest, lower-cased and sorted. Made when first asked for. */
  private keys?: [key: string, slug: string][];

  /** Slugs that start with `prefix`, or whose part after the phase number does, ignoring case, in slug order. */
  startingWith(text: string): string[] {
    const prefix = text.toLowerCase();
    this.keys ??= this.slugs
      .flatMap((slug): [string, string][] => {
        const key = slug.toLowerCase();
        const phase = /^\d+-/.exec(key)?.[0];
        return phase
          ? [
              [key, slug],
              [key.slice(phase.length), slug],
            ]
          : [[key, slug]];
      })
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.keys[middle][0] < prefix) low = middle + 1;
      else high = middle;
    }
    const found = new Set<string>();
    for (let index = low; index < this.keys.length && this.keys[index][0].startsWith(prefix); index++) found.add(this.keys[index][1]);
    return [...found].sort();
  }

  candidatesFor(value: string): readonly string[] {
    if (this.slugs.length < compareAllBelow) return this.slugs;
    const match = idPrefix.exec(value);
    if (!match) return [];
    return unique([...(this.byPrefix.get(match[1]) ?? []), ...(this.byName.get(value.slice(match[0].length)) ?? [])]);
  }
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The `aia-08` part of a slug such as `aia-08-transparantie...` or `2-owp-30-...`. */
export function slugIdPrefix(slug: string): string | undefined {
  return idPrefix.exec(slug)?.[1];
}

export function suggest(value: string, candidates: Iterable<string>): Suggestions {
  if (value.length > maxSuggestedLength) return { candidates: [], clear: false };
  const list = [...candidates].filter((candidate) => candidate !== value);
  const near = rank(value, list, nearLimit(value));
  const prefix = slugIdPrefix(value);
  const samePrefix = prefix ? list.filter((candidate) => slugIdPrefix(candidate) === prefix) : [];
  if (samePrefix.length > 0) {
    // One slug with the prefix is the answer when its name is near or shares a word (a renamed
    // vereiste); a wholly different name under the same number is offered, not applied.
    const byPrefix =
      samePrefix.length === 1 ? { candidates: samePrefix, clear: near.candidates.includes(samePrefix[0]) || sharesWord(value, samePrefix[0]) } : rank(value, samePrefix, Infinity);
    const rival = near.candidates.find((candidate) => !samePrefix.includes(candidate));
    if (rival === undefined) return byPrefix;
    return { candidates: unique([rival, ...byPrefix.candidates, ...near.candidates]).slice(0, 3), clear: false };
  }
  if (near.candidates.length > 0 || list.length > smallVocabulary) return near;
  return { candidates: rank(value, list, Infinity).candidates, clear: false };
}

/** Whether two slugs share a word of four letters or more after their id prefix. */
function sharesWord(a: string, b: string): boolean {
  const words = (slug: string) =>
    slug
      .replace(idPrefix, '')
      .split('-')
      .filter((word) => word.length >= 4);
  const first = new Set(words(a));
  return words(b).some((word) => first.has(word));
}

/** How many edits still count as a near miss: a third of the length, between 2 and 5. */
function nearLimit(value: string): number {
  return Math.min(5, Math.max(2, Math.floor(value.length / 3)));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function rank(value: string, candidates: string[], limit: number): Suggestions {
  const lower = value.toLowerCase();
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = boundedDistance(lower, candidate.toLowerCase(), Math.min(limit, Math.max(lower.length, candidate.length)));
    if (distance <= limit) scored.push({ candidate, distance });
  }
  // Ties in code-point order: a collator's first use sets up ICU's locale list, about 12 ms of a cold run.
  scored.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  const best = scored.slice(0, 3);
  const clear = best.length > 0 && (best.length === 1 || best[1].distance > best[0].distance);
  return { candidates: best.map((s) => s.candidate), clear };
}

/** Three reusable rows for the distance: suggestion lookups run thousands of times in a large corpus. */
let rows = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];

/**
 * Optimal string alignment distance when it is at most `limit`, else `limit + 1`. Only the band of
 * cells within `limit` of the diagonal is worked out (outside it every distance exceeds `limit`):
 * slugs of fifty letters against a hundred candidates are a hot spot of a cold run otherwise.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(a.length, b.length));
  const beyond = band + 1;
  if (rows[0].length <= b.length + 1) rows = rows.map(() => new Uint32Array(b.length * 2 + 2));
  let [before, previous, current] = rows;
  for (let j = 0; j <= Math.min(b.length, band + 1); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(b.length, i + band);
    // The cells just outside the band read as beyond the limit.
    current[low - 1] = low === 1 ? i : beyond;
    let rowMinimum = low === 1 ? i : beyond;
    const ai = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const bj = b.charCodeAt(j - 1);
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) distance = Math.min(distance, before[j - 2] + 1);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (high < b.length) current[high + 1] = beyond;
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], limit + 1);
}

/** The message tail for suggestions: one clear answer, or the few nearest. */
export function didYouMean({ candidates, clear }: Suggestions): string {
  if (candidates.length === 0) return '';
  return clear ? ` Bedoel je '${candidates[0]}'?` : ` Misschien: ${candidates.map((c) => `'${c}'`).join(', ')}.`;
}

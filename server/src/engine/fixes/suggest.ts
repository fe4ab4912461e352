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
/** Below this many candidates, a value with no near match still gets the nearest few offered. */
const smallVocabulary = 200;

/** The `aia-08` part of a slug such as `aia-08-transparantie...` or `2-owp-30-...`. */
export function slugIdPrefix(slug: string): string | undefined {
  return idPrefix.exec(slug)?.[1];
}

export function suggest(value: string, candidates: Iterable<string>): Suggestions {
  const list = [...candidates].filter((candidate) => candidate !== value);
  const near = rank(value, list, Math.max(2, Math.floor(value.length / 3)));
  const prefix = slugIdPrefix(value);
  const samePrefix = prefix ? list.filter((candidate) => slugIdPrefix(candidate) === prefix) : [];
  if (samePrefix.length > 0) {
    const byPrefix = samePrefix.length === 1 ? { candidates: samePrefix, clear: true } : rank(value, samePrefix, Infinity);
    const rival = near.candidates.find((candidate) => !samePrefix.includes(candidate));
    if (rival === undefined) return byPrefix;
    return { candidates: unique([rival, ...byPrefix.candidates, ...near.candidates]).slice(0, 3), clear: false };
  }
  if (near.candidates.length > 0 || list.length > smallVocabulary) return near;
  return { candidates: rank(value, list, Infinity).candidates, clear: false };
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
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  const best = scored.slice(0, 3);
  const clear = best.length > 0 && (best.length === 1 || best[1].distance > best[0].distance);
  return { candidates: best.map((s) => s.candidate), clear };
}

/** Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2] + 1);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** The message tail for suggestions: one clear answer, or the few nearest. */
export function didYouMean({ candidates, clear }: Suggestions): string {
  if (candidates.length === 0) return '';
  return clear ? ` Bedoel je '${candidates[0]}'?` : ` Misschien: ${candidates.map((c) => `'${c}'`).join(', ')}.`;
}

import type { Fix, TextEdit } from './fix';

/**
 * Picks the safe fix of each finding, leaving out any fix whose edits overlap an edit already
 * picked (in any file) or that renames a file already touched: the rest is left for the next pass.
 */
export function selectSafeFixes<F extends { fixes: readonly Fix[] }>(findings: readonly F[]): { finding: F; fix: Fix }[] {
  const taken = new Map<string, [number, number][]>();
  const renamed = new Set<string>();
  const selected: { finding: F; fix: Fix }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.safe && candidate.preferred);
    if (!fix) continue;
    const touches = [...fix.edits.map((edit) => edit.path), ...(fix.rename ? [fix.rename.from, fix.rename.to] : [])];
    if (touches.some((path) => renamed.has(path))) continue;
    if (fix.rename && touches.some((path) => taken.has(path))) continue;
    if (fix.edits.some((edit) => overlaps(taken.get(edit.path) ?? [], edit))) continue;
    for (const edit of fix.edits) {
      let spans = taken.get(edit.path);
      if (!spans) taken.set(edit.path, (spans = []));
      spans.push([edit.start, edit.end]);
    }
    if (fix.rename) {
      renamed.add(fix.rename.from);
      renamed.add(fix.rename.to);
    }
    selected.push({ finding, fix });
  }
  return selected;
}

function overlaps(spans: [number, number][], edit: TextEdit): boolean {
  // Two insertions at one point would land in an arbitrary order: count them as overlapping too.
  return spans.some(([start, end]) => (edit.start < end && start < edit.end) || edit.start === start || (edit.start === edit.end && start <= edit.start && edit.start <= end));
}

/** Applies non-overlapping edits of one file to its text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

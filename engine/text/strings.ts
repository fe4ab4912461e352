/**
 * A copy of a string that holds no other string alive. V8 makes a substring a view of its parent
 * and a joined string a pair of its parts, so a link target or a title cut from a file's text keeps
 * the whole text in memory as long as it is kept. Short strings are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** One detached copy of each string put in (values that recur across a corpus: paths, slugs, link targets). */
export class StringPool {
  private readonly strings = new Map<string, string>();
  get(text: string): string {
    let kept = this.strings.get(text);
    if (kept === undefined) this.strings.set((kept = detached(text)), kept);
    return kept;
  }
}

/**
 * A multimap from string keys to document paths. A key with one path keeps the path alone: most keys
 * have one (ids, file names, most citations and link targets), and a set for each would be most of
 * the index's memory in a large corpus.
 */
export class PathIndex {
  private readonly map = new Map<string, string | Set<string>>();
  add(key: string, path: string): void {
    const paths = this.map.get(key);
    if (paths === undefined) this.map.set(key, path);
    else if (typeof paths !== 'string') paths.add(path);
    else if (paths !== path) this.map.set(key, new Set([paths, path]));
  }
  delete(key: string, path: string): void {
    const paths = this.map.get(key);
    if (paths === undefined) return;
    if (typeof paths === 'string') {
      if (paths === path) this.map.delete(key);
      return;
    }
    paths.delete(path);
    if (paths.size === 1) this.map.set(key, paths.values().next().value!);
    else if (paths.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> {
    const paths = this.map.get(key);
    if (paths === undefined) return empty;
    return typeof paths === 'string' ? new Set([paths]) : paths;
  }
}

const empty: ReadonlySet<string> = new Set();

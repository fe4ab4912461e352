/** A multimap from string keys to document paths. */
export class PathIndex {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, path: string): void {
    let paths = this.map.get(key);
    if (!paths) this.map.set(key, (paths = new Set()));
    paths.add(path);
  }
  delete(key: string, path: string): void {
    const paths = this.map.get(key);
    if (!paths) return;
    paths.delete(path);
    if (paths.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? empty;
  }
}

const empty: ReadonlySet<string> = new Set();

/** A replacement of the text between two offsets of a file of the corpus. */
export interface TextEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** The best of several fixes for one finding. */
  preferred: boolean;
  /** Unambiguous: `akcheck --fix` and "fix all" apply it. */
  safe: boolean;
  edits: TextEdit[];
  /** A file rename (paths relative to the corpus root), applied after the edits. */
  rename?: { from: string; to: string };
}

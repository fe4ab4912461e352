// Positions of the engine's findings and edits. They have the shape of LSP's (0-based line and
// UTF-16 character), so an editor maps them one to one, but the engine does not depend on LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

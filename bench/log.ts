/** Progress output, and notes: remarks worth keeping, printed at once and listed again in the report. */

export const notes: string[] = [];
export function note(s: string): void {
  notes.push(s);
  process.stdout.write(`note: ${s}\n`);
}

export function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

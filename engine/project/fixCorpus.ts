import type { WritableFileSystem } from '../fileSystem/fileSystem';
import { applyEdits, selectSafeFixes } from '../fixes/applyFixes';
import type { Fix, TextEdit } from '../fixes/fix';
import { parseDocument } from '../parsing/parseDocument';
import { checkCorpus, type SeverityOverrides } from '../rules/checker';
import type { Finding } from '../rules/finding';
import type { LoadedCorpus } from './loadCorpus';
import { loadResources } from './loadResources';

/** Passes of fixing and re-checking before giving up on reaching a state with no safe fix left. */
const maxFixPasses = 10;

const encoder = new TextEncoder();

/**
 * Applies the safe fixes pass by pass until none is left, writing each changed file and moving each
 * renamed one, and keeping the corpus index in step. Files read as invalid UTF-8 are never written.
 */
export async function fixCorpus(
  fs: WritableFileSystem,
  { corpus, lossy }: LoadedCorpus,
  overrides: SeverityOverrides,
  onFixed: (finding: Finding, fix: Fix) => void,
): Promise<void> {
  const schema = corpus.schema;
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const findings = checkCorpus(corpus, overrides).filter((finding) => !lossy.has(finding.path));
    const selected = selectSafeFixes(findings).filter(({ fix }) => fix.edits.every((edit) => !lossy.has(edit.path)));
    if (selected.length === 0) return;
    const editsByPath = new Map<string, TextEdit[]>();
    for (const { fix } of selected) for (const edit of fix.edits) editsByPath.set(edit.path, [...(editsByPath.get(edit.path) ?? []), edit]);
    let resourcesFixed = false;
    for (const [path, edits] of editsByPath) {
      const before = corpus.textOf(path)?.getText();
      if (before === undefined) continue;
      const text = applyEdits(before, edits);
      await fs.writeFile(path, encoder.encode(text));
      if (corpus.get(path)) corpus.set(parseDocument(path, text, schema));
      else resourcesFixed = true;
    }
    // A fixed resource file (the glossary) is read again, as the next pass must see it.
    if (resourcesFixed) corpus.resources = await loadResources(fs, schema);
    for (const { finding, fix } of selected) {
      if (fix.rename) {
        // Read before the move: a document's text may be read back from its file.
        const text = corpus.get(fix.rename.from)?.text.getText();
        await fs.rename(fix.rename.from, fix.rename.to);
        corpus.delete(fix.rename.from);
        if (text !== undefined) corpus.set(parseDocument(fix.rename.to, text, schema));
      }
      onFixed(finding, fix);
    }
  }
}

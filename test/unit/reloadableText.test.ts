// Text read back for a fix is the text that was parsed, or an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileChangedError, MemoryFileSystem, readMarkdownText } from '../../engine';
import { ReloadableText } from '../../engine/corpus/reloadableText';

test('a reloaded text equals the parsed one and answers positions; a changed file is refused', async () => {
  const fs = new MemoryFileSystem({ 'a.md': '---\ntitle: A\n---\n\nTekst\n' });
  const read = await readMarkdownText(fs, 'a.md');
  const text = new ReloadableText('a.md', fs, 'a.md', read.stamp!, read.text!.length);
  assert.equal(text.getText(), read.text);
  assert.deepEqual(text.positionAt(read.text!.indexOf('Tekst')), { line: 4, character: 0 });
  assert.equal(text.lineCount, 6);

  await fs.writeFile('a.md', '---\ntitle: B\n---\n\nTekst\n');
  const fresh = new ReloadableText('a.md', fs, 'a.md', read.stamp!, read.text!.length);
  assert.throws(() => fresh.getText(), FileChangedError);
});

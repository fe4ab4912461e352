// Text read back from disk for a fix is the text that was parsed, or an error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readMarkdownFile } from '../../engine/corpus/diskCorpus';
import { FileChangedError, ReloadableText } from '../../engine/corpus/reloadableText';

test('a reloaded text equals the parsed one and answers positions; a changed file is refused', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ak-reload-'));
  try {
    const path = join(folder, 'a.md');
    writeFileSync(path, '---\ntitle: A\n---\n\nTekst\n');
    const read = readMarkdownFile(path);
    const text = new ReloadableText('a.md', path, read.stamp!, read.text!.length);
    assert.equal(text.getText(), read.text);
    assert.deepEqual(text.positionAt(read.text!.indexOf('Tekst')), { line: 4, character: 0 });
    assert.equal(text.lineCount, 6);

    writeFileSync(path, '---\ntitle: B\n---\n\nTekst\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    const fresh = new ReloadableText('a.md', path, read.stamp!, read.text!.length);
    assert.throws(() => fresh.getText(), FileChangedError);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

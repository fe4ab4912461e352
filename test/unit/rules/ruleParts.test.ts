// The two parts of the rules (`checkDocument(…, part)`): the language server checks each page with
// the rules that need no other page (`document`) as soon as it is read, and publishes those findings
// before the rest of the corpus is read; the other rules (`corpus`) run once every page is in.
// Here, on the demo corpus and the real one: the `document` rules find the same on a page in a
// corpus that holds nothing else (only the files beside the pages), and both parts together find
// what all rules find.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDocument, compareFindings, Corpus, loadCorpus, loadCorpusConfig, type Finding } from '../../../engine';
import { NodeFileSystem } from '../../../engine/node';
import { needsRealCorpus, projectRoot, realCorpusRoot } from '../../support/realCorpus';

async function load(folder: string): Promise<Corpus> {
  const fs = new NodeFileSystem(folder);
  const { schema } = await loadCorpusConfig(fs);
  return (await loadCorpus(fs, schema)).corpus;
}

/** Checks every page of `corpus` both ways; returns the number of findings of the `document` rules. */
function assertParts(corpus: Corpus): number {
  let local = 0;
  for (const document of corpus.all()) {
    const byDocumentRules = checkDocument(corpus, document, {}, 'document');
    const alone = new Corpus(corpus.schema);
    alone.resources = corpus.resources;
    alone.add(document);
    assert.deepEqual(checkDocument(alone, document, {}, 'document'), byDocumentRules, `${document.path}: the document rules depend on other pages`);
    const both: Finding[] = [...byDocumentRules, ...checkDocument(corpus, document, {}, 'corpus')].sort(compareFindings);
    assert.deepEqual(both, checkDocument(corpus, document), `${document.path}: the two parts differ from all rules`);
    local += byDocumentRules.length;
  }
  return local;
}

describe('rule parts', () => {
  test('the demo corpus', async () => {
    const corpus = await load(join(projectRoot, 'content'));
    assert.ok(corpus.size > 10);
    assertParts(corpus);
  });

  test('the real corpus', needsRealCorpus, async () => {
    const corpus = await load(realCorpusRoot!);
    // Most of its findings (page structure, style, metadata) come from the document rules.
    assert.ok(assertParts(corpus) > 30);
  });
});

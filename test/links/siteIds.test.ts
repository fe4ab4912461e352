// Differential test of the anchors: the id the engine gives every heading against the id
// Python-Markdown itself gives it (test/links/siteIds.py, with the extensions of the site's
// mkdocs.yml), on every heading of the real corpus and on headings made to be hard. Needs Debian's
// python3-markdown and python3-pymdownx (`.ci/run` installs them); skipped visibly without them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { defaultSchema, loadCorpus, parseDocument } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { projectRoot, realCorpusRoot, skipReason } from '../support/realCorpus';

type SiteIds = Record<string, [level: number, id: string][]>;

const script = join(projectRoot, 'test/links/siteIds.py');

/** The first Python that has Python-Markdown and pymdownx (a pyenv shim may shadow Debian's). */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['-c', 'import markdown, pymdownx'], { stdio: 'ignore' }).status === 0);
const noPython = python ? false : 'Python-Markdown not found (apt-get install -y python3-markdown python3-pymdownx)';

function siteIds(args: string[], input?: string): SiteIds {
  const result = spawnSync(python!, [script, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as SiteIds;
}

/** Each page's headings where the engine and Python-Markdown disagree, as readable lines. */
function differences(ours: SiteIds, theirs: SiteIds): string[] {
  const lines: string[] = [];
  for (const path of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const a = ours[path] ?? [];
    const b = theirs[path] ?? [];
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      if (JSON.stringify(a[index]) !== JSON.stringify(b[index]))
        lines.push(`${path} heading ${index + 1}: engine ${JSON.stringify(a[index])}, Python-Markdown ${JSON.stringify(b[index])}`);
    }
  }
  return lines;
}

/**
 * Headings that a GitHub-style slug, or a careless one, gets wrong. Not among them: entities
 * (`&eacute;`), which Debian's Python-Markdown 3.4 drops from the id and 3.6 and later, like the
 * engine, turn into the character first.
 */
const hardHeadings = [
  '# Één stap { data-search-exclude }',
  '## Privacy & gegevensbescherming',
  '## Wat is *een* **algoritme**?',
  '## De `list_maatregelen`-directive',
  '## Zie [de vereiste](vereisten/aia-01.md) en <span class="x">HTML</span>',
  '## Toelichting',
  '## Toelichting',
  '## Toelichting_1',
  '## Eigen id { #eigen }',
  '## Eigen { .klasse }',
  '### Citaat: "aan" de — streep – en ‘quotes’ ###',
  'Setext kop',
  '==========',
  'Tweede setext',
  '---',
  '## Cijfers 1.2.3 en ½ en ﬁ-ligatuur',
  '## Café, naïef, coöperatie, Ærø',
  '## 2 augustus 2025: AI-modellen',
  '## Underscore_in_woord en __vet__',
  '!!! note "Titel"',
  '',
  '    ## Kop in een admonitie',
  '',
  '??? expander "Meer"',
  '',
  '    ### Kop in een expander',
  '',
  '=== "Tab"',
  '',
  '    #### Kop in een tab',
  '',
  '```',
  '## Geen kop in code',
  '```',
  '',
  '<!--',
  '## Geen kop in commentaar',
  '-->',
  '',
  '## Laatste kop',
].join('\n');

describe('heading ids against Python-Markdown', () => {
  test('every heading of the real corpus gets the id the site gives it', { skip: noPython || (realCorpusRoot ? false : skipReason) }, async () => {
    const { corpus } = await loadCorpus(new NodeFileSystem(realCorpusRoot!), defaultSchema);
    const ours: SiteIds = {};
    for (const document of corpus.all()) ours[document.path] = document.body.headings.map((heading) => [heading.level, heading.id]);
    const theirs = siteIds([realCorpusRoot!]);
    const headings = Object.values(theirs).reduce((sum, list) => sum + list.length, 0);
    assert.ok(headings > 1500, `Python-Markdown found ${headings} headings`);
    assert.deepEqual(differences(ours, theirs), []);
  });

  test('headings made to be hard: accents, markup, links, HTML, attribute lists, duplicates, setext, blocks', { skip: noPython }, () => {
    const pages = { 'docs/moeilijk.md': `---\ntitle: Moeilijk\n---\n\n${hardHeadings}\n`, 'docs/zonder-frontmatter.md': hardHeadings };
    const ours: SiteIds = {};
    for (const [path, text] of Object.entries(pages)) ours[path] = parseDocument(path, text, defaultSchema).body.headings.map((heading) => [heading.level, heading.id]);
    const theirs = siteIds(['-'], JSON.stringify(pages));
    assert.ok(theirs['docs/moeilijk.md'].length >= 20);
    assert.deepEqual(differences(ours, theirs), []);
  });

  test('an emoji shortcode in a heading is no part of its id', { skip: noPython }, () => {
    const pages = { 'docs/emoji.md': '## Emoji :smile: in kop\n' };
    const ours = parseDocument('docs/emoji.md', pages['docs/emoji.md'], defaultSchema).body.headings.map((heading) => [heading.level, heading.id]);
    assert.deepEqual(ours, siteIds(['-'], JSON.stringify(pages))['docs/emoji.md']);
  });
});

// AK050-AK056: the HTML-comment directives the site's hooks expand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, check, damage, findingsOf, H1, lineOf, M1, M2, only, V1, V2, withFiles, type Files, type Triple } from '../../support/memoryCorpus';

/** The corpus with `lines` appended to the body of `path`, and the 1-based line of the first appended line. */
function append(path: string, ...lines: string[]): { files: Files; line: number } {
  const text = base[path];
  return { files: withFiles(base, { [path]: text + lines.join('\n') + '\n' }), line: text.split('\n').length };
}

/** The findings on the appended lines only. */
function appended(path: string, ...lines: string[]): Triple[] {
  const { files, line } = append(path, ...lines);
  return findingsOf(files).filter(([p, l]) => p !== path || l >= line);
}

describe('AK050 unknown-directive', () => {
  test('fires on the comment, naming the directive and the closest known one', () => {
    const { files, line } = append(V2, '<!-- list_vereisen -->');
    assert.deepEqual(findingsOf(files), [[V2, line, 'AK050']]);
    const finding = only(files, 'AK050');
    assert.match(finding.message, /'list_vereisen'/);
    assert.match(finding.message, /'list_vereisten'/);
    assert.deepEqual(finding.range, { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 22 } });
  });

  test('fires for any first word starting with list_ or tags, on every page', () => {
    const { line } = append(V2);
    assert.deepEqual(appended(V2, '<!-- tags_ai_act -->', 'tekst <!-- list_ --> tekst', '<!-- tagsx -->'), [
      [V2, line, 'AK050'],
      [V2, line + 1, 'AK050'],
      [V2, line + 2, 'AK050'],
    ]);
    const files = withFiles(base, { 'docs/index.md': '# Start\n\n<!-- list_alles -->\n' });
    assert.deepEqual(findingsOf(files), [['docs/index.md', 3, 'AK050']]);
  });

  test('indented directives count (spaces and tabs, as in ??? expander blocks)', () => {
    const { line } = append(V2);
    assert.deepEqual(appended(V2, '??? info "Meer"', '', '\t<!-- list_vereisen -->', '    <!-- tags_x -->'), [
      [V2, line + 2, 'AK050'],
      [V2, line + 3, 'AK050'],
    ]);
  });

  test('two comments on one line are two findings', () => {
    const { line } = append(V2);
    assert.deepEqual(appended(V2, '<!-- list_a --> en <!-- list_b -->'), [
      [V2, line, 'AK050'],
      [V2, line, 'AK050'],
    ]);
  });

  test('does not fire for comments whose first word is not a directive prefix, nor for the known directives', () => {
    assert.deepEqual(
      appended(
        V2,
        '<!-- Let op! onderstaande regel met tags niet weghalen -->',
        '<!-- TODO list_x -->',
        '<!---->',
        '<!-- -->',
        '<!-- tags-ai-act -->',
        '<!-- list_vereisten onderwerp/data -->',
      ),
      [],
    );
  });

  test('does not fire inside ``` or ~~~ fenced code blocks, nor in the frontmatter', () => {
    assert.deepEqual(appended(V2, '```html', '<!-- list_vereisen -->', '```', '~~~', '<!-- tags_x -->', '~~~'), []);
    // A longer fence is closed only by a fence at least as long, of the same character.
    assert.deepEqual(appended(V2, '````', '```', '<!-- list_x -->', '~~~~', '<!-- list_y -->', '````'), []);
    // An indented fence counts too, and an unclosed fence runs to the end of the file.
    assert.deepEqual(appended(V2, '  ```', '<!-- list_x -->', '  ```', '~~~ yaml', '<!-- list_y -->'), []);
    assert.deepEqual(findingsOf(damage(base, V2, 'rollen:', '# <!-- list_x -->\nrollen:')), []);
  });

  test('after a fence closes, directives count again', () => {
    const { line } = append(V2);
    assert.deepEqual(appended(V2, '```', '<!-- list_x -->', '```', '<!-- list_y -->'), [[V2, line + 3, 'AK050']]);
  });

  test('a fence-closing line with text after it does not close the fence', () => {
    assert.deepEqual(appended(V2, '```', '``` nog code', '<!-- list_x -->', '```'), []);
  });

  test('in a file without frontmatter the whole file is body', () => {
    const files = withFiles(base, { 'docs/over.md': '<!-- list_x -->\n' });
    assert.deepEqual(findingsOf(files), [['docs/over.md', 1, 'AK050']]);
  });
});

describe('AK051 invalid-directive-filter', () => {
  test('fires for a key that is not a list key of the listed type, naming it', () => {
    const { files, line } = append(V2, '<!-- list_vereisten onderwrp/data -->');
    assert.deepEqual(findingsOf(files), [[V2, line, 'AK051']]);
    assert.match(only(files, 'AK051').message, /'onderwrp'/);
  });

  test('the key must be a list key of the listed type', () => {
    const { line } = append(V2);
    // vereiste is no key of a vereiste; risicogroep no key of a maatregel; title is no list key; categorie is a hulpmiddel key.
    assert.deepEqual(
      appended(
        V2,
        '<!-- list_vereisten vereiste/avg-01-rechtmatige-verwerking -->',
        '<!-- list_maatregelen risicogroep/verboden-ai -->',
        '<!-- list_vereisten title/x -->',
        '<!-- list_maatregelen categorie/self-assessment -->',
      ),
      [
        [V2, line, 'AK051'],
        [V2, line + 1, 'AK051'],
        [V2, line + 2, 'AK051'],
        [V2, line + 3, 'AK051'],
      ],
    );
  });

  test('fires for a value not in the vocabulary, naming it', () => {
    const { files, line } = append(M1, '<!-- list_vereisten onderwerp/transparantei -->');
    assert.deepEqual(findingsOf(files), [[M1, line, 'AK051']]);
    assert.match(only(files, 'AK051').message, /'transparantei'/);
    assert.match(only(files, 'AK051').message, /'transparantie'/);
  });

  test('for vereiste and maatregel the value must be a slug', () => {
    const { line } = append(H1);
    assert.deepEqual(
      appended(
        H1,
        '<!-- list_maatregelen vereiste/aia-08-onbekend -->',
        '<!-- list_hulpmiddelen maatregel/2-owp-30-onbekend -->',
        '<!-- list_maatregelen vereiste/../../../etc/passwd -->',
        '<!-- list_maatregelen vereiste/ -->',
      ),
      [
        [H1, line, 'AK051'],
        [H1, line + 1, 'AK051'],
        [H1, line + 2, 'AK051'],
        [H1, line + 3, 'AK051'],
      ],
    );
  });

  test('fires for the fixed AI-Act vocabularies', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten risicogroep/hoog-risico -->'), [[M1, line, 'AK051']]);
  });

  test('does not fire for a valid filter, an open vocabulary value, or no filter', () => {
    assert.deepEqual(
      appended(
        M1,
        '<!-- list_vereisten onderwerp/data -->',
        '<!-- list_hulpmiddelen categorie/self-assessment -->',
        '<!-- list_maatregelen vereiste/avg-01-rechtmatige-verwerking -->',
        '<!-- list_vereisten -->',
        '<!-- list_maatregelen no-search -->',
      ),
      [],
    );
  });

  test('a value that is valid for another key is still invalid for this one', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten rollen/ontwerp -->'), [[M1, line, 'AK051']]);
  });
});

describe('AK052 ignored-directive-filter', () => {
  test('fires for a key/value argument after the first, quoting it', () => {
    const { files, line } = append(M1, '<!-- list_vereisten onderwerp/data rollen/jurist -->');
    assert.deepEqual(findingsOf(files), [[M1, line, 'AK052']]);
    assert.match(only(files, 'AK052').message, /'rollen\/jurist'/);
  });

  test('fires when the first argument is an option and a filter comes later (nothing filters then)', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten no-search onderwerp/data -->'), [[M1, line, 'AK052']]);
  });

  test('later filters are not validated: a bad one is still only AK052', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten onderwerp/data bestaat/niet -->'), [[M1, line, 'AK052']]);
  });

  test('several ignored filters on one comment count as one finding', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten onderwerp/data rollen/jurist levenscyclus/ontwerp onderwerp/governance -->'), [[M1, line, 'AK052']]);
  });

  test('does not fire for one filter with options, nor on non-list directives', () => {
    assert.deepEqual(appended(M1, '<!-- list_vereisten onderwerp/data no-search add-title -->', '<!-- tags onderwerp/data rollen/jurist -->'), []);
  });
});

describe('AK053 ineffective-directive-option', () => {
  test('fires for an unknown option, quoting it', () => {
    const { files, line } = append(M1, '<!-- list_vereisten onderwerp/data no-id -->');
    assert.deepEqual(findingsOf(files), [[M1, line, 'AK053']]);
    assert.match(only(files, 'AK053').message, /'no-id'/);
  });

  test('fires for words that are neither key/value nor no-/add- options', () => {
    const { line } = append(M1);
    assert.deepEqual(
      appended(
        M1,
        '<!-- list_vereisten onderwerp -->',
        '<!-- list_vereisten no- -->',
        '<!-- list_vereisten hide-search -->',
        '<!-- list_vereisten /data -->',
        '<!-- list_vereisten NO-SEARCH -->',
      ),
      [
        [M1, line, 'AK053'],
        [M1, line + 1, 'AK053'],
        [M1, line + 2, 'AK053'],
        [M1, line + 3, 'AK053'],
        [M1, line + 4, 'AK053'],
      ],
    );
  });

  test('wetcode is an option of list_vereisten only', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten no-wetcode add-wetcode -->', '<!-- list_maatregelen no-wetcode -->', '<!-- list_hulpmiddelen add-wetcode -->'), [
      [M1, line + 1, 'AK053'],
      [M1, line + 2, 'AK053'],
    ]);
  });

  test('several unknown options on one comment count as one finding', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_vereisten no-id no-x add-y -->'), [[M1, line, 'AK053']]);
  });

  test('does not fire for the known options on each list directive', () => {
    const options = ['search', 'title', 'rol', 'levenscyclus', 'onderwerp'].flatMap((x) => [`no-${x}`, `add-${x}`]).join(' ');
    assert.deepEqual(appended(M1, `<!-- list_vereisten ${options} -->`, `<!-- list_maatregelen ${options} -->`, `<!-- list_hulpmiddelen ${options} -->`), []);
  });

  test('is not checked on directives that are not list_vereisten/maatregelen/hulpmiddelen', () => {
    assert.deepEqual(appended(M1, '<!-- tags no-id -->', '<!-- list_vereisten_on_maatregelen_page no-id -->'), []);
  });
});

describe('AK054 directive-not-self', () => {
  test('fires on a vereiste listing the maatregelen of another existing vereiste, naming it', () => {
    const files = damage(base, V2, 'vereiste/avg-01-rechtmatige-verwerking', 'vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken');
    assert.deepEqual(findingsOf(files), [[V2, 20, 'AK054']]);
    assert.match(only(files, 'AK054').message, /'aia-08-transparantie-aan-gebruiksverantwoordelijken'/);
  });

  test('an unknown vereiste is AK051 instead', () => {
    assert.deepEqual(findingsOf(damage(base, V2, 'vereiste/avg-01-rechtmatige-verwerking', 'vereiste/avg-01-rechtmatig')), [[V2, 20, 'AK051']]);
  });

  test('does not fire for the page itself, nor on maatregelen, hulpmiddelen or other pages', () => {
    assert.deepEqual(findingsOf(base), []);
    assert.deepEqual(appended(M1, '<!-- list_maatregelen vereiste/avg-01-rechtmatige-verwerking -->'), []);
    assert.deepEqual(appended(H1, '<!-- list_maatregelen vereiste/avg-01-rechtmatige-verwerking -->'), []);
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/over.md': '<!-- list_maatregelen vereiste/avg-01-rechtmatige-verwerking -->\n' })), []);
  });

  test('does not fire when the filter is not the first argument (it is ignored: AK052)', () => {
    const { line } = append(V2);
    assert.deepEqual(appended(V2, '<!-- list_maatregelen onderwerp/data vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken -->'), [[V2, line, 'AK052']]);
  });
});

describe('AK055 empty-directive', () => {
  test('fires when no document of the listed type matches the filter, naming the value', () => {
    const { files, line } = append(M1, '<!-- list_vereisten levenscyclus/implementatie -->');
    assert.deepEqual(findingsOf(files), [[M1, line, 'AK055']]);
    assert.match(only(files, 'AK055').message, /'implementatie'/);
  });

  test('matches on the listed type only', () => {
    // M2 has levenscyclus ontwikkelen and V1 too; no hulpmiddel has it.
    const { line } = append(M1);
    assert.deepEqual(
      appended(M1, '<!-- list_vereisten levenscyclus/ontwikkelen -->', '<!-- list_maatregelen levenscyclus/ontwikkelen -->', '<!-- list_hulpmiddelen levenscyclus/ontwikkelen -->'),
      [[M1, line + 2, 'AK055']],
    );
  });

  test('a vereiste whose maatregelen list is empty', () => {
    const files = damage(base, M2, '- avg-01-rechtmatige-verwerking\n', '');
    assert.deepEqual(findingsOf(files), [[V2, 20, 'AK055']]);
  });

  test('follows changes of other documents (the corpus index)', () => {
    const files = damage(base, M2, '- avg-01-rechtmatige-verwerking\n', '');
    assert.deepEqual(findingsOf(withFiles(files, { [M2]: base[M2] })), []);
  });

  test('an open vocabulary value no hulpmiddel has', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_hulpmiddelen categorie/nieuw -->'), [[M1, line, 'AK055']]);
  });

  test('a scalar list value counts as a one-item list for matching', () => {
    // V1 and V2 are the only vereisten with rollen jurist; V1 loses it, V2 has it as a scalar.
    const files = damage(damage(base, V1, '- jurist\n', ''), V2, 'rollen:\n- jurist', 'rollen: jurist');
    const withDirective = withFiles(files, { [M1]: base[M1] + '<!-- list_vereisten rollen/jurist -->\n' });
    assert.deepEqual(findingsOf(withDirective), [[V2, 10, 'AK021']]);
  });

  test('does not fire without a filter, or with an invalid filter (that is AK051)', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_hulpmiddelen -->', '<!-- list_vereisten onderwerp/onbekend -->'), [[M1, line + 1, 'AK051']]);
  });
});

describe('AK056 directive-wrong-page', () => {
  test('list_vereisten_on_maatregelen_page outside maatregelen and hulpmiddelen', () => {
    const { files, line } = append(V2, '<!-- list_vereisten_on_maatregelen_page -->');
    assert.deepEqual(findingsOf(files), [[V2, line, 'AK056']]);
    assert.match(only(files, 'AK056').message, /list_vereisten_on_maatregelen_page/);
    const others = withFiles(base, {
      'docs/index.md': '<!-- list_vereisten_on_maatregelen_page -->\n',
      'docs/rollen/jurist.md': '---\ntitle: Jurist\n---\n<!-- list_vereisten_on_maatregelen_page -->\n',
      'docs/voldoen-aan-wetten-en-regels/maatregelen/index.md': '<!-- list_vereisten_on_maatregelen_page -->\n',
    });
    assert.deepEqual(findingsOf(others), [
      ['docs/index.md', 1, 'AK056'],
      ['docs/rollen/jurist.md', 4, 'AK056'],
      ['docs/voldoen-aan-wetten-en-regels/maatregelen/index.md', 1, 'AK056'],
    ]);
  });

  test('list_maatregelen_on_hulpmiddelen_page outside hulpmiddelen', () => {
    const { line } = append(M1);
    assert.deepEqual(appended(M1, '<!-- list_maatregelen_on_hulpmiddelen_page -->'), [[M1, line, 'AK056']]);
    const { line: vLine } = append(V1);
    assert.deepEqual(appended(V1, '<!-- list_maatregelen_on_hulpmiddelen_page -->'), [[V1, vLine, 'AK056']]);
  });

  test('does not fire on the pages they are made for', () => {
    // The base corpus has both on its maatregelen and hulpmiddel.
    assert.deepEqual(findingsOf(base), []);
    assert.ok(
      base[M1].includes('list_vereisten_on_maatregelen_page') &&
        base[H1].includes('list_maatregelen_on_hulpmiddelen_page') &&
        base[H1].includes('list_vereisten_on_maatregelen_page'),
    );
  });
});

describe('several codes on one comment', () => {
  test('each code once per comment', () => {
    const { files, line } = append(M1, '<!-- list_vereisten onderwerp/governance rollen/jurist no-id levenscyclus/ontwerp no-x -->');
    assert.deepEqual(findingsOf(files), [
      [M1, line, 'AK052'],
      [M1, line, 'AK053'],
    ]);
    assert.equal(check(files).length, 2);
  });

  test('AK051 and AK052 and AK053 together', () => {
    const { line } = append(M2);
    assert.deepEqual(appended(M2, '<!-- list_vereisten onderwerp/x rollen/jurist no-id -->'), [
      [M2, line, 'AK051'],
      [M2, line, 'AK052'],
      [M2, line, 'AK053'],
    ]);
  });

  test('lineOf helper sanity', () => {
    assert.equal(lineOf(base[V2], 'list_maatregelen'), 20);
  });
});

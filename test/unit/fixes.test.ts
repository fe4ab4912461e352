// The fixes of RULES.md "Messages and fixes": applying the preferred fix removes the finding, changes
// nothing outside its edits (the result is compared byte for byte), keeps CRLF line endings, and
// re-checking finds nothing new. Then the quality of the suggestions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, type Finding, type Fix, selectSafeFixes, suggest } from '../../engine';
import { boundedDistance } from '../../engine/text/suggest';
import {
  base,
  check,
  damage,
  edit,
  findingsOf,
  H1,
  M1,
  M2,
  maatregelenFolder,
  triples,
  V1,
  V2,
  vereistenFolder,
  withFiles,
  type Files,
  type Triple,
} from '../support/memoryCorpus';

type Eol = '\n' | '\r\n';
const eols: [string, Eol][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
];
const toEol = (text: string, eol: Eol) => (eol === '\n' ? text : text.replace(/\n/g, '\r\n'));
const baseIn = (eol: Eol): Files => Object.fromEntries(Object.entries(base).map(([path, text]) => [path, toEol(text, eol)]));

/** Applies a fix's edits and rename to a copy of the files. */
function applyFix(files: Files, fix: Fix): Files {
  const result = { ...files };
  const byPath = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  for (const [path, edits] of byPath) {
    const before = files[path];
    const after = applyEdits(before, edits);
    // Outside the edits the text is byte-identical.
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    assert.equal(after.slice(0, sorted[0].start), before.slice(0, sorted[0].start));
    const last = sorted[sorted.length - 1];
    assert.equal(after.slice(after.length - (before.length - last.end)), before.slice(last.end));
    result[path] = after;
  }
  if (fix.rename) {
    result[fix.rename.to] = result[fix.rename.from];
    delete result[fix.rename.from];
  }
  return result;
}

function theFinding(files: Files, code: string): Finding {
  const found = check(files).filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(triples(found))}`);
  return found[0];
}

function preferred(finding: Finding): Fix {
  const fixes = finding.fixes.filter((f) => f.preferred);
  assert.equal(fixes.length, 1, `expected one preferred fix for ${finding.code}: ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
  return fixes[0];
}

interface Case {
  name: string;
  code: string;
  /** The damaged corpus, from the valid one (in the given line endings). */
  damaged: (valid: Files, eol: Eol) => Files;
  /** What applying the preferred fix gives; the valid corpus when absent. */
  expected?: (valid: Files, eol: Eol) => Files;
  /** Whether `akcheck --fix` applies it. */
  safe: boolean;
  /** Findings left after the fix (a placeholder that still needs a value). */
  left?: (eol: Eol) => Triple[];
}

const d = (path: string, from: string, to: string) => (valid: Files, eol: Eol) => damage(valid, path, toEol(from, eol), toEol(to, eol));
const chain =
  (...steps: ((valid: Files, eol: Eol) => Files)[]) =>
  (valid: Files, eol: Eol) =>
    steps.reduce((files, step) => step(files, eol), valid);

const cases: Case[] = [
  { name: 'AK020: a taxonomy value replaced by the closest one', code: 'AK020', damaged: d(V2, '- governance', '- governanse'), safe: true },
  { name: 'AK020: an AI-Act value', code: 'AK020', damaged: d(V1, '- hoog-risico-ai-systeem', '- hoog-risico-ai-systeme'), safe: true },
  {
    name: 'AK040: a vereiste slug with the same id prefix',
    code: 'AK040',
    damaged: d(M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-08-transparantie-aan-gebruikersverantwoordelijken'),
    safe: true,
  },
  { name: 'AK041: a maatregel slug', code: 'AK041', damaged: d(H1, '- 2-owp-30-informeer-betrokkenen', '- 2-owp-30-informeer-betrokene'), safe: true },
  {
    name: 'AK051: a directive filter value',
    code: 'AK051',
    damaged: d(V2, 'vereiste/avg-01-rechtmatige-verwerking', 'vereiste/avg-01-rechtmatige-verwerkin'),
    safe: true,
  },
  { name: 'AK051: a directive filter key', code: 'AK051', damaged: d(V1, 'list_maatregelen vereiste/', 'list_maatregelen vereist/'), safe: true },
  { name: 'AK011: a key renamed to the closest known key', code: 'AK011', damaged: d(V2, 'toelichting:', 'toelichtnig:'), safe: true },
  {
    name: 'AK012: the earlier key removed with its value (the site keeps the last)',
    code: 'AK012',
    damaged: d(V1, 'hide:\n- navigation\n', 'hide:\n- navigation\nhide:\n- toc\n- navigation\n'),
    expected: d(V1, 'hide:\n- navigation\n', 'hide:\n- toc\n- navigation\n'),
    safe: true,
  },
  {
    name: 'AK012: an earlier scalar key removed, the later value kept',
    code: 'AK012',
    damaged: d(V2, 'rollen:\n', 'title: Nog een titel\nrollen:\n'),
    expected: chain(d(V2, 'title: Persoonsgegevens worden rechtmatig verwerkt\n', ''), d(V2, 'rollen:\n', 'title: Nog een titel\nrollen:\n')),
    safe: true,
  },
  { name: 'AK022: the later item removed from a block list', code: 'AK022', damaged: d(V1, '- ontwerp\n- ontwikkelen', '- ontwerp\n- ontwikkelen\n- ontwerp'), safe: true },
  {
    name: 'AK022: the later item removed from a flow list',
    code: 'AK022',
    damaged: d(V1, 'levenscyclus:\n- ontwerp\n- ontwikkelen', 'levenscyclus: [ontwerp, ontwikkelen, ontwerp]'),
    expected: d(V1, 'levenscyclus:\n- ontwerp\n- ontwikkelen', 'levenscyclus: [ontwerp, ontwikkelen]'),
    safe: true,
  },
  { name: 'AK021: a scalar turned into a one-item list', code: 'AK021', damaged: d(V2, 'rollen:\n- jurist', 'rollen: jurist'), safe: true },
  { name: 'AK021: an empty item at the end removed', code: 'AK021', damaged: d(V2, 'rollen:\n- jurist', 'rollen:\n- jurist\n-'), safe: true },
  { name: 'AK021: an empty item with a space removed', code: 'AK021', damaged: d(V2, 'rollen:\n- jurist', 'rollen:\n- \n- jurist'), safe: true },
  { name: "AK021: an empty '' item removed", code: 'AK021', damaged: d(V2, 'rollen:\n- jurist', "rollen:\n- jurist\n- ''"), safe: true },
  {
    name: 'AK021: an empty item removed from a flow list',
    code: 'AK021',
    damaged: d(V2, 'rollen:\n- jurist', "rollen: [jurist, '']"),
    expected: d(V2, 'rollen:\n- jurist', 'rollen: [jurist]'),
    safe: true,
  },
  {
    name: 'AK032: the file renamed to match the id, and its citations with it',
    code: 'AK032',
    damaged: (valid) => {
      const renamed = `${maatregelenFolder}/2-owp-31-informeer-betrokkenen.md`;
      const files = withFiles(valid, { [M1]: null, [renamed]: valid[M1] });
      return damage(files, H1, '- 2-owp-30-informeer-betrokkenen', '- 2-owp-31-informeer-betrokkenen');
    },
    safe: true,
  },
  {
    name: 'AK054: the directive pointed at the page itself',
    code: 'AK054',
    damaged: d(V2, 'vereiste/avg-01-rechtmatige-verwerking', 'vereiste/aia-08-transparantie-aan-gebruiksverantwoordelijken'),
    safe: true,
  },
  {
    name: 'AK060: the period dropped',
    code: 'AK060',
    damaged: d(V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: Persoonsgegevens worden rechtmatig verwerkt.'),
    safe: true,
  },
  {
    name: 'AK060: the period dropped inside quotes, trailing space kept',
    code: 'AK060',
    damaged: d(V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: "Persoonsgegevens worden rechtmatig verwerkt."  '),
    expected: d(V2, 'title: Persoonsgegevens worden rechtmatig verwerkt', 'title: "Persoonsgegevens worden rechtmatig verwerkt"  '),
    safe: true,
  },
  {
    name: 'AK062: <!-- tags --> inserted after the frontmatter',
    code: 'AK062',
    damaged: d(V2, '---\n\n<!-- tags -->\n', '---\n'),
    expected: d(V2, '---\n\n<!-- tags -->\n', '---\n\n<!-- tags -->\n'),
    safe: true,
  },
  {
    name: 'AK062: inserted when the body is empty and the closer has no line break',
    code: 'AK062',
    damaged: (valid) => withFiles(valid, { [M2]: valid[M2].slice(0, valid[M2].indexOf('---', 3) + 3) }),
    expected: (valid, eol) => withFiles(valid, { [M2]: valid[M2].slice(0, valid[M2].indexOf('---', 3) + 3) + `${eol}${eol}<!-- tags -->${eol}` }),
    safe: true,
    // The page without a body lacks its six sections.
    left: () => Array.from({ length: 6 }, (): Triple => [M2, 1, 'AK080']),
  },
  {
    name: 'AK010: a missing key inserted with a placeholder before the closing ---',
    code: 'AK010',
    damaged: d(V2, 'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.\n', ''),
    expected: chain(d(V2, 'toelichting: Verwerk alleen persoonsgegevens als daar een grondslag voor is.\n', ''), d(V2, '- jurist\n---', '- jurist\ntoelichting: \n---')),
    safe: false,
  },
  {
    name: 'AK010: a missing list key inserted with an empty item to fill in',
    code: 'AK010',
    damaged: d(V2, 'rollen:\n- jurist\n', ''),
    expected: chain(d(V2, 'rollen:\n- jurist\n', ''), d(V2, '- data\n---', '- data\nrollen:\n- \n---')),
    safe: false,
    // The placeholder item is empty until the author fills it in.
    left: () => [[V2, 11, 'AK021']],
  },
];

describe('preferred fixes', () => {
  for (const c of cases) {
    for (const [eolName, eol] of eols) {
      test(`${c.name} (${eolName})`, () => {
        const valid = baseIn(eol);
        const damaged = c.damaged(valid, eol);
        const finding = theFinding(damaged, c.code);
        const fix = preferred(finding);
        assert.equal(fix.safe, c.safe, `safe: ${fix.title}`);
        const fixed = applyFix(damaged, fix);
        const expected = (c.expected ?? ((files) => files))(valid, eol);
        assert.deepEqual(Object.keys(fixed).sort(), Object.keys(expected).sort());
        for (const path of Object.keys(expected)) assert.equal(fixed[path], expected[path], `${path} after '${fix.title}'`);
        if (eol === '\r\n') for (const text of Object.values(fixed)) assert.ok(!/[^\r]\n/.test(text), 'a bare LF was introduced');
        assert.deepEqual(findingsOf(fixed), c.left ? c.left(eol) : findingsOf(expected));
      });
    }
  }
});

describe('other fixes', () => {
  test('AK040: the one slug with the same id prefix but no word in common is offered, not preferred', () => {
    const damaged = damage(base, H1, '- avg-01-rechtmatige-verwerking', '- avg-01-grondslag');
    const finding = theFinding(damaged, 'AK040');
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Vervang door 'avg-01-rechtmatige-verwerking'"],
    );
    assert.ok(finding.fixes.every((f) => !f.preferred && !f.safe));
  });

  test('AK032: changing the id to the file prefix is offered too, not preferred and not safe', () => {
    const damaged = damage(base, M1, 'id: urn:nl:ak:mtr:owp-30', 'id: urn:nl:ak:mtr:owp-31');
    const finding = theFinding(damaged, 'AK032');
    assert.equal(finding.fixes.length, 2);
    const change = finding.fixes.find((f) => !f.rename) as Fix;
    assert.equal(change.preferred, false);
    assert.equal(change.safe, false);
    assert.deepEqual(applyFix(damaged, change), { ...base });
    // The preferred one renames the file to 2-owp-31-informeer-betrokkenen.md and updates the hulpmiddel citing it.
    const rename = preferred(finding);
    assert.deepEqual(rename.rename, { from: M1, to: `${maatregelenFolder}/2-owp-31-informeer-betrokkenen.md` });
    assert.deepEqual(findingsOf(applyFix(damaged, rename)), []);
  });

  test('AK032: renaming a vereiste updates the citations, its own list_maatregelen directive included', () => {
    const damaged = damage(base, V1, 'id: urn:nl:ak:ver:aia-08', 'id: urn:nl:ak:ver:aia-09');
    const fix = preferred(theFinding(damaged, 'AK032'));
    const renamed = `${vereistenFolder}/aia-09-transparantie-aan-gebruiksverantwoordelijken.md`;
    assert.deepEqual(fix.rename, { from: V1, to: renamed });
    assert.deepEqual(fix.edits.map((e) => e.path).sort(), [M1, M2, V1].sort());
    const fixed = applyFix(damaged, fix);
    assert.equal(fixed[renamed], damaged[V1].replace('vereiste/aia-08-', 'vereiste/aia-09-'));
    assert.equal(fixed[M1], base[M1].replace('- aia-08-', '- aia-09-'));
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('AK032: no rename when the target file exists; changing the id is then preferred, but not safe', () => {
    const target = `${maatregelenFolder}/2-owp-31-informeer-betrokkenen.md`;
    const damaged = withFiles(damage(base, M1, 'id: urn:nl:ak:mtr:owp-30', 'id: urn:nl:ak:mtr:owp-31'), {
      [target]: edit(base[M1], 'id: urn:nl:ak:mtr:owp-30', 'id: urn:nl:ak:mtr:owp-31'),
    });
    const finding = check(damaged).find((f) => f.code === 'AK032' && f.path === M1) as Finding;
    assert.ok(finding.fixes.every((f) => !f.rename));
    const fix = preferred(finding);
    assert.equal(fix.safe, false);
    assert.equal(applyFix(damaged, fix)[M1], base[M1]);
  });

  test('AK020: no clear winner means no preferred and no safe fix, but the candidates are offered', () => {
    const damaged = damage(base, V1, '- ontwikkelen', '- ont');
    const finding = theFinding(damaged, 'AK020');
    assert.ok(finding.fixes.length >= 2, JSON.stringify(finding.fixes.map((f) => f.title)));
    assert.ok(finding.fixes.every((f) => !f.preferred && !f.safe));
  });

  test('AK021: an empty item that is the only one is not removed (that would leave an empty list)', () => {
    const finding = theFinding(damage(base, V2, 'rollen:\n- jurist', 'rollen:\n-'), 'AK021');
    assert.deepEqual(finding.fixes, []);
  });

  test('AK021: a multi-line scalar is not turned into a list', () => {
    const finding = theFinding(damage(base, H1, 'categorie:\n- self-assessment', 'categorie: >\n  self-assessment'), 'AK021');
    assert.deepEqual(finding.fixes, []);
  });

  test('AK062: inserted at the top of a file without frontmatter', () => {
    const damaged = withFiles(base, { [V1]: '# Zonder frontmatter\n' });
    const finding = check(damaged).find((f) => f.code === 'AK062') as Finding;
    assert.equal(applyFix(damaged, preferred(finding))[V1], '<!-- tags -->\n\n# Zonder frontmatter\n');
  });

  test('AK062: no fix for an unclosed block', () => {
    const damaged = withFiles(base, { [V1]: '---\ntitle: x\n' });
    const finding = check(damaged).find((f) => f.code === 'AK062') as Finding;
    assert.deepEqual(finding.fixes, []);
  });

  test('AK062: inserted after the frontmatter of a BOM file, the BOM kept', () => {
    const damaged = withFiles(base, { [V2]: '\ufeff' + damage(base, V2, '---\n\n<!-- tags -->\n', '---\n')[V2] });
    const finding = theFinding(damaged, 'AK062');
    assert.equal(applyFix(damaged, preferred(finding))[V2], '\ufeff' + base[V2]);
  });

  test('a flow-mapping frontmatter gets no line-based fixes (they would delete or mangle the other keys)', () => {
    const flow = '---\n{title: a, id: urn:nl:ak:ver:aia-08, title: b, toelichting: x, levenscyclus: [ontwerp], onderwerp: [data], rollen: jurist}\n---\n\n<!-- tags -->\n';
    const noSections = { rules: { AK080: 'off' } } as const;
    const findings = check(withFiles(base, { [V1]: flow }), noSections).filter((f) => f.path === V1);
    assert.deepEqual(triples(findings), [
      [V1, 2, 'AK012'],
      [V1, 2, 'AK021'],
    ]);
    for (const finding of findings) assert.deepEqual(finding.fixes, [], finding.code);
    const missing = check(withFiles(base, { [V1]: '---\n{title: a}\n---\n\n<!-- tags -->\n' })).filter((f) => f.code === 'AK010');
    assert.equal(missing.length, 5);
    for (const finding of missing) assert.deepEqual(finding.fixes, []);
    // Item fixes inside its flow lists still work.
    const items = check(withFiles(base, { [V1]: flow.replace('rollen: jurist', 'rollen: [jurist, jurist]').replace('title: b, ', '') }), noSections).filter((f) => f.path === V1);
    assert.deepEqual(triples(items), [[V1, 2, 'AK022']]);
    assert.ok(preferred(items[0]).safe);
  });

  test('selectSafeFixes picks safe preferred fixes only, and never two overlapping edits', () => {
    const damaged = damage(damage(base, V2, '- governance', '- governanse'), V2, 'rollen:\n- jurist', 'rollen: jurist');
    const findings = check(withFiles(damaged, { [V1]: damage(base, V1, 'id: urn:nl:ak:ver:aia-08\n', '')[V1] }));
    const selected = selectSafeFixes(findings);
    assert.deepEqual(selected.map((s) => s.finding.code).sort(), ['AK020', 'AK021']);
    // Two fixes on the same spot: the first wins, the other waits for the next pass.
    const twice = check(damage(base, V2, 'rollen:\n- jurist', 'rollen: juristt'));
    assert.deepEqual(twice.map((f) => f.code).sort(), ['AK020', 'AK021']);
    assert.equal(selectSafeFixes(twice).length, 1);
  });
});

describe('suggestions', () => {
  const vereisten = [
    'aia-08-transparantie-aan-gebruiksverantwoordelijken',
    'aia-09-menselijk-toezicht',
    'aia-28-transparantieverplichtingen',
    'aia-35-melding-ernstige-incidenten',
    'aia-37-recht-klacht-indienen-bij-ai-bureau',
    'avg-01-rechtmatige-verwerking',
  ];

  test('aia-08-transparantie-aan-gebruikersverantwoordelijken → aia-08-transparantie-aan-gebruiksverantwoordelijken, clear', () => {
    assert.deepEqual(suggest('aia-08-transparantie-aan-gebruikersverantwoordelijken', vereisten), {
      candidates: ['aia-08-transparantie-aan-gebruiksverantwoordelijken'],
      clear: true,
    });
  });

  test('the fix in the corpus is clear and safe too', () => {
    const finding = theFinding(damage(base, M1, '- aia-08-transparantie-aan-gebruiksverantwoordelijken', '- aia-08-transparantie-aan-gebruikersverantwoordelijken'), 'AK040');
    const fix = preferred(finding);
    assert.ok(fix.safe);
    assert.equal(fix.edits[0].newText, 'aia-08-transparantie-aan-gebruiksverantwoordelijken');
    assert.match(finding.message, /Bedoel je 'aia-08-transparantie-aan-gebruiksverantwoordelijken'\?/);
  });

  test('transparantei → transparantie', () => {
    const onderwerpen = ['bias-en-non-discriminatie', 'data', 'governance', 'transparantie', 'fundamentele-rechten'];
    assert.deepEqual(suggest('transparantei', onderwerpen), { candidates: ['transparantie'], clear: true });
  });

  test('the same id prefix wins over the nearer text', () => {
    assert.deepEqual(suggest('aia-09-menselijke-toezicht', vereisten), { candidates: ['aia-09-menselijk-toezicht'], clear: true });
    assert.equal(suggest('aia-28-transparantieverplichtingen-richting-natuurlijke-personen', vereisten).candidates[0], 'aia-28-transparantieverplichtingen');
  });

  test('a renumbered slug (the text matches another prefix) is offered, but not applied blindly', () => {
    const result = suggest('aia-37-melding-ernstige-incidenten', vereisten);
    assert.equal(result.clear, false);
    assert.deepEqual(result.candidates.slice(0, 2).sort(), ['aia-35-melding-ernstige-incidenten', 'aia-37-recht-klacht-indienen-bij-ai-bureau']);
  });

  test('nothing near in a large vocabulary: no suggestion', () => {
    const many = Array.from({ length: 300 }, (_, i) => `waarde-${i}`);
    assert.deepEqual(suggest('iets-heel-anders', many).candidates, []);
  });

  test('a tie is not clear', () => {
    assert.equal(suggest('ab', ['ac', 'ad']).clear, false);
  });

  test('boundedDistance counts a transposition as one edit and stops at the limit', () => {
    assert.equal(boundedDistance('transparantei', 'transparantie', 5), 1);
    assert.equal(boundedDistance('abc', 'abc', 0), 0);
    assert.equal(boundedDistance('abcdef', 'uvwxyz', 2), 3);
  });

  test('boundedDistance, worked out in a band around the diagonal, agrees with the whole table', () => {
    /** Optimal string alignment distance over the whole table. */
    const wholeTable = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const word = fc.stringMatching(/^[ab-]{0,12}$/);
    fc.assert(
      fc.property(word, word, fc.constantFrom(0, 1, 2, 3, 5, Infinity), (a, b, limit) => {
        const exact = wholeTable(a, b);
        assert.equal(boundedDistance(a, b, limit), exact <= limit ? exact : limit + 1);
      }),
      { seed: 20261203, numRuns: 20000 },
    );
  });
});

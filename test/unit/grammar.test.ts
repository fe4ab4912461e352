// Regression test for the directive injection grammar (syntaxes/algoritmekader-directives.tmLanguage.json).
// VS Code runs the grammar with Oniguruma; this test runs the same patterns as JavaScript regular
// expressions (they are written to mean the same in both) with a minimal begin/patterns/end scanner,
// so that it needs nothing beyond the project's own dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Captures {
  [group: string]: { name: string };
}
interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: { include: string }[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const grammarPath = resolve('syntaxes/algoritmekader-directives.tmLanguage.json');
const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;
const directive = grammar.repository.directive!;

function rx(source: string): RegExp {
  return new RegExp(source, 'dg');
}

function include(ref: { include: string }): Rule {
  const rule = grammar.repository[ref.include.replace(/^#/, '')];
  assert.ok(rule, `unknown include ${ref.include}`);
  return rule;
}

interface Token {
  text: string;
  scope: string;
}

/** Captured groups of one match as tokens (only groups that have a scope name and matched text). */
function captured(match: RegExpExecArray, captures: Captures | undefined): Token[] {
  if (!captures) return [];
  const tokens: { start: number; token: Token }[] = [];
  for (const [group, { name }] of Object.entries(captures)) {
    const span = match.indices?.[Number(group)];
    if (span && span[1] > span[0]) tokens.push({ start: span[0], token: { text: match.input.slice(span[0], span[1]), scope: name } });
  }
  return tokens.sort((a, b) => a.start - b.start).map(({ token }) => token);
}

/** Scans `line` like TextMate does for this grammar: the directive's begin, then its patterns until its end. */
function tokenize(line: string): Token[] | undefined {
  const begin = rx(directive.begin!);
  const start = begin.exec(line);
  if (!start) return undefined;
  const tokens = captured(start, directive.beginCaptures);
  let position = begin.lastIndex;
  const inner = (directive.patterns ?? []).map(include);
  for (;;) {
    // Earliest match wins; on a tie the end pattern first, then the patterns in order.
    let best: { match: RegExpExecArray; captures: Captures | undefined; isEnd: boolean } | undefined;
    const candidates: [string, Captures | undefined, boolean][] = [
      [directive.end!, directive.endCaptures, true],
      ...inner.map((rule): [string, Captures | undefined, boolean] => [rule.match!, rule.captures, false]),
    ];
    for (const [source, captures, isEnd] of candidates) {
      const pattern = rx(source);
      pattern.lastIndex = position;
      const match = pattern.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { match, captures, isEnd };
    }
    assert.ok(best, `directive not closed on the line: ${line}`);
    assert.ok(best.match[0].length > 0, 'a pattern matched the empty string');
    tokens.push(...captured(best.match, best.captures));
    position = best.match.index + best.match[0].length;
    if (best.isEnd) return tokens;
  }
}

function scopesOf(tokens: Token[] | undefined): [string, string][] {
  return (tokens ?? []).map(({ text, scope }) => [text, scope.replace(/\.algoritmekader$/, '')]);
}

test('grammar identity: injection into Markdown that wins over HTML comments, not in fenced code', () => {
  assert.equal(grammar.scopeName, 'markdown.algoritmekader.directives');
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  assert.match(grammar.injectionSelector, /-comment\b/);
  assert.match(grammar.injectionSelector, /-markup\.fenced_code\b/);
  assert.deepEqual(grammar.patterns, [{ include: '#directive' }]);
});

test('every pattern is a valid JavaScript regular expression without Oniguruma-only syntax', () => {
  for (const [name, rule] of Object.entries(grammar.repository)) {
    for (const key of ['match', 'begin', 'end'] as const) {
      const source = rule[key];
      if (source === undefined) continue;
      assert.doesNotThrow(() => new RegExp(source, 'u'), `${name}.${key}`);
      // \G, \A, \z, \h, possessive quantifiers and atomic groups mean something else (or nothing) in JS.
      assert.doesNotMatch(source, /\\[GAzZhH]|[+*?}]\+|\(\?>/, `${name}.${key} uses Oniguruma-only syntax`);
    }
    for (const ref of rule.patterns ?? []) include(ref);
  }
});

test('list directive: name, key/value filter and option', () => {
  assert.deepEqual(scopesOf(tokenize('<!-- list_maatregelen vereiste/aia-29-x no-search -->')), [
    ['<!--', 'punctuation.definition.comment.begin'],
    ['list_maatregelen', 'keyword.control.directive'],
    ['vereiste', 'variable.parameter.filter-key'],
    ['/', 'punctuation.separator.filter'],
    ['aia-29-x', 'string.unquoted.filter-value'],
    ['no-search', 'constant.language.option'],
    ['-->', 'punctuation.definition.comment.end'],
  ]);
});

test('tab-indented directive inside an expander block', () => {
  assert.deepEqual(scopesOf(tokenize('\t<!-- list_vereisten_on_maatregelen_page -->')), [
    ['<!--', 'punctuation.definition.comment.begin'],
    ['list_vereisten_on_maatregelen_page', 'keyword.control.directive'],
    ['-->', 'punctuation.definition.comment.end'],
  ]);
});

test('tags and tags-ai-act, also inline and without a space before -->', () => {
  assert.deepEqual(scopesOf(tokenize('<!-- tags -->')), [
    ['<!--', 'punctuation.definition.comment.begin'],
    ['tags', 'keyword.control.directive'],
    ['-->', 'punctuation.definition.comment.end'],
  ]);
  assert.deepEqual(scopesOf(tokenize('Labels: <!-- tags-ai-act-->')), [
    ['<!--', 'punctuation.definition.comment.begin'],
    ['tags-ai-act', 'keyword.control.directive'],
    ['-->', 'punctuation.definition.comment.end'],
  ]);
});

test('every known directive name is a keyword; other list_/tags names are marked unknown', () => {
  for (const name of [
    'tags',
    'tags-ai-act',
    'list_vereisten',
    'list_maatregelen',
    'list_hulpmiddelen',
    'list_vereisten_on_maatregelen_page',
    'list_maatregelen_on_hulpmiddelen_page',
  ]) {
    assert.deepEqual(scopesOf(tokenize(`<!-- ${name} -->`))[1], [name, 'keyword.control.directive'], name);
  }
  assert.deepEqual(scopesOf(tokenize('<!-- list_maatregel -->'))[1], ['list_maatregel', 'invalid.illegal.unknown-directive']);
  assert.deepEqual(scopesOf(tokenize('<!-- tagsaiact -->'))[1], ['tagsaiact', 'invalid.illegal.unknown-directive']);
});

test('several arguments: later filters, add- options and other words', () => {
  assert.deepEqual(scopesOf(tokenize('  <!-- list_vereisten onderwerp/data add-wetcode foo rollen/jurist-->')).slice(1, -1), [
    ['list_vereisten', 'keyword.control.directive'],
    ['onderwerp', 'variable.parameter.filter-key'],
    ['/', 'punctuation.separator.filter'],
    ['data', 'string.unquoted.filter-value'],
    ['add-wetcode', 'constant.language.option'],
    ['foo', 'meta.argument.other'],
    ['rollen', 'variable.parameter.filter-key'],
    ['/', 'punctuation.separator.filter'],
    ['jurist', 'string.unquoted.filter-value'],
  ]);
});

test('ordinary comments and unclosed directives are not directives', () => {
  assert.equal(tokenize('<!-- Let op! -->'), undefined);
  assert.equal(tokenize("<!-- Let op! onderstaande regel met 'tags' niet weghalen! -->"), undefined);
  assert.equal(tokenize('<!-- Hier volgt een lijst met vereisten op basis van de in de metadata ingevulde vereiste -->'), undefined);
  assert.equal(tokenize('<!-- tagsoep'), undefined, 'no --> on the line');
  assert.equal(tokenize('<!-- tags'), undefined);
  assert.equal(tokenize('Zie tags en list_vereisten.'), undefined);
});

test('package.json contributes the grammar as an injection into Markdown', () => {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
    contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
  };
  const entry = pkg.contributes?.grammars?.find((g) => g.scopeName === grammar.scopeName);
  assert.ok(entry, 'no grammars entry for the scope');
  assert.equal(resolve(entry.path), grammarPath);
  assert.deepEqual(entry.injectTo, ['text.html.markdown']);
});

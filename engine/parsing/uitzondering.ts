// The label expressions of a vereiste's `uitzondering` items, e.g.
// `("soort-toepassing-ai-systeem" || "soort-toepassing-ai-model-voor-algemene-doeleinden") && !"open-source-open-source"`.
// The site evaluates them as JavaScript in the reader's browser; this small grammar is what it can
// evaluate: terms joined by `&&` or `||`, a term being a label in double quotes, optionally after
// `!`, or an expression in parentheses. `&&` binds tighter than `||`, as in JavaScript.
import { entryOf, type CorpusSchema } from '../schema/schema';

export type LabelExpression = { kind: 'label'; label: string; negated: boolean; start: number; end: number } | { kind: 'and' | 'or'; operands: LabelExpression[] };

export interface ExpressionError {
  message: string;
  /** Offset in the expression text. */
  at: number;
}

type Token = { kind: 'label'; text: string; start: number; end: number } | { kind: '!' | '&&' | '||' | '(' | ')'; start: number; end: number };

function tokenize(text: string): Token[] | ExpressionError {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length;) {
    const char = text[at];
    if (/\s/.test(char)) {
      at++;
    } else if (char === '"') {
      const close = text.indexOf('"', at + 1);
      if (close === -1) return { message: 'een label zonder sluitend aanhalingsteken `"`', at };
      tokens.push({ kind: 'label', text: text.slice(at + 1, close), start: at, end: close + 1 });
      at = close + 1;
    } else if (text.startsWith('&&', at) || text.startsWith('||', at)) {
      tokens.push({ kind: text.slice(at, at + 2) as '&&' | '||', start: at, end: at + 2 });
      at += 2;
    } else if (char === '!' || char === '(' || char === ')') {
      tokens.push({ kind: char, start: at, end: at + 1 });
      at++;
    } else if (char === '&' || char === '|') {
      return { message: `\`${char}\` in plaats van \`${char}${char}\``, at };
    } else if (char === "'") {
      return { message: 'een label tussen enkele aanhalingstekens; gebruik dubbele (`"`)', at };
    } else {
      return { message: `onverwacht teken \`${char}\`; een label staat tussen dubbele aanhalingstekens`, at };
    }
  }
  return tokens;
}

/** Parses an expression; an error says what is wrong and where. */
export function parseLabelExpression(text: string): LabelExpression | ExpressionError {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  let next = 0;
  const fail = (message: string): ExpressionError => ({ message, at: tokens[next]?.start ?? text.length });

  const term = (): LabelExpression | ExpressionError => {
    const token = tokens[next];
    if (token?.kind === '(') {
      next++;
      const inner = or();
      if ('message' in inner) return inner;
      if (tokens[next]?.kind !== ')') return fail('een `(` zonder bijbehorende `)`');
      next++;
      return inner;
    }
    const negated = token?.kind === '!';
    if (negated) next++;
    const label = tokens[next];
    if (label?.kind !== 'label') return fail(negated ? 'na `!` hoort een label tussen dubbele aanhalingstekens' : 'verwacht een label tussen dubbele aanhalingstekens of een `(`');
    next++;
    return { kind: 'label', label: label.text, negated, start: negated ? token.start : label.start, end: label.end };
  };
  const chain = (kind: 'and' | 'or', operator: '&&' | '||', operand: () => LabelExpression | ExpressionError) => (): LabelExpression | ExpressionError => {
    const first = operand();
    if ('message' in first) return first;
    const operands = [first];
    while (tokens[next]?.kind === operator) {
      next++;
      const more = operand();
      if ('message' in more) return more;
      operands.push(more);
    }
    return operands.length === 1 ? first : { kind, operands };
  };
  const and = chain('and', '&&', term);
  const or = chain('or', '||', and);

  if (tokens.length === 0) return { message: 'een lege expressie', at: 0 };
  const expression = or();
  if ('message' in expression) return expression;
  if (next < tokens.length) return fail(tokens[next].kind === ')' ? 'een `)` zonder bijbehorende `(`' : 'verwacht `&&` of `||` tussen twee termen');
  return expression;
}

/** The labels of an expression, in order. */
export function labelsOf(expression: LabelExpression): Extract<LabelExpression, { kind: 'label' }>[] {
  return expression.kind === 'label' ? [expression] : expression.operands.flatMap(labelsOf);
}

/** The expression in words: `(a of b) en niet c`, each label said by `say`. */
export function describeExpression(expression: LabelExpression, say: (label: string, negated: boolean) => string): string {
  if (expression.kind === 'label') return say(expression.label, expression.negated);
  const joined = expression.operands.map((operand) => {
    const words = describeExpression(operand, say);
    return operand.kind !== 'label' ? `(${words})` : words;
  });
  return joined.join(expression.kind === 'and' ? ' en ' : ' of ');
}

/** A label of an expression: `<key>-<value>`, for a label key of the schema and a value of its vocabulary. */
export interface ExpressionLabel {
  label: string;
  key: string;
  value: string;
}

/** Every label an `uitzondering` expression may test, by label. */
export function expressionLabels(schema: CorpusSchema): Map<string, ExpressionLabel> {
  const labels = new Map<string, ExpressionLabel>();
  for (const key of schema.uitzondering.labelKeys) {
    const vocabulary = entryOf(schema.listKeys, key)?.vocabulary;
    if (vocabulary?.kind !== 'values') continue;
    for (const value of vocabulary.values) labels.set(`${key}-${value}`, { label: `${key}-${value}`, key, value });
  }
  return labels;
}

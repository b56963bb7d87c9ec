/**
 * A small JQL for the Jira emulator: the parser (clauses with = != < <= > >= ~ !~ IN, NOT IN, IS,
 * IS NOT; AND / OR / NOT and parentheses; quoted and unquoted values, EMPTY/NULL, functions such as
 * now() and currentUser(); ORDER BY with ASC/DESC) and a generic evaluator that asks a field
 * resolver for issue values. Errors read like Jira's ("Error in the JQL Query: …").
 *
 * Knows no Jira fields itself: jira-search.ts binds field names to the model. Pure; no I/O.
 */
import { badRequest, JiraError } from './jira-errors';

export type JqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type JqlOperand =
  | { kind: 'value'; text: string; quoted: boolean }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'empty' };

export type JqlExpression =
  | { kind: 'and' | 'or'; left: JqlExpression; right: JqlExpression }
  | { kind: 'not'; operand: JqlExpression }
  | { kind: 'clause'; field: string; operator: JqlOperator; operands: JqlOperand[] };

export interface JqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where: JqlExpression | undefined;
  orderBy: JqlOrder[];
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | ','; at: number };

function jqlError(message: string): JiraError {
  return badRequest(`Error in the JQL Query: ${message}`);
}

function position(at: number): string {
  return `(line 1, character ${at + 1})`;
}

const WORD_CHAR = /[A-Za-z0-9_.\-[\]:@/+*$#]/;

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      let text = '';
      let j = i + 1;
      while (j < jql.length && jql.charAt(j) !== c) {
        // a backslash escapes the next character, as in Jira
        if (jql.charAt(j) === '\\' && j + 1 < jql.length) j += 1;
        text += jql.charAt(j);
        j += 1;
      }
      if (j >= jql.length) throw jqlError(`The quoted string ${c}${text} has not been completed. ${position(i)}`);
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i += 1;
    } else if (c === '!' || c === '<' || c === '>' || c === '=' || c === '~') {
      const two = jql.slice(i, i + 2);
      const op = ['!=', '<=', '>=', '!~'].includes(two) ? two : c;
      if (op === '!') throw jqlError(`Expecting an operator but got '!'. ${position(i)}`);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    } else if (WORD_CHAR.test(c)) {
      let j = i;
      // property clauses carry a bracketed key that may hold any character but ']'
      while (j < jql.length && (WORD_CHAR.test(jql.charAt(j)) || (jql.charAt(j) === ' ' && insideBrackets(jql, i, j)))) j += 1;
      tokens.push({ kind: 'word', text: jql.slice(i, j), at: i });
      i = j;
    } else {
      throw jqlError(`The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${position(i)}`);
    }
  }
  return tokens;
}

function insideBrackets(text: string, from: number, at: number): boolean {
  const part = text.slice(from, at);
  return part.lastIndexOf('[') > part.lastIndexOf(']');
}

const isKeyword = (token: Token | undefined, word: string): boolean =>
  token?.kind === 'word' && token.text.toLowerCase() === word;

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): JqlQuery {
    let where: JqlExpression | undefined;
    if (this.peek() !== undefined && !isKeyword(this.peek(), 'order')) where = this.parseOr();
    const orderBy: JqlOrder[] = [];
    if (isKeyword(this.peek(), 'order')) {
      this.index += 1;
      if (!isKeyword(this.peek(), 'by')) throw jqlError(`Expecting 'by' but got '${this.describe(this.peek())}'. ${this.where()}`);
      this.index += 1;
      for (;;) {
        const field = this.next();
        if (field === undefined || (field.kind !== 'word' && field.kind !== 'string')) {
          throw jqlError(`Expecting a field name in the ORDER BY clause. ${this.where()}`);
        }
        let direction: 'asc' | 'desc' = 'asc';
        if (isKeyword(this.peek(), 'asc') || isKeyword(this.peek(), 'desc')) {
          direction = this.next()?.text.toLowerCase() === 'desc' ? 'desc' : 'asc';
        }
        orderBy.push({ field: field.text, direction });
        const separator = this.peek();
        if (separator?.kind === 'punct' && separator.text === ',') {
          this.index += 1;
          continue;
        }
        break;
      }
    }
    const rest = this.peek();
    if (rest !== undefined) {
      throw jqlError(`Expecting either 'OR' or 'AND' but got '${this.describe(rest)}'. ${position(rest.at)}`);
    }
    return { where, orderBy };
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  private where(): string {
    const token = this.peek();
    return token === undefined ? '(end of query)' : position(token.at);
  }

  private describe(token: Token | undefined): string {
    return token === undefined ? 'end of query' : token.text;
  }

  private parseOr(): JqlExpression {
    let left = this.parseAnd();
    while (isKeyword(this.peek(), 'or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): JqlExpression {
    let left = this.parseNot();
    while (isKeyword(this.peek(), 'and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): JqlExpression {
    if (isKeyword(this.peek(), 'not')) {
      this.index += 1;
      return { kind: 'not', operand: this.parseNot() };
    }
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === '(') {
      this.index += 1;
      const inner = this.parseOr();
      const close = this.next();
      if (close?.kind !== 'punct' || close.text !== ')') {
        throw jqlError(`Expecting ')' but got '${this.describe(close)}'. ${close === undefined ? '' : position(close.at)}`.trim());
      }
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlExpression {
    const field = this.next();
    if (field === undefined || (field.kind !== 'word' && field.kind !== 'string')) {
      throw jqlError(`Expecting a field name but got '${this.describe(field)}'. ${field === undefined ? '' : position(field.at)}`.trim());
    }
    const operator = this.parseOperator();
    if (operator === 'in' || operator === 'not in') {
      const open = this.next();
      if (open?.kind !== 'punct' || open.text !== '(') {
        throw jqlError(`Expecting '(' after '${operator.toUpperCase()}'. ${this.where()}`);
      }
      const operands: JqlOperand[] = [];
      for (;;) {
        operands.push(this.parseOperand());
        const separator = this.next();
        if (separator?.kind === 'punct' && separator.text === ',') continue;
        if (separator?.kind === 'punct' && separator.text === ')') break;
        throw jqlError(`Expecting ',' or ')' but got '${this.describe(separator)}'.`);
      }
      return { kind: 'clause', field: field.text, operator, operands };
    }
    return { kind: 'clause', field: field.text, operator, operands: [this.parseOperand()] };
  }

  private parseOperator(): JqlOperator {
    const token = this.next();
    if (token?.kind === 'op') {
      const op = token.text;
      if (op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=' || op === '~' || op === '!~') return op;
    }
    if (isKeyword(token, 'in')) return 'in';
    if (isKeyword(token, 'is')) {
      if (isKeyword(this.peek(), 'not')) {
        this.index += 1;
        return 'is not';
      }
      return 'is';
    }
    if (isKeyword(token, 'not') && isKeyword(this.peek(), 'in')) {
      this.index += 1;
      return 'not in';
    }
    throw jqlError(
      `Expecting operator but got '${this.describe(token)}'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. ${token === undefined ? '' : position(token.at)}`.trim(),
    );
  }

  private parseOperand(): JqlOperand {
    const token = this.next();
    if (token === undefined) throw jqlError('Expecting either a value, list or function but got end of query.');
    if (token.kind === 'string') return { kind: 'value', text: token.text, quoted: true };
    if (token.kind !== 'word') throw jqlError(`Expecting either a value, list or function but got '${token.text}'. ${position(token.at)}`);
    const lower = token.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') return { kind: 'empty' };
    const open = this.peek();
    if (open?.kind === 'punct' && open.text === '(') {
      this.index += 1;
      const args: string[] = [];
      for (;;) {
        const arg = this.next();
        if (arg?.kind === 'punct' && arg.text === ')') break;
        if (arg?.kind === 'punct' && arg.text === ',') continue;
        if (arg === undefined) throw jqlError(`Expecting ')' to close the function '${token.text}'.`);
        args.push(arg.text);
      }
      return { kind: 'function', name: token.text, args };
    }
    return { kind: 'value', text: token.text, quoted: false };
  }
}

/**
 * Parses JQL; throws a 400 JiraError with Jira's wording when it is not valid.
 *
 * @example parseJql('project = ITS ORDER BY created DESC').orderBy // [{ field: 'created', direction: 'desc' }]
 */
export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}

/** A value a field has or an operand means: names canonicalised by the field (lower case), dates as epoch ms. */
export type JqlScalar = string | number;

/** How one field is searched and sorted; jira-search.ts makes one per field name. */
export interface JqlField<I> {
  /** the name Jira would use in error messages */
  name: string;
  /** `text` fields support ~ only; `ordered` fields support < <= > >= */
  kind: 'exact' | 'ordered' | 'text';
  /** the values the issue has (empty = EMPTY; several for multi-valued fields) */
  values(issue: I): JqlScalar[];
  /** what an operand means for this field; throws a 400 JiraError for a value that does not exist */
  resolve(operand: JqlOperand): JqlScalar[];
  /** the sort key, undefined = EMPTY (sorted last ascending, first descending) */
  sortKey(issue: I): JqlScalar | undefined;
  /** operands that mean EMPTY for this field (`resolution = Unresolved`) */
  meansEmpty?(operand: JqlOperand): boolean;
}

export type JqlFieldResolver<I> = (fieldName: string) => JqlField<I>;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function matchesText(haystack: JqlScalar[], needle: JqlScalar[]): boolean {
  const have = haystack.flatMap((h) => words(String(h)));
  // every word of the search text must start a word of the field (Jira's ~ is a stemmed word search)
  return needle.every((n) => words(String(n)).every((w) => have.some((h) => h.startsWith(w))));
}

function compare(a: JqlScalar, b: JqlScalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function normalizeOperands<I>(operands: JqlOperand[], field: JqlField<I>): JqlOperand[] {
  return operands.map((operand) => (operand.kind !== 'empty' && field.meansEmpty?.(operand) === true ? { kind: 'empty' } : operand));
}

/** A clause's operands, resolved once per query (they name the same values for every issue). */
interface PreparedOperands {
  operands: JqlOperand[];
  /** resolved lazily: an `IS EMPTY` clause never resolves anything */
  wanted: () => JqlScalar[];
}

function prepareOperands<I>(clause: Extract<JqlExpression, { kind: 'clause' }>, field: JqlField<I>): PreparedOperands {
  const operands = normalizeOperands(clause.operands, field);
  let wanted: JqlScalar[] | null = null;
  return {
    operands,
    wanted: () => (wanted ??= operands.flatMap((operand) => (operand.kind === 'empty' ? [] : field.resolve(operand)))),
  };
}

function evaluateClause<I>(issue: I, clause: Extract<JqlExpression, { kind: 'clause' }>, field: JqlField<I>, prepared: PreparedOperands): boolean {
  const values = field.values(issue);
  const { operator } = clause;
  const { operands } = prepared;
  const onlyEmpty = operands.length === 1 && operands[0]?.kind === 'empty';
  if (operator === 'is' || operator === 'is not' || onlyEmpty) {
    if (!onlyEmpty) throw jqlError(`The operator '${operator.toUpperCase()}' only supports the value 'EMPTY'.`);
    const empty = values.length === 0;
    if (operator === 'is' || operator === '=' || operator === 'in') return empty;
    if (operator === 'is not' || operator === '!=' || operator === 'not in') return !empty;
    throw jqlError(`The operator '${operator}' does not support the value 'EMPTY'.`);
  }
  if (field.kind === 'text' && operator !== '~' && operator !== '!~') {
    throw jqlError(`The operator '${operator}' is not supported by the '${field.name}' field.`);
  }
  if ((operator === '~' || operator === '!~') && field.kind !== 'text') {
    throw jqlError(`The operator '${operator}' is not supported by the '${field.name}' field.`);
  }
  const wanted = prepared.wanted();
  const includesEmpty = operands.some((operand) => operand.kind === 'empty');
  switch (operator) {
    case '~':
      return values.length > 0 && matchesText(values, wanted);
    case '!~':
      return values.length > 0 && !matchesText(values, wanted);
    case '=':
    case 'in':
      return (includesEmpty && values.length === 0) || values.some((v) => wanted.some((w) => compare(v, w) === 0));
    case '!=':
    case 'not in':
      // Jira: != and NOT IN never match an empty field (unless EMPTY is not in the list)
      if (values.length === 0) return false;
      return !values.some((v) => wanted.some((w) => compare(v, w) === 0));
    default: {
      if (field.kind !== 'ordered') throw jqlError(`The operator '${operator}' is not supported by the '${field.name}' field.`);
      const bound = wanted[0];
      if (bound === undefined) return false;
      return values.some((v) => {
        const c = compare(v, bound);
        return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
      });
    }
  }
}

/**
 * Compiles a parsed query against a field resolver: a predicate and a comparator (ORDER BY, then
 * `tieBreak`). Unknown fields and bad values throw here, before any issue is looked at, as in Jira.
 *
 * @example const { matches } = compileJql(parseJql('status = Open'), resolver, (a, b) => 0)
 */
export function compileJql<I>(
  query: JqlQuery,
  resolver: JqlFieldResolver<I>,
  tieBreak: (a: I, b: I) => number,
): { matches: (issue: I) => boolean; compare: (a: I, b: I) => number } {
  const fields = new Map<string, JqlField<I>>();
  const fieldFor = (name: string): JqlField<I> => {
    let field = fields.get(name);
    if (field === undefined) {
      field = resolver(name);
      fields.set(name, field);
    }
    return field;
  };
  const check = (expression: JqlExpression | undefined): void => {
    if (expression === undefined) return;
    if (expression.kind === 'clause') {
      const field = fieldFor(expression.field);
      for (const operand of normalizeOperands(expression.operands, field)) if (operand.kind !== 'empty') field.resolve(operand);
    } else if (expression.kind === 'not') check(expression.operand);
    else {
      check(expression.left);
      check(expression.right);
    }
  };
  check(query.where);
  const orders = query.orderBy.map((order) => ({ field: fieldFor(order.field), direction: order.direction }));

  const prepared = new Map<JqlExpression, PreparedOperands>();
  const evaluate = (issue: I, expression: JqlExpression): boolean => {
    switch (expression.kind) {
      case 'and':
        return evaluate(issue, expression.left) && evaluate(issue, expression.right);
      case 'or':
        return evaluate(issue, expression.left) || evaluate(issue, expression.right);
      case 'not':
        return !evaluate(issue, expression.operand);
      case 'clause': {
        const field = fieldFor(expression.field);
        let operands = prepared.get(expression);
        if (operands === undefined) {
          operands = prepareOperands(expression, field);
          prepared.set(expression, operands);
        }
        return evaluateClause(issue, expression, field, operands);
      }
    }
  };

  return {
    matches: (issue) => (query.where === undefined ? true : evaluate(issue, query.where)),
    compare: (a, b) => {
      for (const { field, direction } of orders) {
        const ka = field.sortKey(a);
        const kb = field.sortKey(b);
        if (ka === undefined && kb === undefined) continue;
        // EMPTY sorts after every value ascending, before every value descending
        if (ka === undefined) return direction === 'asc' ? 1 : -1;
        if (kb === undefined) return direction === 'asc' ? -1 : 1;
        const c = compare(ka, kb);
        if (c !== 0) return direction === 'asc' ? c : -c;
      }
      return tieBreak(a, b);
    },
  };
}

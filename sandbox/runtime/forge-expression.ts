/**
 * The expressions Forge evaluates for the sandbox: a trigger's `filter.expression` (against the
 * product event, as `event`) and a module's `displayConditions.jiraExpression` (against the issue
 * view's `project`, `issue` and `user`). Both are Jira-expression syntax (Forge manifest reference,
 * trigger module "Filter reference"; Jira expressions reference for display conditions).
 *
 * Implemented: the subset an app's manifest realistically uses — member access (`a.b`, optional
 * `a?.b`), string / number / boolean / null literals, `==`, `!=`, `!`, `&&`, `||`, parentheses and
 * `.includes(x)` on lists and strings. As in Jira expressions, reading a member of null with `.`
 * is an error (use `?.`), and anything outside the subset is an error too, never a silent `true`:
 * Forge then applies the trigger's `onError` (default IGNORE_AND_LOG).
 *
 * Pure: no I/O, no model access.
 */

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; text: string };

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Node; name: string; optional: boolean }
  | { kind: 'call'; object: Node; method: string; optional: boolean; args: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: '==' | '!=' | '&&' | '||'; left: Node; right: Node };

/** An expression that does not parse or cannot be evaluated; the message names the cause. */
export class ForgeExpressionError extends Error {
  override readonly name = 'ForgeExpressionError';
}

const OPERATORS = ['?.', '==', '!=', '&&', '||', '.', '(', ')', ',', '!'] as const;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) j += 1;
        value += source[j] ?? '';
        j += 1;
      }
      if (j >= source.length) throw new ForgeExpressionError(`Unterminated string at ${i + 1}.`);
      tokens.push({ kind: 'string', value });
      i = j + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i));
    if (ident !== null) {
      tokens.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op === undefined) throw new ForgeExpressionError(`Unexpected "${ch}" at ${i + 1}.`);
    tokens.push({ kind: 'op', text: op });
    i += op.length;
  }
  return tokens;
}

function parse(source: string): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peekOp = (text: string): boolean => {
    const token = tokens[position];
    return token?.kind === 'op' && token.text === text;
  };
  const expectOp = (text: string): void => {
    if (!peekOp(text)) throw new ForgeExpressionError(`Expected "${text}" in "${source}".`);
    position += 1;
  };

  const primary = (): Node => {
    const token = tokens[position];
    if (token === undefined) throw new ForgeExpressionError(`Unexpected end of "${source}".`);
    position += 1;
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'literal', value: token.value };
    if (token.kind === 'ident') {
      if (token.text === 'true') return { kind: 'literal', value: true };
      if (token.text === 'false') return { kind: 'literal', value: false };
      if (token.text === 'null') return { kind: 'literal', value: null };
      return { kind: 'name', name: token.text };
    }
    if (token.text === '(') {
      const inner = or();
      expectOp(')');
      return inner;
    }
    throw new ForgeExpressionError(`Unexpected "${token.text}" in "${source}".`);
  };

  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      const optional = peekOp('?.');
      if (!optional && !peekOp('.')) return node;
      position += 1;
      const name = tokens[position];
      if (name?.kind !== 'ident') throw new ForgeExpressionError(`Expected a member name after "${optional ? '?.' : '.'}" in "${source}".`);
      position += 1;
      if (peekOp('(')) {
        position += 1;
        const args: Node[] = [];
        while (!peekOp(')')) {
          args.push(or());
          if (!peekOp(')')) expectOp(',');
        }
        expectOp(')');
        node = { kind: 'call', object: node, method: name.text, optional, args };
      } else {
        node = { kind: 'member', object: node, name: name.text, optional };
      }
    }
  };

  const unary = (): Node => {
    if (peekOp('!')) {
      position += 1;
      return { kind: 'not', operand: unary() };
    }
    return postfix();
  };

  const comparison = (): Node => {
    const left = unary();
    for (const op of ['==', '!='] as const) {
      if (peekOp(op)) {
        position += 1;
        return { kind: 'binary', op, left, right: unary() };
      }
    }
    return left;
  };

  const and = (): Node => {
    let node = comparison();
    while (peekOp('&&')) {
      position += 1;
      node = { kind: 'binary', op: '&&', left: node, right: comparison() };
    }
    return node;
  };

  function or(): Node {
    let node = and();
    while (peekOp('||')) {
      position += 1;
      node = { kind: 'binary', op: '||', left: node, right: and() };
    }
    return node;
  }

  const root = or();
  if (position !== tokens.length) throw new ForgeExpressionError(`Unexpected text after position ${position} in "${source}".`);
  return root;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function evaluate(node: Node, scope: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      if (!Object.prototype.hasOwnProperty.call(scope, node.name)) throw new ForgeExpressionError(`Unknown variable "${node.name}".`);
      return scope[node.name] ?? null;
    case 'member': {
      const object = evaluate(node.object, scope);
      if (object === null || object === undefined) {
        if (node.optional) return null;
        throw new ForgeExpressionError(`Cannot read "${node.name}" of null.`);
      }
      return isRecord(object) && Object.prototype.hasOwnProperty.call(object, node.name) ? (object[node.name] ?? null) : null;
    }
    case 'call': {
      const object = evaluate(node.object, scope);
      if (object === null || object === undefined) {
        if (node.optional) return null;
        throw new ForgeExpressionError(`Cannot call "${node.method}" on null.`);
      }
      if (node.method !== 'includes' || node.args.length !== 1) throw new ForgeExpressionError(`Unsupported method "${node.method}".`);
      const needle = evaluate(node.args[0] ?? { kind: 'literal', value: null }, scope);
      if (Array.isArray(object)) return object.some((item) => item === needle);
      if (typeof object === 'string' && typeof needle === 'string') return object.includes(needle);
      throw new ForgeExpressionError('includes() needs a list or a string.');
    }
    case 'not':
      return evaluate(node.operand, scope) !== true;
    case 'binary': {
      if (node.op === '&&') return evaluate(node.left, scope) === true && evaluate(node.right, scope) === true;
      if (node.op === '||') return evaluate(node.left, scope) === true || evaluate(node.right, scope) === true;
      const equal = evaluate(node.left, scope) === evaluate(node.right, scope);
      return node.op === '==' ? equal : !equal;
    }
  }
}

/**
 * Evaluates an expression to a boolean: true only when it yields `true`. Throws
 * ForgeExpressionError when it does not parse or cannot be evaluated.
 *
 * @example evaluateForgeExpression("event.issue.fields?.project?.projectTypeKey == 'service_desk'", { event }) // true
 */
export function evaluateForgeExpression(expression: string, scope: Readonly<Record<string, unknown>>): boolean {
  return evaluate(parse(expression), scope) === true;
}

/**
 * Reading a rendered catalogue text back into its key and values: the common part of
 * src/i18n/validation-text.ts (validation messages, ADR 0023's approach) and src/i18n/change-text.ts
 * (audit log lines, ADR 0035). A template is a catalogue text turned into an anchored regular
 * expression: its literal text escaped, each `{argument}` a capture group.
 *
 * Pure: no I/O, no React. In the UI bundles the catalogues arrive as ASTs (scripts/build-ui.mjs), in
 * Node as text that is parsed here on first use.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The AST of a catalogue text (already an AST in the UI bundles). */
export function elementsOf(text: unknown): MessageFormatElement[] {
  if (typeof text === 'string') return parse(text, { ignoreTag: true });
  if (Array.isArray(text)) return text as MessageFormatElement[];
  throw new TypeError('A catalogue text is neither text nor a message AST.');
}

/** One catalogue text as a pattern: the key, the regular expression and its arguments. */
export interface TextTemplate<Key extends string> {
  readonly key: Key;
  readonly pattern: RegExp;
  /** Argument names in the order of the pattern's capture groups (a repeated argument is captured once). */
  readonly names: readonly string[];
  /** The arguments written `{name, number}`: their values are read back as numbers. */
  readonly numbers: ReadonlySet<string>;
  /** Characters of literal text: templates with more are tried first (the most specific wins). */
  readonly weight: number;
}

/** An English number as `{n, number}` renders it in en-GB (1,250.5) or as plain digits (1250.5). */
const NUMBER_PATTERN = '(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)';

/**
 * The template of one catalogue text, or null when it has no literal text to recognise it by.
 * `argumentPattern` may narrow what an argument matches (by its name); the default is any text,
 * as short as the rest of the template allows.
 *
 * @example compileTemplate('k', 'Unknown calendar {id}.')?.pattern // /^Unknown calendar ([\s\S]*?)\.$/
 */
export function compileTemplate<Key extends string>(key: Key, text: unknown, argumentPattern: (name: string) => string | null = () => null): TextTemplate<Key> | null {
  const names: string[] = [];
  const numbers = new Set<string>();
  let source = '^';
  let weight = 0;
  for (const element of elementsOf(text)) {
    if (element.type === TYPE.literal) {
      source += escapeRegExp(element.value);
      weight += element.value.length;
    } else if (element.type === TYPE.argument || (element.type === TYPE.number && element.style === null)) {
      const seen = names.indexOf(element.value);
      if (seen >= 0) {
        source += `\\${seen + 1}`;
      } else {
        names.push(element.value);
        if (element.type === TYPE.number) numbers.add(element.value);
        source += element.type === TYPE.number ? NUMBER_PATTERN : (argumentPattern(element.value) ?? '([\\s\\S]*?)');
      }
    } else {
      throw new TypeError(`catalogue text '${key}' uses more than plain {arguments} and {numbers}; it could not be read back.`);
    }
  }
  return weight === 0 ? null : { key, pattern: new RegExp(`${source}$`), names, numbers, weight };
}

/** Every template of a catalogue, the most specific first. */
export function compileTemplates<Key extends string>(catalogue: Readonly<Record<Key, unknown>>, argumentPattern?: (name: string) => string | null): TextTemplate<Key>[] {
  return (Object.keys(catalogue) as Key[])
    .map((key) => compileTemplate(key, catalogue[key], argumentPattern))
    .filter((template): template is TextTemplate<Key> => template !== null)
    .sort((a, b) => b.weight - a.weight);
}

/**
 * The first template that matches the whole text, with the values read back (numbers as numbers);
 * null when none does.
 */
export function recogniseText<Key extends string>(templates: readonly TextTemplate<Key>[], text: string): { key: Key; values: Record<string, string | number> } | null {
  for (const template of templates) {
    const match = template.pattern.exec(text);
    if (match === null) continue;
    const values: Record<string, string | number> = {};
    template.names.forEach((name, index) => {
      const value = match[index + 1] ?? '';
      values[name] = template.numbers.has(name) ? Number(value.replace(/,/g, '')) : value;
    });
    return { key: template.key, values };
  }
  return null;
}

/**
 * Atlassian Document Format (ADF) for the Jira emulator: the zod schema a v3 description or comment
 * body must satisfy, plain text → ADF (what JSM does with a portal or servicedeskapi text), ADF →
 * plain text (servicedeskapi answers and text search) and ADF → HTML (`renderedFields`).
 *
 * Pure; knows nothing about issues or users.
 */
import { z } from 'zod';

/** One ADF node. Loose: marks and attrs of node types we do not render are kept as they came. */
export const adfNodeSchema = z.looseObject({
  type: z.string().min(1),
  text: z.string().optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  marks: z.array(z.looseObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
  get content() {
    return z.array(adfNodeSchema).optional();
  },
});
export type AdfNode = z.infer<typeof adfNodeSchema>;

/** A whole ADF document, as Jira requires for v3 `description` and comment `body`. */
export const adfDocSchema = z.looseObject({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(adfNodeSchema),
});
export type AdfDoc = z.infer<typeof adfDocSchema>;

/**
 * Wraps plain text in an ADF document: blank lines separate paragraphs, single newlines become
 * hard breaks (what JSM stores for a portal request typed as text).
 *
 * @example textToAdf('Printer on floor 2\nis jammed').content[0]?.content?.length // 3
 */
export function textToAdf(text: string): AdfDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((paragraph) => {
      const content: AdfNode[] = [];
      paragraph.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'listItem',
  'codeBlock',
  'blockquote',
  'panel',
  'rule',
  'tableRow',
  'mediaSingle',
]);

/**
 * The text of an ADF document: blocks on their own lines, mentions as their display text.
 *
 * @example adfToText(textToAdf('a\n\nb')) // 'a\nb'
 */
export function adfToText(doc: AdfDoc | AdfNode): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: AdfNode): void => {
    if (node.type === 'text') current += node.text ?? '';
    else if (node.type === 'hardBreak') {
      lines.push(current);
      current = '';
    } else if (node.type === 'mention' || node.type === 'emoji') {
      const text = node.attrs?.['text'];
      current += typeof text === 'string' ? text : '';
    } else if (node.type === 'inlineCard') {
      const url = node.attrs?.['url'];
      current += typeof url === 'string' ? url : '';
    }
    for (const child of node.content ?? []) walk(child);
    if (BLOCK_TYPES.has(node.type) && current !== '') {
      lines.push(current);
      current = '';
    }
  };
  for (const child of doc.content ?? []) walk(child);
  if (current !== '') lines.push(current);
  return lines.join('\n');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function renderMarks(html: string, marks: AdfNode['marks']): string {
  let out = html;
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case 'strong':
        out = `<b>${out}</b>`;
        break;
      case 'em':
        out = `<em>${out}</em>`;
        break;
      case 'code':
        out = `<tt>${out}</tt>`;
        break;
      case 'strike':
        out = `<del>${out}</del>`;
        break;
      case 'underline':
        out = `<ins>${out}</ins>`;
        break;
      case 'link': {
        const href = mark.attrs?.['href'];
        // only http(s) and mailto links are rendered as links: a javascript: URL in a body is an attack
        if (typeof href === 'string' && /^(https?:|mailto:)/i.test(href)) {
          out = `<a href="${escapeHtml(href)}" class="external-link" rel="nofollow noreferrer">${out}</a>`;
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function renderNode(node: AdfNode): string {
  const inner = (node.content ?? []).map(renderNode).join('');
  switch (node.type) {
    case 'text':
      return renderMarks(escapeHtml(node.text ?? ''), node.marks);
    case 'paragraph':
      return `<p>${inner}</p>`;
    case 'heading': {
      const level = node.attrs?.['level'];
      const n = typeof level === 'number' && level >= 1 && level <= 6 ? level : 1;
      return `<h${n}>${inner}</h${n}>`;
    }
    case 'bulletList':
      return `<ul>${inner}</ul>`;
    case 'orderedList':
      return `<ol>${inner}</ol>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'codeBlock':
      return `<pre><code>${inner}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${inner}</blockquote>`;
    case 'hardBreak':
      return '<br/>';
    case 'rule':
      return '<hr/>';
    case 'mention': {
      const text = node.attrs?.['text'];
      return `<a class="user-hover">${escapeHtml(typeof text === 'string' ? text : '')}</a>`;
    }
    default:
      return inner;
  }
}

/**
 * The HTML Jira shows for an ADF document (`renderedFields.description`, `renderedBody`).
 *
 * @example adfToHtml(textToAdf('a < b')) // '<p>a &lt; b</p>'
 */
export function adfToHtml(doc: AdfDoc): string {
  return doc.content.map(renderNode).join('');
}

/**
 * The HTML for plain (wiki-free) text, as servicedeskapi renders a text comment.
 *
 * @example textToHtml('a\nb') // '<p>a<br/>b</p>'
 */
export function textToHtml(text: string): string {
  return adfToHtml(textToAdf(text));
}

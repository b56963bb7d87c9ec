/**
 * The JSON text editor: a large monospace text area with a line-number gutter that scrolls with
 * it. Tab moves focus as everywhere else (no keyboard trap); `select(span)` shows a place in the
 * text (a validation error) by selecting it and scrolling it into view.
 */
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { lineColumnOf, type TextSpan } from '../json-text';

/** Fixed metrics: the gutter and the text must share them exactly, and scrolling to a line uses them. */
const LINE_HEIGHT = 20;
const PADDING = 8;

export interface JsonEditorHandle {
  /** Focuses the editor, selects the span and scrolls it into view. */
  select: (span: TextSpan) => void;
}

export interface JsonEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  invalid: boolean;
  /** Height in pixels; the admin can drag it taller. */
  height?: number;
  testId: string;
}

export const JsonEditor = forwardRef<JsonEditorHandle, JsonEditorProps>(function JsonEditor(
  { id, value, onChange, describedBy, invalid, height = 560, testId },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(false);
  const lineCount = useMemo(() => countLines(value), [value]);
  const numbers = useMemo(() => Array.from({ length: lineCount }, (_, index) => String(index + 1)).join('\n'), [lineCount]);
  // The gutter is as wide as the longest line number (at least three digits) plus its padding.
  const gutterWidth = `calc(${String(Math.max(3, String(lineCount).length))}ch + 2 * ${token('space.100')} + 1px)`;

  useImperativeHandle(
    ref,
    () => ({
      select(span) {
        const element = area.current;
        if (element === null) return;
        element.focus();
        element.setSelectionRange(span.start, span.end);
        const { line } = lineColumnOf(element.value, span.start);
        element.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - element.clientHeight / 3);
        if (gutter.current !== null) gutter.current.scrollTop = element.scrollTop;
        element.scrollIntoView({ block: 'nearest' });
      },
    }),
    [],
  );

  const borderColor = invalid ? token('color.border.danger') : focused ? token('color.border.focused') : token('color.border.input');
  const metrics = {
    margin: 0,
    fontFamily: token('font.family.code'),
    fontSize: '13px',
    lineHeight: `${String(LINE_HEIGHT)}px`,
    paddingTop: `${String(PADDING)}px`,
    paddingBottom: `${String(PADDING)}px`,
  } as const;

  return (
    <div
      style={{
        position: 'relative',
        display: 'flex',
        border: `${token('border.width.selected')} solid ${borderColor}`,
        borderRadius: token('radius.medium'),
        background: focused ? token('color.background.input.pressed') : token('color.background.input'),
        overflow: 'hidden',
      }}
    >
      <div
        ref={gutter}
        aria-hidden="true"
        style={{
          ...metrics,
          // Absolute, so the text area alone sets the height (also when the admin drags it taller).
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: 0,
          width: gutterWidth,
          boxSizing: 'border-box',
          overflow: 'hidden',
          paddingLeft: token('space.100'),
          paddingRight: token('space.100'),
          textAlign: 'end',
          whiteSpace: 'pre',
          color: token('color.text.subtlest'),
          background: token('color.background.neutral.subtle'),
          borderRight: `${token('border.width')} solid ${token('color.border')}`,
          userSelect: 'none',
        }}
      >
        {numbers}
        {/* Room to scroll past the last line as far as the text area can (its horizontal scrollbar). */}
        <div style={{ height: '48px' }} />
      </div>
      <textarea
        ref={area}
        id={id}
        data-testid={testId}
        value={value}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        aria-describedby={describedBy}
        aria-invalid={invalid}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        onScroll={(event) => {
          if (gutter.current !== null) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
        onFocus={() => {
          setFocused(true);
        }}
        onBlur={() => {
          setFocused(false);
        }}
        style={{
          ...metrics,
          flex: 1,
          minWidth: 0,
          marginLeft: gutterWidth,
          height: `${String(height)}px`,
          minHeight: '240px',
          resize: 'vertical',
          border: 'none',
          outline: 'none',
          paddingLeft: token('space.150'),
          paddingRight: token('space.150'),
          background: 'transparent',
          color: token('color.text'),
          tabSize: 2,
          whiteSpace: 'pre',
          overflow: 'auto',
        }}
      />
    </div>
  );
});

/** Lines of a text as an editor numbers them (a final newline starts one more, empty line). */
function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

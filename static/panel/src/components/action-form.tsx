/**
 * The frame of every agent action (tell the customer, re-apply, pause, resume, extend): an inline,
 * non-modal dialog under the action bar. On open, focus moves to its first field; Escape cancels;
 * the caller returns focus to the button that opened it. Inline rather than a modal, because the
 * issue panel is an auto-sized iframe where an overlay would be clipped.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

export interface ActionFormProps {
  title: string;
  help?: string;
  testId: string;
  /** The id of the element to focus on open; else the first field or button. */
  initialFocusId?: string;
  /** Focus the dialog itself (its title is read out) — for forms that open with content still loading. */
  focusFrame?: boolean;
  onCancel: () => void;
  children: ReactNode;
}

const focusableSelector = 'textarea, input:not([type="hidden"]), select, button, [tabindex="0"]';

export function ActionForm({ title, help, testId, initialFocusId, focusFrame = false, onCancel, children }: ActionFormProps) {
  const frame = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    const root = frame.current;
    if (root === null) return;
    const preferred = initialFocusId === undefined ? null : document.getElementById(initialFocusId);
    const target = focusFrame ? root : (preferred ?? root.querySelector<HTMLElement>(focusableSelector));
    target?.focus();
    // Deliberately only on open: later re-renders must not pull focus back into the form.
  }, []);

  return (
    <section
      ref={frame}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150'),
        padding: token('space.200'),
        borderRadius: token('radius.medium'),
        border: `${token('border.width')} solid ${token('color.border')}`,
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
      }}
    >
      <Heading size="xsmall" as="h3" id={titleId}>
        {title}
      </Heading>
      {help === undefined ? null : <p style={{ margin: 0, color: token('color.text.subtle') }}>{help}</p>}
      {children}
    </section>
  );
}

/** The row of buttons at the bottom of an action form: primary first, then cancel. */
export function FormButtons({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>{children}</div>;
}

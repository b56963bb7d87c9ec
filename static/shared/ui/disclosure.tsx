/**
 * A section that folds open and shut: a real button with `aria-expanded` / `aria-controls`, so it
 * works with keyboard and screen readers. Closed content is not rendered, only its empty region.
 */
import { useId, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { token } from '@atlaskit/tokens';

export interface DisclosureProps {
  title: string;
  defaultOpen?: boolean;
  testId: string;
  children: ReactNode;
}

export function Disclosure({ title, defaultOpen = false, testId, children }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const contentId = useId();
  return (
    <section data-testid={testId} data-open={open}>
      <Button
        appearance="subtle"
        spacing="compact"
        iconBefore={open ? ChevronDownIcon : ChevronRightIcon}
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => {
          setOpen((was) => !was);
        }}
        testId={`${testId}-toggle`}
      >
        {title}
      </Button>
      {/* The region stays in the DOM (hidden) so aria-controls always points at something. */}
      <div id={contentId} hidden={!open} style={{ padding: `${token('space.100')} 0 0 ${token('space.300')}` }}>
        {open ? children : null}
      </div>
    </section>
  );
}

/**
 * One section of the overview: a card with a heading, the number of items and the content, or the
 * "none yet" line when there are no items.
 */
import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Lozenge } from '../../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import { card, paragraph, subtlest } from './admin-styles';

export interface OverviewSectionProps {
  id: string;
  title: string;
  /** The number of items; null for a section that is not a list (settings). */
  count: number | null;
  empty: string;
  help?: string;
  /** Controls right of the heading (a filter field). */
  tools?: ReactNode;
  children: ReactNode;
}

export function OverviewSection({ id, title, count, empty, help, tools, children }: OverviewSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={`overview-${id}`} style={card}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.150') }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <Heading size="small" as="h2" id={headingId}>
            {title}
          </Heading>
          {count === null ? null : <Lozenge>{count}</Lozenge>}
        </div>
        {tools}
      </div>
      {help === undefined ? null : <p style={paragraph}>{help}</p>}
      {count === 0 ? <p style={{ ...subtlest, margin: 0 }}>{empty}</p> : children}
    </section>
  );
}

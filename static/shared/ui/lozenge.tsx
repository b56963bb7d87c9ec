/**
 * A lozenge (a short uppercase status label) in the design system's look: a light stand-in for
 * @atlaskit/lozenge (~4 kB gzip with its compiled styles) in bundles close to the 150 kB budget.
 * Colours are design tokens, so it follows the light and dark themes.
 */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

const looks: Record<LozengeAppearance, { background: string; color: string }> = {
  default: { background: token('color.background.neutral'), color: token('color.text.subtle') },
  success: { background: token('color.background.success'), color: token('color.text.success') },
  removed: { background: token('color.background.danger'), color: token('color.text.danger') },
  inprogress: { background: token('color.background.information'), color: token('color.text.information') },
  new: { background: token('color.background.discovery'), color: token('color.text.discovery') },
  moved: { background: token('color.background.warning'), color: token('color.text.warning') },
};

export function Lozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  const look = looks[appearance];
  return (
    <span
      style={{
        display: 'inline-block',
        boxSizing: 'border-box',
        maxWidth: '200px',
        padding: `0 ${token('space.050')}`,
        borderRadius: token('radius.small'),
        background: look.background,
        color: look.color,
        font: token('font.body.small'),
        fontWeight: token('font.weight.bold'),
        textTransform: 'uppercase',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        verticalAlign: 'baseline',
      }}
    >
      {children}
    </span>
  );
}

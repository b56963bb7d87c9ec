/**
 * The look of the managers' tables (gadget and report): compact rows, numbers right-aligned with
 * tabular figures, token colours so light and dark themes both work.
 */
import { token } from '@atlaskit/tokens';

export const tableStyle = {
  width: '100%',
  borderCollapse: 'collapse',
  font: token('font.body.small'),
  color: token('color.text'),
} as const;

export const thStyle = {
  textAlign: 'left',
  padding: `${token('space.050')} ${token('space.100')}`,
  borderBottom: `2px solid ${token('color.border')}`,
  color: token('color.text.subtle'),
  fontWeight: token('font.weight.semibold'),
  verticalAlign: 'bottom',
} as const;

export const tdStyle = {
  textAlign: 'left',
  padding: `${token('space.050')} ${token('space.100')}`,
  borderBottom: `1px solid ${token('color.border')}`,
  verticalAlign: 'top',
  fontWeight: 'normal',
} as const;

export const tdNumStyle = { ...tdStyle, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export const thNumStyle = { ...thStyle, textAlign: 'right' } as const;

/** A small section heading inside a surface. */
export const sectionHeadingStyle = { font: token('font.heading.xsmall'), color: token('color.text'), margin: 0 } as const;

/** Secondary text. */
export const subtleStyle = { font: token('font.body.small'), color: token('color.text.subtle') } as const;

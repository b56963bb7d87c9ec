/**
 * Shared inline styles (design tokens only) for the panel's label/value lists and item lists.
 */
import { token } from '@atlaskit/tokens';

export const definitionGrid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
  columnGap: token('space.200'),
  rowGap: token('space.075'),
  margin: 0,
  padding: 0,
  alignItems: 'baseline',
} as const;

export const termStyle = { color: token('color.text.subtle') } as const;
export const valueStyle = { margin: 0, color: token('color.text'), minWidth: 0, overflowWrap: 'anywhere' } as const;
export const subtleText = { color: token('color.text.subtlest') } as const;
export const smallSubtleText = { color: token('color.text.subtlest'), font: token('font.body.small') } as const;

export const plainList = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100'),
} as const;

export const listItem = {
  margin: 0,
  paddingLeft: token('space.150'),
  borderLeft: `${token('border.width.selected')} solid ${token('color.border')}`,
} as const;

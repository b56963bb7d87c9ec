/**
 * Shared inline styles of the admin page (design tokens only, so light and dark themes follow):
 * section cards, tables, chips of ids and names, label/value grids.
 */
import { token } from '@atlaskit/tokens';

/** A bordered card on the page surface. */
export const card = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.150'),
  padding: token('space.200'),
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.large'),
  background: token('elevation.surface'),
  minWidth: 0,
} as const;

/** A horizontally scrollable frame for wide tables (the admin page can be narrow). */
export const tableFrame = { overflowX: 'auto', maxWidth: '100%' } as const;

export const table = {
  width: '100%',
  margin: 0,
  borderCollapse: 'collapse',
  font: token('font.body'),
  color: token('color.text'),
} as const;

export const tableCaption = {
  captionSide: 'top',
  textAlign: 'start',
  font: token('font.body.small'),
  color: token('color.text.subtlest'),
  margin: 0,
  paddingBottom: token('space.050'),
} as const;

export const headerCell = {
  textAlign: 'start',
  verticalAlign: 'bottom',
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBottom: `${token('border.width.selected')} solid ${token('color.border')}`,
  whiteSpace: 'nowrap',
} as const;

export const cell = {
  textAlign: 'start',
  verticalAlign: 'top',
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  // break-word, not anywhere: long ids still wrap, but words do not shrink a column to letters.
  overflowWrap: 'break-word',
} as const;

export const numericCell = { ...cell, textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** An id, a label or a Jira name shown as a small monospace chip. */
export const chip = {
  display: 'inline-block',
  padding: `0 ${token('space.050')}`,
  borderRadius: token('radius.small'),
  background: token('color.background.neutral'),
  color: token('color.text'),
  margin: 0,
  font: token('font.code'),
  lineHeight: '20px',
  whiteSpace: 'nowrap',
} as const;

export const chipList = { display: 'flex', flexWrap: 'wrap', gap: token('space.050'), margin: 0, padding: 0, listStyle: 'none' } as const;

export const subtle = { color: token('color.text.subtle') } as const;
export const subtlest = { color: token('color.text.subtlest') } as const;
export const small = { font: token('font.body.small') } as const;
export const smallSubtlest = { font: token('font.body.small'), color: token('color.text.subtlest') } as const;

export const definitionGrid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
  columnGap: token('space.200'),
  rowGap: token('space.100'),
  margin: 0,
  padding: 0,
  alignItems: 'baseline',
} as const;

export const term = { color: token('color.text.subtle'), font: token('font.body.small'), fontWeight: token('font.weight.semibold') } as const;
export const definition = { margin: 0, minWidth: 0, overflowWrap: 'anywhere' } as const;

/** Name left, amount right (price lists). */
export const amountGrid = { ...definitionGrid, gridTemplateColumns: 'minmax(0, 1fr) max-content', rowGap: token('space.050') } as const;

export const paragraph = { margin: 0, color: token('color.text.subtle'), maxWidth: '72ch' } as const;

/** Facts side by side, each a label above its value (contract and version headers). */
export const factsRow = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
  gap: `${token('space.150')} ${token('space.300')}`,
  margin: 0,
  padding: 0,
} as const;

export const fact = { display: 'flex', flexDirection: 'column', gap: token('space.025'), minWidth: 0 } as const;

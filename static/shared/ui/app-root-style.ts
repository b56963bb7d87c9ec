/**
 * The root of a Custom UI app in its iframe (panel, gadget, portal): one column in design tokens, with
 * room round the edge for focus rings, which the iframe would otherwise clip.
 */
import { token } from '@atlaskit/tokens';

export const appRootStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.200'),
  padding: token('space.050'),
  color: token('color.text'),
  font: token('font.body'),
} as const;

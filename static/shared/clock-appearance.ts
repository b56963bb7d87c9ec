/**
 * How clock states look, in the colours of JSM's SLA states: on track (blue), at risk (yellow),
 * breached (red), paused (grey), met (green). Colours are design tokens, so light and dark themes
 * both work. Shared by the panel and any other surface that shows a clock state.
 */
import { token } from '@atlaskit/tokens';
import type { PanelState } from '../../src/contract/panel-api';

/** Lozenge appearances of @atlaskit/lozenge. */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

const lozengeAppearances: { readonly [S in PanelState]: LozengeAppearance } = {
  'on-track': 'inprogress',
  'at-risk': 'moved',
  breached: 'removed',
  paused: 'default',
  met: 'success',
  uncovered: 'default',
  error: 'removed',
};

/** The lozenge appearance of a state. */
export function lozengeAppearanceOf(state: PanelState): LozengeAppearance {
  return lozengeAppearances[state];
}

const barColours: { readonly [S in PanelState]: string } = {
  'on-track': token('color.background.information.bold'),
  'at-risk': token('color.background.warning.bold'),
  breached: token('color.background.danger.bold'),
  paused: token('color.background.neutral.bold'),
  met: token('color.background.success.bold'),
  uncovered: token('color.background.neutral.bold'),
  error: token('color.background.danger.bold'),
};

/** The fill colour (a token CSS value) of a state's progress bar. */
export function barColourOf(state: PanelState): string {
  return barColours[state];
}

/** The colour of a bar's unfilled track. */
export const barTrackColour = token('color.background.neutral');

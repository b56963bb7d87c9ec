/**
 * A service level's name with its colour as a small swatch (Gold, Silver, Bronze). The colour is the
 * admin's; the name carries the meaning, so the swatch is decorative.
 */
import { token } from '@atlaskit/tokens';

export function LevelName({ name, colour, testId }: { name: string; colour: string; testId?: string }) {
  return (
    <span data-testid={testId} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075') }}>
      <span
        aria-hidden="true"
        style={{
          width: '0.75em',
          height: '0.75em',
          flex: 'none',
          borderRadius: token('radius.full'),
          background: colour,
          boxShadow: `0 0 0 1px ${token('color.border')}`,
        }}
      />
      <strong>{name}</strong>
    </span>
  );
}

/**
 * Shows a resolver error in the user's language: a headline per error code (conflict → "the issue
 * changed meanwhile, reload"; forbidden; invalid input → "check the fields marked below"), the
 * backend's own message as detail, and a Reload / Try again button where that is the way out.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract/envelope';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';

export interface ErrorNoticeProps {
  error: ResolverError;
  /** Offered for `conflict` (and for load failures): fetch the current view again. */
  onReload?: () => void;
  /** Offered for `unavailable`: repeat what failed. */
  onRetry?: () => void;
  title?: string;
  testId?: string;
}

export function ErrorNotice({ error, onReload, onRetry, title, testId = 'error-notice' }: ErrorNoticeProps) {
  const { t } = useI18n();
  const headline = t(`error.${error.code}`);
  const reloadButton =
    onReload === undefined || error.code !== 'conflict' ? null : (
      <Button appearance="primary" onClick={onReload} testId="conflict-reload">
        {t('common.reload')}
      </Button>
    );
  const retryButton =
    onRetry === undefined || (error.code !== 'unavailable' && error.code !== 'internal') ? null : (
      <Button onClick={onRetry} testId="error-retry">
        {t('common.retry')}
      </Button>
    );
  const actions = reloadButton ?? retryButton;
  return (
    <div data-testid={testId} data-error-code={error.code}>
      <Notice
        appearance={error.code === 'conflict' ? 'warning' : 'error'}
        role="alert"
        {...(title === undefined ? {} : { title })}
        {...(actions === null ? {} : { actions })}
      >
        <div>{headline}</div>
        {error.message.trim() === '' ? null : (
          <div style={{ marginTop: token('space.050'), font: token('font.body.small'), color: token('color.text.subtle') }}>
            {t('error.details', { message: error.message })}
          </div>
        )}
      </Notice>
    </div>
  );
}

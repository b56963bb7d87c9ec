/**
 * The "Maintenance" tab: rebuild the compliance figures (`admin/rebuild-aggregates`) after a
 * confirmation; the result names the job id.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';
import type { ActionResult } from '../action-result';
import { card, paragraph } from './admin-styles';
import { ResultRegion } from './result-region';
import { useConfirmation } from '../use-confirmation';

export interface MaintenanceTabProps {
  busy: boolean;
  result: ActionResult | null;
  onRebuild: () => void;
}

export function MaintenanceTab({ busy, result, onRebuild }: MaintenanceTabProps) {
  const { t } = useI18n();
  const confirm = useConfirmation();
  const headingId = useId();
  return (
    <div data-testid="admin-maintenance" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <ResultRegion result={result} />
      <section aria-labelledby={headingId} style={{ ...card, maxWidth: '48rem' }}>
        <Heading size="small" as="h2" id={headingId}>
          {t('admin.rebuild.title')}
        </Heading>
        <p style={paragraph}>{t('admin.rebuild.help')}</p>
        <div>
          <Button ref={confirm.trigger} onClick={confirm.ask} isLoading={busy} isDisabled={busy || confirm.open} testId="rebuild-button">
            {t('admin.rebuild.button')}
          </Button>
        </div>
        {confirm.open ? (
          <Notice
            appearance="warning"
            title={t('admin.rebuild.confirmTitle')}
            testId="rebuild-confirm"
            actions={
              <>
                <Button
                  appearance="primary"
                  autoFocus
                  onClick={() => {
                    confirm.close();
                    onRebuild();
                  }}
                  testId="rebuild-confirm-button"
                >
                  {t('admin.rebuild.confirm')}
                </Button>
                <Button
                  appearance="subtle"
                  onClick={() => {
                    confirm.close();
                  }}
                  testId="rebuild-cancel-button"
                >
                  {t('common.cancel')}
                </Button>
              </>
            }
          >
            {t('admin.rebuild.confirmBody')}
          </Notice>
        ) : null}
      </section>
    </div>
  );
}

/**
 * The top of the settings page: title, the status of the stored database as a lozenge, the
 * Reload button and the summary counts as tiles.
 */
import type { RefObject } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Lozenge, type LozengeAppearance as ThemeAppearance } from '../../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { AdminGetData } from '../../../../src/contract/admin-api';
import { useI18n } from '../messages';
import { paragraph } from './admin-styles';
import { SUMMARY_FIELDS } from './summary-fields';

const statusLook: Record<AdminGetData['status'], ThemeAppearance> = {
  found: 'success',
  missing: 'new',
  invalid: 'removed',
};

export interface PageHeaderProps {
  data: AdminGetData;
  refreshing: boolean;
  onReload: () => void;
  /** Focus returns here after the "discard your edits?" question. */
  reloadRef: RefObject<HTMLButtonElement>;
}

export function PageHeader({ data, refreshing, onReload, reloadRef }: PageHeaderProps) {
  const { t } = useI18n();
  return (
    <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: token('space.200') }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075'), minWidth: 0 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.150') }}>
            <Heading size="large" as="h1">
              {t('admin.title')}
            </Heading>
            <span data-testid="admin-status" data-status={data.status}>
              <Lozenge appearance={statusLook[data.status]}>{t(`admin.status.${data.status}`)}</Lozenge>
            </span>
          </div>
          <p style={paragraph}>{t('admin.subtitle')}</p>
        </div>
        <Button ref={reloadRef} iconBefore={RefreshIcon} onClick={onReload} isLoading={refreshing} testId="reload-button">
          {t('common.reload')}
        </Button>
      </div>
      <dl
        data-testid="admin-summary"
        aria-label={t('admin.summary.label')}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(8.5rem, 1fr))', gap: token('space.150'), margin: 0, padding: 0 }}
      >
        {SUMMARY_FIELDS.map(({ field, label }) => (
          <div
            key={field}
            data-testid={`summary-${field}`}
            style={{
              display: 'flex',
              flexDirection: 'column-reverse',
              gap: token('space.025'),
              padding: `${token('space.150')} ${token('space.200')}`,
              borderRadius: token('radius.large'),
              background: token('elevation.surface.sunken'),
              border: `${token('border.width')} solid ${token('color.border')}`,
            }}
          >
            <dt style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{t(label)}</dt>
            <dd style={{ margin: 0, font: token('font.heading.large'), color: token('color.text'), fontVariantNumeric: 'tabular-nums' }}>
              {data.summary[field]}
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

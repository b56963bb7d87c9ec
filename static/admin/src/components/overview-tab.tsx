/**
 * The Overview tab: the saved database in readable form — calendars, services, levels, contracts
 * and settings — with a note when the JSON editor holds unsaved edits (they are not shown here).
 */
import { useMemo } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ContractDatabase } from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';
import { indexNames, isEmptyDatabase } from '../database-view';
import { CalendarsSection } from './calendars-section';
import { ContractsSection } from './contracts-section';
import { LevelsSection } from './levels-section';
import { ServicesSection } from './services-section';
import { SettingsSection } from './settings-section';

export interface OverviewTabProps {
  database: ContractDatabase;
  dirty: boolean;
  requestTypeNames: ReadonlyMap<string, string>;
  onOpenEditor: () => void;
}

export function OverviewTab({ database, dirty, requestTypeNames, onOpenEditor }: OverviewTabProps) {
  const { t } = useI18n();
  const names = useMemo(
    () => ({
      calendarNames: indexNames(database.calendars),
      serviceNames: indexNames(database.services),
      levelNames: indexNames(database.levels),
    }),
    [database],
  );
  return (
    <div data-testid="admin-overview" style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      {dirty ? (
        <Notice
          appearance="warning"
          testId="overview-unsaved"
          actions={
            <Button onClick={onOpenEditor} testId="overview-open-editor">
              {t('admin.tab.editor')}
            </Button>
          }
        >
          {t('admin.overview.unsavedNote')}
        </Notice>
      ) : null}
      {isEmptyDatabase(database) ? (
        <Notice appearance="information" title={t('admin.overview.emptyTitle')} testId="overview-empty">
          {t('admin.overview.emptyBody')}
        </Notice>
      ) : null}
      <CalendarsSection calendars={database.calendars} />
      <ServicesSection services={database.services} requestTypeNames={requestTypeNames} />
      <LevelsSection levels={database.levels} defaultCurrency={database.settings.currency} calendarNames={names.calendarNames} serviceNames={names.serviceNames} />
      <ContractsSection contracts={database.contracts} levels={database.levels} defaultCurrency={database.settings.currency} serviceNames={names.serviceNames} calendarNames={names.calendarNames} />
      <SettingsSection settings={database.settings} levelNames={names.levelNames} />
    </div>
  );
}

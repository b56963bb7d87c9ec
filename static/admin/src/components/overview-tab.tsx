/**
 * The Overview tab: the saved database in readable form — what each contract is worth today and the
 * notice dates and renewals of the next 90 days (issue 14), calendars, services, levels, contracts
 * and settings — with a note when the JSON editor holds unsaved edits (they are not shown here).
 */
import { useMemo } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { HealthWarningData, ValueInForceData } from '../../../../src/contract/admin-api';
import type { ContractDatabase } from '../../../../src/contract/contract-database-shape';
import type { AdminRenewal } from '../../../../src/contract/renewals-api';
import { navigateToModule } from '../../../shared/forge-bridge';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';
import { indexNames, isEmptyDatabase } from '../database-view';
import { CalendarsSection } from './calendars-section';
import { CommercialSections } from './commercial-section';
import { ContractsSection } from './contracts-section';
import { LevelsSection } from './levels-section';
import { ServicesSection } from './services-section';
import { SettingsSection } from './settings-section';

/** The forms editor's module key (manifest.yml, ADR 0026). */
const TERMS_MODULE_KEY = 'contract-clock-terms';

export interface OverviewTabProps {
  database: ContractDatabase;
  /** Health warnings of the saved database (issue 12.9). */
  health: readonly HealthWarningData[];
  /** Per contract, the value of the version in force today (issue 14.2). */
  valuesInForce: readonly ValueInForceData[];
  /** Notice dates and ends of term in the next 90 days, with manager and reminder (issue 14.3). */
  renewals: readonly AdminRenewal[];
  dirty: boolean;
  requestTypeNames: ReadonlyMap<string, string>;
  onOpenEditor: () => void;
}

export function OverviewTab({ database, health, valuesInForce, renewals, dirty, requestTypeNames, onOpenEditor }: OverviewTabProps) {
  const { t, localDate } = useI18n();
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
      <Notice
        appearance="information"
        title={t('admin.overview.formsTitle')}
        testId="overview-forms"
        actions={
          <Button appearance="primary" onClick={() => void navigateToModule(TERMS_MODULE_KEY)} testId="overview-open-forms">
            {t('admin.overview.formsAction')}
          </Button>
        }
      >
        {t('admin.overview.formsBody')}
      </Notice>
      {health.length === 0 ? null : (
        <Notice appearance="warning" title={t('admin.health.title', { count: health.length })} testId="overview-health">
          <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
            {health.map((warning, i) => (
              <li key={i} data-testid={`health-${warning.kind}`}>
                {warning.kind === 'calendar-without-holidays'
                  ? t('admin.health.calendar-without-holidays', { calendar: warning.calendarName, year: warning.year })
                  : warning.kind === 'notice-passed'
                    ? t('admin.health.notice-passed', { contract: warning.contractName, version: warning.version, date: localDate(warning.noticeDate) })
                    : warning.kind === 'notice-near'
                      ? t('admin.health.notice-near', { contract: warning.contractName, version: warning.version, date: localDate(warning.noticeDate), days: warning.days })
                      : warning.kind === 'contract-expired'
                        ? t('admin.health.contract-expired', { contract: warning.contractName, date: localDate(warning.endedOn), organizations: warning.organizations })
                        : t('admin.health.level-without-objective', { level: warning.levelName })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
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
      <CommercialSections contracts={database.contracts} valuesInForce={valuesInForce} renewals={renewals} />
      <CalendarsSection calendars={database.calendars} />
      <ServicesSection services={database.services} requestTypeNames={requestTypeNames} />
      <LevelsSection levels={database.levels} defaultCurrency={database.settings.currency} calendarNames={names.calendarNames} serviceNames={names.serviceNames} />
      <ContractsSection contracts={database.contracts} levels={database.levels} defaultCurrency={database.settings.currency} serviceNames={names.serviceNames} calendarNames={names.calendarNames} />
      <SettingsSection settings={database.settings} levelNames={names.levelNames} />
    </div>
  );
}

/**
 * Overview of the customer contracts, filterable: customer and JSM organizations, and per version
 * (newest first) the effective range, fee, default service, pause statuses, dates and the covered
 * services with their level or bespoke terms and price. Long lists are shown in pages.
 */
import { useId, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Lozenge } from '../../../shared/ui/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import {
  levelRevisionOn,
  PRIORITY_CLASSES,
  type Contract,
  type ContractVersion,
  type CoveredService,
  type ServiceLevel,
} from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { filterContracts, formatMoney, nameOf, sortVersionsNewestFirst } from '../database-view';
import {
  card,
  cell,
  chip,
  chipList,
  definition,
  fact,
  factsRow,
  headerCell,
  smallSubtlest,
  subtle,
  subtlest,
  table,
  tableCaption,
  tableFrame,
  term,
} from './admin-styles';
import { OverviewSection } from './overview-section';
import { describeTarget } from './target-text';

const PAGE_SIZE = 20;

export interface ContractsSectionProps {
  contracts: readonly Contract[];
  levels: readonly ServiceLevel[];
  /** The database's currency, for contracts that name none. */
  defaultCurrency: string;
  serviceNames: ReadonlyMap<string, string>;
  calendarNames: ReadonlyMap<string, string>;
}

export function ContractsSection(props: ContractsSectionProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const filterId = useId();
  const matching = filterContracts(props.contracts, query);
  const visible = matching.slice(0, shown);

  const filter = (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <label htmlFor={filterId} style={{ ...term, whiteSpace: 'nowrap' }}>
        {t('admin.contracts.filter')}
      </label>
      <div style={{ width: '18rem', maxWidth: '60vw' }}>
        <Textfield
          id={filterId}
          isCompact
          value={query}
          placeholder={t('admin.contracts.filterPlaceholder')}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setShown(PAGE_SIZE);
          }}
          testId="contracts-filter"
        />
      </div>
    </div>
  );

  return (
    <OverviewSection
      id="contracts"
      title={t('admin.contracts.title')}
      count={props.contracts.length}
      empty={t('admin.contracts.empty')}
      {...(props.contracts.length > 1 ? { tools: filter } : {})}
    >
      {matching.length === 0 ? (
        <p style={{ ...subtlest, margin: 0 }} data-testid="contracts-no-match">
          {t('admin.contracts.noMatch', { query: query.trim() })}
        </p>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
          {visible.map((contract) => (
            <ContractCard key={contract.id} contract={contract} {...props} />
          ))}
        </div>
      )}
      {matching.length > visible.length ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150') }}>
          <Button
            onClick={() => {
              setShown((count) => count + PAGE_SIZE);
            }}
            testId="contracts-show-more"
          >
            {t('admin.contracts.showMore')}
          </Button>
          <span style={smallSubtlest}>{t('admin.contracts.showing', { shown: visible.length, total: matching.length })}</span>
        </div>
      ) : null}
    </OverviewSection>
  );
}

function ContractCard({ contract, ...names }: { contract: Contract } & ContractsSectionProps) {
  const { t } = useI18n();
  const { customer } = contract;
  return (
    <article data-testid={`contract-${contract.id}`} style={{ ...card, background: token('elevation.surface.sunken') }}>
      <div>
        <Heading size="xsmall" as="h3">
          {contract.name}
        </Heading>
        <div style={smallSubtlest}>{contract.id}</div>
      </div>
      <dl style={factsRow}>
        <Fact label={t('admin.contracts.customer')}>
          {customer.name} <span style={smallSubtlest}>{t('admin.common.id', { id: customer.id })}</span>
        </Fact>
        <Fact label={t('admin.contracts.organizations')}>
          <ul style={chipList}>
            {customer.organizationIds.map((org) => (
              <li key={org} style={chip}>
                {org}
              </li>
            ))}
          </ul>
        </Fact>
        <Fact label={t('admin.contracts.timeZone')}>{contract.timeZone}</Fact>
      </dl>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        {sortVersionsNewestFirst(contract.versions).map((version) => (
          <VersionBlock key={version.version} contractId={contract.id} version={version} {...names} currency={contract.currency ?? names.defaultCurrency} />
        ))}
      </div>
    </article>
  );
}

function VersionBlock({
  contractId,
  version,
  levels,
  serviceNames,
  calendarNames,
  currency,
}: { contractId: string; version: ContractVersion; currency: string } & Omit<ContractsSectionProps, 'contracts'>) {
  const { t, localDate, locale } = useI18n();
  const range =
    version.effectiveTo === undefined
      ? t('admin.contracts.openEnded', { from: localDate(version.effectiveFrom) })
      : t('admin.contracts.range', { from: localDate(version.effectiveFrom), to: localDate(version.effectiveTo) });
  return (
    <section
      data-testid={`contract-${contractId}-v${String(version.version)}`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        padding: token('space.150'),
        borderRadius: token('radius.medium'),
        background: token('elevation.surface'),
        border: `${token('border.width')} solid ${token('color.border')}`,
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.100') }}>
        <Heading size="xsmall" as="h4">
          {t('admin.contracts.version', { version: version.version })}
        </Heading>
        <span style={subtle}>{range}</span>
      </div>
      <dl style={factsRow}>
        {version.monthlyFee === undefined ? null : (
          <Fact label={t('admin.contracts.fee')}>{t('admin.common.perMonth', { price: formatMoney(version.monthlyFee, currency, locale) })}</Fact>
        )}
        <Fact label={t('admin.contracts.defaultService')}>{nameOf(serviceNames, version.defaultServiceId)}</Fact>
        <Fact label={t('admin.contracts.pauseStatuses')}>
          {version.pauseStatuses === undefined ? (
            <span style={subtlest}>{t('admin.contracts.pauseFromSettings')}</span>
          ) : version.pauseStatuses.length === 0 ? (
            <span style={subtlest}>{t('admin.common.none')}</span>
          ) : (
            <ul style={chipList}>
              {version.pauseStatuses.map((status) => (
                <li key={status} style={chip}>
                  {status}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        {version.noticeDate === undefined ? null : <Fact label={t('admin.contracts.noticeDate')}>{localDate(version.noticeDate)}</Fact>}
        {version.endDate === undefined ? null : <Fact label={t('admin.contracts.endDate')}>{localDate(version.endDate)}</Fact>}
      </dl>
      {version.note === undefined ? null : (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          <span style={term}>{t('admin.contracts.note')}:</span> {version.note}
        </p>
      )}
      <div style={tableFrame}>
        <table style={table}>
          <caption style={tableCaption}>{t('admin.contracts.coveredCaption', { version: version.version })}</caption>
          <thead>
            <tr>
              <th scope="col" style={headerCell}>
                {t('admin.contracts.service')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.contracts.level')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.contracts.terms')}
              </th>
              <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>
                {t('admin.contracts.price')}
              </th>
            </tr>
          </thead>
          <tbody>
            {version.coveredServices.map((covered) => (
              <CoveredRow
                key={covered.serviceId}
                covered={covered}
                isDefault={covered.serviceId === version.defaultServiceId}
                level={levels.find((level) => level.id === covered.levelId)}
                serviceNames={serviceNames}
                calendarNames={calendarNames}
                currency={currency}
                versionStart={version.effectiveFrom}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One label/value pair of a facts row. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={fact}>
      <dt style={term}>{label}</dt>
      <dd style={definition}>{children}</dd>
    </div>
  );
}

interface CoveredRowProps {
  covered: CoveredService;
  isDefault: boolean;
  level: ServiceLevel | undefined;
  serviceNames: ReadonlyMap<string, string>;
  calendarNames: ReadonlyMap<string, string>;
  currency: string;
  /** The version's first day: the level price shown is the one of the level revision in force then. */
  versionStart: string;
}

function CoveredRow({ covered, isDefault, level, serviceNames, calendarNames, currency, versionStart }: CoveredRowProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { bespoke } = covered;
  const price = bespoke?.monthlyPrice ?? (level === undefined ? undefined : levelRevisionOn(level, versionStart).monthlyPrices[covered.serviceId]);
  const overrides = bespoke === undefined ? [] : PRIORITY_CLASSES.flatMap((priorityClass) => {
    const target = bespoke.targets[priorityClass];
    return target === undefined ? [] : [{ priorityClass, text: describeTarget(i18n, target) }];
  });
  return (
    <tr data-testid={`covered-${covered.serviceId}`}>
      <th scope="row" style={{ ...cell, fontWeight: 'inherit' }}>
        <span>{nameOf(serviceNames, covered.serviceId)}</span>
        {isDefault ? (
          <span style={{ marginInlineStart: token('space.075') }}>
            <Lozenge>{t('admin.contracts.isDefault')}</Lozenge>
          </span>
        ) : null}
      </th>
      <td style={cell}>{level?.name ?? covered.levelId}</td>
      <td style={cell}>
        {bespoke === undefined ? (
          <span style={subtlest}>{t('admin.contracts.levelTerms')}</span>
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }} data-testid={`bespoke-${covered.serviceId}`}>
            <span>
              <Lozenge appearance="moved">{t('admin.contracts.bespoke')}</Lozenge>
            </span>
            {overrides.map(({ priorityClass, text }) => (
              <span key={priorityClass}>{t('admin.target.override', { class: priorityClass, target: text })}</span>
            ))}
            {bespoke.calendarId === undefined ? null : (
              <span>
                {t('admin.contracts.bespokeCalendar', { name: nameOf(calendarNames, bespoke.calendarId) })}
                {bespoke.calendarClasses === undefined ? null : ` (${bespoke.calendarClasses.join(', ')})`}
              </span>
            )}
            {bespoke.note === undefined ? null : <span style={smallSubtlest}>{bespoke.note}</span>}
          </div>
        )}
      </td>
      <td style={{ ...cell, textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {price === undefined ? <span style={subtlest}>—</span> : t('admin.common.perMonth', { price: formatMoney(price, currency, locale) })}
      </td>
    </tr>
  );
}

/**
 * The "Jira names" tab (`admin/jira-options`): the site's priorities with the class the saved
 * priority map gives them, its statuses with their category and whether they pause the clock, and
 * every service desk with its request type ids and the service whose rule recognises each. Values
 * copy to the clipboard with one click, for the JSON editor.
 */
import { useId, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import CopyIcon from '@atlaskit/icon/core/copy';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Lozenge, type LozengeAppearance as ThemeAppearance } from '../../../shared/ui/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { JiraOptionsData } from '../../../../src/contract/admin-api';
import type { ContractDatabase } from '../../../../src/contract/contract-database-shape';
import type { ResolverError } from '../../../../src/contract/envelope';
import { useI18n } from '../messages';
import { failureResult } from '../action-result';
import { classOfPriority, isPauseStatus, servicesForRequestType } from '../database-view';
import { card, cell, headerCell, paragraph, smallSubtlest, subtlest, table, tableFrame } from './admin-styles';
import { ResultRegion } from './result-region';

export type JiraNamesLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; error: ResolverError }
  | { status: 'ready'; data: JiraOptionsData; refreshing: boolean };

export interface JiraNamesTabProps {
  load: JiraNamesLoad;
  database: ContractDatabase;
  onRefresh: () => void;
}

export function JiraNamesTab({ load, database, onRefresh }: JiraNamesTabProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);

  async function copy(value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      setCopied({ ok: true, text: t('admin.jira.copied', { value }) });
    } catch {
      // The Custom UI iframe may not be allowed the clipboard; the values are plain selectable text.
      setCopied({ ok: false, text: t('admin.jira.copyFailed') });
    }
  }
  const onCopy = (value: string) => {
    void copy(value);
  };

  return (
    <div data-testid="jira-options" data-status={load.status} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: token('space.150') }}>
        <p style={paragraph}>{t('admin.jira.help')}</p>
        <Button
          iconBefore={RefreshIcon}
          onClick={onRefresh}
          isLoading={load.status === 'loading' || (load.status === 'ready' && load.refreshing)}
          testId="jira-options-refresh"
        >
          {t('admin.jira.refresh')}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="copy-status" style={{ font: token('font.body.small'), color: copied?.ok === false ? token('color.text.danger') : token('color.text.subtle') }}>
        {copied?.text}
      </div>
      {load.status === 'loading' || load.status === 'idle' ? (
        <div role="status" data-testid="jira-options-loading" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), color: token('color.text.subtle') }}>
          <Spinner size="medium" label={t('admin.jira.loading')} />
          <span>{t('admin.jira.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' ? <ResultRegion result={{ ...failureResult(t, load.error), title: t('admin.jira.failed') }} testId="jira-options-error" /> : null}
      {load.status === 'ready' ? <JiraNames data={load.data} database={database} onCopy={onCopy} /> : null}
    </div>
  );
}

function JiraNames({ data, database, onCopy }: { data: JiraOptionsData; database: ContractDatabase; onCopy: (value: string) => void }) {
  const { t } = useI18n();
  const { settings, services } = database;
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: token('space.200'), alignItems: 'start' }}>
        <NamesCard id="priorities" title={t('admin.jira.priorities')} count={data.priorities.length}>
          <table style={table}>
            <thead>
              <tr>
                <th scope="col" style={headerCell}>
                  {t('admin.jira.priority')}
                </th>
                <th scope="col" style={headerCell}>
                  {t('admin.jira.class')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.priorities.map((name) => {
                const { priorityClass, mapped } = classOfPriority(settings.priorities, name);
                return (
                  <tr key={name} data-testid={`jira-priority-${name}`}>
                    <td style={cell}>
                      <CopyValue value={name} onCopy={onCopy} />
                    </td>
                    <td style={cell} data-mapped={mapped}>
                      {mapped ? <strong>{priorityClass}</strong> : <span style={subtlest}>{t('admin.jira.defaultClass', { class: priorityClass })}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </NamesCard>
        <NamesCard id="statuses" title={t('admin.jira.statuses')} count={data.statuses.length}>
          <table style={table}>
            <thead>
              <tr>
                <th scope="col" style={headerCell}>
                  {t('admin.jira.status')}
                </th>
                <th scope="col" style={headerCell}>
                  {t('admin.jira.category')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.statuses.map((status) => (
                <tr key={`${status.name}|${status.category}`} data-testid={`jira-status-${status.name}`}>
                  <td style={cell}>
                    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.075') }}>
                      <CopyValue value={status.name} onCopy={onCopy} />
                      {isPauseStatus(settings, status.name) ? <Lozenge appearance="inprogress">{t('admin.jira.pauses')}</Lozenge> : null}
                    </div>
                  </td>
                  <td style={cell}>
                    <Lozenge appearance={categoryLook(status.category)}>{categoryLabel(t, status.category)}</Lozenge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </NamesCard>
      </div>
      <NamesCard id="service-desks" title={t('admin.jira.serviceDesks')} count={data.serviceDesks.length}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
          {data.serviceDesks.map((desk) => (
            <section key={desk.id} data-testid={`jira-desk-${desk.id}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
              <Heading size="xxsmall" as="h4">
                {t('admin.jira.desk', { name: desk.name, id: desk.id })}
              </Heading>
              {desk.requestTypes.length === 0 ? (
                <span style={subtlest}>{t('admin.jira.noRequestTypes')}</span>
              ) : (
                <div style={tableFrame}>
                  <table style={table}>
                    <thead>
                      <tr>
                        <th scope="col" style={{ ...headerCell, width: '1%' }}>
                          {t('admin.jira.requestTypeId')}
                        </th>
                        <th scope="col" style={headerCell}>
                          {t('admin.jira.requestType')}
                        </th>
                        <th scope="col" style={headerCell}>
                          {t('admin.jira.recognisedAs')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {desk.requestTypes.map((type) => {
                        const matches = servicesForRequestType(services, type.id);
                        return (
                          <tr key={type.id} data-testid={`jira-request-type-${type.id}`}>
                            <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                              <CopyValue value={type.id} onCopy={onCopy} monospace />
                            </td>
                            <td style={cell}>{type.name}</td>
                            <td style={cell}>
                              {matches.length === 0 ? (
                                <span style={subtlest}>{t('admin.jira.notRecognised')}</span>
                              ) : (
                                matches.map((service, index) => (
                                  // The first match wins on a request; later ones are listed for the admin to notice.
                                  <span key={service.id} style={index === 0 ? undefined : { ...smallSubtlest, marginInlineStart: token('space.075'), textDecoration: 'line-through' }}>
                                    {service.name}
                                  </span>
                                ))
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
        </div>
      </NamesCard>
    </>
  );
}

function NamesCard({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={`jira-${id}`} style={card}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <Heading size="small" as="h3" id={headingId}>
          {title}
        </Heading>
        <Lozenge>{count}</Lozenge>
      </div>
      {count === 0 ? <span style={subtlest}>{t('admin.jira.none')}</span> : children}
    </section>
  );
}

/** A value that copies itself on click; the text stays selectable for when the clipboard is refused. */
function CopyValue({ value, onCopy, monospace = false }: { value: string; onCopy: (value: string) => void; monospace?: boolean }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      <span style={monospace ? { font: token('font.code') } : undefined}>{value}</span>
      <button
        type="button"
        className="admin-icon-button"
        aria-label={t('admin.jira.copy', { value })}
        title={t('admin.jira.copy', { value })}
        onClick={() => {
          onCopy(value);
        }}
        data-testid={`copy-${value}`}
      >
        <CopyIcon label="" size="small" color="currentColor" />
      </button>
    </span>
  );
}

/** Jira's status category keys (`new`, `indeterminate`, `done`) in Jira's own colours. */
function categoryLook(category: string): ThemeAppearance {
  if (category === 'done') return 'success';
  if (category === 'indeterminate') return 'inprogress';
  return 'default';
}

/** The category's name in the user's language; a key Jira may add later shows as it is. */
function categoryLabel(t: ReturnType<typeof useI18n>['t'], category: string): string {
  switch (category) {
    case 'new':
      return t('admin.jira.category.new');
    case 'indeterminate':
      return t('admin.jira.category.indeterminate');
    case 'done':
      return t('admin.jira.category.done');
    default:
      return category;
  }
}

/**
 * The triage view ("Contract triage" in the queue sidebar of a service project): the project's open
 * requests in the order they need an agent — running clocks first, then by business time left to
 * the nearest deadline — from one `triage/get` call per page. Filters by customer, level, service
 * and "assigned to me"; a link opens the same selection as a JQL search (by deadline, which is what
 * Jira's own queues can do). The order and every state come from the backend; this module formats.
 *
 * Time left is business time, deadlines are calendar time in the reader's zone, and the column
 * headings say so (issue 11 item 2). A state's colour is the panel's (shared/clock-appearance.ts).
 */
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { z } from 'zod';
import type { ResolverError } from '../../../src/contract/envelope';
import { TRIAGE_PAGE_SIZE, type TriageQuery, type TriageRow, type TriageTargetView, type TriageView } from '../../../src/contract/triage-api';
import { lozengeAppearanceOf } from '../../shared/clock-appearance';
import { useResolverLoad } from '../../shared/compliance/load-state';
import { SelectField } from '../../shared/compliance/select-field';
import { issueNavigatorPath, loadRawContext, navigateHost, openIssue } from '../../shared/forge-view';
import { Notice } from '../../shared/ui/notice';
import { useI18n, type TriageI18n } from './messages';
import { triageClient } from './triage-client';

const ALL = '';

const DEFAULT_QUERY: TriageQuery = { customerId: null, levelId: null, serviceId: null, mine: false, offset: 0 };

/** The site's address from the Forge context, so links work when opened in a new tab too. */
function useSiteUrl(): string {
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    void loadRawContext().then((raw) => {
      const parsed = z.object({ siteUrl: z.string() }).safeParse(raw);
      if (parsed.success) setSiteUrl(parsed.data.siteUrl.replace(/\/+$/, ''));
    });
  }, []);
  return siteUrl;
}

export function TriageApp() {
  const i18n = useI18n();
  const { t } = i18n;
  const siteUrl = useSiteUrl();
  const [query, setQuery] = useState<TriageQuery>(DEFAULT_QUERY);
  const { load, reload } = useResolverLoad(() => triageClient.get(query), JSON.stringify(query));
  const view = load.status === 'ready' ? load.data : null;
  const change = (next: Partial<TriageQuery>): void => {
    setQuery({ ...query, ...next, offset: next.offset ?? 0 });
  };
  return (
    <main
      className="cc-triage"
      data-testid="triage-root"
      data-status={load.status === 'ready' ? (load.refreshing ? 'refreshing' : 'ready') : load.status}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), padding: token('space.050'), color: token('color.text'), font: token('font.body') }}
    >
      <p style={{ margin: 0, color: token('color.text.subtle') }}>{t('triage.intro')}</p>
      <Filters i18n={i18n} query={query} view={view} onChange={change} onRefresh={reload} siteUrl={siteUrl} />
      {load.status === 'loading' ? (
        <div role="status" data-testid="triage-loading" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <Spinner size="medium" label={t('triage.loading')} />
          <span style={{ color: token('color.text.subtle') }}>{t('triage.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' ? <LoadError i18n={i18n} error={load.error} onRetry={reload} /> : null}
      {view === null ? null : <Results i18n={i18n} view={view} siteUrl={siteUrl} onPage={(offset) => { change({ offset }); }} />}
    </main>
  );
}

function LoadError({ i18n, error, onRetry }: { i18n: TriageI18n; error: ResolverError; onRetry: () => void }) {
  const { t } = i18n;
  if (error.code === 'forbidden') {
    return (
      <div data-testid="triage-error" data-error-code={error.code}>
        <Notice appearance="warning" title={t('triage.forbidden.title')}>
          {t('triage.forbidden.body')}
        </Notice>
      </div>
    );
  }
  return (
    <div data-testid="triage-error" data-error-code={error.code}>
      <Notice appearance="error" role="alert" title={t('triage.loadFailed')} actions={<Button onClick={onRetry}>{t('common.retry')}</Button>}>
        {error.message.trim() === '' ? null : t('error.details', { message: error.message })}
      </Notice>
    </div>
  );
}

function Filters({ i18n, query, view, onChange, onRefresh, siteUrl }: {
  i18n: TriageI18n;
  query: TriageQuery;
  view: TriageView | null;
  onChange: (next: Partial<TriageQuery>) => void;
  onRefresh: () => void;
  siteUrl: string;
}) {
  const { t } = i18n;
  const options = view?.options ?? { customers: [], levels: [], services: [] };
  const select = (id: 'customer' | 'level' | 'service', value: string | null, list: readonly { id: string; name: string }[], apply: (v: string | null) => void) => (
    <div className="cc-triage-filter">
      <SelectField
        id={`triage-${id}`}
        testId={`triage-filter-${id}`}
        label={t(`triage.filter.${id}`)}
        value={value ?? ALL}
        disabled={view === null}
        options={[{ value: ALL, label: t(`triage.filter.${id}.all`) }, ...list.map((r) => ({ value: r.id, label: r.name }))]}
        onChange={(v) => {
          apply(v === ALL ? null : v);
        }}
      />
    </div>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
      {select('customer', query.customerId, options.customers, (customerId) => {
        onChange({ customerId });
      })}
      {select('level', query.levelId, options.levels, (levelId) => {
        onChange({ levelId });
      })}
      {select('service', query.serviceId, options.services, (serviceId) => {
        onChange({ serviceId });
      })}
      <label style={{ display: 'flex', alignItems: 'center', gap: token('space.075'), minHeight: 36 }}>
        <input
          type="checkbox"
          className="cc-control"
          data-testid="triage-filter-mine"
          checked={query.mine}
          onChange={(event) => {
            onChange({ mine: event.target.checked });
          }}
        />
        {t('triage.filter.mine')}
      </label>
      <div style={{ display: 'flex', gap: token('space.100'), marginLeft: 'auto', alignItems: 'center' }}>
        {view === null ? null : (
          <a
            className="cc-link"
            data-testid="triage-jql"
            href={`${siteUrl}${issueNavigatorPath(view.jql)}`}
            title={t('triage.jql.hint')}
            onClick={(event: MouseEvent<HTMLAnchorElement>) => {
              event.preventDefault();
              void navigateHost(issueNavigatorPath(view.jql));
            }}
          >
            {t('triage.jql')}
          </a>
        )}
        <Button onClick={onRefresh} testId="triage-refresh">
          {t('triage.refresh')}
        </Button>
      </div>
    </div>
  );
}

function Results({ i18n, view, siteUrl, onPage }: { i18n: TriageI18n; view: TriageView; siteUrl: string; onPage: (offset: number) => void }) {
  const { t } = i18n;
  const zone = i18n.timeZone;
  if (view.total === 0) {
    return (
      <div data-testid="triage-empty">
        <Notice appearance="success" title={t('triage.empty.title')}>
          {t('triage.empty.body')}
        </Notice>
      </div>
    );
  }
  const from = view.offset + 1;
  const to = Math.min(view.offset + TRIAGE_PAGE_SIZE, view.total);
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.200'), alignItems: 'baseline', flexWrap: 'wrap', color: token('color.text.subtle'), font: token('font.body.small') }}>
        <strong data-testid="triage-count" style={{ color: token('color.text') }}>
          {t('triage.count', { total: view.total })}
        </strong>
        <span>{t('triage.asOf', { time: i18n.instant(view.now, zone) })}</span>
      </div>
      {view.truncated ? <Notice appearance="warning">{t('triage.truncated', { count: view.total })}</Notice> : null}
      {view.hidden > 0 ? <Notice appearance="information">{t('triage.hidden', { count: view.hidden })}</Notice> : null}
      <table className="cc-triage-table" aria-label={t('triage.table.label')} data-testid="triage-table">
        <colgroup>
          <col className="cc-col-request" />
          <col className="cc-col-left" />
          <col className="cc-col-due" />
          <col className="cc-col-due" />
          <col className="cc-col-level" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('triage.col.request')}</th>
            <th scope="col">
              {t('triage.col.left')}
              <span className="cc-unit">{t('triage.col.left.unit')}</span>
            </th>
            <th scope="col">
              {t('triage.col.response')}
              <span className="cc-unit">{t('triage.col.due.unit', { zone })}</span>
            </th>
            <th scope="col">
              {t('triage.col.resolution')}
              <span className="cc-unit">{t('triage.col.due.unit', { zone })}</span>
            </th>
            <th scope="col">{t('triage.col.level')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <Row key={row.issueId} i18n={i18n} row={row} now={view.now} siteUrl={siteUrl} />
          ))}
        </tbody>
      </table>
      {view.total > TRIAGE_PAGE_SIZE ? (
        <nav style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', justifyContent: 'flex-end' }}>
          <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{t('triage.range', { from, to, total: view.total })}</span>
          <Button isDisabled={view.offset === 0} onClick={() => { onPage(Math.max(0, view.offset - TRIAGE_PAGE_SIZE)); }} testId="triage-previous">
            {t('triage.previous')}
          </Button>
          <Button isDisabled={view.nextOffset === null} onClick={() => { onPage(view.nextOffset ?? view.offset); }} testId="triage-next">
            {t('triage.next')}
          </Button>
        </nav>
      ) : null}
    </section>
  );
}

function Row({ i18n, row, now, siteUrl }: { i18n: TriageI18n; row: TriageRow; now: string; siteUrl: string }) {
  const { t } = i18n;
  const details = [row.customer?.name ?? t('triage.noCustomer'), row.service?.name, row.assignee?.displayName ?? t('triage.unassigned')].filter((x): x is string => x !== undefined);
  return (
    <tr data-testid="triage-row" data-issue-key={row.issueKey} data-group={row.group} data-state={row.nearest?.state ?? 'none'} data-left={row.nearest?.businessMinutesLeft ?? ''}>
      <td>
        <a
          className="cc-link"
          href={`${siteUrl}/browse/${row.issueKey}`}
          data-testid={`triage-open-${row.issueKey}`}
          onClick={(event: MouseEvent<HTMLAnchorElement>) => {
            event.preventDefault();
            void openIssue(row.issueKey);
          }}
        >
          <strong>{row.issueKey}</strong>
        </a>{' '}
        <span className="cc-summary">{row.summary}</span>
        <div className="cc-sub">{details.join(' · ')}</div>
      </td>
      <td>
        <TimeLeft i18n={i18n} row={row} />
      </td>
      <td>
        <Due i18n={i18n} target={row.response} now={now} standing={row.pause !== null} />
      </td>
      <td>
        <Due i18n={i18n} target={row.resolution} now={now} standing={row.pause !== null} />
        {row.promise === null ? null : (
          <div className="cc-sub" data-testid="triage-promise">
            {t(`triage.promise.${row.promise.state}`, { time: i18n.instant(row.promise.expectedAt, i18n.timeZone) })}
          </div>
        )}
      </td>
      <td>
        <Level i18n={i18n} row={row} />
      </td>
    </tr>
  );
}

function TimeLeft({ i18n, row }: { i18n: TriageI18n; row: TriageRow }) {
  const { t } = i18n;
  if (row.error) return <Lozenge appearance="removed">{t('triage.error')}</Lozenge>;
  const nearest = row.nearest;
  if (nearest === null) return <span className="cc-sub">{t('triage.group.no-clock')}</span>;
  const minutes = nearest.businessMinutesLeft;
  const amount = minutes < 0 ? t('triage.overdue', { duration: i18n.duration(-minutes) }) : t('triage.left', { duration: i18n.duration(minutes) });
  let how: string;
  if (row.group === 'running') how = t('triage.running');
  else if (row.group === 'calendar') how = row.resumesAt === null ? t('triage.stopped') : t('triage.resumes', { time: i18n.instant(row.resumesAt, i18n.timeZone) });
  else how = row.pause === 'manual' ? t('triage.paused.manual') : t('triage.paused.status');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <span>
        <Lozenge appearance={lozengeAppearanceOf(nearest.state)} testId={`triage-state-${row.issueKey}`}>
          {t(`triage.state.${nearest.state}`)}
        </Lozenge>
      </span>
      <span className="cc-amount" data-testid={`triage-left-${row.issueKey}`}>
        {amount} <span className="cc-sub">{t(`triage.nearest.${nearest.target}`)}</span>
      </span>
      <span className={row.group === 'running' ? 'cc-running' : 'cc-sub'}>{how}</span>
    </div>
  );
}

/** A deadline in calendar time; "—" when none is owed (responded already, or no first-response target for the class). */
function Due({ i18n, target, now, standing }: { i18n: TriageI18n; target: TriageTargetView | null; now: string; standing: boolean }) {
  const { t } = i18n;
  if (target === null) return <span className="cc-sub">{t('triage.due.none')}</span>;
  const total =
    target.extensionMinutes > 0
      ? t('duration.withExtension', { target: i18n.duration(target.targetMinutes), extension: i18n.duration(target.extensionMinutes) })
      : i18n.duration(target.targetMinutes);
  const when: ReactNode =
    target.deadline === null ? (
      <span className="cc-sub">{standing ? t('triage.due.standing') : t('triage.due.none')}</span>
    ) : (
      <span className={target.state === 'breached' ? 'cc-late' : undefined}>
        {t(Date.parse(target.deadline) <= Date.parse(now) ? 'triage.due.passed' : 'triage.due.future', { time: i18n.instant(target.deadline, i18n.timeZone) })}
      </span>
    );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      {when}
      <span className="cc-sub">{t('triage.target', { target: total })}</span>
    </div>
  );
}

function Level({ i18n, row }: { i18n: TriageI18n; row: TriageRow }) {
  const { t } = i18n;
  if (row.uncovered !== null && !row.bestEffort) {
    return (
      <span data-testid={`triage-uncovered-${row.issueKey}`} className="cc-sub">
        {t(`triage.uncovered.${row.uncovered}`)}
      </span>
    );
  }
  if (row.level === null && !row.bestEffort) return <span className="cc-sub">{t('triage.uncovered.none')}</span>;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050'), alignItems: 'center' }}>
      {row.level === null ? null : <strong>{row.level.name}</strong>}
      {row.priorityClass === null ? null : <span className="cc-sub">{row.priorityClass}</span>}
      {row.allHours ? (
        <span title={t('triage.marker.allHours.label', { calendar: row.calendarName ?? '' })} data-testid={`triage-24x7-${row.issueKey}`}>
          <Lozenge appearance="new">
            {t('triage.marker.allHours')}
          </Lozenge>
        </span>
      ) : null}
      {row.bespoke ? (
        <span title={t('triage.marker.bespoke.label')} data-testid={`triage-bespoke-${row.issueKey}`}>
          <Lozenge appearance="moved">{t('triage.marker.bespoke')}</Lozenge>
        </span>
      ) : null}
      {row.bestEffort ? <Lozenge>{t('triage.marker.bestEffort')}</Lozenge> : null}
      {row.uncovered !== null && row.bestEffort ? <div className="cc-sub">{t(`triage.uncovered.${row.uncovered}`)}</div> : null}
      {row.calendarName === null || row.allHours ? null : <div className="cc-sub">{t('triage.calendar', { calendar: row.calendarName })}</div>}
    </div>
  );
}

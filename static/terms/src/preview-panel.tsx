/**
 * Before saving: the deadline a request would get under the draft ("a P1 E-mail request from ACME
 * created now would be due Tue 2 Dec 14:00 (Europe/Amsterdam)") with the explanation trail the
 * panel shows, for any customer, service and priority the admin picks; and what a save would change.
 * After a save: the previewed re-apply to open requests (how many change, how far deadlines move),
 * confirmed with a reason.
 */
import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { AuditEntry, PreviewData, ReapplyJobData } from '../../../src/contract/admin-api';
import { Notice } from '../../shared/ui/notice';
import { APP_AUTHOR, createDisplayNameCache } from './display-names';
import { useEditor } from './editor-context';
import { useI18n } from './messages';
import { termsClient } from './terms-client';

export interface ExamplePick {
  contractId: string;
  serviceId: string;
  priority: string;
}

export function ExamplePicker({ pick, onPick }: { pick: ExamplePick; onPick: (pick: ExamplePick) => void }) {
  const { t } = useI18n();
  const editor = useEditor();
  const ids = { contract: useId(), service: useId(), priority: useId() };
  const priorities = editor.options?.priorities ?? Object.keys(editor.db.settings.priorities.byJiraPriority);
  return (
    <div className="terms-grid3">
      <div className="terms-field">
        <label htmlFor={ids.contract}>{t('terms.preview.customer')}</label>
        <select id={ids.contract} className="terms-input" value={pick.contractId} onChange={(event) => { onPick({ ...pick, contractId: event.target.value }); }} data-testid="example-contract">
          {editor.db.contracts.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.customer.name} — ${c.name}`}
            </option>
          ))}
        </select>
      </div>
      <div className="terms-field">
        <label htmlFor={ids.service}>{t('terms.preview.service')}</label>
        <select id={ids.service} className="terms-input" value={pick.serviceId} onChange={(event) => { onPick({ ...pick, serviceId: event.target.value }); }} data-testid="example-service">
          {editor.db.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="terms-field">
        <label htmlFor={ids.priority}>{t('terms.preview.priority')}</label>
        <select id={ids.priority} className="terms-input" value={pick.priority} onChange={(event) => { onPick({ ...pick, priority: event.target.value }); }} data-testid="example-priority">
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function PreviewResult({ preview, pick }: { preview: PreviewData | null; pick: ExamplePick }) {
  const { t, instant, duration } = useI18n();
  const editor = useEditor();
  const example = preview?.example ?? null;
  const contract = editor.db.contracts.find((c) => c.id === pick.contractId);
  const service = editor.db.services.find((s) => s.id === pick.serviceId);
  return (
    <div data-testid="preview-result" className="terms-preview">
      {example === null ? (
        <p className="terms-muted">{t('terms.preview.none')}</p>
      ) : (
        <>
          <p className="terms-sentence" data-testid="preview-sentence">
            {example.deadline === null || example.timeZone === null
              ? t('terms.preview.noDeadline', { cls: example.priorityClass, service: service?.name ?? '', customer: contract?.customer.name ?? '' })
              : t('terms.preview.sentence', {
                  cls: example.priorityClass,
                  service: service?.name ?? '',
                  customer: contract?.customer.name ?? '',
                  deadline: instant(example.deadline, example.timeZone),
                  zone: example.timeZone,
                })}
          </p>
          {example.resolutionMinutes === null ? null : (
            <p className="terms-help">
              {t('terms.preview.target', { duration: duration(example.resolutionMinutes), calendar: example.calendar?.name ?? '—' })}
              {example.responseDeadline !== null && example.timeZone !== null ? ` ${t('terms.preview.response', { deadline: instant(example.responseDeadline, example.timeZone) })}` : ''}
            </p>
          )}
          <dl className="terms-explain" data-testid="preview-explanation">
            {example.explanation.map((step, i) => (
              <div key={i}>
                <dt>{t(`terms.explain.${step.kind}`)}</dt>
                <dd>
                  {step.value}
                  {step.because === null ? null : <span className="terms-muted">{` — ${step.because}`}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

export function ChangeList({ preview }: { preview: PreviewData | null }) {
  const { t } = useI18n();
  if (preview === null || preview.changes.length === 0) return <p className="terms-muted">{t('terms.changes.none')}</p>;
  return (
    <ul className="terms-changes" data-testid="preview-changes">
      {preview.changes.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

function JobFigures({ job }: { job: ReapplyJobData }) {
  const { t, duration, instant, timeZone } = useI18n();
  return (
    <div data-testid="reapply-figures">
      <p>
        {t('terms.reapply.figures', { scanned: job.scanned, changed: job.changed, earlier: job.earlier, later: job.later, other: job.changed - job.earlier - job.later })}
        {job.mostEarlierMinutes > 0 ? ` ${t('terms.reapply.mostEarlier', { duration: duration(job.mostEarlierMinutes) })}` : ''}
        {job.mostLaterMinutes > 0 ? ` ${t('terms.reapply.mostLater', { duration: duration(job.mostLaterMinutes) })}` : ''}
      </p>
      {job.moves.length === 0 ? null : (
        <table className="terms-table">
          <thead>
            <tr>
              <th scope="col">{t('terms.reapply.request')}</th>
              <th scope="col">{t('terms.reapply.from')}</th>
              <th scope="col">{t('terms.reapply.to')}</th>
            </tr>
          </thead>
          <tbody>
            {job.moves.slice(0, 20).map((move) => (
              <tr key={move.issueKey}>
                <td>{move.issueKey}</td>
                <td>{move.from === null ? '—' : instant(move.from, timeZone)}</td>
                <td>{move.to === null ? '—' : move.to === move.from ? <span className="terms-muted">{t('terms.reapply.same')}</span> : instant(move.to, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Re-apply the saved database to open requests: preview first, then confirm with a reason. */
export function Reapply() {
  const { t } = useI18n();
  const reasonId = useId();
  const [job, setJob] = useState<ReapplyJobData | null>(null);
  const [applied, setApplied] = useState<ReapplyJobData | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const running = (job?.status === 'running' && applied === null) || applied?.status === 'running';
  useEffect(() => {
    const current = applied ?? job;
    if (current?.status !== 'running') return undefined;
    const timer = setTimeout(() => {
      void termsClient.reapplyStatus(current.jobId).then((answer) => {
        if (!answer.ok) setFailure(answer.error.message);
        else if (applied === null) setJob(answer.data.job);
        else setApplied(answer.data.job);
      });
    }, 1000);
    return () => { clearTimeout(timer); };
  }, [job, applied]);
  return (
    <section className="terms-card" aria-labelledby="reapply-heading" data-testid="reapply">
      <h4 id="reapply-heading">{t('terms.reapply.title')}</h4>
      <p className="terms-help">{t('terms.reapply.help')}</p>
      <div className="terms-row">
        <Button
          isDisabled={running}
          onClick={() => {
            setApplied(null);
            setFailure(null);
            void termsClient.reapplyPreview().then((answer) => {
              if (answer.ok) setJob(answer.data.job);
              else setFailure(answer.error.message);
            });
          }}
          testId="reapply-preview"
        >
          {t('terms.reapply.preview')}
        </Button>
      </div>
      {failure === null ? null : <Notice appearance="error" title={t('admin.result.failed')}>{failure}</Notice>}
      {job === null ? null : (
        <div role="status" data-testid="reapply-status" data-status={job.status}>
          {job.status === 'running' ? <p>{t('terms.reapply.running', { scanned: job.scanned })}</p> : null}
          {job.status === 'stale' ? <p>{t('terms.reapply.stale')}</p> : null}
          {job.status === 'done' ? <JobFigures job={job} /> : null}
        </div>
      )}
      {job?.status === 'done' && job.changed > 0 && applied === null ? (
        <div className="terms-row">
          <label htmlFor={reasonId} className="terms-inline-label">
            {t('terms.reapply.reason')}
          </label>
          <input id={reasonId} className="terms-input" value={reason} onChange={(event) => { setReason(event.target.value); }} data-testid="reapply-reason" />
          <Button
            appearance="primary"
            isDisabled={reason.trim().length < 3}
            onClick={() => void termsClient.reapplyApply(job.jobId, reason).then((answer) => {
                if (answer.ok) setApplied(answer.data.job);
                else setFailure(answer.error.message);
              })}
            testId="reapply-confirm"
          >
            {t('terms.reapply.confirm', { count: job.changed })}
          </Button>
        </div>
      ) : null}
      {applied === null ? null : (
        <div role="status" data-testid="reapply-applied" data-status={applied.status}>
          {applied.status === 'done' ? t('terms.reapply.done', { changed: applied.changed }) : t('terms.reapply.running', { scanned: applied.scanned })}
        </div>
      )}
    </section>
  );
}

/** The authors' names, asked once per page load (the tab and the log come and go, this stays). */
const authorNames = createDisplayNameCache(termsClient.displayNames);

/** The audit log: who changed what and when, newest first; who by display name (the id when Jira gives none). */
export function AuditLog({ revision }: { revision: number }) {
  const { t, instant, timeZone } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void termsClient.auditLog(20).then(async (answer) => {
      if (!answer.ok) {
        if (current) setFailure(answer.error.message);
        return;
      }
      const found = await authorNames.lookUp(answer.data.entries.map((entry) => entry.by));
      if (!current) return;
      setNames(found);
      setEntries(answer.data.entries);
    });
    return () => {
      current = false;
    };
  }, [revision]);
  const author = (by: string): string => (by === APP_AUTHOR ? t('terms.audit.byApp') : (names.get(by) ?? by));
  if (failure !== null) return <Notice appearance="error" title={t('admin.result.failed')}>{failure}</Notice>;
  if (entries === null) return <p className="terms-muted">{t('common.updating')}</p>;
  if (entries.length === 0) return <p className="terms-muted">{t('terms.audit.none')}</p>;
  return (
    <ol className="terms-audit" data-testid="audit-log">
      {entries.map((entry) => (
        <li key={entry.revision} data-testid={`audit-${String(entry.revision)}`} data-by={entry.by}>
          <div className="terms-audit-head">
            {t('terms.audit.entry', { revision: entry.revision, at: instant(entry.at, timeZone), by: author(entry.by), action: entry.action })}
          </div>
          <ul>
            {entry.changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {entry.changeCount > entry.changes.length ? <li className="terms-muted">{t('terms.audit.more', { count: entry.changeCount - entry.changes.length })}</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}

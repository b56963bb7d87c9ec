/**
 * The contract panel's view model (src/contract/panel-api.ts), computed from a clock record at
 * `now`: the terms as names, the targets with time left, pauses, history, the explanation, the
 * "tell the customer" drafts and what the agent may do. Everything the panel shows is decided here.
 *
 * Pure: no I/O; texts in the agent's language come from ./panel-text.
 */
import { calendarForClass, type ClockRecord, type ExplanationStep as RecordStep, type Terms } from '../contract/clock-record';
import type { ContractDatabase, MessageTemplateKind } from '../contract/contract-database';
import type {
  Actor,
  ExplanationStep,
  PanelHistoryEntry,
  PanelPause,
  PanelState,
  PanelTarget,
  PanelTerms,
  PanelView,
} from '../contract/panel-api';
import { compileCalendarOnce } from '../domain/calendar-cache';
import { addBusinessMinutes } from '../domain/business-time';
import { fillMessageTemplate } from '../domain/fill-message-template';
import { describeClock, listClockActions, type TargetProgress } from '../domain/clock-view';
import { formatInstant, formatMinutes, textsFor, type Language } from './panel-text';

/** Who is looking, and what Jira lets them do on this issue. */
export interface PanelViewer {
  readonly timeZone: string;
  readonly language: Language;
  readonly isJiraAdmin: boolean;
  /** EDIT_ISSUES: may pause, resume, extend and re-apply. */
  readonly canEditClock: boolean;
  /** ADD_COMMENTS: may post a reply or a note. */
  readonly canComment: boolean;
}

export interface PanelViewInput {
  readonly issueKey: string;
  /** null: the issue has no clock record yet (created event still on its way). */
  readonly record: ClockRecord | null;
  readonly database: ContractDatabase;
  readonly viewer: PanelViewer;
  readonly displayNames: ReadonlyMap<string, string>;
  readonly now: Date;
}

const STATE: Readonly<Record<ClockRecord['state'], PanelState>> = {
  running: 'on-track',
  paused: 'paused',
  'at-risk': 'at-risk',
  breached: 'breached',
  met: 'met',
  missed: 'breached',
  uncovered: 'uncovered',
  error: 'error',
};

/** @example presentPanelView({ issueKey: 'SUP-1', record, database, viewer, displayNames, now }) */
export function presentPanelView(input: PanelViewInput): PanelView {
  const { record, viewer } = input;
  const t = textsFor(viewer.language);
  const base = {
    issueKey: input.issueKey,
    viewer: { timeZone: viewer.timeZone, isJiraAdmin: viewer.isJiraAdmin },
  };
  if (record === null) {
    return {
      ...base,
      state: 'uncovered',
      revision: 0,
      terms: null,
      resolution: null,
      response: null,
      pauses: [],
      history: [],
      explanation: [],
      drafts: { expected: null, missed: null },
      can: { postMessage: viewer.canComment, reapply: viewer.canEditClock, pause: false, resume: false, extend: false },
      problem: null,
    };
  }
  const view = describeClock(record, input.now);
  const actions = listClockActions(record);
  const actor = (by: string | null): Actor =>
    by === null ? { type: 'app' } : { type: 'user', accountId: by, displayName: input.displayNames.get(by) ?? by };
  const terms = record.terms === null ? null : presentTerms(record, record.terms, viewer.language);
  const resolution = view.resolution === null ? null : presentTarget(view.resolution);
  return {
    ...base,
    state: STATE[view.state],
    revision: record.revision,
    terms,
    resolution,
    response: view.response === null ? null : presentTarget(view.response),
    pauses: record.pauses
      .filter((p) => p.kind !== 'resolved')
      .map((p): PanelPause => ({ from: p.from, to: p.to, kind: p.kind === 'manual' ? 'manual' : 'status', reason: p.reason, by: actor(p.by) })),
    history: presentHistory(record, actor, viewer.language),
    explanation: presentExplanation(record.terms?.explanation ?? record.uncovered?.explanation ?? [], viewer.language),
    drafts: composeDrafts(record, view.resolution, input.database, viewer.language, input.now),
    can: {
      postMessage: viewer.canComment,
      reapply: viewer.canEditClock && actions.reapply,
      pause: viewer.canEditClock && actions.pause,
      resume: viewer.canEditClock && actions.resume,
      extend: viewer.canEditClock && actions.extend,
    },
    problem: record.error === null ? null : t.problems[record.error.reason],
  };
}

/** The terms as names; fallback terms (no contract) are shown as the best-effort "contract". */
export function presentTerms(record: ClockRecord, terms: Terms, language: Language): PanelTerms {
  const t = textsFor(language);
  const target = record.target;
  const contractStep = terms.explanation.find((s): s is Extract<RecordStep, { kind: 'contract' }> => s.kind === 'contract');
  const organizations = terms.explanation.find((s): s is Extract<RecordStep, { kind: 'organizations' }> => s.kind === 'organizations');
  const customerName = terms.customer?.name ?? organizations?.organizations.map((o) => o.name).join(', ') ?? '';
  const service = target?.service ?? terms.service;
  return {
    customer: { name: customerName === '' ? t.noCustomer : customerName },
    contract:
      terms.contract === null || terms.contractVersion === null
        ? { id: 'fallback', name: t.fallbackContract, version: { label: '—', effectiveFrom: record.startedAt.slice(0, 10), effectiveTo: null } }
        : {
            id: terms.contract.id,
            name: terms.contract.name,
            version: {
              label: `v${terms.contractVersion}`,
              effectiveFrom: contractStep?.effectiveFrom ?? record.startedAt.slice(0, 10),
              effectiveTo: contractStep?.effectiveTo ?? null,
            },
          },
    service: service === null ? { id: 'none', name: t.noService } : { id: service.id, name: service.name },
    level: { name: (target?.level ?? terms.level).name, bespoke: target?.bespoke ?? terms.bespoke },
    priorityClass: target?.priorityClass ?? terms.priorityClass,
    calendar: {
      name: (target?.calendarRef ?? terms.calendarRef).name,
      // A bespoke calendar may apply to some classes only: the zone of the class in force.
      timeZone: calendarForClass(terms, target?.priorityClass ?? terms.priorityClass).calendar.timeZone,
    },
  };
}

function presentTarget(progress: TargetProgress): PanelTarget {
  return {
    state: progress.state === 'running' ? 'on-track' : progress.state === 'missed' ? 'breached' : progress.state,
    targetMinutes: Math.max(1, Math.round(progress.targetMinutes)),
    extendedMinutes: Math.round(progress.extendedMinutes),
    deadline: progress.deadline,
    businessMinutesLeft: Math.round(progress.businessMinutesLeft),
    percentUsed: Math.max(0, progress.percentUsed),
    completedAt: progress.completedAt,
  };
}

function presentHistory(record: ClockRecord, actor: (by: string | null) => Actor, language: Language): PanelHistoryEntry[] {
  const t = textsFor(language);
  const entries: PanelHistoryEntry[] = [{ at: record.startedAt, by: { type: 'app' }, kind: 'created', detail: record.terms?.summary ?? record.uncovered?.summary ?? null, reason: null }];
  for (const pause of record.pauses) {
    const resolved = pause.kind === 'resolved';
    const manual = pause.kind === 'manual';
    entries.push({ at: pause.from, by: actor(pause.by), kind: resolved ? 'resolved' : 'paused', detail: manual ? null : pause.reason, reason: manual ? pause.reason : null });
    if (pause.to !== null) {
      const resume = manual ? record.history.find((f) => f.kind === 'manual-resume' && f.at === pause.to) : undefined;
      entries.push({
        at: pause.to,
        by: resume !== undefined && resume.kind === 'manual-resume' ? actor(resume.by) : { type: 'app' },
        kind: resolved ? 'reopened' : 'resumed',
        detail: null,
        reason: resume !== undefined && resume.kind === 'manual-resume' ? resume.reason : null,
      });
    }
  }
  for (const fact of record.history) {
    if (fact.kind === 'extension') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'extended', detail: t.extended(formatMinutes(fact.minutes)), reason: fact.reason });
    } else if (fact.kind === 'marker') {
      entries.push({ at: fact.at, by: { type: 'app' }, kind: fact.marker, detail: null, reason: null });
    } else if (fact.kind === 'public-comment') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'responded', detail: null, reason: null });
    }
  }
  for (const retarget of record.retargets) {
    entries.push({
      at: retarget.at,
      by: { type: 'app' },
      kind: 'retargeted',
      detail: t.retargeted(
        `${retarget.from.priorityClass} ${formatMinutes(retarget.from.resolutionMinutes)}`,
        `${retarget.to.priorityClass} ${formatMinutes(retarget.to.resolutionMinutes)}`,
      ),
      reason: null,
    });
  }
  for (const change of record.termsHistory) {
    entries.push({
      at: change.at,
      by: actor(change.by),
      kind: 'reapplied',
      detail: t.reapplied(change.previous?.summary ?? '—', change.next?.summary ?? '—'),
      reason: change.reason,
    });
  }
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The explanation steps of the record as the panel's kinds, values and reasons. */
export function presentExplanation(steps: readonly RecordStep[], language: Language): ExplanationStep[] {
  const t = textsFor(language);
  const out: ExplanationStep[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'organizations':
        if (step.organizations.length > 0) out.push({ kind: 'customer', value: step.organizations.map((o) => o.name).join(', '), because: t.organizations(step.organizations.map((o) => o.name).join(', ')) });
        break;
      case 'contract':
        out.push({ kind: 'contract', value: `${step.contract.name} v${step.version}`, because: t.version(step.version, step.effectiveFrom, step.effectiveTo) });
        break;
      case 'strictest':
        out.push({ kind: 'contract', value: step.chosen.name, because: t.strictest(step.candidates.length) });
        break;
      case 'contract-rejected':
        out.push({ kind: 'no-contract', value: step.contract.name, because: t.uncovered[step.reason] });
        break;
      case 'service':
        out.push({
          kind: 'service',
          value: step.service.name,
          because:
            step.matchedBy === 'default' || step.value === null
              ? t.defaultService
              : step.matchedBy === 'request-type'
                ? t.requestType(step.value)
                : step.matchedBy === 'component'
                  ? t.component(step.value)
                  : t.label(step.value),
        });
        break;
      case 'level':
        out.push({ kind: 'level', value: step.level.name, because: step.bespoke ? t.bespoke : null });
        break;
      case 'priority':
        out.push({ kind: 'priority', value: step.priorityClass, because: t.priority(step.jiraPriority, step.source) });
        break;
      case 'target':
        out.push({
          kind: 'target',
          value: formatMinutes(step.resolutionMinutes),
          because: `${t.target(formatMinutes(step.resolutionMinutes), step.responseMinutes === null ? null : formatMinutes(step.responseMinutes))}${step.bespoke ? `; ${t.bespoke}` : ''}`,
        });
        break;
      case 'calendar':
        out.push({ kind: 'calendar', value: step.calendar.name, because: step.timeZone });
        break;
      case 'fallback':
        out.push({ kind: 'fallback', value: step.level.name, because: t.uncovered[step.reason] });
        break;
      case 'uncovered':
        out.push({ kind: 'no-contract', value: t.fallbackContract, because: t.uncovered[step.reason] });
        break;
    }
  }
  return out;
}

/**
 * "Tell the customer" drafts from the settings' templates. `expected` while the deadline can still
 * be met; `missed` once it is at risk or passed, proposing as the new expected time half the target
 * again in business time after the later of now and the deadline (the agent edits it before
 * posting); with an extension, the `extended` template tells the moved deadline instead.
 */
export function composeDrafts(
  record: ClockRecord,
  resolution: TargetProgress | null,
  database: ContractDatabase,
  language: Language,
  now: Date,
): PanelView['drafts'] {
  const terms = record.terms;
  const target = record.target;
  if (terms === null || target === null || resolution === null || record.deadline === null || record.outcome !== null) {
    return { expected: null, missed: null };
  }
  const templates = database.settings.messages[language];
  const classCalendar = calendarForClass(terms, target.priorityClass).calendar;
  const zone = classCalendar.timeZone;
  const agreement = `${target.level.name}${target.service === null ? '' : ` ${target.service.name}`}`;
  const fill = (kind: MessageTemplateKind, values: { deadline: string; newDeadline: string }): string =>
    fillMessageTemplate(templates[kind], {
      ...values,
      agreement,
      service: target.service?.name ?? '',
      priority: target.priorityClass,
    }).text;
  const deadline = formatInstant(record.deadline, zone, language);
  const late = resolution.state === 'at-risk' || resolution.state === 'breached';
  const expected = late ? null : fill(target.extensions > 0 ? 'extended' : 'expected', { deadline, newDeadline: deadline });
  let missed: string | null = null;
  if (late) {
    const from = new Date(Math.max(now.getTime(), Date.parse(record.deadline)));
    const calendar = compileCalendarOnce(classCalendar);
    const estimate = addBusinessMinutes(calendar, from, Math.ceil((target.resolutionMinutes + target.extensionMinutes) / 2));
    missed = fill('missed', { deadline, newDeadline: formatInstant(estimate, zone, language) });
  }
  return { expected, missed };
}

/**
 * The customer portal's resolver API (issue 13): resolver keys, payload schemas and answer schemas
 * of the two JSM portal modules — the request detail panel ("Your agreement") and the profile panel
 * ("My contract"). The backend (src/entry/portal-resolver.ts) implements exactly this; the Custom UI
 * (static/portal) calls exactly this. The backend decides every state and instant; the UI only
 * words and formats them in the customer's locale.
 *
 * What may be in an answer is part of the contract: prices are absent (not null, absent) unless the
 * contract allows showing them, and a contract appears only when it names one of the caller's own
 * organizations (docs/adr/0028-portal-customers-identity-and-scopes.md).
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';
import { ianaTimeZoneSchema, localDateSchema, priorityClassSchema } from './building-blocks';
import { envelopeSchema } from './envelope';
import { strictObject } from './strict-object';

/** Resolver keys of the portal modules, namespaced `portal/...`. */
export const PORTAL_RESOLVER_KEYS = {
  /** The agreement and expected times of the request the panel is shown on. */
  request: 'portal/request',
  /** The caller's organizations and their contracts. */
  myContract: 'portal/my-contract',
} as const;
export type PortalResolverKey = (typeof PORTAL_RESOLVER_KEYS)[keyof typeof PORTAL_RESOLVER_KEYS];

/** An ISO-8601 instant with `Z` or an explicit offset. */
const instantSchema = z.iso.datetime({ offset: true });

/** A Jira issue key such as `ITS-42`. */
const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Not an issue key.');

/** A level's colour, `#RRGGBB`. */
const colourSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** A report month, `YYYY-MM`. */
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

// ---------------------------------------------------------------------------------------------
// portal/request

/**
 * What the customer may expect of one target (resolution or first response), in the words agents
 * use with customers (never the app's internal states such as "at risk"):
 * - `expected`: counting; we expect to be done `by` (the contract deadline, or the newer time an
 *   agent promised);
 * - `on-hold`: the clock stands still — `your-reply` while the request waits for the customer (a
 *   pause status), `paused` when an agent paused it;
 * - `running-late`: the expected time `expectedBy` passed; `estimate` is the new time an agent told
 *   the customer, or null while there is none;
 * - `done-on-time` / `done-late`: completed `at`, within or after the expected time.
 */
export const customerExpectationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('expected'), by: instantSchema }),
  z.object({ kind: z.literal('on-hold'), cause: z.enum(['your-reply', 'paused']) }),
  z.object({ kind: z.literal('running-late'), expectedBy: instantSchema, estimate: instantSchema.nullable() }),
  z.object({ kind: z.literal('done-on-time'), at: instantSchema }),
  z.object({ kind: z.literal('done-late'), at: instantSchema }),
]);
export type CustomerExpectation = z.infer<typeof customerExpectationSchema>;
export type CustomerExpectationKind = CustomerExpectation['kind'];

/**
 * - `tracked`: the request runs on a contract (or best-effort) clock: see the expectations;
 * - `pending`: no clock yet (the app is still processing the new request);
 * - `not-covered`: no contract and no best-effort level applies;
 * - `unavailable`: the clock could not be computed (a broken calendar): agents see why.
 */
export const portalRequestStatusSchema = z.enum(['tracked', 'pending', 'not-covered', 'unavailable']);
export type PortalRequestStatus = z.infer<typeof portalRequestStatusSchema>;

/**
 * Why no contract covers a request, as the record says (clock-record.ts `uncoveredReasonSchema`,
 * repeated here so the portal bundle does not carry the record's schema; a test keeps them equal).
 */
export const notCoveredReasonSchema = z.enum(['no-organization', 'unknown-organization', 'contract-not-in-force', 'contract-expired', 'service-not-covered']);
export type NotCoveredReason = z.infer<typeof notCoveredReasonSchema>;

export const portalRequestPayloadSchema = strictObject({});
export type PortalRequestPayload = z.infer<typeof portalRequestPayloadSchema>;

/** The agreement a request runs under, as the customer may see it. */
export const portalAgreementSchema = z.object({
  /** The service the request was recognised as; null when none (best-effort terms). */
  service: z.string().min(1).nullable(),
  level: z.object({ name: z.string().min(1), colour: colourSchema }),
  /** Terms bespoke to the customer's contract ("maatwerk"). */
  bespoke: z.boolean(),
  /** No contract covers the request: the provider's best-effort level applies. */
  bestEffort: z.boolean(),
  /** The contract's name, only when it is one of the caller's own contracts (else null). */
  contractName: z.string().min(1).nullable(),
});
export type PortalAgreement = z.infer<typeof portalAgreementSchema>;

/** The request panel's whole view. */
export const portalRequestViewSchema = z.object({
  issueKey: issueKeySchema,
  status: portalRequestStatusSchema,
  /** When the backend computed the view ("now"; the UI shows a year only when it is not this one). */
  computedAt: instantSchema,
  /** The zone the customer reads times in: their Jira profile's, else their browser's. */
  timeZone: ianaTimeZoneSchema,
  /** The zone the business hours count in; shown beside the customer's when the two differ. */
  calendarTimeZone: ianaTimeZoneSchema.nullable(),
  agreement: portalAgreementSchema.nullable(),
  /** Why no contract covers the request (`not-covered`, and best-effort terms); null otherwise. */
  notCoveredReason: notCoveredReasonSchema.nullable(),
  resolution: customerExpectationSchema.nullable(),
  /** Null when the terms have no first-response target. */
  response: customerExpectationSchema.nullable(),
});
export type PortalRequestView = z.infer<typeof portalRequestViewSchema>;

// ---------------------------------------------------------------------------------------------
// portal/my-contract

export const myContractPayloadSchema = strictObject({});
export type MyContractPayload = z.infer<typeof myContractPayloadSchema>;

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof weekdaySchema>;

/** `HH:MM`, `24:00` allowed as an end. */
const timeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** Coverage hours: a calendar the contract's targets count in. */
export const coverageCalendarSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  timeZone: ianaTimeZoneSchema,
  /** Working intervals per weekday, Monday first; a day without intervals is closed. */
  week: z.array(z.object({ day: weekdaySchema, intervals: z.array(z.tuple([timeOfDaySchema, timeOfDaySchema])) })).length(7),
  /** Holidays (closed) in the coming twelve months, in date order. */
  holidays: z.array(z.object({ date: localDateSchema, name: z.string().nullable() })),
});
export type CoverageCalendar = z.infer<typeof coverageCalendarSchema>;

/** The targets of one priority class of a covered service. */
export const serviceTargetSchema = z.object({
  priorityClass: priorityClassSchema,
  /** The Jira priorities (as the customer picks them) that map to the class; may be empty. */
  priorities: z.array(z.string().min(1)),
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().nullable(),
  /** The coverage calendar (see `calendars`) the minutes count in. */
  calendarId: z.string().min(1),
});
export type ServiceTarget = z.infer<typeof serviceTargetSchema>;

export const coveredServiceViewSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().nullable(),
  level: z.object({ name: z.string().min(1), colour: colourSchema }),
  bespoke: z.boolean(),
  targets: z.array(serviceTargetSchema).length(5),
  /** Minor units a month; present only where the contract allows showing prices (null: no price agreed). */
  monthlyPriceMinor: z.number().int().nonnegative().nullable().optional(),
});
export type CoveredServiceView = z.infer<typeof coveredServiceViewSchema>;

/** On-time figures of one service over a period (resolved requests only). */
export const onTimeRowSchema = z.object({
  serviceId: z.string().min(1),
  name: z.string().min(1),
  resolved: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  /** Requests with a first-response target that got a first response. */
  responded: z.number().int().nonnegative(),
  respondedOnTime: z.number().int().nonnegative(),
});
export type OnTimeRow = z.infer<typeof onTimeRowSchema>;

export const contractCardSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The contract's customer as the contract names it (e.g. "Acme Logistics"). */
  customerName: z.string().min(1),
  /** The caller's organizations this contract covers (their own names only). */
  organizations: z.array(z.string().min(1)).min(1),
  /** The zone the contract's dates are read in. */
  timeZone: ianaTimeZoneSchema,
  /** `in-force` today; `upcoming`: starts later; `ended`: its last version ended. */
  status: z.enum(['in-force', 'upcoming', 'ended']),
  /** The version in force (or next / last) with its period, renewal and notice dates. */
  term: z.object({
    version: z.number().int().positive(),
    effectiveFrom: localDateSchema,
    effectiveTo: localDateSchema.nullable(),
    /** The last day of the agreed term (the contract ends or renews after it). */
    endDate: localDateSchema.nullable(),
    /** The last day notice of termination can be given. */
    noticeDate: localDateSchema.nullable(),
  }),
  /** The covered services (empty for an ended contract). */
  services: z.array(coveredServiceViewSchema),
  calendars: z.array(coverageCalendarSchema),
  /** Present only where the contract allows showing prices. */
  prices: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      feeMinor: z.number().int().nonnegative().nullable(),
      totalMonthlyMinor: z.number().int().nonnegative(),
      /** Some covered service has no agreed price (the total leaves it out). */
      incomplete: z.boolean(),
    })
    .optional(),
  /** Last full calendar quarter (in the contract's zone), per service. */
  onTime: z.object({ from: monthSchema, to: monthSchema, rows: z.array(onTimeRowSchema) }),
});
export type ContractCard = z.infer<typeof contractCardSchema>;

/** The profile panel's whole view. */
export const myContractViewSchema = z.object({
  /** The caller's organizations (sorted by name) and which of `contracts` cover each. */
  organizations: z.array(z.object({ id: z.string().min(1), name: z.string(), contractIds: z.array(z.string().min(1)) })),
  contracts: z.array(contractCardSchema),
});
export type MyContractView = z.infer<typeof myContractViewSchema>;

// ---------------------------------------------------------------------------------------------
// The API table

export const portalApi = {
  [PORTAL_RESOLVER_KEYS.request]: { payload: portalRequestPayloadSchema, data: portalRequestViewSchema },
  [PORTAL_RESOLVER_KEYS.myContract]: { payload: myContractPayloadSchema, data: myContractViewSchema },
} as const satisfies Record<PortalResolverKey, { payload: z.ZodType; data: z.ZodType }>;

/** Envelope schemas of every answer, e.g. `portalAnswerSchemas['portal/request'].parse(raw)`. */
export const portalAnswerSchemas = {
  [PORTAL_RESOLVER_KEYS.request]: envelopeSchema(portalRequestViewSchema),
  [PORTAL_RESOLVER_KEYS.myContract]: envelopeSchema(myContractViewSchema),
} as const satisfies Record<PortalResolverKey, z.ZodType>;

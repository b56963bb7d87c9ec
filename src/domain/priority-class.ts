/**
 * Priority classes: the app's P1..P5, and how a Jira priority becomes one (design §1).
 *
 * Pure: no I/O, no clock. Reads only the priority map of the settings.
 */
import { PRIORITY_CLASSES, type PriorityClass, type PriorityMap } from '../contract/contract-database';
import type { PrioritySource } from '../contract/clock-record';

/** The class of a request and how it was found. */
export interface PriorityMapping {
  priorityClass: PriorityClass;
  /** `mapped`: from the map; `missing`: the request has no priority; `unmapped`: its priority is not in the map. */
  source: PrioritySource;
  /** The Jira priority name as given (trimmed), null when missing. */
  jiraPriority: string | null;
}

/**
 * Maps a Jira priority name to a class. Names match case-insensitively and ignoring surrounding
 * spaces. A missing priority (null, undefined, blank) and an unmapped one both get the map's
 * `defaultClass`, with `source` saying which happened.
 *
 * @example
 * mapJiraPriority({ byJiraPriority: { Highest: 'P1' }, defaultClass: 'P3' }, 'highest')
 * // { priorityClass: 'P1', source: 'mapped', jiraPriority: 'highest' }
 */
export function mapJiraPriority(map: PriorityMap, jiraPriority: string | null | undefined): PriorityMapping {
  const name = jiraPriority?.trim() ?? '';
  if (name === '') return { priorityClass: map.defaultClass, source: 'missing', jiraPriority: null };
  const wanted = name.toLowerCase();
  for (const [key, priorityClass] of Object.entries(map.byJiraPriority)) {
    if (key.trim().toLowerCase() === wanted) return { priorityClass, source: 'mapped', jiraPriority: name };
  }
  return { priorityClass: map.defaultClass, source: 'unmapped', jiraPriority: name };
}

/**
 * Orders classes by urgency: negative when `a` is more urgent than `b` (P1 before P2).
 *
 * @example ['P3', 'P1'].sort(comparePriorityClasses) // ['P1', 'P3']
 */
export function comparePriorityClasses(a: PriorityClass, b: PriorityClass): number {
  return PRIORITY_CLASSES.indexOf(a) - PRIORITY_CLASSES.indexOf(b);
}

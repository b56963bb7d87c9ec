/** Jira priority → class mapping, and class ordering. */
import { comparePriorityClasses, mapJiraPriority } from '../../src/domain/priority-class';
import type { PriorityMap } from '../../src/contract/contract-database';

const map: PriorityMap = { byJiraPriority: { Highest: 'P1', High: 'P2', Medium: 'P3', 'Blocker ': 'P1' }, defaultClass: 'P4' };

describe('mapJiraPriority', () => {
  it.each([
    { name: 'exact name', input: 'High', expected: { priorityClass: 'P2', source: 'mapped', jiraPriority: 'High' } },
    { name: 'other case, spaces around', input: '  highest ', expected: { priorityClass: 'P1', source: 'mapped', jiraPriority: 'highest' } },
    { name: 'a map key with spaces', input: 'blocker', expected: { priorityClass: 'P1', source: 'mapped', jiraPriority: 'blocker' } },
    { name: 'not in the map', input: 'Trivial', expected: { priorityClass: 'P4', source: 'unmapped', jiraPriority: 'Trivial' } },
    { name: 'null', input: null, expected: { priorityClass: 'P4', source: 'missing', jiraPriority: null } },
    { name: 'undefined', input: undefined, expected: { priorityClass: 'P4', source: 'missing', jiraPriority: null } },
    { name: 'blank', input: '   ', expected: { priorityClass: 'P4', source: 'missing', jiraPriority: null } },
  ])('$name', ({ input, expected }) => {
    expect(mapJiraPriority(map, input)).toEqual(expected);
  });
});

describe('comparePriorityClasses', () => {
  it('orders the most urgent first', () => {
    expect(['P3', 'P5', 'P1', 'P2', 'P4'].sort((a, b) => comparePriorityClasses(a as never, b as never))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(comparePriorityClasses('P2', 'P2')).toBe(0);
  });
});

/**
 * Forge's Custom Entity Store, as rules: what an entity declaration in manifest.yml looks like
 * (`app.storage.entities`), which values an entity accepts, how transaction conditions and index
 * queries are evaluated. Both the production adapter (forge-kvs-store.ts, which checks before it
 * calls Forge) and the emulation (memory-kvs-store.ts, used by the tests and the sandbox) apply them,
 * so a mistake fails the same way everywhere.
 *
 * Sources (checked 2026-12):
 * - manifest: `@forge/manifest` out/schema/manifest-schema.json, `app.storage.entities`: name
 *   /^(?![_\.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/ of 3–60 characters; attributes named
 *   /^[a-zA-Z][a-zA-Z0-9_]*$/ of type string | boolean | float | integer | any; indexes either an
 *   attribute name (an index of that name ranging over it) or `{ name, range: [...], partition?: [...] }`.
 * - developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities ("Type
 *   requirements"): integer is a 32-bit signed integer; float is 0 or of magnitude 1E-130 … 9.99E+125.
 * - .../storage-reference/handling-errors-customentities: error codes INVALID_ENTITY_VALUE,
 *   INVALID_ENTITY_TYPE, COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE (1–100), …
 * - .../storage-reference/transactions-entities: set / delete with conditions and `check`, all
 *   committed if every condition holds, or none. `check` asserts that the key exists and meets its
 *   conditions.
 * - @forge/kvs 1.6 (entity-query.js, transaction-api.js): queries go through one index, with
 *   `partition` values, an optional range `where`, `sort`, `limit` and `cursor`.
 *
 * Not documented by Atlassian, decided here (and applied by both adapters): a condition on an item
 * that does not exist sees every attribute as absent (so `NOT_EXISTS` holds and `EQUAL_TO` fails, as
 * in DynamoDB, which the store resembles); a failed condition is the StorageError `CONDITION_FAILED`
 * (HTTP 409); an index lists only items that have every attribute of the index (a sparse index);
 * values of different types order as boolean < number < string.
 *
 * Pure: no I/O, no Forge import.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Declarations (manifest.yml `app.storage.entities`)

const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export const entityAttributeTypeSchema = z.enum(['string', 'boolean', 'float', 'integer', 'any']);
export type EntityAttributeType = z.infer<typeof entityAttributeTypeSchema>;

/** One entity as manifest.yml declares it. */
export const entityDefinitionSchema = z.strictObject({
  name: z.string().min(3).max(60).regex(ENTITY_NAME),
  attributes: z.record(z.string().max(30).regex(ATTRIBUTE_NAME), z.strictObject({ type: entityAttributeTypeSchema })),
  indexes: z
    .array(
      z.union([
        z.string(),
        z.strictObject({ name: z.string().min(1), range: z.array(z.string()).min(1), partition: z.array(z.string()).min(1).optional() }),
      ]),
    )
    .min(1)
    .optional(),
});
export type EntityDefinition = z.infer<typeof entityDefinitionSchema>;

/** An index, normalised: the shorthand `- nextCheckAt` is `{ name: 'nextCheckAt', range: ['nextCheckAt'] }`. */
export interface EntityIndex {
  readonly name: string;
  readonly partition: readonly string[];
  readonly range: readonly string[];
}

/** A declared entity, ready for checks: attribute types by name and indexes by name. */
export interface CompiledEntity {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, EntityAttributeType>;
  readonly indexes: ReadonlyMap<string, EntityIndex>;
}

/** The entities of one app, by name. */
export type EntityCatalog = ReadonlyMap<string, CompiledEntity>;

/**
 * Checks entity declarations (as in manifest.yml) and answers them by name. Throws a RangeError
 * naming the declaration that is wrong: an unknown attribute in an index, a duplicate name, …
 *
 * @example compileEntities([{ name: 'open-clock', attributes: { due: { type: 'integer' } }, indexes: ['due'] }])
 */
export function compileEntities(definitions: readonly unknown[]): EntityCatalog {
  const catalog = new Map<string, CompiledEntity>();
  definitions.forEach((raw, position) => {
    const parsed = entityDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RangeError(`storage entity ${position}: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
    }
    const definition = parsed.data;
    if (catalog.has(definition.name)) throw new RangeError(`storage entity "${definition.name}" is declared twice`);
    const attributes = new Map(Object.entries(definition.attributes).map(([name, { type }]) => [name, type] as const));
    const indexes = new Map<string, EntityIndex>();
    for (const entry of definition.indexes ?? []) {
      const index: EntityIndex =
        typeof entry === 'string' ? { name: entry, partition: [], range: [entry] } : { name: entry.name, partition: entry.partition ?? [], range: entry.range };
      for (const attribute of [...index.partition, ...index.range]) {
        if (!attributes.has(attribute)) {
          throw new RangeError(`storage entity "${definition.name}": index "${index.name}" names the undeclared attribute "${attribute}"`);
        }
      }
      if (indexes.has(index.name)) throw new RangeError(`storage entity "${definition.name}": index "${index.name}" is declared twice`);
      indexes.set(index.name, index);
    }
    catalog.set(definition.name, { name: definition.name, attributes, indexes });
  });
  return catalog;
}

// ---------------------------------------------------------------------------------------------
// Values

/** What an attribute may compare as in conditions and indexes. */
export type EntityScalar = string | number | boolean;

/** Why a value is not a valid entity value; null when it is. */
export function entityValueProblem(entity: CompiledEntity, value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an entity value must be an object of attributes';
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = entity.attributes.get(attribute);
    if (type === undefined) return `"${attribute}" is not an attribute of entity "${entity.name}"`;
    if (attributeValue === undefined) continue; // dropped by JSON, as by Forge
    const problem = typeProblem(type, attributeValue);
    if (problem !== null) return `attribute "${attribute}" ${problem}`;
  }
  return null;
}

const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 9.99e125;

function typeProblem(type: EntityAttributeType, value: unknown): string | null {
  switch (type) {
    case 'any':
      return null;
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be a boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= -2_147_483_648 && value <= 2_147_483_647
        ? null
        : 'must be a 32-bit signed integer';
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      const magnitude = Math.abs(value);
      return value === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE)
        ? null
        : 'must be 0 or of magnitude 1E-130 to 9.99E+125';
    }
  }
}

/** An attribute's value when it can be compared (a scalar), else undefined (absent or `any`-typed object). */
export function scalarOf(value: unknown, attribute: string): EntityScalar | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const attributeValue: unknown = Reflect.get(value, attribute);
  return typeof attributeValue === 'string' || typeof attributeValue === 'number' || typeof attributeValue === 'boolean'
    ? attributeValue
    : undefined;
}

/** Orders scalars: boolean < number < string; within a type by value (strings by UTF-16 code units). */
export function compareScalars(a: EntityScalar, b: EntityScalar): number {
  const rank = (v: EntityScalar): number => (typeof v === 'boolean' ? 0 : typeof v === 'number' ? 1 : 2);
  const byType = rank(a) - rank(b);
  if (byType !== 0) return byType;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Conditions (transactions) and ranges (queries)

/** A condition on one attribute of the stored item (all conditions of an operation must hold). */
export type EntityCondition =
  | { readonly attribute: string; readonly condition: 'EXISTS' | 'NOT_EXISTS' }
  | { readonly attribute: string; readonly condition: 'EQUAL_TO' | 'NOT_EQUAL_TO'; readonly value: EntityScalar }
  | {
      readonly attribute: string;
      readonly condition: 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO' | 'BEGINS_WITH';
      readonly value: string | number;
    }
  | { readonly attribute: string; readonly condition: 'BETWEEN'; readonly from: string | number; readonly to: string | number };

/**
 * True when every condition holds for the stored item (undefined: the item does not exist, so every
 * attribute is absent).
 *
 * @example conditionsHold({ revision: 3 }, [{ attribute: 'revision', condition: 'EQUAL_TO', value: 3 }]) // true
 */
export function conditionsHold(item: unknown, conditions: readonly EntityCondition[]): boolean {
  return conditions.every((c) => conditionHolds(item, c));
}

function conditionHolds(item: unknown, c: EntityCondition): boolean {
  const present = typeof item === 'object' && item !== null && Reflect.get(item, c.attribute) !== undefined;
  const value = scalarOf(item, c.attribute);
  switch (c.condition) {
    case 'EXISTS':
      return present;
    case 'NOT_EXISTS':
      return !present;
  }
  if (value === undefined) return c.condition === 'NOT_EQUAL_TO' && !present;
  switch (c.condition) {
    case 'EQUAL_TO':
      return value === c.value;
    case 'NOT_EQUAL_TO':
      return value !== c.value;
    case 'BETWEEN':
      return compareScalars(value, c.from) >= 0 && compareScalars(value, c.to) <= 0;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(c.value));
    default:
      return compareWith(value, c.condition, c.value);
  }
}

function compareWith(value: EntityScalar, condition: 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO', bound: EntityScalar): boolean {
  if (typeof value !== typeof bound) return false;
  const order = compareScalars(value, bound);
  switch (condition) {
    case 'GREATER_THAN':
      return order > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return order >= 0;
    case 'LESS_THAN':
      return order < 0;
    case 'LESS_THAN_EQUAL_TO':
      return order <= 0;
  }
}

/** The range clause of an index query (`WhereConditions` of @forge/kvs), on the index's first range attribute. */
export type EntityRange =
  | { readonly condition: 'EQUAL_TO'; readonly value: EntityScalar }
  | {
      readonly condition: 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO' | 'BEGINS_WITH';
      readonly value: string | number;
    }
  | { readonly condition: 'BETWEEN'; readonly from: string | number; readonly to: string | number };

/** True when a range attribute value satisfies the range clause. */
export function inRange(value: EntityScalar, range: EntityRange): boolean {
  switch (range.condition) {
    case 'EQUAL_TO':
      return value === range.value;
    case 'BETWEEN':
      return compareScalars(value, range.from) >= 0 && compareScalars(value, range.to) <= 0;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(range.value));
    default:
      return compareWith(value, range.condition, range.value);
  }
}

/** Why a set of conditions cannot be sent for an entity (unknown attribute, empty), or null. */
export function conditionsProblem(entity: CompiledEntity, conditions: readonly EntityCondition[]): string | null {
  if (conditions.length === 0) return 'conditions must hold at least one condition';
  for (const c of conditions) {
    if (!entity.attributes.has(c.attribute)) return `the condition names "${c.attribute}", which is not an attribute of entity "${entity.name}"`;
  }
  return null;
}

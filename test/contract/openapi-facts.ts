/**
 * Reading sandbox/jira/openapi/jira-platform-operations.json (facts condensed from Atlassian's
 * OpenAPI document of the Jira Cloud platform REST API, see its `source`) and checking a JSON value
 * against one of its condensed schemas: types, enums, required and undeclared properties.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { platformFactsFile } from '../../sandbox/jira/jira-scopes';

export interface Shape {
  type: string;
  nullable?: boolean | undefined;
  enum?: unknown[] | undefined;
  properties?: Record<string, Shape> | undefined;
  required?: string[] | undefined;
  additionalProperties?: false | Shape | undefined;
  items?: Shape | undefined;
}

const shapeSchema: z.ZodType<Shape> = z.lazy(() =>
  z.object({
    type: z.string(),
    nullable: z.boolean().optional(),
    enum: z.array(z.unknown()).optional(),
    properties: z.record(z.string(), shapeSchema).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.union([z.literal(false), shapeSchema]).optional(),
    items: shapeSchema.optional(),
  }),
);

const operationSchema = z.object({
  method: z.string(),
  path: z.string(),
  operationId: z.string(),
  deprecated: z.boolean(),
  scopes: z.object({ classic: z.array(z.string()).nullable(), granular: z.array(z.string()).nullable() }),
  query: z.array(z.object({ name: z.string(), required: z.boolean() })),
  requestBody: shapeSchema.nullable(),
  responses: z.record(z.string(), shapeSchema.nullable()),
});
export type OperationFacts = z.infer<typeof operationSchema>;

const factsSchema = z.object({
  source: z.object({ repository: z.string(), path: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/), committedOn: z.string(), documentVersion: z.string() }).loose(),
  operations: z.array(operationSchema),
});

export const platformFacts = factsSchema.parse(JSON.parse(readFileSync(platformFactsFile, 'utf8')));

const templateOf = (path: string): RegExp => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** The documented operation a concrete request (`GET /rest/api/3/issue/SD-1`) is an instance of. */
export function findOperation(method: string, concretePath: string): OperationFacts | undefined {
  const v3 = concretePath.replace(/^\/rest\/api\/2\//, '/rest/api/3/');
  // a literal segment beats a parameter (`/priority/search` is not `/priority/{id}`)
  const candidates = platformFacts.operations.filter((op) => op.method === method && templateOf(op.path).test(v3));
  return candidates.sort((a, b) => (b.path.match(/\{/g)?.length ?? 0) < (a.path.match(/\{/g)?.length ?? 0) ? 1 : -1)[0];
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Differences between a value and a documented shape, as `path: problem` lines; [] when it fits.
 * Jira documents few fields as nullable though it sends null for empty ones (`resolution`,
 * `priority`), so a null is accepted where the shape declares the property at all.
 *
 * @example checkShape({ accountId: 1 }, shape) // ['accountId: is integer, documented string']
 */
export function checkShape(value: unknown, shape: Shape | null, at = '(root)'): string[] {
  if (shape === null || shape.type === 'any') return [];
  const actual = typeOf(value);
  if (actual === 'null') return [];
  const fits = actual === shape.type || (shape.type === 'number' && actual === 'integer');
  if (!fits) return [`${at}: is ${actual}, documented ${shape.type}`];
  if (shape.enum !== undefined && !shape.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(shape.enum)}`];
  const issues: string[] = [];
  if (shape.type === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => issues.push(...checkShape(item, shape.items ?? null, `${at}.${index}`)));
  }
  if (shape.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of shape.required ?? []) if (!(name in record)) issues.push(`${at}.${name}: required, missing`);
    for (const [name, item] of Object.entries(record)) {
      const declared = shape.properties?.[name];
      if (declared !== undefined) issues.push(...checkShape(item, declared, `${at}.${name}`));
      else if (shape.additionalProperties === false) issues.push(`${at}.${name}: not documented`);
      else if (shape.additionalProperties !== undefined) issues.push(...checkShape(item, shape.additionalProperties, `${at}.${name}`));
    }
  }
  return issues;
}

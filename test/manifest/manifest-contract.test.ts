/**
 * Manifest-contract tests: manifest.yml is valid for `forge deploy` (validated offline with
 * @forge/manifest), names only handlers that src/index.ts exports, and asks for the minimal scopes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { z } from 'zod';
import { APP_STORAGE_ENTITIES } from '../../src/adapters/storage/app-entities';
import * as entry from '../../src/index';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.yml');

const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  permissions: z.object({ scopes: z.array(z.string()) }),
  app: z.object({
    runtime: z.object({ name: z.string() }),
    storage: z.object({ entities: z.array(z.unknown()).optional() }).optional(),
  }),
});
const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
const functionModuleSchema = z.object({ key: z.string(), handler: z.string() });
const functions = (manifest.modules.function ?? []).map((f) => functionModuleSchema.parse(f));

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation with no errors or warnings', async () => {
    const cwd = process.cwd();
    process.chdir(root); // validate() resolves handler files and resources relative to the cwd
    try {
      const result = await validate(false, manifestPath);
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('declares exactly the custom entities the storage adapters accept (src/adapters/storage/app-entities.ts)', () => {
    expect(manifest.app.storage?.entities ?? []).toEqual(APP_STORAGE_ENTITIES);
  });

  it('runs on the nodejs22.x runtime', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it.each(functions.map((f) => [f.key, f.handler] as const))(
    'function %s: handler %s is exported from src/index.ts as a function',
    (_key, handler) => {
      const [file, exportName] = handler.split('.');
      expect(file).toBe('index');
      const exported: unknown = (entry as Record<string, unknown>)[exportName ?? ''];
      expect(typeof exported).toBe('function');
    },
  );

  it('exports nothing from src/index.ts that the manifest does not name', () => {
    const named = new Set(functions.map((f) => f.handler.split('.')[1]));
    expect(Object.keys(entry).filter((k) => !named.has(k))).toEqual([]);
  });

  it('references only functions that are declared', () => {
    const declared = new Set(functions.map((f) => f.key));
    const referenced: string[] = [];
    const visit = (value: unknown, key: string): void => {
      if (key === 'function' && typeof value === 'string') referenced.push(value);
      else if (Array.isArray(value)) value.forEach((v) => { visit(v, ''); });
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) visit(v, k);
      }
    };
    for (const [type, modules] of Object.entries(manifest.modules)) {
      if (type !== 'function') visit(modules, '');
    }
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((f) => !declared.has(f))).toEqual([]);
  });

  it('asks for exactly the scopes the app uses (each one justified here)', () => {
    const justified: Record<string, string> = {
      'read:jira-work': 'issue, changelog, fields, comments, properties, permissions, product events',
      'write:jira-work': 'issue property contract-clock, internal comments, notify',
      'read:jira-user': 'myself: the agent time zone and locale shown in the panel; the customer\'s own zone in the portal',
      'storage:app': 'the contract database in KVS; the clocks, their due index, outcomes and aggregates as custom entities',
      'write:app-data:jira': 'the read-only "Contract deadline" custom field value',
      'read:servicedesk-request': 'request types, a customer request and its participants, the service projects the sweep repairs in',
      'write:servicedesk-request': 'public replies to the customer from "Tell the customer"',
      'read:organization:jira-service-management': "GET /rest/servicedeskapi/organization: the settings page's customer picker and the portal customer's own organizations (ADR 0028)",
    };
    expect([...manifest.permissions.scopes].sort()).toEqual(Object.keys(justified).sort());
  });
});

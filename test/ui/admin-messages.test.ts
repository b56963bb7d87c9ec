/**
 * The admin page's texts: every value the backend can send that the page words (error codes,
 * database status, template kinds, Jira status categories) has an `admin.` text in both languages,
 * and every `admin.` text is used by the page (no dead keys left behind after a change).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adminGetDataSchema } from '../../src/contract/admin-api';
import { MESSAGE_TEMPLATE_KINDS } from '../../src/contract/contract-database';
import { errorCodeSchema } from '../../src/contract/envelope';
import { messagesEn } from '../../static/shared/messages.en';
import { messagesNl } from '../../static/shared/messages.nl';

const english = new Map(Object.entries(messagesEn));
const dutch = new Map(Object.entries(messagesNl));
const adminKeys = [...english.keys()].filter((key) => key.startsWith('admin.'));

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listSources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = listSources(join(__dirname, '../../static/admin/src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('admin page texts', () => {
  it('has texts', () => {
    expect(adminKeys.length).toBeGreaterThan(100);
  });

  const enumKeys: [string, readonly string[], (value: string) => string][] = [
    ['error codes', errorCodeSchema.options, (value) => `admin.error.${value}`],
    ['database statuses', adminGetDataSchema.shape.status.options, (value) => `admin.status.${value}`],
    ['message template kinds', MESSAGE_TEMPLATE_KINDS, (value) => `admin.settings.kind.${value}`],
    ['Jira status categories', ['new', 'indeterminate', 'done'], (value) => `admin.jira.category.${value}`],
  ];

  it.each(enumKeys)('has a text in both languages for every %s', (_name, values, toKey) => {
    const missing = values.map(toKey).filter((key) => !english.has(key) || !dutch.has(key));
    expect(missing).toEqual([]);
  });

  // Keys built from a value at run time: t(`admin.error.${code}`) and the like.
  const dynamicPrefixes = ['admin.error.', 'admin.status.', 'admin.settings.kind.'];

  it('uses every admin text somewhere in static/admin/src', () => {
    const unused = adminKeys.filter(
      (key) => !sources.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix) && sources.includes(`\`${prefix}\${`)),
    );
    expect(unused).toEqual([]);
  });

  it('names the product the same in both languages but translates the rest', () => {
    const same = adminKeys.filter((key) => english.get(key) === dutch.get(key));
    expect(same.length).toBeLessThan(adminKeys.length / 10);
  });
});

/**
 * The mutation run (`npm run mutate`, ADR 0030) mutates every authorization check of src/app and
 * src/entry. Its list (stryker.config.mjs) finds the checks by function name and line pattern, not
 * by line numbers; this test keeps it honest in `npm test`: the list resolves against today's code,
 * and every line that makes an authorization decision — a `forbidden` answer, a permission, admin
 * or access query, the refusal of acting as a customer — lies inside a mutated range. A check added
 * outside the list fails here, naming its file and line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The `mutate` list of stryker.config.mjs (an ES module: read by a Node of its own). */
function mutateList(): string[] {
  const script = "const config = await import('./stryker.config.mjs'); process.stdout.write(JSON.stringify(config.default.mutate));";
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

interface Target {
  readonly file: string;
  readonly from: number;
  readonly to: number;
}

function parse(entry: string): Target {
  const match = /^([^:]+)(?::(\d+)-(\d+))?$/.exec(entry);
  if (match === null) throw new Error(`not a file or file:from-to entry: ${entry}`);
  return { file: match[1]!, from: match[2] === undefined ? 1 : Number(match[2]), to: match[3] === undefined ? Number.MAX_SAFE_INTEGER : Number(match[3]) };
}

/** The lines where code decides who may do or see what. */
const DECISION = /'forbidden'|\.isJiraAdmin\(\)|getMyPermissions\(|isActingAsUserRefused\(|checkComplianceAccess\(|checkRequestAccess\(|portalCallerOf\(|customerMaySee\(|listBrowsableIssues\(|browsableProjectIds\.has\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);
}

describe('the mutation run’s targets (stryker.config.mjs)', () => {
  const targets = mutateList().map(parse);

  it('resolve to ranges of existing files in src/app and src/entry', () => {
    expect(targets.length).toBeGreaterThan(20);
    for (const target of targets) {
      const lines = readFileSync(join(root, target.file), 'utf8').split('\n');
      expect({ target, inScope: /^src\/(app|entry)\/[\w-]+\.ts$/.test(target.file) }).toEqual({ target, inScope: true });
      expect({ target, valid: target.from >= 1 && target.from <= target.to && (target.to === Number.MAX_SAFE_INTEGER || target.to <= lines.length) }).toEqual({ target, valid: true });
    }
  });

  it('cover every line that makes an authorization decision', () => {
    const outside: string[] = [];
    let decisions = 0;
    for (const file of [...sourceFiles('src/app'), ...sourceFiles('src/entry')]) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const code = line.trim();
          if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*') || !DECISION.test(code)) return;
          if (file === 'src/app/jira-ports.ts' && /^\w+\??\(|^readonly /.test(code)) return; // the port's declarations
          decisions += 1;
          const n = index + 1;
          if (!targets.some((t) => t.file === file && t.from <= n && n <= t.to)) outside.push(`${file}:${n}: ${code}`);
        });
    }
    expect(decisions).toBeGreaterThan(30);
    expect(outside).toEqual([]);
  });
});

/**
 * The e2e harness's own guarantees, without a browser: a missing Chromium fails with the command
 * that installs it (never a silent skip), and the setup lock serialises concurrent holders and
 * takes over a lock whose process is gone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertChromiumInstalled, chromiumPath } from './support/browser';
import { withSetupLock } from './support/sandbox';

const dir = mkdtempSync(path.join(tmpdir(), 'contract-clock-e2e-lock-'));
const lockFile = path.join(dir, 'e2e-setup.lock');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('assertChromiumInstalled', () => {
  it('names the apt-get command when the browser is missing', () => {
    expect(() => {
      assertChromiumInstalled(path.join(dir, 'no-such-chromium'));
    }).toThrow(/apt-get install -y chromium/);
  });

  it('accepts the Chromium the browser tests use', () => {
    // on a machine without it, this fails with the same instruction: the browser tests need it
    expect(() => {
      assertChromiumInstalled(chromiumPath);
    }).not.toThrow();
  });
});

describe('withSetupLock', () => {
  it('runs concurrent holders one after the other and removes the lock afterwards', async () => {
    const events: string[] = [];
    const hold = (name: string) =>
      withSetupLock(dir, async () => {
        events.push(`${name} in`);
        expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
        await sleep(150);
        events.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([hold('a'), hold('b')]);
    expect(results).toEqual(['a', 'b']);
    // the second waits while the first holds the lock: never both inside
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    // above Linux's largest pid (2^22): no process can have it
    writeFileSync(lockFile, '99999999');
    await expect(withSetupLock(dir, () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(existsSync(lockFile)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withSetupLock(dir, () => Promise.reject(new Error('generation failed')))).rejects.toThrow('generation failed');
    expect(existsSync(lockFile)).toBe(false);
  });
});

/**
 * Starts a TypeScript module of the repository as a child process (`node --import tsx`), waits for
 * the line it prints when it is ready, and lets the caller kill it — with SIGKILL for crash tests.
 * Used by the crash-safety tests and the soak script. Touches nothing itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface Child {
  readonly process: ChildProcess;
  /** the rest of the ready line, e.g. the URL after `READY ` */
  readonly ready: string;
  /** every stdout line after the ready line, as they come */
  onLine(listener: (line: string) => void): void;
  /** what the child wrote to stderr so far */
  stderr(): string;
  /** sends the signal and resolves once the child is gone */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartChildOptions {
  /** the module, relative to the repository root */
  module: string;
  /** options for node itself, e.g. `--expose-gc` */
  nodeArgs?: readonly string[];
  args?: readonly string[];
  env?: Record<string, string | undefined>;
  /** the line that says the child is ready starts with this word (default READY) */
  readyWord?: string;
  /** give up waiting after this many ms (default 180 000: a demo may have to be generated first) */
  timeoutMs?: number;
}

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * @example const child = await startChild({ module: 'sandbox/soak/sandbox-process.ts', args: [dataDir] }); child.ready // 'http://127.0.0.1:41234'
 */
export function startChild(options: StartChildOptions): Promise<Child> {
  const readyWord = options.readyWord ?? 'READY';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(repoRoot, options.module), ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const listeners: ((line: string) => void)[] = [];
  return new Promise<Child>((resolve, reject) => {
    let ready: string | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.module} did not print ${readyWord} within ${options.timeoutMs ?? 180_000} ms.\n${stderr}`));
    }, options.timeoutMs ?? 180_000);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (ready === null) reject(new Error(`${options.module} exited (${String(code ?? signal)}) before it was ready.\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready !== null) {
        for (const listener of listeners) listener(line);
        return;
      }
      if (!line.startsWith(`${readyWord} `)) return;
      ready = line.slice(readyWord.length + 1);
      clearTimeout(timer);
      resolve({
        process: child,
        ready,
        onLine: (listener) => {
          listeners.push(listener);
        },
        stderr: () => stderr,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}

/**
 * The sandbox's activity log: what the in-process Forge runtime did (events delivered, handlers
 * that failed, sweeps, queue jobs, resolver calls). Lines go to the terminal (unless quiet) and
 * the last few hundred are kept for the host's activity page. It never logs whole payloads, like
 * the app's own logging rule.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  at: string;
  level: LogLevel;
  source: string;
  message: string;
  data?: Record<string, unknown>;
}

export interface SandboxLog {
  debug(source: string, message: string, data?: Record<string, unknown>): void;
  info(source: string, message: string, data?: Record<string, unknown>): void;
  warn(source: string, message: string, data?: Record<string, unknown>): void;
  error(source: string, message: string, data?: Record<string, unknown>): void;
  /** Newest last. */
  recent(): readonly LogEntry[];
}

export interface SandboxLogOptions {
  /** Print to the terminal at or above this level; 'silent' prints nothing. Default 'info'. */
  print?: LogLevel | 'silent';
  /** How many entries to keep. Default 500. */
  keep?: number;
  /** Timestamps of entries (the movable clock's now, so the log reads in simulated time). */
  now?: () => Date;
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * @example const log = createSandboxLog({ print: 'warn' }); log.info('runtime', 'sweep done', { marked: 2 });
 */
export function createSandboxLog(options: SandboxLogOptions = {}): SandboxLog {
  const keep = options.keep ?? 500;
  const print = options.print ?? 'info';
  const now = options.now ?? (() => new Date());
  const entries: LogEntry[] = [];
  const write = (level: LogLevel, source: string, message: string, data?: Record<string, unknown>): void => {
    const entry: LogEntry = data === undefined ? { at: now().toISOString(), level, source, message } : { at: now().toISOString(), level, source, message, data };
    entries.push(entry);
    if (entries.length > keep) entries.splice(0, entries.length - keep);
    if (print === 'silent' || order[level] < order[print]) return;
    const suffix = data === undefined ? '' : ` ${JSON.stringify(data)}`;
    const line = `[${source}] ${message}${suffix}`;
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    debug: (source, message, data) => {
      write('debug', source, message, data);
    },
    info: (source, message, data) => {
      write('info', source, message, data);
    },
    warn: (source, message, data) => {
      write('warn', source, message, data);
    },
    error: (source, message, data) => {
      write('error', source, message, data);
    },
    recent: () => entries,
  };
}

/** A short, payload-free description of a thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

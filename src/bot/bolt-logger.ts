import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const LEVELS: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };

/** Bolt's logger interface over our pino logger, so Bolt's own lines are structured and redacted too. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const bolt = logger.child({ component: 'bolt' });
  const text = (parts: unknown[]): string => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => {
      bolt.debug(text(parts));
    },
    info: (...parts: unknown[]) => {
      bolt.info(text(parts));
    },
    warn: (...parts: unknown[]) => {
      bolt.warn(text(parts));
    },
    error: (...parts: unknown[]) => {
      bolt.error(text(parts));
    },
    setLevel: (next: LogLevel) => {
      level = next;
      bolt.level = LEVELS[next];
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

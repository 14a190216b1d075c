import { pino, type DestinationStream, type Logger } from 'pino';
import type { SystemConfig } from './types.js';

type LoggingConfig = SystemConfig['logging'];

/**
 * The kernel's root logger, configured from `system.logging`. Plugins get `logger.child({ plugin: id })`.
 * `text`/`pretty` formats are rendered in-process (one line per entry) rather than through pino-pretty, so the
 * runtime needs no extra dependency or worker thread.
 */
export function createRootLogger(logging: LoggingConfig, destination?: DestinationStream): Logger {
  const stream = destination ?? defaultDestination(logging);
  return pino(
    {
      level: logging.level,
      redact: { paths: redactPaths(logging.redact), censor: '[REDACTED]' },
    },
    logging.format === 'json' ? stream : textStream(stream, logging.format === 'pretty'),
  );
}

/** A listed name is redacted at the top level and one level down (`password` and `*.password`). */
export function redactPaths(names: readonly string[]): string[] {
  return names.flatMap((name) => (name.includes('.') ? [name] : [name, `*.${name}`]));
}

function defaultDestination(logging: LoggingConfig): DestinationStream {
  const file = logging.destinations.find((d) => d.type === 'file');
  const toConsole = logging.destinations.some((d) => d.type === 'console');
  // HTTP shipping belongs to a collector/transport, not the kernel; file and console are written directly.
  if (file && file.type === 'file' && toConsole) {
    return pino.multistream([{ stream: pino.destination(1) }, { stream: pino.destination({ dest: file.path, mkdir: true }) }]);
  }
  if (file && file.type === 'file') return pino.destination({ dest: file.path, mkdir: true });
  return pino.destination(1);
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS: Readonly<Record<number, string>> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };
const RESERVED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'plugin']);

/** Turns pino's JSON lines into `12:00:00.000 INFO  [com.acme.x] message key=value`. */
function textStream(target: DestinationStream, colour: boolean): DestinationStream {
  return {
    write(line: string) {
      target.write(`${formatLine(line, colour)}\n`);
    },
  };
}

export function formatLine(line: string, colour: boolean): string {
  const entry = JSON.parse(line) as Record<string, unknown> & { level: number; time: number; msg?: string; plugin?: string };
  const level = (LEVEL_NAMES[entry.level] ?? String(entry.level)).padEnd(5);
  const time = new Date(entry.time).toISOString().slice(11, 23);
  const plugin = entry.plugin ? ` [${entry.plugin}]` : '';
  const extra = Object.entries(entry)
    .filter(([key]) => !RESERVED.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const levelText = colour ? `\u001b[${LEVEL_COLOURS[entry.level] ?? '0'}m${level}\u001b[0m` : level;
  return `${time} ${levelText}${plugin} ${entry.msg ?? ''}${extra ? ` ${extra}` : ''}`;
}

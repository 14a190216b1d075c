import { z } from 'zod';

const ConsoleDestinationSchema = z.strictObject({
  type: z.literal('console').describe('Write to standard output'),
});

const FileDestinationSchema = z.strictObject({
  type: z.literal('file').describe('Append to a file'),
  path: z.string().min(1).describe('Log file path, relative to the stack file'),
});

const HttpDestinationSchema = z.strictObject({
  type: z.literal('http').describe('Ship log lines to an HTTP collector'),
  url: z.string().min(1).describe('Collector endpoint, e.g. ${env:LOG_COLLECTOR_URL}'),
});

export const LoggingConfigSchema = z
  .strictObject({
    level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info').describe('Lowest level written'),
    format: z.enum(['json', 'text', 'pretty']).default('json').describe('json for machines, text for plain lines, pretty for coloured development output'),
    destinations: z
      .array(z.discriminatedUnion('type', [ConsoleDestinationSchema, FileDestinationSchema, HttpDestinationSchema]))
      .default([{ type: 'console' }])
      .describe('Where log lines go'),
    redact: z
      .array(z.string())
      .default(['password', 'token', 'secret', 'authorization', 'cookie'])
      .describe('Property names (or dotted paths) whose values are replaced by [REDACTED]'),
  })
  .describe('Structured logging');

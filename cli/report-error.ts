import { isAppError } from '../lib/errors';
import { describeConnectError } from '../lib/db/ensure-database';
import { getEnv } from '../lib/env';
import type { Command } from './command';
import { UsageError } from './usage-error';

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED']);

/** Writes one clear message to stderr and returns the exit code: 2 for usage mistakes, 1 otherwise. */
export function reportError(error: unknown, command?: Command): number {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (error instanceof UsageError) {
    write(`gatehouse: ${error.message}`);
    const topic = error.helpTopic ?? command?.name;
    write(`Run "gatehouse ${topic ? `${topic} ` : ''}--help" for usage.`);
    return 2;
  }
  if (isAppError(error)) {
    const isInvalid = error.code === 'INVALID_INPUT';
    // parseInput's message repeats the field errors; they are listed below under the flags' names.
    const headline = isInvalid && error.message.startsWith('Invalid input:') ? 'invalid input' : error.message;
    write(`gatehouse: ${headline}`);
    for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
      const text = messages.join(', ');
      if (!headline.includes(text)) write(`  ${command?.flags?.[field] ?? field}: ${text}`);
    }
    return isInvalid ? 2 : 1;
  }
  write(`gatehouse: ${describe(error)}`);
  if (process.env.GATEHOUSE_DEBUG && error instanceof Error && error.stack) write(error.stack);
  return 1;
}

function describe(error: unknown): string {
  // drizzle wraps driver errors as "Failed query: <sql> params: <values>"; the values may be secrets.
  const cause = error instanceof Error && error.message.startsWith('Failed query') && error.cause ? error.cause : error;
  const code = (cause as { code?: unknown })?.code;
  const url = storeUrl();
  if (typeof code === 'string' && CONNECT_CODES.has(code) && url) return describeConnectError(url, cause);
  if (code === '3D000' || code === '42P01') {
    return `The store at DATABASE_URL is not set up (${(cause as Error).message}): run "gatehouse migrate" first.`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

function storeUrl(): string | undefined {
  try {
    return getEnv().DATABASE_URL;
  } catch {
    return undefined;
  }
}

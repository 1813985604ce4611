import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** node:util parseArgs in strict mode, with its errors rewritten for people. */
export function parseCommandLine<const T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (e) {
    throw toUsageError(e);
  }
}

function toUsageError(e: unknown): unknown {
  const { code, message } = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(quoted ? `unknown flag ${quoted}` : 'unknown flag');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(/does not take an argument/.test(message ?? '') ? `${flagIn(message)} takes no value` : `${flagIn(message)} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(quoted ? `unexpected argument "${quoted}"` : 'unexpected argument');
    default:
      return e;
  }
}

function flagIn(message = ''): string {
  return /--[A-Za-z0-9-]+/.exec(message)?.[0] ?? 'a flag';
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`missing required flag ${flag}`);
  return value;
}

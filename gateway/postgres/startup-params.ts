import type { StartupParams } from './frontend-messages';

/**
 * Startup parameters passed on to the target. Everything else is dropped: `options` could carry
 * `-c role=...` or `-c session_authorization=...`, and `replication` opens a different protocol.
 */
const FORWARDED = new Set(['application_name', 'client_encoding', 'datestyle', 'timezone', 'intervalstyle', 'extra_float_digits', 'standard_conforming_strings']);

export function upstreamStartupParams(params: StartupParams): { forwarded: StartupParams; dropped: string[] } {
  const forwarded: StartupParams = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (name === 'user' || name === 'database') continue;
    if (FORWARDED.has(name.toLowerCase())) forwarded[name] = value;
    else dropped.push(name);
  }
  return { forwarded, dropped };
}

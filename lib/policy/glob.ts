const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 1_000;

/** '*' is any run of characters (dots included), '?' one character; everything else is literal. */
function globRegExp(glob: string, isCaseSensitive: boolean): RegExp {
  const key = `${isCaseSensitive ? 's' : 'i'}:${glob}`;
  let regexp = compiled.get(key);
  if (!regexp) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
    regexp = new RegExp(`^${body}$`, isCaseSensitive ? '' : 'i');
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, regexp);
  }
  return regexp;
}

/**
 * Matches a qualified name ('public.payments', 'pg_catalog.set_config') against a glob. A glob
 * without a dot also matches the bare last part, so 'payments' means the table in any schema and
 * 'set_config' the function however it was written.
 */
export function matchesGlob(glob: string, name: string, isCaseSensitive = false): boolean {
  const regexp = globRegExp(glob, isCaseSensitive);
  if (regexp.test(name)) return true;
  if (glob.includes('.')) return false;
  const bare = name.slice(name.lastIndexOf('.') + 1);
  return bare !== name && regexp.test(bare);
}

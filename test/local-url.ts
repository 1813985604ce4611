const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Tests create and drop databases: refuse to do that anywhere but on this machine. */
export function assertLocalDatabaseUrl(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL.has(host)) throw new Error(`Refusing to run tests against non-local database host ${host}`);
}

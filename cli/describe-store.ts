/** "gatehouse on 127.0.0.1:5432": where a database URL points, without its credentials. */
export function describeStore(url: string): string {
  const u = new URL(url);
  return `${decodeURIComponent(u.pathname.slice(1))} on ${u.hostname}:${u.port || 5432}`;
}

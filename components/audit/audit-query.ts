/** The audit page's filters as they travel in URLs: only the fields that are set. */
export type AuditQuery = Partial<Record<string, string>>;

/** A query string of the set fields, with extra fields (cursor, format) added or replaced; '' when none. */
export function auditQueryString(query: AuditQuery, extra: AuditQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters without the page position: what an export or a fresh search should carry. */
export function withoutCursor(query: AuditQuery): AuditQuery {
  const { cursor: _cursor, ...rest } = query;
  return rest;
}

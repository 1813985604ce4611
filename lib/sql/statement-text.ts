/**
 * The parser reports each statement's position in UTF-8 bytes (RawStmt stmt_location/stmt_len;
 * a missing stmt_len means "to the end"), while JavaScript strings index UTF-16 code units.
 */
export function statementText(sql: string, utf8: Buffer, location = 0, length?: number): string {
  const end = length === undefined ? undefined : location + length;
  const slice = utf8.length === sql.length ? sql.slice(location, end) : utf8.subarray(location, end).toString('utf8');
  return slice.trim();
}

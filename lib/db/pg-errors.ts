function pgCode(e: unknown): string | undefined {
  const direct = (e as { code?: unknown })?.code;
  if (typeof direct === 'string') return direct;
  const cause = (e as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

export function isUniqueViolation(e: unknown): boolean {
  return pgCode(e) === '23505';
}

/** crypto.randomUUID needs a secure context; getRandomValues works on a plain-http portal too. */
export function newRuleId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `rule-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

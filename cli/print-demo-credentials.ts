import type { DemoCredentials } from '../lib/demo/seed-demo';

/** The only time the demo passwords are shown: framed so they stand out in a scrolling log. */
export function printDemoCredentials(credentials: DemoCredentials): void {
  const width = Math.max(...credentials.users.map((u) => u.email.length));
  const { target } = credentials;
  const lines = [
    'Demo data created. Sign in with one of these (the passwords are shown only this once):',
    '',
    ...credentials.users.map((u) => `  ${u.email.padEnd(width)}  ${u.password}   (${u.role})`),
    '',
    `Demo target "${target.name}": database ${target.database} on ${target.host}:${target.port} (customers, payments)`,
  ];
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)));
  console.log([rule, ...lines, rule].join('\n'));
}

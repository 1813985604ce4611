import type { Command } from './command';

function commandList(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

export function overview(commands: readonly Command[]): string {
  return `Usage: gatehouse <command> [flags]

Commands:
${commandList(commands)}

Run "gatehouse <command> --help" for the flags of a command.

The environment is read from .env.local at the repository root, or the file named by
GATEHOUSE_ENV_FILE; variables already set win. GATEHOUSE_DEBUG=1 adds stack traces to errors.
Exit codes: 0 success, 1 failure, 2 wrong usage.`;
}

export function groupHelp(group: string, commands: readonly Command[]): string {
  return `Usage: gatehouse ${group} <command> [flags]

Commands:
${commandList(commands)}`;
}

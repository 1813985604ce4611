import { closeDb } from '../lib/db/client';
import { loadLocalEnv } from '../lib/setup/local-env';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { groupHelp, overview } from './help';
import { reportError } from './report-error';
import { UsageError } from './usage-error';

const HELP_FLAGS = new Set(['--help', '-h']);

function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.has(a));
}

/** Picks the command from the first one or two words; "user" alone is a group, not a command. */
function findCommand(argv: string[]): Command {
  const [first = '', second] = argv;
  const command = COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
  if (command) return command;
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
  if (group.length === 0) {
    throw new UsageError(first.startsWith('-') ? `unknown flag ${first}` : `unknown command "${first}"`);
  }
  const choices = group.map((c) => `"gatehouse ${c.name}"`).join(' or ');
  throw new UsageError(
    second === undefined || second.startsWith('-') ? `"${first}" needs a subcommand: ${choices}` : `unknown command "${first} ${second}"; try ${choices}`,
    { helpTopic: first },
  );
}

async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === 'help') return main([...argv.slice(1), '--help']);
  if (first === undefined || HELP_FLAGS.has(first)) {
    (first ? process.stdout : process.stderr).write(`${overview(COMMANDS)}\n`);
    return first ? 0 : 2;
  }
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
  if (group.length > 0 && HELP_FLAGS.has(argv[1] ?? '')) {
    console.log(groupHelp(first, group));
    return 0;
  }

  let command: Command | undefined;
  try {
    command = findCommand(argv);
    const rest = argv.slice(command.name.split(' ').length);
    if (wantsHelp(rest)) {
      console.log(command.help);
      return 0;
    }
    // Before anything reads the environment (getEnv caches it).
    loadLocalEnv();
    return (await command.run(rest)) ?? 0;
  } catch (e) {
    return reportError(e, command);
  } finally {
    await closeDb().catch(() => {});
  }
}

// Exit explicitly: a client some command left open must not keep a finished command alive.
main(process.argv.slice(2)).then((code) => process.exit(code));

import { getDb } from '../../lib/db/client';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { createTarget } from '../../lib/targets/create-target';
import { TLS_MODES } from '../../lib/db/schema';
import { targetFieldsFromUrl } from '../../lib/targets/target-schemas';
import type { Command } from '../command';
import { parseCommandLine, requireFlag } from '../parse-command-line';
import { UsageError } from '../usage-error';

const SSL_MODES: readonly string[] = TLS_MODES;

export const targetAdd: Command = {
  name: 'target add',
  summary: 'Register a PostgreSQL target; prints the id',
  help: `Usage: gatehouse target add --name N --url postgres://user:password@host:port/database[?sslmode=M]

Registers a PostgreSQL database that people and agents reach through the gateway, and prints
its id. The password is stored encrypted with GATEHOUSE_MASTER_KEY and never printed.

Flags:
  --name N        1-63 lower-case letters, digits, - or _
  --url URL       how the gateway connects; sslmode is disable, require (default) or verify-full`,
  flags: {
    name: '--name',
    host: '--url (host)',
    port: '--url (port)',
    database: '--url (database)',
    username: '--url (user)',
    password: '--url (password)',
    tlsMode: '--url (sslmode)',
  },
  async run(args) {
    const { values } = parseCommandLine({ args, options: { name: { type: 'string' }, url: { type: 'string' } } });
    const name = requireFlag(values.name, '--name');
    const url = requireFlag(values.url, '--url');
    let fields: ReturnType<typeof targetFieldsFromUrl>;
    try {
      fields = targetFieldsFromUrl(url);
    } catch (e) {
      throw new UsageError(`--url: ${(e as Error).message}`);
    }
    // The parser reads any other sslmode as require; saying so beats a silent surprise.
    const sslmode = new URL(url).searchParams.get('sslmode');
    if (sslmode !== null && !SSL_MODES.includes(sslmode)) {
      throw new UsageError(`--url: sslmode must be ${SSL_MODES.join(', ')}, not "${sslmode}"`);
    }
    const target = await createTarget(getDb(), { actor: CLI_ACTOR, input: { name, ...fields } });
    console.log(target.id);
  },
};

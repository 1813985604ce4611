import { getDb } from '../../lib/db/client';
import { CLI_ACTOR } from '../../lib/auth/actor';
import type { Role } from '../../lib/db/schema';
import { createUser } from '../../lib/users/create-user';
import type { Command } from '../command';
import { parseCommandLine, requireFlag } from '../parse-command-line';

export const userAdd: Command = {
  name: 'user add',
  summary: 'Create a user; prints the id (and a generated password)',
  help: `Usage: gatehouse user add --email E --role R [--name N] [--password P] [--service]

Creates a user and prints its id. A person created without --password gets a generated one,
printed once on a second line as "password: ...". Service identities (--service) have no
password: they connect with access tokens (gatehouse token create).

Flags:
  --email E       e-mail address (the sign-in name)
  --role R        admin, approver, auditor or user
  --name N        display name (default: the part of the e-mail before @)
  --password P    at least 12 characters (default: generated)
  --service       a service identity for an agent or a job, not a person`,
  flags: { email: '--email', role: '--role', name: '--name', password: '--password', kind: '--service' },
  async run(args) {
    const { values } = parseCommandLine({
      args,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        service: { type: 'boolean' },
      },
    });
    const { user, generatedPassword } = await createUser(getDb(), {
      actor: CLI_ACTOR,
      input: {
        email: requireFlag(values.email, '--email'),
        // createUser validates the role and reports a bad one as an --role error.
        role: requireFlag(values.role, '--role') as Role,
        name: values.name,
        password: values.password,
        kind: values.service ? 'service' : 'human',
      },
    });
    console.log(user.id);
    if (generatedPassword) console.log(`password: ${generatedPassword}`);
  },
};

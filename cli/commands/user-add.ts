import { getDb } from '../../lib/db/client';
import { CLI_ACTOR } from '../../lib/auth/actor';
import type { Role } from '../../lib/db/schema';
import { createUser } from '../../lib/users/create-user';
import type { Command } from '../command';
import { parseCommandLine, requireFlag } from '../parse-command-line';

export const userAdd: Command = {
  name: 'user add',
  summary: 'Create a user; prints the id (and a generated password)',
  help: `Usage: gatehouse user add --email E --role R [--name N] [--password P] [--service [--oidc-subject S] [--target NAME ...]]

Creates a user and prints its id. A person created without --password gets a generated one,
printed once on a second line as "password: ...". Service identities (--service) have no
password: they connect with access tokens (gatehouse token create) or, given --oidc-subject,
with JWTs from the identity provider (docs/agents.md).

Flags:
  --email E       e-mail address (the sign-in name)
  --role R        admin, approver, auditor or user
  --name N        display name (default: the part of the e-mail before @)
  --password P    at least 12 characters (default: generated)
  --service       a service identity for an agent or a job, not a person
  --oidc-subject S  the "sub" of the identity provider's JWTs that authenticate as this
                  service identity (its client id, for client-credentials tokens)
  --target NAME   restrict the identity's JWTs to this target; repeat or separate with
                  commas (default: every target)`,
  flags: { email: '--email', role: '--role', name: '--name', password: '--password', kind: '--service', oidcSubject: '--oidc-subject', targets: '--target' },
  async run(args) {
    const { values } = parseCommandLine({
      args,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        service: { type: 'boolean' },
        'oidc-subject': { type: 'string' },
        target: { type: 'string', multiple: true },
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
        oidcSubject: values['oidc-subject'],
        targets: (values.target ?? []).flatMap((t) => t.split(',')).filter((t) => t.trim() !== ''),
      },
    });
    console.log(user.id);
    if (generatedPassword) console.log(`password: ${generatedPassword}`);
  },
};

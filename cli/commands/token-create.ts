import { getDb } from '../../lib/db/client';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { createAccessToken } from '../../lib/tokens/create-access-token';
import type { Command } from '../command';
import { parseCommandLine, requireFlag } from '../parse-command-line';

export const tokenCreate: Command = {
  name: 'token create',
  summary: 'Create an access token; prints the token',
  help: `Usage: gatehouse token create --user E --name N [--expires 30d|never] [--target NAME ...] [--acting-for E ...]

Creates an access token for a user and prints the token alone on stdout (its id, owner and
expiry go to stderr). The token is shown only now; Gatehouse stores its hash.

Flags:
  --user E        e-mail of the user the token acts as
  --name N        what the token is for, e.g. "ci-deploy"
  --expires D     lifetime such as 12h, 30d or 2w (at most 366 days), or "never" (default 30d)
  --target NAME   restrict the token to this target; repeat or separate with commas
                  (default: every target the user may reach)
  --acting-for E  e-mail of a Gatehouse user the holder acts for (an agent acting for
                  Alice); repeat for a chain, outermost first: the parent agent, then Alice`,
  flags: { userEmail: '--user', name: '--name', expiresIn: '--expires', targets: '--target', actingFor: '--acting-for' },
  async run(args) {
    const { values } = parseCommandLine({
      args,
      options: {
        user: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string' },
        target: { type: 'string', multiple: true },
        'acting-for': { type: 'string', multiple: true },
      },
    });
    const { token, record } = await createAccessToken(getDb(), {
      actor: CLI_ACTOR,
      input: {
        userEmail: requireFlag(values.user, '--user'),
        name: requireFlag(values.name, '--name'),
        expiresIn: values.expires,
        targets: (values.target ?? []).flatMap((t) => t.split(',')).filter((t) => t.trim() !== ''),
        actingFor: (values['acting-for'] ?? []).flatMap((e) => e.split(',')).filter((e) => e.trim() !== ''),
      },
    });
    console.log(token);
    const expiry = record.expiresAt ? `expires ${record.expiresAt.toISOString()}` : 'never expires';
    process.stderr.write(`token ${record.id} for ${record.userEmail}, ${expiry}\n`);
  },
};

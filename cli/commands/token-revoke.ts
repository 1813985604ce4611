import { getDb } from '../../lib/db/client';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { revokeAccessToken } from '../../lib/tokens/revoke-access-token';
import type { Command } from '../command';
import { parseCommandLine } from '../parse-command-line';
import { UsageError } from '../usage-error';

export const tokenRevoke: Command = {
  name: 'token revoke',
  summary: 'Revoke an access token by id',
  help: `Usage: gatehouse token revoke <id>

Revokes the access token with this id (printed to stderr by "gatehouse token create") and
prints "revoked <id>". Live sessions opened with it end within 5 s on every gateway.`,
  async run(args) {
    const { positionals } = parseCommandLine({ args, options: {}, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('missing the token id');
    if (positionals.length > 1) throw new UsageError(`expected one token id, got ${positionals.length}`);
    const { id } = await revokeAccessToken(getDb(), { actor: CLI_ACTOR, tokenId: positionals[0]! });
    console.log(`revoked ${id}`);
  },
};

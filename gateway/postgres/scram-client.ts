import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((v, i) => v ^ b[i]!));

function attributes(message: string): Record<string, string> {
  return Object.fromEntries(message.split(',').map((part) => [part[0], part.slice(2)]));
}

/**
 * SCRAM-SHA-256 client side (RFC 5802/7677) as PostgreSQL uses it: no channel binding ("n,,"),
 * empty user name in the client-first message (the server takes the startup user).
 * https://www.postgresql.org/docs/current/sasl-authentication.html
 */
export class ScramClient {
  private readonly nonce: string;
  private readonly clientFirstBare: string;
  private serverSignature: Buffer | null = null;

  constructor(
    private readonly password: string,
    fixed: { nonce?: string; user?: string } = {},
  ) {
    this.nonce = fixed.nonce ?? randomBytes(18).toString('base64');
    this.clientFirstBare = `n=${fixed.user ?? '*'},r=${this.nonce}`;
  }

  clientFirst(): string {
    return `n,,${this.clientFirstBare}`;
  }

  clientFinal(serverFirst: string): string {
    const attrs = attributes(serverFirst);
    const serverNonce = attrs.r ?? '';
    const salt = Buffer.from(attrs.s ?? '', 'base64');
    const iterations = Number(attrs.i);
    if (!serverNonce.startsWith(this.nonce) || salt.length === 0 || !Number.isInteger(iterations) || iterations < 1) {
      throw new Error('upstream sent an invalid SCRAM server-first message');
    }
    const salted = pbkdf2Sync(this.password.normalize('NFKC'), salt, iterations, 32, 'sha256');
    const clientKey = hmac(salted, 'Client Key');
    const withoutProof = `c=biws,r=${serverNonce}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const proof = xor(clientKey, hmac(sha256(clientKey), authMessage));
    this.serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
    return `${withoutProof},p=${proof.toString('base64')}`;
  }

  verifyServerFinal(serverFinal: string): void {
    const signature = Buffer.from(attributes(serverFinal).v ?? '', 'base64');
    if (!this.serverSignature || signature.length !== this.serverSignature.length || !timingSafeEqual(signature, this.serverSignature)) {
      throw new Error('upstream SCRAM server signature did not verify');
    }
  }
}

/** md5 password answer: "md5" + md5(md5(password + user) + salt). */
export function md5Password(user: string, password: string, salt: Buffer): string {
  const inner = createHash('md5').update(password + user).digest('hex');
  return 'md5' + createHash('md5').update(Buffer.concat([Buffer.from(inner), salt])).digest('hex');
}

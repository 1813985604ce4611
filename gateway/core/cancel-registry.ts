import { randomInt } from 'node:crypto';

export type CancelTarget = {
  host: string;
  port: number;
  key: { pid: number; secret: number };
  /** Handles the cancel inside the gateway (a statement held for approval); true when it did. */
  intercept?: () => boolean;
};

/**
 * Clients get Gatehouse's own BackendKeyData; a CancelRequest is looked up here and forwarded
 * with the target's real key. Keys are random so that one client cannot guess another's.
 */
export class CancelRegistry {
  private readonly entries = new Map<string, CancelTarget>();

  issue(target: CancelTarget): { pid: number; secret: number; release: () => void } {
    for (;;) {
      const pid = randomInt(1, 2 ** 31 - 1);
      const secret = randomInt(0, 2 ** 31 - 1) | 0;
      const id = `${pid}:${secret}`;
      if (this.entries.has(id)) continue;
      this.entries.set(id, target);
      return { pid, secret, release: () => this.entries.delete(id) };
    }
  }

  lookup(pid: number, secret: number): CancelTarget | undefined {
    return this.entries.get(`${pid}:${secret}`);
  }
}

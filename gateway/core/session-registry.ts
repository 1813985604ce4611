export type LiveSession = { id: string; userId: string; tokenId: string | null; targetId: string; terminate: (reason: string) => void };

/** The sessions this gateway instance is relaying now, for revocation and graceful shutdown. */
export class SessionRegistry {
  private readonly sessions = new Map<string, LiveSession>();

  add(session: LiveSession): () => void {
    this.sessions.set(session.id, session);
    return () => this.sessions.delete(session.id);
  }

  ids(): string[] {
    return [...this.sessions.keys()];
  }

  get size(): number {
    return this.sessions.size;
  }

  terminateWhere(predicate: (s: LiveSession) => boolean, reason: string): number {
    const matching = [...this.sessions.values()].filter(predicate);
    matching.forEach((s) => s.terminate(reason));
    return matching.length;
  }
}

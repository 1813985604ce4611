export type LiveSession = {
  id: string;
  userId: string;
  /** Null for a session opened with an identity provider's JWT: the identity (userId) is what can be cut off. */
  tokenId: string | null;
  targetId: string;
  terminate: (reason: string) => void;
};

/** The sessions this gateway instance is relaying now, for termination, revocation and graceful shutdown. */
export class SessionRegistry {
  private readonly sessions = new Map<string, LiveSession>();

  add(session: LiveSession): () => void {
    this.sessions.set(session.id, session);
    return () => this.sessions.delete(session.id);
  }

  ids(): string[] {
    return [...this.sessions.keys()];
  }

  /** The tokens and identities behind the live sessions, each once, for the store re-check. */
  identities(): { tokenIds: string[]; userIds: string[] } {
    const tokenIds = new Set<string>();
    const userIds = new Set<string>();
    for (const s of this.sessions.values()) {
      if (s.tokenId) tokenIds.add(s.tokenId);
      userIds.add(s.userId);
    }
    return { tokenIds: [...tokenIds], userIds: [...userIds] };
  }

  get size(): number {
    return this.sessions.size;
  }

  terminateWhere(predicate: (s: LiveSession) => boolean, reason: string | ((s: LiveSession) => string)): number {
    const matching = [...this.sessions.values()].filter(predicate);
    matching.forEach((s) => s.terminate(typeof reason === 'string' ? reason : reason(s)));
    return matching.length;
  }
}

import { z } from 'zod';
import { isUuid } from '../ids';

/**
 * A page position in the session list: the last row's started_at (as PostgreSQL prints it, to the
 * microsecond: a JavaScript Date would round it to milliseconds and skip or repeat rows) and its id.
 */
export type SessionCursor = { at: string; id: string };

const cursorSchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/),
  id: z.string().refine(isUuid),
});

export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** Null for anything that is not a cursor this list handed out. */
export function decodeSessionCursor(value: string): SessionCursor | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    const parsed = cursorSchema.safeParse({ at, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

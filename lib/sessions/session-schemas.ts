import { z } from 'zod';
import { decodeSessionCursor } from './session-cursor';

export const SESSION_STATUSES = ['live', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MAX_SESSIONS_PAGE = 100;

/** An empty form field (the list's filters arrive as a GET query string) means "no filter". */
const blankless = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const ZONELESS = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

/** A time as typed in a datetime-local field has no zone; the portal shows UTC everywhere, so it is UTC. */
const instant = (label: string) =>
  blankless(
    z.preprocess(
      (v) => (typeof v === 'string' && ZONELESS.test(v.trim()) ? `${v.trim().length === 10 ? `${v.trim()}T00:00` : v.trim()}Z` : v),
      z.coerce.date({ error: `${label} must be a date and time, e.g. 2025-01-31T09:00 (UTC)` }),
    ),
  );

const text = (label: string, max: number) => blankless(z.string().trim().min(1).max(max, `${label} must be at most ${max} characters`));

export const listSessionsSchema = z
  .object({
    /** An exact user id, or part of the user's e-mail. */
    user: text('User', 320),
    token: blankless(z.uuid('Token must be a token id')),
    target: text('Target', 200),
    from: instant('From'),
    to: instant('To'),
    status: blankless(z.enum(SESSION_STATUSES, 'Status must be live or ended')),
    endReason: text('End reason', 200),
    /** Words in the session's statements (websearch syntax: "a phrase", -word, or). */
    q: text('Search', 200),
    cursor: blankless(z.string().max(200).refine((v) => decodeSessionCursor(v) !== null, 'Cursor is not one this list handed out')),
    limit: blankless(z.coerce.number().int().min(1, `Limit must be 1-${MAX_SESSIONS_PAGE}`).max(MAX_SESSIONS_PAGE, `Limit must be 1-${MAX_SESSIONS_PAGE}`)),
    offset: blankless(z.coerce.number().int().min(0, 'Offset must be 0-10000').max(10_000, 'Offset must be 0-10000')),
  })
  .refine((v) => !(v.from && v.to) || v.from <= v.to, { path: ['to'], message: 'To must not be before From' })
  .refine((v) => !(v.cursor && v.offset), { path: ['offset'], message: 'Use either a cursor or an offset, not both' });

export type ListSessionsFilter = z.input<typeof listSessionsSchema>;
export type ParsedSessionsFilter = z.infer<typeof listSessionsSchema>;

/** What an admin may say when ending a session; it travels to the gateway (lib/jobs/session-control.ts caps it). */
export const terminateSessionSchema = z.object({
  reason: z.string().trim().max(300, 'Reason must be at most 300 characters').nullish(),
});

/** Which statements of a session the replay returns: those after seq `after`, at most `limit`. */
export const replayWindowSchema = z.object({
  after: blankless(z.coerce.number().int().min(0, 'After must be a statement number (0 or more)')),
  limit: blankless(z.coerce.number().int().min(1, 'Limit must be 1-5000').max(5000, 'Limit must be 1-5000')),
});
export type ReplayWindowInput = z.input<typeof replayWindowSchema>;

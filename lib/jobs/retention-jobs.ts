import { z } from 'zod';

/** The retention queue: one repeatable job that purges recordings past their target's retentionDays. */
export const RETENTION_QUEUE = 'retention';
export const PURGE_RECORDINGS_JOB = 'purge-recordings';
/** One scheduler for every gateway instance: upserting it again replaces it, never duplicates it. */
export const PURGE_RECORDINGS_SCHEDULER = 'purge-recordings-hourly';
export const DEFAULT_RETENTION_EVERY_MS = 60 * 60 * 1000;

/** No ids to carry: the job finds expired sessions itself. `limit` is the sessions per batch (transaction). */
export const purgeRecordingsPayload = z.strictObject({
  limit: z.int('limit must be a whole number').min(1, 'limit must be at least 1').max(5000, 'limit is at most 5,000').optional(),
});
export type PurgeRecordingsPayload = z.infer<typeof purgeRecordingsPayload>;

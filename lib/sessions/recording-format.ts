import { z } from 'zod';

/**
 * The versioned recording of a session (docs/recording-format.md): one header, then typed events,
 * each with `t`, milliseconds since the session started, never decreasing. As JSON Lines: the
 * header on the first line, one event per line after it.
 *
 * Within version 1, new event types and new optional fields may appear; a consumer skips event
 * types it does not know (parseRecordingEvent returns null for them). Terminal protocols (ssh,
 * kube exec) will add `{ type: 'terminal', ... }` events carrying an asciicast v2 stream: one with
 * the asciicast header, then one per asciicast event `[time, 'o', data]`. Renaming or removing a
 * field, or changing what one means, needs version 2.
 */
export const RECORDING_FORMAT = 'gatehouse-recording';
export const RECORDING_VERSION = 1;

const offset = z.number().int().min(0);
const iso = z.iso.datetime({ offset: true });
const cell = z.string().nullable();

export const recordingHeaderSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  /** 'postgres' for now; terminal protocols will bring their own. */
  protocol: z.string().min(1),
  session: z.object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    userEmail: z.string(),
    tokenId: z.uuid().nullable(),
    targetId: z.uuid().nullable(),
    targetName: z.string(),
    clientAddress: z.string().nullable(),
    applicationName: z.string().nullable(),
    gatewayInstance: z.string(),
    endedAt: iso.nullable(),
    endReason: z.string().nullable(),
  }),
  startedAt: iso,
});

const classification = z
  .object({ kinds: z.array(z.string()), tables: z.array(z.string()), functions: z.array(z.string()), flags: z.array(z.string()), commands: z.array(z.string()) })
  .nullable();

export const statementEventSchema = z.object({
  t: offset,
  type: z.literal('statement'),
  id: z.uuid(),
  seq: z.number().int(),
  protocol: z.string(),
  text: z.string(),
  params: z.array(cell).nullable(),
  classification,
  decision: z.enum(['allow', 'block', 'require_approval']),
  rule: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  message: z.string().nullable(),
  approvalId: z.uuid().nullable(),
});

export const approvalEventSchema = z.object({
  t: offset,
  type: z.literal('approval'),
  approvalId: z.uuid(),
  /** The statement held for it. */
  seq: z.number().int(),
  status: z.string(),
  requesterEmail: z.string(),
  requiredApprovals: z.number().int().min(1),
  decisions: z.array(z.object({ approverEmail: z.string(), decision: z.enum(['approve', 'deny']), reason: z.string().nullable(), at: iso })),
});

export const outcomeEventSchema = z.object({
  t: offset,
  type: z.literal('outcome'),
  seq: z.number().int(),
  tag: z.string().nullable(),
  rowCount: z.number().nullable(),
  durationMs: z.number().nullable(),
  error: z.object({ sqlstate: z.string().nullable(), message: z.string().nullable() }).nullable(),
  columns: z.array(z.object({ name: z.string(), typeOid: z.number().int() })).nullable(),
  /** The first rows exactly as the caller received them: masked values stay masked. */
  rows: z.array(z.array(cell)).nullable(),
  truncated: z.boolean(),
  masked: z.boolean(),
});

export const sessionEndEventSchema = z.object({ t: offset, type: z.literal('session_end'), reason: z.string().nullable() });

export const recordingEventSchema = z.discriminatedUnion('type', [statementEventSchema, approvalEventSchema, outcomeEventSchema, sessionEndEventSchema]);

export type RecordingHeader = z.infer<typeof recordingHeaderSchema>;
export type RecordingEvent = z.infer<typeof recordingEventSchema>;
export type StatementEvent = z.infer<typeof statementEventSchema>;
export type ApprovalEvent = z.infer<typeof approvalEventSchema>;
export type OutcomeEvent = z.infer<typeof outcomeEventSchema>;
export type SessionEndEvent = z.infer<typeof sessionEndEventSchema>;

const KNOWN_TYPES: ReadonlySet<string> = new Set(recordingEventSchema.options.map((o) => o.shape.type.value));
const envelopeSchema = z.looseObject({ t: offset, type: z.string().min(1) });

/** A known event, validated (throws on a malformed one); null for a type from a later producer. */
export function parseRecordingEvent(value: unknown): RecordingEvent | null {
  const envelope = envelopeSchema.parse(value);
  return KNOWN_TYPES.has(envelope.type) ? recordingEventSchema.parse(value) : null;
}

/** Parses a whole JSON Lines recording: the header, then the events this version knows. */
export function parseRecording(jsonl: string): { header: RecordingHeader; events: RecordingEvent[] } {
  const [first, ...rest] = jsonl.split('\n').filter((line) => line.trim() !== '');
  if (!first) throw new Error('A recording starts with its header line; this one is empty');
  const header = recordingHeaderSchema.parse(JSON.parse(first));
  const events = rest.map((line) => parseRecordingEvent(JSON.parse(line))).filter((e): e is RecordingEvent => e !== null);
  return { header, events };
}

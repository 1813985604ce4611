import { Backend } from './message-codes';
import type { Frame } from './message-buffer';
import { errorResponse, parseNoticeFields, type TransactionStatus } from './backend-messages';
import type { StatementOutcome } from '../core/audit-sink';
import type { MaskingState, SessionMasking } from './session-masking';
import { describedForClient, maskCopyData, maskDataRow, maskNotice, maskNotificationPayload, noteCopyOut, planFromDescription } from './result-masker';
import { capturedOutcome, captureRow, type ResultCapture } from './result-capture';

export type Substitute = { sqlstate: string; message: string; hint?: string };

export type StatementRef = { id: string; startedAt: number; tags: string[]; rows: number; capture: ResultCapture };

export type Pending =
  | { kind: 'query'; statement: StatementRef | null; substitute: Substitute | null; masking?: MaskingState | null }
  | { kind: 'parse'; substitute: Substitute | null }
  | { kind: 'execute'; statement: StatementRef | null; masking?: MaskingState | null }
  /** isInjected: Gatehouse's own Describe before an Execute, so the rows can be masked; its answer is not relayed. */
  | { kind: 'describe'; masking?: MaskingState | null; isInjected?: boolean }
  | { kind: 'bind' | 'close' | 'sync' };

const NOTHING = Buffer.alloc(0);

/**
 * Matches each backend message to the frontend request it answers, in order, as the server
 * processes them: this is how results reach the audit record, and how the error the server
 * raises for a substituted (blocked) statement is replaced by Gatehouse's own message.
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
 */
export class ResponseTracker {
  private readonly queue: Pending[] = [];
  /** The latest RowDescription the client was sent (or Gatehouse described for itself), parsed only if rows are recorded. */
  private lastDescription: Buffer | null = null;
  transactionStatus: TransactionStatus = 'I';

  constructor(
    private readonly onOutcome: (id: string, outcome: StatementOutcome) => void,
    private readonly masker: SessionMasking | null = null,
  ) {}

  expect(entry: Pending): void {
    this.queue.push(entry);
  }

  get inFlight(): number {
    return this.queue.length;
  }

  /** Returns the bytes to send to the client for this frame: the frame itself, or a replacement. */
  handle(frame: Frame): Buffer {
    const head = this.queue[0];
    const masking = head && 'masking' in head ? (head.masking ?? null) : null;
    switch (frame.type) {
      case Backend.DataRow:
        return this.dataRow(head, masking, frame);
      case Backend.CommandComplete:
      case Backend.EmptyQueryResponse:
      case Backend.PortalSuspended:
        this.complete(head, frame);
        if (masking && head?.kind === 'query') Object.assign(masking, { plan: null, fields: null, maskers: null, copyFormat: null });
        return frame.raw;
      case Backend.ParseComplete:
      case Backend.BindComplete:
      case Backend.CloseComplete:
        this.popIf(['parse', 'bind', 'close']);
        return frame.raw;
      case Backend.RowDescription:
        return this.described(head, masking, frame);
      case Backend.NoData:
        this.popIf(['describe']);
        if (masking && head?.kind === 'describe' && head.isInjected) {
          Object.assign(masking, { fields: [], plan: { cells: [], isPassThrough: true, isCatalogStale: false }, maskers: [] });
          return NOTHING;
        }
        return frame.raw;
      case Backend.CopyOutResponse:
        if (masking) noteCopyOut(masking, frame.payload);
        return frame.raw;
      case Backend.CopyData:
        return masking && masking.copyFormat !== null ? maskCopyData(masking, frame) : frame.raw;
      case Backend.ErrorResponse:
        return this.error(head, frame, masking);
      case Backend.NoticeResponse:
        return this.masker ? maskNotice(masking, this.masker.current(), frame) : frame.raw;
      case Backend.NotificationResponse:
        return this.masker ? maskNotificationPayload(this.masker.current(), frame) : frame.raw;
      case Backend.ReadyForQuery:
        this.ready(frame);
        return frame.raw;
      default:
        return frame.raw;
    }
  }

  private dataRow(head: Pending | undefined, masking: MaskingState | null, frame: Frame): Buffer {
    const out = masking ? maskDataRow(masking, frame) : frame.raw;
    const statement = head && (head.kind === 'query' || head.kind === 'execute') ? head.statement : null;
    if (!statement) return out;
    statement.rows++;
    if (out !== frame.raw) statement.capture.masked = true;
    captureRow(statement.capture, out.subarray(5), this.lastDescription);
    return out;
  }

  /** A RowDescription answers a Describe, or starts a simple query's result; masking plans from it. */
  private described(head: Pending | undefined, masking: MaskingState | null, frame: Frame): Buffer {
    if (head?.kind === 'describe') this.queue.shift();
    if (!masking) {
      this.lastDescription = frame.payload;
      return frame.raw;
    }
    if (planFromDescription(masking, frame.payload)) this.masker?.catalogIsStale();
    if (head?.kind === 'describe' && head.isInjected) {
      this.lastDescription = frame.payload;
      return NOTHING;
    }
    const sent = describedForClient(masking, frame.raw, frame.payload);
    this.lastDescription = sent.subarray(5);
    if (sent !== frame.raw && head?.kind === 'query' && head.statement) head.statement.capture.masked = true;
    return sent;
  }

  private popIf(kinds: Pending['kind'][]): void {
    if (this.queue[0] && kinds.includes(this.queue[0].kind)) this.queue.shift();
  }

  private complete(head: Pending | undefined, frame: Frame): void {
    if (!head || (head.kind !== 'query' && head.kind !== 'execute')) return;
    if (head.statement) {
      const tag = frame.type === Backend.CommandComplete ? frame.payload.toString('utf8', 0, Math.max(0, frame.payload.length - 1)) : '';
      if (tag) head.statement.tags.push(tag);
    }
    if (head.kind === 'execute') {
      this.queue.shift();
      this.finish(head.statement, null);
    }
  }

  private error(head: Pending | undefined, frame: Frame, masking: MaskingState | null): Buffer {
    const masked = this.masker ? maskNotice(masking, this.masker.current(), frame) : frame.raw;
    const fields = parseNoticeFields(masked === frame.raw ? frame.payload : masked.subarray(5));
    // FATAL ends the connection; an error at Sync (e.g. a deferred constraint at commit) answers the Sync itself.
    if (fields.S === 'FATAL' || fields.S === 'PANIC' || !head || head.kind === 'sync') return masked;
    const substitute = head.kind === 'query' || head.kind === 'parse' ? head.substitute : null;
    const failure = { sqlstate: substitute?.sqlstate ?? fields.C ?? null, message: substitute?.message ?? fields.M ?? null };
    if (head.kind === 'query') {
      if (head.statement) this.finish(head.statement, failure);
      head.statement = null;
    } else {
      this.queue.shift();
      if (head.kind === 'execute') this.finish(head.statement, failure);
      // After an error the server skips everything up to the next Sync.
      while (this.queue[0] && this.queue[0].kind !== 'sync') {
        const skipped = this.queue.shift()!;
        if (skipped.kind === 'execute' || skipped.kind === 'query') {
          this.finish(skipped.statement, { sqlstate: failure.sqlstate, message: 'not executed: an earlier message in the pipeline failed' });
        }
      }
    }
    if (substitute) return errorResponse({ severity: 'ERROR', code: substitute.sqlstate, message: substitute.message, hint: substitute.hint });
    return masked;
  }

  private ready(frame: Frame): void {
    const head = this.queue.shift();
    if (head && head.kind === 'query') this.finish(head.statement, null);
    this.transactionStatus = String.fromCharCode(frame.payload[0] ?? 0x49) as TransactionStatus;
  }

  private finish(statement: StatementRef | null, failure: { sqlstate: string | null; message: string | null } | null): void {
    if (!statement) return;
    const tag = statement.tags.at(-1) ?? null;
    const counted = tag ? Number(/(\d+)$/.exec(tag)?.[1]) : NaN;
    this.onOutcome(statement.id, {
      commandTag: statement.tags.length ? statement.tags.join('; ') : null,
      rowCount: Number.isFinite(counted) ? counted : statement.rows || null,
      sqlstate: failure?.sqlstate ?? null,
      errorMessage: failure?.message ?? null,
      durationMs: performance.now() - statement.startedAt,
      ...capturedOutcome(statement.capture),
    });
  }
}

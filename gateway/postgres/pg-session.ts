import type net from 'node:net';
import type tls from 'node:tls';
import type { PolicyRule } from '@/lib/policy/evaluate-policy';
import { Frontend } from './message-codes';
import { contiguous, MessageBuffer, ProtocolError, type Frame } from './message-buffer';
import { errorResponse, noticeResponse } from './backend-messages';
import { buildDescribe, buildParse, buildQuery, paramFormat, parseBind, parseExecute, parseParse, parseQuery, parseTargetRef } from './frontend-messages';
import { ResponseTracker, type Pending, type StatementRef, type Substitute } from './response-tracker';
import { newResultCapture } from './result-capture';
import { buildRecord, changesCatalog, judgeStatement, REFUSED_SQL, type GateIdentity, type GateVerdict } from './statement-gate';
import type { UpstreamConnection } from './upstream-connect';
import { AuditUnavailableError, type AuditSink, type StatementRecord } from '../core/audit-sink';
import { holdForApproval, type HoldContext, type HoldHandle } from './approval-hold';
import type { SessionMasking } from './session-masking';
import { withMaskingRefusal } from './masking-refusal';

type Socket = net.Socket | tls.TLSSocket;

export type SessionOptions = {
  sessionId: string;
  /** Read per statement: a time-boxed grant can change the role the policy sees mid-session. */
  identity: () => GateIdentity;
  rules: () => PolicyRule[];
  audit: AuditSink;
  strictReads: () => boolean;
  /** How many result rows of each statement to record for replay (the target's recordingRows). */
  recordingRows: () => number;
  idleTimeoutMs: number | null;
  maxSessionMs: number | null;
  maxMessageBytes: number;
  /** Where held statements go; without it, statements that need approval are refused. */
  hold: Omit<HoldContext, 'rules'> | null;
  /** The target's masking for this caller; null when the target has none. */
  masking: SessionMasking | null;
  /** A statement that can change the catalog (DDL, COMMIT) finished: masking's catalog may be stale. */
  onCatalogChange: () => void;
  onEnd: (reason: string) => void;
};

/** A prepared statement with the verdict it got, and the statement and masking rules that gave it (re-judged when either changes). */
type Prepared = { text: string; verdict: GateVerdict; rules: PolicyRule[]; maskingRules: unknown };
type Portal = { statement: Prepared | undefined; params: (string | null)[] };

const MAX_PARAM_CHARS = 4096;
const REFUSED_STATEMENT_NAME = 'gatehouse_refused';
const FUNCTION_CALL_REFUSED: Substitute = { sqlstate: '42501', message: 'Gatehouse: fast-path function calls are not allowed; use SQL' };

/**
 * Relays one authenticated client session to its upstream connection, inspecting every
 * statement on the way: simple queries and Parse are judged by policy, refused ones are
 * substituted (see REFUSED_SQL), writes wait for a durable audit record, and every answer is
 * matched to its request by the ResponseTracker. Each side's chunk becomes one socket write.
 */
export class PgSession {
  private readonly fromClient: MessageBuffer;
  private readonly tracker: ResponseTracker;
  private readonly prepared = new Map<string, Prepared>();
  private readonly portals = new Map<string, Portal>();
  private readonly pendingChunks: Buffer[] = [];
  /** Statements in flight whose completion may change what masking's catalog says. */
  private readonly catalogChanging = new Set<string>();
  private toUpstream: Buffer[] = [];
  private processing = false;
  private seq = 0;
  private ended = false;
  private holding: HoldHandle | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private maxTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: Socket,
    private readonly upstream: UpstreamConnection,
    private readonly options: SessionOptions,
  ) {
    this.fromClient = new MessageBuffer(options.maxMessageBytes);
    this.tracker = new ResponseTracker((id, outcome) => {
      if (this.catalogChanging.delete(id)) options.onCatalogChange();
      options.audit.completeStatement(id, outcome);
    }, options.masking);
  }

  start(): void {
    const { client } = this;
    const server = this.upstream.socket;
    client.setNoDelay(true);
    client.on('data', (chunk: Buffer) => this.onClientData(chunk));
    server.on('data', (chunk: Buffer) => this.onUpstreamData(chunk));
    client.on('drain', () => server.resume());
    server.on('drain', () => client.resume());
    client.on('close', () => this.end('client disconnected'));
    server.on('close', () => this.end('target closed the connection'));
    client.on('error', (e) => this.end(`client error: ${e.message}`));
    server.on('error', (e) => this.end(`target error: ${e.message}`));
    if (client.destroyed) return this.end('client disconnected before the session started');
    const { maxSessionMs } = this.options;
    if (maxSessionMs) this.maxTimer = setTimeout(() => this.terminate(`session reached its maximum length of ${maxSessionMs / 1000} s`), maxSessionMs);
    this.armIdleTimer();
    this.onUpstreamFrames(this.upstream.pending.frames);
  }

  /** Idle means waiting for the client with nothing in flight, as PostgreSQL's idle_session_timeout. */
  private armIdleTimer(): void {
    const { idleTimeoutMs } = this.options;
    if (!idleTimeoutMs || this.ended) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.tracker.inFlight > 0 || this.processing) return this.armIdleTimer();
      this.terminate(`session idle for more than ${idleTimeoutMs / 1000} s`, '57P05');
    }, idleTimeoutMs);
  }

  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.holding?.withdraw('the client disconnected');
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.client.destroy();
    this.upstream.socket.destroy();
    this.options.onEnd(reason);
  }

  /** A CancelRequest while a statement waits for approval withdraws the request; true if it did. */
  cancelHold(): boolean {
    if (!this.holding) return false;
    this.holding.withdraw('canceled by the client');
    return true;
  }

  /** Ends the session with a FATAL the client can read (revocation, timeouts, shutdown). */
  terminate(reason: string, sqlstate = '57P01'): void {
    if (this.ended) return;
    if (this.client.writable) this.client.write(errorResponse({ severity: 'FATAL', code: sqlstate, message: `Gatehouse: ${reason}` }));
    this.client.end();
    this.end(reason);
  }

  private onUpstreamData(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.upstream.pending.buffer.push(chunk);
    } catch (e) {
      return this.terminate(`target sent an invalid message: ${(e as Error).message}`, '08P01');
    }
    this.onUpstreamFrames(frames);
  }

  private onUpstreamFrames(frames: Frame[]): void {
    if (frames.length === 0) return;
    let isChanged = false;
    let outs: Buffer[];
    try {
      outs = frames.map((f) => {
        const out = this.tracker.handle(f);
        isChanged ||= out !== f.raw;
        return out;
      });
    } catch (e) {
      // Nothing of these frames is relayed: a value that could not be masked never reaches the client.
      return this.terminate((e as Error).message, 'XX000');
    }
    if (!this.client.write(isChanged ? Buffer.concat(outs) : contiguous(frames))) this.upstream.socket.pause();
  }

  private onClientData(chunk: Buffer): void {
    this.armIdleTimer();
    this.pendingChunks.push(chunk);
    if (!this.processing) void this.drainClient();
  }

  private async drainClient(): Promise<void> {
    this.processing = true;
    try {
      while (this.pendingChunks.length && !this.ended) {
        for (const frame of this.fromClient.push(this.pendingChunks.shift()!)) {
          const wait = this.onClientFrame(frame);
          if (wait) {
            this.flushUpstream();
            this.client.pause();
            await wait;
            if (!this.ended) this.client.resume();
          }
        }
        this.flushUpstream();
      }
    } catch (e) {
      const message = e instanceof ProtocolError ? `protocol violation: ${e.message}` : `internal error: ${(e as Error).message}`;
      this.terminate(message, e instanceof ProtocolError ? '08P01' : 'XX000');
    } finally {
      this.processing = false;
    }
  }

  private flushUpstream(): void {
    if (this.toUpstream.length === 0) return;
    const out = this.toUpstream.length === 1 ? this.toUpstream[0]! : Buffer.concat(this.toUpstream);
    this.toUpstream = [];
    if (!this.upstream.socket.write(out)) this.client.pause();
  }

  private send(raw: Buffer, expect: Pending | null): void {
    this.toUpstream.push(raw);
    if (expect) this.tracker.expect(expect);
  }

  /** Handles one client message; returns a promise when it must wait (a durable audit write). */
  private onClientFrame(frame: Frame): Promise<void> | null {
    switch (frame.type) {
      case Frontend.Query:
        return this.onQuery(parseQuery(frame.payload), frame.raw);
      case Frontend.Parse:
        return this.onParse(frame);
      case Frontend.Bind:
        return this.onBind(frame), null;
      case Frontend.Execute:
        return this.onExecute(frame);
      case Frontend.Describe: {
        const ref = parseTargetRef(frame.payload);
        const statement = ref.kind === 'S' ? this.prepared.get(ref.name) : this.portals.get(ref.name)?.statement;
        return this.send(frame.raw, { kind: 'describe', masking: this.maskingFor(statement?.verdict) }), null;
      }
      case Frontend.Close: {
        const ref = parseTargetRef(frame.payload);
        (ref.kind === 'S' ? this.prepared : this.portals).delete(ref.name);
        return this.send(frame.raw, { kind: 'close' }), null;
      }
      case Frontend.Sync:
        this.portals.delete('');
        return this.send(frame.raw, { kind: 'sync' }), null;
      case Frontend.Flush:
      case Frontend.CopyData:
      case Frontend.CopyDone:
      case Frontend.CopyFail:
        return this.send(frame.raw, null), null;
      case Frontend.FunctionCall:
        return this.send(buildQuery(REFUSED_SQL), { kind: 'query', statement: null, substitute: FUNCTION_CALL_REFUSED }), null;
      case Frontend.Terminate:
        this.send(frame.raw, null);
        this.flushUpstream();
        this.end('client terminated');
        return null;
      default:
        throw new ProtocolError(`unexpected message type '${String.fromCharCode(frame.type)}'`);
    }
  }

  private onQuery(text: string, raw: Buffer): Promise<void> | null {
    const verdict = this.judge(text);
    const record = buildRecord({ sessionId: this.options.sessionId, seq: ++this.seq, protocol: 'simple', text, params: null }, verdict);
    const refuseQuery = (s: Substitute) => this.send(buildQuery(REFUSED_SQL), { kind: 'query', statement: null, substitute: s });
    if (verdict.decision.action === 'require_approval' && this.options.hold) {
      return this.hold(record, verdict, () => this.send(raw, this.queryPending(record, verdict)), refuseQuery);
    }
    if (verdict.substitute) {
      this.recordRefused(record);
      return this.send(buildQuery(REFUSED_SQL), { kind: 'query', statement: null, substitute: verdict.substitute }), null;
    }
    return this.audited(record, verdict, () => this.send(raw, this.queryPending(record, verdict)), refuseQuery);
  }

  private queryPending(record: StatementRecord, verdict: GateVerdict): Pending {
    return { kind: 'query', statement: this.statementRef(record, verdict), substitute: null, masking: this.maskingFor(verdict) };
  }

  private maskingFor(verdict: GateVerdict | undefined) {
    return this.options.masking?.forClassification(verdict?.classification) ?? null;
  }

  private statementRef(record: StatementRecord, verdict: GateVerdict): StatementRef {
    if (changesCatalog(verdict)) this.catalogChanging.add(record.id);
    return { id: record.id, startedAt: performance.now(), tags: [], rows: 0, capture: newResultCapture(this.options.recordingRows()) };
  }

  /** Waits for the approval; an approved statement is recorded durably and then forwarded. */
  private async hold(record: StatementRecord, verdict: GateVerdict, forward: () => void, refuse: (s: Substitute) => void): Promise<void> {
    const outcome = await holdForApproval(
      { ...this.options.hold!, rules: this.options.rules() },
      { text: record.text, params: record.params, verdict, classification: record.classification },
      (message) => this.client.write(noticeResponse({ severity: 'NOTICE', code: '01000', message })),
      (handle) => (this.holding = handle),
    );
    this.holding = null;
    if (this.ended) return;
    if (!outcome.run) {
      this.recordRefused({ ...record, message: outcome.substitute.message, approvalId: outcome.approvalId ?? null });
      return refuse(outcome.substitute);
    }
    const approval = outcome.approval;
    const approved = approval ? { ...record, message: `approved by ${approval.decidedByEmail ?? 'an approver'}`, approvalId: approval.id } : record;
    await this.audited(approved, { ...verdict, needsDurableAudit: true }, forward, refuse);
  }

  private onParse(frame: Frame): null {
    const parse = parseParse(frame.payload);
    const rules = this.options.rules();
    const verdict = this.judge(parse.query, rules);
    this.prepared.set(parse.name, { text: parse.query, verdict, rules, maskingRules: this.options.masking?.rules() });
    if (this.isRefusedAtParse(verdict)) {
      const record = buildRecord({ sessionId: this.options.sessionId, seq: ++this.seq, protocol: 'extended', text: parse.query, params: null }, verdict);
      this.recordRefused(record);
      this.send(buildParse({ name: parse.name, query: REFUSED_SQL, paramTypes: [] }), { kind: 'parse', substitute: verdict.substitute });
      return null;
    }
    this.send(frame.raw, { kind: 'parse', substitute: null });
    return null;
  }

  private onBind(frame: Frame): void {
    const bind = parseBind(frame.payload);
    const params = bind.values.map((v, i) => {
      if (v === null) return null;
      const text = paramFormat(bind, i) === 1 ? `\\x${v.toString('hex')}` : v.toString('utf8');
      return text.length > MAX_PARAM_CHARS ? `${text.slice(0, MAX_PARAM_CHARS)}… (${text.length} chars)` : text;
    });
    this.portals.set(bind.portal, { statement: this.prepared.get(bind.statement), params });
    this.send(frame.raw, { kind: 'bind' });
  }

  private onExecute(frame: Frame): Promise<void> | null {
    const { portal: name } = parseExecute(frame.payload);
    const portal = this.portals.get(name);
    const prepared = portal?.statement;
    if (!portal || !prepared || this.isRefusedAtParse(prepared.verdict)) {
      // The server answers this itself: the portal does not exist or its Parse already failed.
      return this.send(frame.raw, { kind: 'execute', statement: null }), null;
    }
    const verdict = this.currentVerdict(prepared);
    const record = buildRecord(
      { sessionId: this.options.sessionId, seq: ++this.seq, protocol: 'extended', text: prepared.text, params: portal.params },
      verdict,
    );
    // A failing Parse in the Execute's place makes the server skip to Sync, as for any error.
    const refuse = (s: Substitute) =>
      this.send(buildParse({ name: REFUSED_STATEMENT_NAME, query: REFUSED_SQL, paramTypes: [] }), { kind: 'parse', substitute: s });
    const forward = () => {
      const masking = this.maskingFor(verdict);
      // Rows of an Execute come without a RowDescription: ask for the portal's, to mask by column.
      if (masking) this.send(buildDescribe({ kind: 'P', name }), { kind: 'describe', masking, isInjected: true });
      this.send(frame.raw, { kind: 'execute', statement: this.statementRef(record, verdict), masking });
    };
    if (verdict.decision.action === 'require_approval' && this.options.hold) return this.hold(record, verdict, forward, refuse);
    if (verdict.substitute) {
      this.recordRefused(record);
      return refuse(verdict.substitute), null;
    }
    return this.audited(record, verdict, forward, refuse);
  }

  /** Parsing executes nothing: a statement that may be held is parsed, and held at its Execute. */
  private isRefusedAtParse(verdict: GateVerdict): boolean {
    return verdict.substitute !== null && !(verdict.decision.action === 'require_approval' && this.options.hold);
  }

  /** Rules (statement or masking) saved since the statement was prepared apply to its next execution. */
  private currentVerdict(prepared: Prepared): GateVerdict {
    const rules = this.options.rules();
    const maskingRules = this.options.masking?.rules();
    if (rules !== prepared.rules || maskingRules !== prepared.maskingRules) {
      prepared.verdict = this.judge(prepared.text, rules);
      prepared.rules = rules;
      prepared.maskingRules = maskingRules;
    }
    return prepared.verdict;
  }

  /** Forwards once the record is safe: durable first for anything that can change data, batched for reads. */
  private audited(
    record: ReturnType<typeof buildRecord>,
    verdict: GateVerdict,
    forward: () => void,
    refuse: (s: Substitute) => void,
  ): Promise<void> | null {
    const unavailable = (e: unknown): Substitute => ({ sqlstate: '57P03', message: e instanceof AuditUnavailableError ? e.message : `Gatehouse audit failed: ${(e as Error).message}` });
    if (!verdict.needsDurableAudit) {
      try {
        this.options.audit.recordBatched(record);
        forward();
      } catch (e) {
        refuse(unavailable(e));
      }
      return null;
    }
    return this.options.audit.recordDurable(record).then(forward, (e) => refuse(unavailable(e)));
  }

  private recordRefused(record: StatementRecord): void {
    try {
      this.options.audit.recordBatched(record);
    } catch {
      // The statement is refused either way; the audit outage is reported on the next allowed one.
    }
  }

  private judge(text: string, rules = this.options.rules()): GateVerdict {
    const verdict = judgeStatement(text, this.options.identity(), rules, this.options.strictReads());
    return withMaskingRefusal(verdict, this.maskingFor(verdict));
  }
}

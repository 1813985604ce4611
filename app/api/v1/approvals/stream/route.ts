import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listApprovalRequests } from '@/lib/approvals/list-approval-requests';

export const dynamic = 'force-dynamic';

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
/** Ending the stream now and then makes EventSource reconnect, which signs the caller in again: a disabled approver stops hearing. */
const MAX_STREAM_MS = 5 * 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html): each second
 * the pending list is read; when its ids or statuses changed, `event: approvals` carries the list.
 * A comment line every 15 s keeps proxies from closing an idle connection. The loop ends when the
 * client goes away (request.signal) or the stream reaches its maximum age.
 */
export const GET = apiRoute(['approver', 'admin'], async (req, { actor }) => {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  req.signal.addEventListener('abort', () => stop.abort(), { once: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const startedAt = Date.now();
      let last = '';
      let lastSentAt = startedAt;
      send(`retry: 3000\n\n`);
      while (!stop.signal.aborted && Date.now() - startedAt < MAX_STREAM_MS) {
        try {
          const rows = await listApprovalRequests(getDb(), { actor, status: 'pending' });
          const list = JSON.stringify(rows.map((r) => ({ id: r.id, status: r.status })));
          if (list !== last) {
            send(`event: approvals\ndata: ${list}\n\n`);
            last = list;
            lastSentAt = Date.now();
          } else if (Date.now() - lastSentAt >= HEARTBEAT_MS) {
            send(`: heartbeat\n\n`);
            lastSentAt = Date.now();
          }
        } catch (e) {
          if (stop.signal.aborted) break;
          console.error('approvals stream poll failed', e);
        }
        await sleep(POLL_MS, stop.signal);
      }
      try {
        controller.close();
      } catch {
        // Already closed by a cancelled client.
      }
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});

import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { streamRecording } from '@/lib/sessions/build-recording';

/**
 * GET /api/v1/sessions/:id/recording : the session as JSON Lines (docs/recording-format.md), the
 * header first. Streamed: access is checked before the first byte, so a refusal is a JSON error.
 */
export const GET = apiRoute('any', async (_req, { actor, params }) => {
  const lines = await streamRecording(getDb(), { actor, id: params.id! });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="session-${params.id}.jsonl"`,
      'cache-control': 'no-store',
    },
  });
});

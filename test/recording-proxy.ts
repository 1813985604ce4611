import net from 'node:net';

export type RecordingProxy = {
  port: number;
  /** Every byte sent to clients since the last reset. */
  received: () => Buffer;
  reset: () => void;
  close: () => Promise<void>;
};

/** A TCP relay in front of a cleartext gateway that keeps every byte the clients receive. */
export async function startRecordingProxy(targetPort: number): Promise<RecordingProxy> {
  let chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('close', close).on('error', close);
    client.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => Buffer.concat(chunks),
    reset: () => {
      chunks = [];
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

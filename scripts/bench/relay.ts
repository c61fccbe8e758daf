/**
 * A slow link for the bench: a TCP relay in front of one server that holds every chunk for
 * `delayMs` in each direction (25 ms each way is a 50 ms round trip), the end of a stream too,
 * so order is kept. The TCP handshake to the relay itself is not delayed.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface Relay {
  port: number;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number, delayMs: number, targetHost = '127.0.0.1'): Promise<Relay> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  // No Nagle on the relay's own sockets: a link delays by its latency, not by waiting for ACKs.
  const server = createServer({ noDelay: true }, (client) => {
    const upstream = connect({ port: targetPort, host: targetHost, noDelay: true });
    track(client);
    track(upstream);
    delayed(client, upstream, delayMs);
    delayed(upstream, client, delayMs);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Timers of one duration fire in the order they were set: chunks arrive as they were sent. */
function delayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.destroyed || to.end(), delayMs));
}

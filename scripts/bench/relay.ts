/**
 * A slow link for the bench: a TCP relay in front of one server that holds every chunk for
 * `delayMs` in each direction (25 ms each way is a 50 ms round trip), the end of a stream too,
 * so order is kept. The TCP handshake to the relay itself is not delayed; with `handshake`, the
 * link makes up for it: nothing a client sends leaves before one round trip after it connected,
 * as on a real link, where the first byte waits for the SYN and SYN-ACK.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface Relay {
  port: number;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number, delayMs: number, opts: { handshake?: boolean } = {}): Promise<Relay> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  // No Nagle on the relay's own sockets: a link delays by its latency, not by waiting for ACKs.
  const server = createServer({ noDelay: true }, (client) => {
    const upstream = connect({ port: targetPort, host: '127.0.0.1', noDelay: true });
    track(client);
    track(upstream);
    delayed(client, upstream, delayMs, opts.handshake ? Date.now() + 2 * delayMs : 0);
    delayed(upstream, client, delayMs, 0);
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

/**
 * Each chunk is due `delayMs` after it came, and never before `notBefore` nor before the chunk
 * ahead of it: timers fire in the order of their due times, so chunks arrive as they were sent.
 */
function delayed(from: Socket, to: Socket, delayMs: number, notBefore: number): void {
  let lastDue = 0;
  const later = (act: () => void) => {
    const due = Math.max(Date.now() + delayMs, notBefore + delayMs, lastDue);
    lastDue = due;
    setTimeout(act, due - Date.now());
  };
  from.on('data', (chunk) => later(() => to.destroyed || to.write(chunk)));
  from.on('end', () => later(() => to.destroyed || to.end()));
}

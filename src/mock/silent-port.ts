/**
 * A port that accepts TCP connections and never says a byte (issue 3): a TLS handshake or
 * an HTTP request to it can only time out. Sockets are held until close().
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SilentPort {
  host: string;
  port: number;
  /** https://HOST:PORT, for use as an auth or base URL that will never answer. */
  origin: string;
  close(): Promise<void>;
}

export async function startSilentPort(host = '127.0.0.1', port = 0): Promise<SilentPort> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    host,
    port: bound,
    origin: `https://${net.isIPv6(host) ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

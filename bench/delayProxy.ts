// A TCP proxy that delays every answer: the slow or distant cluster of the inventory and doctor benches.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy to 127.0.0.1:`port` that holds every chunk from the server for `delayMs` (order kept). */
export async function delayProxy(port: number, delayMs: number): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const up = connect(port, '127.0.0.1');
    // A link adds delay, it does not hold small writes back: without TCP_NODELAY the proxy's own sockets
    // would add Nagle's wait for a delayed ACK (up to 40 ms) whenever a client sends a second small write
    // before the first is acknowledged, as an HTTP/2 client multiplexing requests does (real proxies and
    // Go's API server set TCP_NODELAY).
    up.setNoDelay(true);
    client.setNoDelay(true);
    for (const s of [client, up]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        up.destroy();
      });
    }
    client.pipe(up);
    up.on('data', (chunk) => setTimeout(() => client.writable && client.write(chunk), delayMs));
    up.on('end', () => setTimeout(() => client.end(), delayMs));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

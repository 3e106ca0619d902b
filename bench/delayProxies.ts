// Child process of inventory.bench.ts: TCP proxies that hold every chunk from the server for a delay (order
// kept), one per target port given on the command line. The fan-out bench runs them here rather than in
// its own process: 50 proxies copying every byte would otherwise load the event loop being measured,
// which 50 remote clusters do not. They still share the machine's cores, as the API servers do.
// Usage: node --import tsx bench/delayProxies.ts <delayMs> <port>…   → prints the listening ports as JSON.
import { delayProxy } from './delayProxy';

const [delay, ...targets] = process.argv.slice(2).map(Number);
Promise.all(targets.map(async (p) => (await delayProxy(p, delay ?? 0)).port)).then(
  (ports) => process.stdout.write(`${JSON.stringify(ports)}\n`),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
// The parent ends this process when it is done (or dies: stdin closes).
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));

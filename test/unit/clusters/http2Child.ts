// Child process of http2Sessions.test.ts: one GET over a pooled HTTP/2 session, then nothing. The test
// checks that this process exits on its own (the session must not hold it open, as a CLI run must end).
// Usage: node --import tsx http2Child.ts <origin> <ca.pem>
import { readFileSync } from 'node:fs';
import { h2Get, poolState } from '../../../clusters/src/http2Sessions';

const [origin = '', caFile = ''] = process.argv.slice(2);
void h2Get(
  { id: 'child', tls: { ca: readFileSync(caFile, 'utf8') } },
  new URL('/x', origin),
  {},
  new AbortController().signal,
  1 << 20,
).then((r) => {
  const status = r !== 'http1' && r.ok ? r.status : String(r === 'http1' ? r : r.error);
  process.stdout.write(`${status} ${poolState().sessions.length} session\n`);
});

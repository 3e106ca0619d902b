// Test fixture: a self-signed certificate and its key made by openssl (EC P-256, valid one day), PEM. With
// `ip` the certificate is for that address (a local TLS server's); with `keepIn` its files stay in a new folder
// there and `file` is the certificate's path, else they are removed once read.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function selfSignedCert(
  cn: string,
  options: { ip?: string; keepIn?: string } = {},
): { cert: string; key: string; file: string } {
  const dir = mkdtempSync(join(options.keepIn ?? tmpdir(), 'cert-'));
  try {
    const names = ['-subj', `/CN=${cn}`, ...(options.ip ? ['-addext', `subjectAltName=IP:${options.ip}`] : [])];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem']
        .concat(names)
        .concat(['-days', '1']),
      { cwd: dir, stdio: 'ignore' },
    );
    const file = join(dir, 'c.pem');
    return { cert: readFileSync(file, 'utf8'), key: readFileSync(join(dir, 'k.pem'), 'utf8'), file };
  } finally {
    if (!options.keepIn) rmSync(dir, { recursive: true, force: true });
  }
}

// Checks a context's TLS material before the first request, so a broken key or certificate is a fault
// that names the kubeconfig entry ("client key in kubeconfig user X cannot be read (…)") instead of an
// OpenSSL code thrown from deep inside the https module ("error:1E08010C:DECODER routines::unsupported").
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { makeFault, type ClusterFault } from './faults';

export interface TlsMaterial {
  ca?: Buffer | string;
  cert?: Buffer | string;
  key?: Buffer | string;
}

/** OpenSSL's reason without its numeric code: "error:1E08010C:DECODER routines::unsupported" → "DECODER routines: unsupported". */
function opensslReason(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  const parts = /^error:[0-9A-F]+:([^:]*):[^:]*:(.*)$/.exec(m);
  return parts ? `${parts[1]}: ${parts[2]}` : (m.split('\n')[0] ?? '');
}

const pemBlocks = (data: Buffer | string, label: string): string[] =>
  data.toString().match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g')) ?? [];

/**
 * Digests of material that passed every check. 50 contexts of one CA and user would otherwise parse the same
 * certificates 50 times per read (X.509 parsing was the largest cost of opening a context). Only a pass is
 * kept: a problem is re-checked so that its message names the entries of the context at hand.
 */
const passed = new Set<string>();
const MAX_PASSED = 256;

function digestOf(m: TlsMaterial): string {
  const h = createHash('sha256');
  for (const part of [m.ca, m.cert, m.key]) {
    const b = part === undefined ? '' : part;
    h.update(`${b.length}:`).update(b);
  }
  return h.digest('hex');
}

/** The first problem with the material of context `context` (user `user`, cluster `cluster`), if any. */
export function checkTlsMaterial(m: TlsMaterial, names: { user: string; cluster: string }): ClusterFault | undefined {
  const digest = digestOf(m);
  if (passed.has(digest)) return undefined;
  const problem = firstProblem(m, names);
  if (!problem) {
    if (passed.size >= MAX_PASSED) passed.clear();
    passed.add(digest);
  }
  return problem;
}

function firstProblem(m: TlsMaterial, names: { user: string; cluster: string }): ClusterFault | undefined {
  const keep = { keep: [names.user, names.cluster] };
  if (m.ca) {
    const certs = pemBlocks(m.ca, 'CERTIFICATE');
    if (certs.length === 0)
      return makeFault(
        'config',
        `certificate-authority of kubeconfig cluster "${names.cluster}" cannot be read (no PEM certificate in it)`,
        [],
        keep,
      );
    for (const c of certs) {
      try {
        new X509Certificate(c);
      } catch (err) {
        return makeFault(
          'config',
          `certificate-authority of kubeconfig cluster "${names.cluster}" cannot be read (${opensslReason(err)})`,
          [],
          keep,
        );
      }
    }
  }
  if (m.cert) {
    try {
      new X509Certificate(m.cert);
    } catch (err) {
      return makeFault(
        'config',
        `client certificate in kubeconfig user "${names.user}" cannot be read (${opensslReason(err)})`,
        [],
        keep,
      );
    }
  }
  if (m.key) {
    try {
      createPrivateKey(m.key);
    } catch (err) {
      return makeFault(
        'config',
        `client key in kubeconfig user "${names.user}" cannot be read (${opensslReason(err)}; is it a PEM private key, unencrypted?)`,
        [],
        keep,
      );
    }
  }
  if (m.cert && m.key) {
    try {
      createSecureContext({ cert: m.cert, key: m.key });
    } catch (err) {
      return makeFault(
        'config',
        `client certificate and key of kubeconfig user "${names.user}" do not belong together (${opensslReason(err)})`,
        [],
        keep,
      );
    }
  }
  if (!!m.cert !== !!m.key)
    return makeFault(
      'config',
      `kubeconfig user "${names.user}" has a client ${m.cert ? 'certificate without a key' : 'key without a certificate'}`,
      [],
      keep,
    );
  return undefined;
}

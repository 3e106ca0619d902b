// Per-cluster TLS and service-account keys. openssl signs the certificates (Node's crypto cannot
// issue X.509 certificates); Node generates the service-account key pair.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClusterPki {
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
  saPublicKeyFile: string;
  saPrivateKeyFile: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new Error(
        'the testbed needs the openssl CLI to make TLS certificates: apt-get install openssl (or your OS equivalent)',
      );
    }
    throw new Error(`openssl ${args[0]} failed: ${err.stderr ?? err.message}`);
  }
}

/** A self-signed CA and a serving certificate for 127.0.0.1 / localhost, in `dir`. */
export async function makeClusterPki(dir: string, clusterName: string): Promise<ClusterPki> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-subj',
      `/CN=clusterset-testbed-${clusterName}-ca`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  await openssl(['req', ...ec, '-keyout', 'apiserver.key', '-out', 'apiserver.csr', '-subj', '/CN=kube-apiserver'], dir);
  writeFileSync(
    join(dir, 'apiserver.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc',
      '',
    ].join('\n'),
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      'apiserver.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'apiserver.crt',
      '-days',
      '3650',
      '-extfile',
      'apiserver.ext',
    ],
    dir,
  );
  const sa = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(join(dir, 'sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    caFile: join(dir, 'ca.crt'),
    caPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    certFile: join(dir, 'apiserver.crt'),
    keyFile: join(dir, 'apiserver.key'),
    saPublicKeyFile: join(dir, 'sa.pub'),
    saPrivateKeyFile: join(dir, 'sa.key'),
  };
}

export type TestbedUser = 'admin' | 'viewer' | 'reader';
export const USERS: readonly TestbedUser[] = ['admin', 'viewer', 'reader'];

/** Random bearer tokens, one per user; they live only in the token file and the kubeconfig (0600). */
export function makeTokens(): Record<TestbedUser, string> {
  const t = () => randomBytes(24).toString('base64url');
  return { admin: t(), viewer: t(), reader: t() };
}

/** kube-apiserver --token-auth-file format: token,user,uid,"group1,group2". */
export function tokenFile(tokens: Record<TestbedUser, string>): string {
  return [
    `${tokens.admin},admin,uid-admin,"system:masters"`,
    `${tokens.viewer},viewer,uid-viewer`,
    `${tokens.reader},reader,uid-reader`,
    '',
  ].join('\n');
}

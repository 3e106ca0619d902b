// Reading the files a kubeconfig names (the kubeconfig itself, certificates, keys, token files) without
// trusting them: only regular files, never more than a limit. A FIFO would block forever, /dev/zero or a
// huge file would end in "Invalid string length" or an out-of-memory crash; each is a clear error instead.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { ok: true; data: Buffer } | { ok: false; reason: string };

/** Kubeconfig files larger than this are refused (real ones are kilobytes; kubectl has no limit, we do). */
export const MAX_KUBECONFIG_BYTES = 16 << 20;
/** Certificates, keys and tokens: a CA bundle is tens of kilobytes at most. */
export const MAX_CREDENTIAL_FILE_BYTES = 1 << 20;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'is not readable (permission denied)',
  EPERM: 'is not readable (operation not permitted)',
  EISDIR: 'is a directory',
  ELOOP: 'is a symbolic link loop',
  ENOTDIR: 'has a path component that is not a directory',
  ENXIO: 'is not a regular file',
};

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  return ERRNO_TEXT[code] ?? `cannot be read (${code || (err instanceof Error ? err.message : String(err))})`;
}

/**
 * The content of `path` when it is a regular file of at most `maxBytes`; otherwise why not, as a phrase
 * that follows the path ("does not exist", "is not a regular file (a FIFO)", "is larger than 1 MiB").
 * Opened non-blocking, so a FIFO is detected by fstat before anything waits on it.
 */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: describeError(err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const what = st.isFIFO()
        ? 'a FIFO'
        : st.isCharacterDevice()
          ? 'a character device'
          : st.isBlockDevice()
            ? 'a block device'
            : st.isSocket()
              ? 'a socket'
              : st.isDirectory()
                ? 'a directory'
                : 'not a file';
      return { ok: false, reason: `is not a regular file (${what})` };
    }
    if (st.size > maxBytes) return { ok: false, reason: `is larger than ${formatBytes(maxBytes)} (${formatBytes(st.size)})` };
    // The size can change while we read (a file being rewritten): read at most maxBytes + 1 to notice.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { ok: false, reason: `is larger than ${formatBytes(maxBytes)}` };
      if (total === buf.length) return { ok: false, reason: 'grew while it was read; try again' };
    }
    return { ok: true, data: buf.subarray(0, total) };
  } catch (err) {
    return { ok: false, reason: describeError(err) };
  } finally {
    closeSync(fd);
  }
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round((n / (1 << 20)) * 10) / 10} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

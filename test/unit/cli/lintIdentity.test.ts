// The fast paths of `clusterset lint` change nothing: the built CLI (dist/cli.js) on the bench inputs (smaller),
// a generated GitOps repository, the real-world corpus and the other YAML fixtures, in every output format,
// with every document parsed on the worker (--jobs 2, CLUSTERSET_LINT_WORKERS_FIRST=1), both threads (--jobs 2), by default
// (the reader thread reads the files when there are more than a few; CLUSTERSET_LINT_READER=1 always) and with every file
// read on the main thread (CLUSTERSET_LINT_READER=0), against the
// plain path (CLUSTERSET_LINT_PLAIN=1: no fast parser, no kind markers, no threads, the async walk of before). Stdout, stderr
// and the exit status must be byte-identical.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { generateMcsFile } from '../../../bench/generate';
import { generateGitopsRepo, writeGitopsRepo } from '../../../bench/gitops';
import { fewFiles } from '../../../cli/src/lint/readAhead';

const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'dist/cli.js');
const REAL_WORLD = join(REPO, 'test/fixtures/real-world');
const FORMATS = ['text', 'json', 'sarif'] as const;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  stats: { plain: boolean; reader?: boolean; workers?: number; unitsOnWorkers?: number; unitsHere?: number };
}

let scratch: string;

function lint(cwd: string, args: string[], env: Record<string, string>): Outcome {
  const statsFile = join(scratch, 'stats.json');
  rmSync(statsFile, { force: true });
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
    env: { ...process.env, CLUSTERSET_LINT_PLAIN: '', ...env, CLUSTERSET_LINT_STATS: statsFile },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, stats: JSON.parse(readFileSync(statsFile, 'utf8')) };
}

/** Lints `paths` from `cwd` plainly, then each fast way, and asserts every outcome equals the plain one. */
function assertIdentical(cwd: string, paths: string[], formats: readonly string[] = FORMATS): Outcome[] {
  const fast: Outcome[] = [];
  for (const format of formats) {
    const args = [...paths, '--format', format];
    const plain = lint(cwd, args, { CLUSTERSET_LINT_PLAIN: '1' });
    assert.equal(plain.stats.plain, true);
    const ways: Array<{ extra: string[]; env: Record<string, string> }> = [
      // Every document parsed on the worker (deterministic), both threads racing for them, the default.
      { extra: ['--jobs', '2'], env: { CLUSTERSET_LINT_WORKERS_FIRST: '1' } },
      { extra: ['--jobs', '2'], env: {} },
      // The reader thread walks and reads (forced: by default a few files are read on the main thread), the
      // default, and every file read on the main thread.
      { extra: [], env: { CLUSTERSET_LINT_READER: '1' } },
      { extra: [], env: {} },
      { extra: [], env: { CLUSTERSET_LINT_READER: '0' } },
    ];
    for (const { extra, env } of ways) {
      const other = lint(cwd, [...args, ...extra], env);
      const what = `${paths.join(' ')} --format ${format} ${extra.join(' ')} (in ${cwd})`;
      assert.equal(other.stats.plain, false);
      // The reader thread read the files when told to, and never when told not to (else the test compared the main
      // thread's reads twice); by default it does for more than a few files.
      const many = !fewFiles(paths.length ? paths : ['.'], cwd);
      const expected = env.CLUSTERSET_LINT_READER === '1' || (env.CLUSTERSET_LINT_READER === undefined && many);
      assert.equal(other.stats.reader, expected, `reader thread used by ${JSON.stringify(env)}`);
      assert.equal(other.status, plain.status, `exit status of ${what}`);
      // Whole-string equality first is cheap; the line-by-line form says where when it fails.
      if (other.stdout !== plain.stdout)
        assert.deepEqual(other.stdout.split('\n'), plain.stdout.split('\n'), `stdout of ${what}`);
      assert.equal(other.stderr, plain.stderr, `stderr of ${what}`);
      fast.push(other);
    }
  }
  return fast;
}

/** The first way of every format put every document through the worker (else the test compared little). */
function assertWorkerParsedAll(fast: Outcome[]): void {
  const forced = fast.filter((_, i) => i % 5 === 0);
  assert.ok(
    forced.every((o) => o.stats.workers === 1 && (o.stats.unitsOnWorkers ?? 0) > 0 && o.stats.unitsHere === 0),
    JSON.stringify(forced.map((o) => o.stats)),
  );
}

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  scratch = mkdtempSync(join(tmpdir(), 'clusterset-identity-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('identity: the bench folder (generated MCS files of 1,000 and 50,000 lines, as in the bench), parsed on two threads', () => {
  const dir = join(scratch, 'bench');
  for (const size of [1000, 50000]) {
    mkdirSync(join(dir, 'clusters', `c${size}`), { recursive: true });
    writeFileSync(join(dir, 'clusters', `c${size}`, `mcs-${size}.yaml`), generateMcsFile(size).text);
  }
  const fast = assertIdentical(dir, ['clusters']);
  assert.ok(fast[0].stdout.length > 1000, 'findings to compare');
  // With --jobs 2 the worker really took part (else this test would compare the plain path with itself).
  assertWorkerParsedAll(fast);
});

test('identity: a generated GitOps repository of 500 files (most not MCS)', () => {
  const dir = join(scratch, 'gitops');
  const repo = generateGitopsRepo(500);
  writeGitopsRepo(dir, repo);
  const fast = assertIdentical(dir, ['.']);
  assert.match(fast[0].stdout, /MCS\d{3}/);
  assertWorkerParsedAll(fast);
});

test('identity: the whole real-world corpus as one workspace', () => {
  assertIdentical(REAL_WORLD, ['.']);
});

test('identity: each real-world repository from its own folder (its project config applies)', () => {
  for (const repo of readdirSync(REAL_WORLD).filter((d) => statSync(join(REAL_WORLD, d)).isDirectory()))
    assertIdentical(join(REAL_WORLD, repo), ['.'], ['json']);
});

test('identity: the examples and the generator fixtures', () => {
  assertIdentical(REPO, ['examples', 'test/fixtures/generate']);
});

test('identity: syntax errors, CR line endings, a List, a byte-order mark and UTF-16 in one large file and small ones', () => {
  const dir = join(scratch, 'odd');
  const group = generateMcsFile(1000).text;
  const broken = `${group}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: bad, namespace: shop\n---\n${group}`;
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: multicluster.x-k8s.io/v1alpha1\n  kind: ServiceExport\n  metadata: {name: a, namespace: shop}\n`;
  mkdirSync(join(dir, 'clusters/east'), { recursive: true });
  writeFileSync(join(dir, 'clusters/east/big.yaml'), `\ufeff${broken.repeat(3)}\n---\n${list}`);
  writeFileSync(join(dir, 'clusters/east/cr.yaml'), group.replace(/\n/g, '\r'));
  writeFileSync(join(dir, 'clusters/east/crlf.yaml'), group.replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'clusters/east/utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(list, 'utf16le')]));
  writeFileSync(join(dir, 'clusters/east/dup.yaml'), 'apiVersion: v1\nkind: Service\nkind: Service\n');
  const fast = assertIdentical(dir, ['.']);
  assert.match(fast[0].stdout, /YAML/);
});

test('identity: what the reader thread checks instead of the walk (links, overlapping paths, a FIFO, a file over the size limit, ignored files)', () => {
  const dir = join(scratch, 'walk');
  const group = generateMcsFile(200).text;
  mkdirSync(join(dir, 'clusters/east/sub'), { recursive: true });
  mkdirSync(join(dir, 'clusters/west'), { recursive: true });
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  writeFileSync(join(dir, 'clusters/east/a.yaml'), group);
  writeFileSync(join(dir, 'clusters/east/sub/b.yaml'), group.replace(/shop/g, 'store'));
  // The same file under three names: a symlink, a hard link, and through overlapping paths below.
  symlinkSync(join(dir, 'clusters/east/a.yaml'), join(dir, 'clusters/west/a-link.yaml'));
  linkSync(join(dir, 'clusters/east/a.yaml'), join(dir, 'clusters/west/a-hard.yaml'));
  symlinkSync(join(dir, 'clusters/east/sub'), join(dir, 'clusters/west/sub-link'));
  execFileSync('mkfifo', [join(dir, 'clusters/east/pipe.yaml')]);
  writeFileSync(join(dir, 'clusters/east/huge.yaml'), Buffer.alloc(17 * 1024 * 1024, 0x20));
  writeFileSync(join(dir, 'vendor/ignored.yaml'), 'kind: ServiceExport\nmetadata: {name: [}\n');
  writeFileSync(join(dir, 'vendor/huge-ignored.yaml'), Buffer.alloc(17 * 1024 * 1024, 0x20));
  writeFileSync(join(dir, '.clusterset.yaml'), 'ignore:\n  - vendor/**\n');
  const fast = assertIdentical(dir, ['.', 'clusters/east', 'clusters/east/sub/b.yaml', 'clusters/west/a-hard.yaml'], ['json']);
  assert.match(fast[0].stderr, /huge\.yaml/, 'the file over the size limit is reported');
  assert.match(fast[0].stderr, /pipe\.yaml/, 'the FIFO is reported');
  // Hard link and symlink are read once: a file read twice would double its findings.
  const files = new Set((JSON.parse(fast[0].stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file));
  assert.ok(![...files].some((f) => f.includes('a-link') || f.includes('a-hard')), [...files].join(', '));
});

// `clusterset generate <generator>`: the editor's generators, headless. Reads the paths as one workspace (like
// `lint`), runs the generator and prints the document (or writes it with --output). Exit 0: generated; 1: the
// workspace cannot yield that document (the message says why); 2: usage error.
import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPLEMENTATIONS, type Implementation } from '../../server/src/protocol';
import { createLanguageService, GENERATORS, type GeneratorId } from '../../server/src/service/public';
import { loadWorkspace } from './workspace';

type Out = { write(s: string): unknown };

export const GENERATE_USAGE = `Usage: clusterset generate <generator> [paths…] [options]

Generators:
${GENERATORS.map((g) => `  ${g.id.padEnd(16)} ${g.title}${g.perService ? ' (needs --service)' : ''}`).join('\n')}

The paths (default: the current directory) are read as one workspace, as 'clusterset lint' reads them: the
ClusterSet file, and the Services and ServiceExports of the cluster folders.

Options:
  --service NS/NAME          the exported service (serviceimport, traffic-policy, networkpolicy)
  --version V                the implementation's version, e.g. 1.18 for Cilium (default: the latest known)
  --implementation NAME      ${IMPLEMENTATIONS.join('|')} (a ClusterSet file in the paths wins)
  --kubernetes-version V     target Kubernetes minor, e.g. 1.33 (traffic-policy)
  -o, --output FILE          write the document to FILE instead of standard output
  -h, --help                 show this help

Exit status: 0 generated, 1 the workspace cannot yield the document (the reason is printed), 2 usage error.`;

export async function runGenerate(args: string[], stdout: Out, stderr: Out, options: { cwd?: string } = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        service: { type: 'string' },
        version: { type: 'string' },
        implementation: { type: 'string' },
        'kubernetes-version': { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    stderr.write(`clusterset generate: ${(err as Error).message}\n${GENERATE_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  const [id, ...paths] = positionals;
  const generator = GENERATORS.find((g) => g.id === id);
  if (!generator) {
    stderr.write(`clusterset generate: ${id ? `unknown generator '${id}'` : 'name a generator'}\n${GENERATE_USAGE}\n`);
    return 2;
  }
  if (generator.perService && !values.service) {
    stderr.write(`clusterset generate ${generator.id}: --service NS/NAME is required\n`);
    return 2;
  }
  const implementation = values.implementation;
  if (implementation !== undefined && !(IMPLEMENTATIONS as readonly string[]).includes(implementation)) {
    stderr.write(`clusterset generate: unknown --implementation '${implementation}' (${IMPLEMENTATIONS.join(', ')})\n`);
    return 2;
  }
  const service = createLanguageService({
    settings: {
      ...(implementation ? { implementation: implementation as Implementation } : {}),
      ...(values['kubernetes-version'] ? { kubernetesVersion: values['kubernetes-version'] } : {}),
    },
  });
  const { fileOf, unreadable } = await loadWorkspace(service, paths.length ? paths : ['.'], { cwd });
  for (const u of unreadable) stderr.write(`clusterset generate: ${u.file}: ${u.reason}\n`);
  const clusterSetUri = [...service.index.ofKind('ClusterSet')][0]?.uri;
  const clusterSetPath = clusterSetUri ? fileOf.get(clusterSetUri) : undefined;
  const result = service.generate({
    generator: generator.id as GeneratorId,
    service: values.service,
    implementationVersion: values.version,
    clusterSetPath,
  });
  if (!result.ok) {
    stderr.write(`clusterset generate ${generator.id}: ${result.error}\n`);
    return 1;
  }
  for (const w of result.warnings) stderr.write(`warning: ${w}\n`);
  if (values.output) {
    const target = resolve(cwd, values.output);
    await writeFile(target, result.text);
    stderr.write(`wrote ${relative(cwd, target) || target}\n`);
  } else {
    stdout.write(result.text);
  }
  return 0;
}

// Finds the workspace's YAML files for the index, skipping folders that never hold manifests.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.testbed', 'vendor']);
const MAX_FILES = 20000;

export async function findYamlFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12 || found.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), depth + 1);
      } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
        found.push(pathToFileURL(join(dir, e.name)).href);
        if (found.length >= MAX_FILES) return;
      }
    }
  };
  await walk(root, 0);
  return found;
}

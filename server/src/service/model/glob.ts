// Path globs for the project config (`ignore:`, `clusters[].paths`) and the ClusterSet file's `clusters[].paths`:
// `**` any folders, `*` and `?` within one path segment, `{a,b}` alternatives. A glob without wildcards also
// matches everything under it (`gke-1` = `gke-1/**`), as `.gitignore` does for folders.

function segmentToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches the rest.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map(segmentToRegex)
          .join('|')})`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** A matcher for one glob, relative to a base folder (paths given to it use `/` and no leading `./`). */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const re = new RegExp(`^${segmentToRegex(g)}(?:/.*)?$`);
  return (p) => re.test(p);
}

/** The path of `uri` relative to the folder `baseUri` (both `file:` URIs), or undefined when it is outside. */
export function relativeTo(baseUri: string, uri: string): string | undefined {
  const base = baseUri.endsWith('/') ? baseUri : `${baseUri}/`;
  if (!uri.startsWith(base)) return undefined;
  return decodeURIComponent(uri.slice(base.length));
}

/** The folder of a file URI, with a trailing slash. */
export function folderOfUri(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One candidate post, read as raw bytes: decoding is the next step's job. */
export interface SourceFile {
  /** Path relative to the content root, with '/' separators. */
  path: string;
  bytes: Uint8Array;
}

/** What the walk found: the posts to compile, and the files it passed over. */
export interface ContentTree {
  files: SourceFile[];
  skipped: string[];
}

/** Extensions of Markdown posts; extension-less files are read too, if they look like text. */
const POST_EXTENSIONS = new Set(['.md', '.markdown']);

/** How much of an extension-less file is sniffed for NUL bytes before it is taken as text. */
const SNIFF_BYTES = 8000;

/** Folders that never hold posts: VCS metadata and dependency trees. */
const IGNORED_DIRECTORIES = new Set(['.git', 'node_modules', '.svelte-kit']);

/** True for a file with no extension whose first bytes contain no NUL (a binary would). */
function looksLikeText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, SNIFF_BYTES).includes(0);
}

/** Walks `root` and reads every post: `*.md`, `*.markdown` and extension-less text files. */
export async function readContentTree(root: string): Promise<ContentTree> {
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    if (relative.split('/').some((part) => IGNORED_DIRECTORIES.has(part))) continue;
    const extension = path.extname(entry.name).toLowerCase();
    if (POST_EXTENSIONS.has(extension)) {
      files.push({ path: relative, bytes: await readFile(absolute) });
    } else if (extension === '' && !entry.name.startsWith('.')) {
      const bytes = await readFile(absolute);
      if (looksLikeText(bytes)) files.push({ path: relative, bytes });
      else skipped.push(relative);
    } else {
      skipped.push(relative);
    }
  }
  // Sorted so that the bundle is byte-for-byte the same whatever order the file system lists.
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort();
  return { files, skipped };
}

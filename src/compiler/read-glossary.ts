/** Reads the project's glossary at the I/O edge, as `read-content` reads the posts. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlossarySource } from './glossary';

/** The project's glossary: part of the compiler, not of the content, so any content gets it. */
export const GLOSSARY_PATH = fileURLToPath(new URL('./data/glossary.yaml', import.meta.url));

/** The glossary's text, reported under its path from `cwd` ('/' separators); null when there is none. */
export async function readGlossary(
  file = GLOSSARY_PATH,
  cwd = process.cwd(),
): Promise<GlossarySource | null> {
  try {
    const text = await readFile(file, 'utf8');
    return { file: path.relative(cwd, file).split(path.sep).join('/') || file, text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The JavaScript the benchmark page loads, bundled by esbuild (the copy tsx and vite bring):
 * Sidecar's search module as a client would download it, and the page runner.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The search module the data worker imports: the index, its encoder and FlexSearch. */
export const SEARCH_MODULE = 'src/lib/search/content-index.ts';

/**
 * Bundles Sidecar's search module into one minified ES module at `outFile`. It stands in for the
 * search part of the app's data worker; the worker's IndexedDB and messaging code is left out.
 */
export async function bundleSearchModule(outFile: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, SEARCH_MODULE)],
    outfile: outFile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    alias: { $lib: path.join(ROOT, 'src', 'lib') },
    logLevel: 'error',
  });
}

/** Bundles the page runner (`page-runner.ts`) into `outFile`. */
export async function bundlePageRunner(outFile: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'bench-search', 'page-runner.ts')],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
}

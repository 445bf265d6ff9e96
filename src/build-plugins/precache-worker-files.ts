/**
 * A Vite plugin (build time only, see vite.config.ts) that lets the service worker precache the
 * files Vite emits for module workers: the data worker's own chunks and the compiled content
 * bundle it imports with `?url`.
 *
 * SvelteKit lists in `$service-worker`'s `build` every file of the client build's Vite manifest,
 * and Vite's manifest names a worker's entry chunk but nothing the worker itself emitted. Without
 * this plugin the content bundle is never precached, and a first visit is not usable offline.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, Plugin } from 'vite';

/** Where SvelteKit's client build puts module workers and everything they emit. */
const WORKER_FILES_PREFIX = '_app/immutable/workers/';

/** Manifest keys for the entries this plugin adds; no source path starts like this. */
const ENTRY_KEY_PREFIX = 'sidecar:worker-file:';

/** Every file a manifest entry names. */
function listedFiles(manifest: Manifest): Set<string> {
  const files = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  }
  return files;
}

/** Adds the worker-emitted files of the client build to its Vite manifest. */
export function precacheWorkerFiles(): Plugin {
  let isClientBuild = false;
  return {
    name: 'sidecar:precache-worker-files',
    apply: 'build',
    configResolved(config) {
      isClientBuild = !config.build.ssr && config.build.manifest !== false;
    },
    // SvelteKit reads the client manifest from disk after the client build, so rewriting it once
    // it is written (it is emitted in generateBundle) reaches `$service-worker`.
    async writeBundle(options, bundle) {
      if (!isClientBuild || !options.dir) return;
      const workerFiles = Object.keys(bundle).filter((file) =>
        file.startsWith(WORKER_FILES_PREFIX),
      );
      if (workerFiles.length === 0) return;

      const manifestPath = path.join(options.dir, '.vite', 'manifest.json');
      let manifest: Manifest;
      try {
        manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
      } catch (error) {
        throw new Error(
          `precache-worker-files: cannot read the client build's Vite manifest at ${manifestPath} ` +
            `(${(error as Error).message}); without it the service worker cannot precache ` +
            `${workerFiles.join(', ')}.`,
        );
      }
      const listed = listedFiles(manifest);
      const missing = workerFiles.filter((file) => !listed.has(file));
      if (missing.length === 0) return;
      for (const file of missing) manifest[ENTRY_KEY_PREFIX + file] = { file };
      await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    },
  };
}

/**
 * `node scripts/run-bundled.js FILE.ts [ARGS]`: runs a TypeScript entry point with ARGS, bundled
 * by esbuild into one ES module and run by plain Node. `npm run content` (the compiler's CLI,
 * `src/compiler/cli.ts`), `prebuild`, `npm run eval:extraction` and `npm run bench:repair` run
 * this way, with `--max-semi-space-size=32`: a young generation twice V8's default, where the
 * Markdown parser and the lost-byte resolver make their many short-lived objects, so it is
 * collected less often (resolving the corpus's lost bytes took 13-15% less CPU in alternating
 * runs). `bench:repair` also starts the young generation at that size
 * (`--min-semi-space-size=32`), rather than growing it page by page: the whole run took about 6%
 * less time, while the seeds' compile, which never needs that much, took 0.1 s more, so the
 * others keep V8's default start.
 *
 * Run through tsx, each of the hundreds of modules the compiler loads (the Markdown parser, yaml,
 * the sanitiser, pinyin-pro's dictionary) is resolved and loaded by a round trip to tsx's loader
 * thread: about 1.3 s of CPU before the first post is read, against 0.3 s for one bundled file,
 * and the compile itself ran about a quarter slower. The output is the same; `npx tsx FILE.ts`
 * still runs the sources directly, with stack traces that point into them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = path.join(ROOT, 'node_modules');
/** A cache, as Vite keeps one: each bundle is rebuilt whenever a file that went into it changes. */
const CACHE = path.join(PACKAGES, '.cache', 'sidecar');
/** Files that change a bundle without being in it: this script, the build settings, the installed packages. */
const SETTINGS = ['scripts/run-bundled.js', 'tsconfig.json', 'package-lock.json'];

/**
 * Gives each of Sidecar's source files its own `import.meta.url`, so what it finds beside itself
 * (the glossary, the compile worker, jieba's dictionary through `createRequire`) is found where it
 * was, not beside the bundle.
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      if (!file.startsWith(ROOT + path.sep) || file.startsWith(PACKAGES + path.sep))
        return undefined;
      const source = await readFile(file, 'utf8');
      const url = JSON.stringify(pathToFileURL(file).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * CommonJS packages in the bundle (iconv-lite) call `require` for Node's built-in modules, which an
 * ES module does not have; this gives them one.
 */
const REQUIRE_BANNER =
  "import { createRequire as createRequireForBundle } from 'node:module';\n" +
  'const require = createRequireForBundle(import.meta.url);';

/** Size and modification time of every file, hashed: any edit, install or removal changes it. */
async function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const info = await stat(path.resolve(ROOT, file));
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Where the bundle of `entry` (relative to the root) and the list of its inputs are kept. */
function cacheFiles(entry) {
  const name = entry.replace(/\.ts$/, '').replace(/[^\w-]+/g, '-');
  return {
    bundleFile: path.join(CACHE, `${name}.mjs`),
    inputsFile: path.join(CACHE, `${name}.inputs.json`),
  };
}

/** True when the cached bundle was made from the files as they are now. */
async function isBundleCurrent({ bundleFile, inputsFile }) {
  try {
    const { inputs, key } = JSON.parse(await readFile(inputsFile, 'utf8'));
    await stat(bundleFile);
    return key === (await fingerprint(inputs));
  } catch {
    return false; // No cache yet, or a file that went into it is gone.
  }
}

/** Writes a file under a name of its own, then renames it: a compile started alongside never reads half of it. */
async function writeWhole(file, contents) {
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, contents);
  await rename(partial, file);
}

/** Bundles `entry` into `bundleFile`, and lists what went into it in `inputsFile`. */
async function bundle(entry, { bundleFile, inputsFile }) {
  // Loaded only to build: a run from the cache does without it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // A native addon cannot be bundled; the compiler reads only a text file from this package.
    external: ['@node-rs/jieba'],
    banner: { js: REQUIRE_BANNER },
    plugins: [keepSourceUrls],
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle of ${entry}.`);
  const inputs = [...SETTINGS, ...Object.keys(result.metafile.inputs)];
  await mkdir(CACHE, { recursive: true });
  await writeWhole(bundleFile, output.contents);
  await writeWhole(inputsFile, JSON.stringify({ inputs, key: await fingerprint(inputs) }));
}

// The entry point leaves the arguments, so what it parses is ARGS, as when run by tsx.
const [entryArgument] = process.argv.splice(2, 1);
if (!entryArgument?.endsWith('.ts')) {
  process.stderr.write('Usage: node scripts/run-bundled.js FILE.ts [ARGS]\n');
  process.exit(2);
}
const entry = path.relative(ROOT, path.resolve(entryArgument)).split(path.sep).join('/');
const files = cacheFiles(entry);
if (!(await isBundleCurrent(files))) await bundle(entry, files);
await import(pathToFileURL(files.bundleFile).href);

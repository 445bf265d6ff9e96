/**
 * Builds a Pagefind index of the records through Pagefind's Node API (the `pagefind` package
 * drives its own binary, `@pagefind/linux-x64`).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { recordUrl, type SearchRecord } from './records';

/**
 * Every record is indexed as Chinese, English ones included. Pagefind keeps one index per
 * language and its browser client loads only the index of the page's `<html lang>`, so records
 * split by language could never answer one query together: a `zh` page would not find English
 * talks, and 服务网格 typed on an `en` page would find no Chinese ones. Under `zh`, Han text is
 * segmented into words at indexing and by `Intl.Segmenter` in the browser, while Latin text is
 * still split into words (only English stemming is lost, which Sidecar does not do either).
 */
export const PAGEFIND_LANGUAGE = 'zh';

/** Records sent to the Pagefind service at a time (each is one message on its stdin). */
const RECORDS_PER_BATCH = 500;

/** What building the index gave. */
export interface PagefindBuild {
  /** Wall time from starting the service to the files being written. */
  buildMs: number;
  outputPath: string;
}

/**
 * Indexes one Pagefind record per event, talk and speaker at `/<kind>/<id>`, with a `kind`
 * filter so results can be read per kind as Sidecar returns them, and writes the site's
 * `pagefind/` folder to `outputPath`.
 */
export async function buildPagefindSite(
  records: readonly SearchRecord[],
  outputPath: string,
): Promise<PagefindBuild> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
  if (!index) throw new Error(`Pagefind would not create an index: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
      const responses = await Promise.all(
        records.slice(start, start + RECORDS_PER_BATCH).map((record) =>
          index.addCustomRecord({
            url: recordUrl(record.kind, record.id),
            content: record.text,
            language: PAGEFIND_LANGUAGE,
            meta: { title: record.title },
            filters: { kind: [record.kind] },
          }),
        ),
      );
      const failed = responses.flatMap((response) => response.errors);
      if (failed.length > 0) throw new Error(`Pagefind refused records: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    }
    return { buildMs: performance.now() - started, outputPath };
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's service binary. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

/** What Pagefind writes before the JSON of each fragment, inside the gzip. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * The url of every page of a written Pagefind site, by the id its search results carry (the
 * name of the page's fragment file), so results can be scored without loading fragments.
 */
export async function readFragmentUrls(outputPath: string): Promise<Map<string, string>> {
  const dir = path.join(outputPath, 'fragment');
  const urls = new Map<string, string>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
    if (!text.startsWith(FRAGMENT_SIGNATURE)) continue;
    const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url?: unknown };
    if (typeof fragment.url === 'string')
      urls.set(name.replace(/\.pf_fragment$/, ''), fragment.url);
  }
  return urls;
}

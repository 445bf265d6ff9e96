/**
 * What every page's `load` calls. While prerendering (Node, build time) the views come from the
 * bundle file; in the browser they come from the data worker. Both build them with
 * `$lib/views/build-views`, so the prerendered HTML and the hydrated page agree.
 */
import type { RequestKind, RequestParams, RequestResult } from '$lib/worker/protocol';

/** One request for page data, answered wherever this code runs. */
export async function query<K extends RequestKind>(
  kind: K,
  params: RequestParams<K>,
): Promise<RequestResult<K>> {
  // `import.meta.env.SSR` is a constant, so the client build drops this branch and never bundles
  // the prerender source (which reads the bundle file with node:fs).
  if (import.meta.env.SSR) {
    const { queryBundleFile } = await import('$lib/prerender/bundle-source');
    return queryBundleFile(kind, params);
  }
  const { request } = await import('./worker-bridge');
  return request(kind, params);
}

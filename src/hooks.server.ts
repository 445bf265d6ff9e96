/**
 * Runs while pages are prerendered (and on the dev server): writes the pre-paint script into each
 * page's `<head>`, where `src/app.html` holds its place. Why the page needs it: `pre-paint.ts`.
 */
import type { Handle } from '@sveltejs/kit';
import { prePaintScript } from '$lib/client/pre-paint';

/** Where `src/app.html` wants the script. */
const PRE_PAINT_PLACEHOLDER = '%sidecar.prepaint%';

const script = `<script>${prePaintScript()}</script>`;

export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => html.replace(PRE_PAINT_PLACEHOLDER, script),
  });

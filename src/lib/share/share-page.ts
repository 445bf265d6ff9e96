/**
 * Sharing a link from the page: the system share sheet where the browser has one (Web Share),
 * the clipboard otherwise. Browser only; the components call it from a click.
 */

/** What became of a share or copy, for the control to say so. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** True when the browser offers a share sheet for links (phones, some desktops). */
export function canShareLinks(url: string): boolean {
  if (typeof navigator.share !== 'function') return false;
  return typeof navigator.canShare !== 'function' || navigator.canShare({ url });
}

/**
 * Copies `text` to the clipboard. The Clipboard API needs a secure context and focus; a phone on
 * the venue's network may reach the site over plain http, so the older `execCommand('copy')` on
 * a hidden field is tried next, and only then is the copy reported as failed.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  const focused = document.activeElement;
  document.body.append(field);
  field.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  if (focused instanceof HTMLElement) focused.focus();
  return copied;
}

/** Opens the share sheet for `url`; a dismissed sheet is 'cancelled', not a failure. */
export async function shareLink(title: string, url: string): Promise<ShareOutcome> {
  try {
    await navigator.share({ title, url });
    return 'shared';
  } catch (error) {
    return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}

/**
 * The damage Sidecar's decoder reverses, done on purpose: UTF-8 read as a single-byte code page
 * and saved again as UTF-8. Shared by the decoder's tests and `npm run bench:repair`, which
 * corrupt correctly encoded posts this way and check that the compiler gives them back.
 */
import iconv from 'iconv-lite';

export type CodePageName = 'windows-1252' | 'windows-1254' | 'iso-8859-1';

const SOFT_HYPHEN = '\u00ad';

/**
 * Bytes the code page leaves undefined either pass through as C1 controls (as WHATWG decoders
 * do) or are dropped together with the soft hyphen (as strict converters and editors do, which
 * is how seed 004 lost its bytes). Built with iconv-lite because Node 20's
 * TextDecoder('windows-1252') decodes as ISO-8859-1.
 */
export function doubleEncode(
  text: string,
  codePage: CodePageName,
  undefinedBytes: 'keep' | 'drop' = 'keep',
): Uint8Array {
  const table = misreadings(codePage, undefinedBytes);
  let misread = '';
  for (const byte of Buffer.from(text, 'utf8')) misread += table[byte];
  return new Uint8Array(Buffer.from(misread, 'utf8'));
}

/** What each byte becomes when misread, '' for a dropped one. */
function misreadings(codePage: CodePageName, undefinedBytes: 'keep' | 'drop'): string[] {
  return Array.from({ length: 256 }, (_, byte) => {
    if (byte < 0x80) return String.fromCharCode(byte);
    const character = iconv.decode(Buffer.of(byte), codePage);
    const undefinedInCodePage =
      character === '\uFFFD' || (codePage === 'iso-8859-1' && byte < 0xa0);
    if (!undefinedInCodePage)
      return undefinedBytes === 'drop' && character === SOFT_HYPHEN ? '' : character;
    return undefinedBytes === 'keep' ? String.fromCharCode(byte) : '';
  });
}

/** Exactly what happened to seed 004: read as Windows-1254, undefined bytes and soft hyphens dropped. */
export const doubleEncodeLossy = (text: string): Uint8Array =>
  doubleEncode(text, 'windows-1254', 'drop');

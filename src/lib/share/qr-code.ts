/**
 * QR codes as SVG, made in the page with uqr: no request, no canvas, sharp at any size.
 */
import { renderSVG } from 'uqr';

/**
 * The SVG markup of a QR code for `text`, or null when the text is too long for any QR code.
 * Error correction 'M' survives a scratched or glare-lit phone screen; uqr raises it further
 * when the version chosen has room to spare.
 */
export function qrCodeSvg(text: string): string | null {
  try {
    return renderSVG(text, { ecc: 'M', boostEcc: true, border: 2 });
  } catch {
    return null;
  }
}

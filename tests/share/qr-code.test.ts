import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrCodeSvg } from '../../src/lib/share/qr-code';

describe('QR codes', () => {
  it('draw a page’s URL as an SVG image', () => {
    const svg = qrCodeSvg('https://meetup.example/talks/2021-istio-meetup-china-beijing--welcome');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
  });

  it('differ for different links', () => {
    expect(qrCodeSvg('https://meetup.example/a')).not.toBe(qrCodeSvg('https://meetup.example/b'));
  });

  it('hold an agenda link of thirty talks', () => {
    const link = `https://meetup.example/my#agenda=${'x'.repeat(1200)}`;
    expect(encode(link, { ecc: 'M' }).version).toBeLessThanOrEqual(40);
    expect(qrCodeSvg(link)).not.toBeNull();
  });

  it('give way to a note when the text is too long for any QR code', () => {
    expect(qrCodeSvg('x'.repeat(5000))).toBeNull();
  });
});

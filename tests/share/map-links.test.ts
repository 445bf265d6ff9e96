import { describe, expect, it } from 'vitest';
import { mapLinks } from '../../src/lib/share/map-links';

describe('map links for a venue', () => {
  const links = mapLinks('北京海淀中关村创业大街72号拓荒族众创空间', '北京');
  const byService = Object.fromEntries(links.map((link) => [link.service, new URL(link.url)]));

  it('search Amap, Baidu Maps and OpenStreetMap, in that order', () => {
    expect(links.map((link) => new URL(link.url).host)).toEqual([
      'uri.amap.com',
      'api.map.baidu.com',
      'www.openstreetmap.org',
    ]);
  });

  it('ask each for the venue in its city', () => {
    expect(byService.amap?.searchParams.get('keyword')).toBe(
      '北京海淀中关村创业大街72号拓荒族众创空间',
    );
    expect(byService.amap?.searchParams.get('city')).toBe('北京');
    expect(byService.baidu?.searchParams.get('query')).toBe(
      '北京海淀中关村创业大街72号拓荒族众创空间',
    );
    expect(byService.baidu?.searchParams.get('region')).toBe('北京');
    expect(byService.osm?.searchParams.get('query')).toBe(
      '北京海淀中关村创业大街72号拓荒族众创空间',
    );
  });

  it('put the city before a venue that does not name it', () => {
    const [amap, , osm] = mapLinks('蚂蚁Z空间', '杭州');
    expect(new URL(amap!.url).searchParams.get('keyword')).toBe('杭州 蚂蚁Z空间');
    expect(new URL(osm!.url).searchParams.get('query')).toBe('杭州 蚂蚁Z空间');
  });

  it('search for the venue alone when the city is unknown', () => {
    const [amap, baidu] = mapLinks('Industrial Internet Exhibition Hall', null);
    expect(new URL(amap!.url).searchParams.get('keyword')).toBe(
      'Industrial Internet Exhibition Hall',
    );
    expect(new URL(baidu!.url).searchParams.has('region')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { agendaFragment, readAgendaFragment } from '../../src/lib/share/agenda-link';

const IDS = [
  '2021-istio-meetup-china-beijing--envoy-principle-introduction-and-online-problem-2c5e',
  '2021-istio-meetup-china-beijing--use-ebpf-to-accelerate-istio-envoy-f558',
  '2022-sofameetup-mulan-cloud-native--ma-yi-fu-wu-fa-xian-a19c',
];

describe('the agenda in a link', () => {
  it('reads back the ids it was made from', () => {
    const shuffled = [IDS[2]!, IDS[0]!, IDS[1]!];
    expect(readAgendaFragment(`#${agendaFragment(shuffled)}`)).toEqual({
      kind: 'agenda',
      talkIds: IDS,
    });
  });

  it('keeps ids with any characters', () => {
    const odd = ['1:2', 'a\nb', '中文-议题', 'x&agenda=y'];
    expect(readAgendaFragment(agendaFragment(odd))).toEqual({
      kind: 'agenda',
      talkIds: [...odd].sort(),
    });
  });

  it('uses only characters a URL fragment keeps as they are', () => {
    expect(agendaFragment(IDS)).toMatch(/^agenda=[A-Za-z0-9+\-$]+$/);
  });

  it('is shorter than the ids it carries once an agenda has a few talks of one event', () => {
    const istio = [
      'envoy-principle-introduction-and-online-problem-2c5e',
      'full-stack-service-grid-aeraki-helps-8754',
      'interpretation-of-the-service-grid-technical-a15e',
      'securing-workload-deployment-with-istio-cni-f8d7',
      'service-grid-data-plane-hot-upgrade-0c38',
      'use-ebpf-to-accelerate-istio-envoy-f558',
      'welcome-speech-65d7',
    ].map((slug) => `2021-istio-meetup-china-beijing--${slug}`);
    expect(agendaFragment(istio).length).toBeLessThan(istio.join(',').length * 0.75);
  });

  it('drops repeated ids', () => {
    const fragment = agendaFragment([IDS[0]!, IDS[0]!, IDS[1]!]);
    expect(readAgendaFragment(fragment)).toEqual({ kind: 'agenda', talkIds: [IDS[0], IDS[1]] });
  });

  it('finds no agenda in a fragment without one', () => {
    expect(readAgendaFragment('')).toEqual({ kind: 'none' });
    expect(readAgendaFragment('#main')).toEqual({ kind: 'none' });
  });

  it('calls a cut-short or edited link damaged rather than importing part of it', () => {
    const fragment = agendaFragment(IDS);
    expect(readAgendaFragment(fragment.slice(0, fragment.length / 2))).toEqual({
      kind: 'damaged',
    });
    expect(readAgendaFragment('#agenda=')).toEqual({ kind: 'damaged' });
    expect(readAgendaFragment('#agenda=not-lz-at-all')).toEqual({ kind: 'damaged' });
  });
});

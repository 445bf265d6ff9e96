/**
 * The event's own name as a careful reader picks it out of an English blog title, and writes it
 * in full when the text does.
 */
import { describe, expect, it } from 'vitest';
import {
  completeName,
  isDigestTitle,
  isSameName,
  isSectionTitle,
  nameFromEnglishTitle,
} from '../../src/compiler/event-names';

describe('nameFromEnglishTitle', () => {
  it('reads the event a project went to: Project at Event', () => {
    expect(nameFromEnglishTitle('Mesh at KubeCon EU 2019: Benchmarks, SMI, and more', '')).toBe(
      'KubeCon EU 2019',
    );
  });

  it('takes the description’s spelling when it writes the same event in full', () => {
    expect(
      nameFromEnglishTitle(
        'Flux proudly representing at KubeCon 2022 NA',
        'We will be present at KubeCon 2022 North America! Come by.',
      ),
    ).toBe('KubeCon 2022 North America');
    expect(
      nameFromEnglishTitle('Mesh at KubeCon EU 2019', 'We are at KubeCon 2022 North America!'),
    ).toBe('KubeCon EU 2019');
  });

  it('keeps the event before at when that is the event: Mesh Day 2023 at KubeCon EU', () => {
    expect(nameFromEnglishTitle('Announcing Mesh Day 2023 at KubeCon EU!', '')).toBe(
      'Mesh Day 2023',
    );
  });

  it('keeps a name before a colon, but not a kind of post', () => {
    expect(nameFromEnglishTitle('MeshCon 2021: Schedule Is Live!', '')).toBe('MeshCon 2021');
    expect(nameFromEnglishTitle('Workshop recap: Routing and Circuit Breaking', '')).toBeNull();
    expect(nameFromEnglishTitle('Webinar: GitOps with Flux', '')).toBeNull();
  });

  it('drops announcing words, and reads a show that features a guest', () => {
    expect(nameFromEnglishTitle('Flux Bug Scrub Announce', '')).toBe('Flux Bug Scrub');
    expect(nameFromEnglishTitle('TGI Kubernetes Features Linkerd 2.0', '')).toBe('TGI Kubernetes');
  });

  it('leaves a plain name alone', () => {
    expect(nameFromEnglishTitle('Istio Community Meetup China', '')).toBeNull();
  });
});

describe('completeName', () => {
  it('takes the capitalised words before a shortened name, but not a sentence’s article', () => {
    expect(
      completeName(
        'Contributor Celebration',
        'A rough year. The Kubernetes Contributor\nCelebration is an attempt. See the Contributor Celebration FAQ.',
      ),
    ).toBe('Kubernetes Contributor Celebration');
  });

  it('adds the edition the text writes after the name: a year or an issue number', () => {
    expect(completeName('Mesh Day', 'the first-ever Mesh Day! Mesh Day 2023 will be')).toBe(
      'Mesh Day 2023',
    );
    expect(
      completeName('Service Mesh Virtual Meetup', '本期为 Service Mesh Virtual Meetup#1 ，邀请'),
    ).toBe('Service Mesh Virtual Meetup#1');
  });

  it('does not take a word that opens the sentence, nor extend a one-word page title', () => {
    expect(completeName('Mesh Day', 'Today Mesh Day is here.')).toBe('Mesh Day');
    expect(completeName('Schedule', 'The Celebration Schedule is below.')).toBe('Schedule');
    expect(completeName('Service Mesh 沙龙', '# Service Mesh 沙龙\n\n2023 年 6 月 3 日')).toBe(
      'Service Mesh 沙龙',
    );
  });
});

describe('titles that are not one event’s', () => {
  it('knows a newsletter and a site section by their titles', () => {
    expect(isDigestTitle('SOFA Weekly')).toBe(true);
    expect(isDigestTitle('October 2021 update')).toBe(true);
    expect(isDigestTitle('SOFAMeetup#6 北京站')).toBe(false);
    expect(isSectionTitle('活动')).toBe(true);
    expect(isSectionTitle('Events')).toBe(true);
    expect(isSectionTitle('Istio Meetup')).toBe(false);
  });

  it('compares names without case, spaces or punctuation', () => {
    expect(isSameName('SOFA开源三周年', 'SOFA 开源三周年')).toBe(true);
    expect(isSameName('从数据库到架构，我们来聊透分布式', 'SOFAMeetup#6 北京站')).toBe(false);
  });
});

/** Which recurring series an event belongs to, as the community's posts write it. */
import { describe, expect, it } from 'vitest';
import { detectSeries } from '../../src/compiler/series';
import { compile, compileSeeds, eventFrom, post } from './compile-helpers';

/** The series of an event known only by its name. */
function seriesOfTitle(title: string) {
  return detectSeries({ title, tags: [], source: 'post/index.md' });
}

describe('the series of an event', () => {
  it('is found for each of the five seed posts', async () => {
    const { bundle } = await compileSeeds();
    const seriesOf = (source: string) => eventFrom(bundle, source).series;
    // 第一届Service Mesh Meetup杭州站
    expect(seriesOf('2018/servicemesher-meetup-hangzhou/index.md')).toBe('Service Mesh Meetup');
    // A slide deck with no front matter: only its folder says it was given at QCon Shanghai.
    expect(seriesOf('2018/qcon-shanghai-ao-xiaojian-deck/index.md')).toBe('QCon');
    // SOFA开源三周年: the name is the anniversary, the tags file it under SOFAMeetup.
    expect(seriesOf('2021/sofastack-3rd-anniversary-beijing/index.md')).toBe('SOFAMeetup');
    expect(seriesOf('2021/istio-meetup-china-beijing/index.md')).toBe('Istio Meetup China');
    // SOFAMeetup&木兰技术开放日（云原生专场）, decoded from a double-encoded post.
    expect(seriesOf('2022/sofameetup-mulan-cloud-native/index.md')).toBe('SOFAMeetup');
  });

  it.each([
    ['Service Mesh Meetup #5 广州站', 'Service Mesh Meetup'],
    ['第一届Service Mesh Meetup杭州站', 'Service Mesh Meetup'],
    ['ServiceMesher Meetup 北京站', 'Service Mesh Meetup'],
    ['SOFAMeetup#3 广州站', 'SOFAMeetup'],
    ['SOFA Meetup#1 北京站——服务注册中心', 'SOFAMeetup'],
    ['SOFAStack Meetup#7 合肥站', 'SOFAMeetup'],
    ['SOFAChannel#12：蚂蚁金服分布式事务实践解析', 'SOFAChannel'],
    ['SOFA Channel 第 5 期', 'SOFAChannel'],
    ['KubeCon + CloudNativeCon China 2019', 'KubeCon'],
    ['Linkerd at Kubecon NA 2019', 'KubeCon'],
    ['云原生社区 meetup 第九期广州站', 'Cloud Native Meetup'],
    ['Cloud Native Meetup Shanghai', 'Cloud Native Meetup'],
    ['Kubernetes Meetup 中国 2017 杭州站', 'Kubernetes Meetup'],
    ['中国首次Istio meetup圆满结束', 'Istio Meetup China'],
    ['IstioCon China 2023 wrap-up', 'IstioCon'],
    ['服务网格峰会 2022', 'Service Mesh Summit'],
    [
      'Service Mesh Webinar#2：基于 MOSN 和 Istio Service Mesh 的服务治理实践',
      'Service Mesh Webinar',
    ],
    ['Contributor Summit North America 2023', 'Kubernetes Contributor Summit'],
  ])('reads %j as %s', (title, series) => {
    expect(seriesOfTitle(title)).toBe(series);
  });

  it.each([
    'SOFA Weekly',
    'Workshop recap: Real-World GitOps with Flux',
    'kubeconfig 多集群管理实践',
    '大规模微服务架构下的Service Mesh探索之路',
    'Service Mesh 渐进式迁移方案',
  ])('is null for %j, which names no series', (title) => {
    expect(seriesOfTitle(title)).toBeNull();
  });

  it('is the series the name gives first: SOFAMeetup#4 杭州站 on Service Mesh is a SOFAMeetup', () => {
    expect(seriesOfTitle('SOFAMeetup#4 杭州站 Service Mesh Meetup 的最新生产实践')).toBe(
      'SOFAMeetup',
    );
  });

  it('is not a series named in brackets, which says where the event was held', () => {
    expect(
      detectSeries({
        title: '蚂蚁金服 SOFAStack 云原生工作坊（KubeCon China 2019 同场活动）',
        tags: ['SOFAStack', 'SOFAMeetup'],
        source: 'zh/blog/sofa-meetup-2-1-retrospect/index.md',
      }),
    ).toBe('SOFAMeetup');
  });

  it('comes from the tags when the name gives none, then from the path', () => {
    expect(
      detectSeries({
        title: '从蚂蚁金服微服务实践谈起',
        tags: ['SOFAStack', 'SOFAChannel'],
        source: 'blog/x/index.md',
      }),
    ).toBe('SOFAChannel');
    expect(
      detectSeries({
        title: 'Service Mesh 渐进式迁移方案',
        tags: ['Service Mesh'],
        source: 'zh/blog/service-mesh-meetup-5-retrospect/index.md',
      }),
    ).toBe('Service Mesh Meetup');
    expect(
      detectSeries({
        title: '长路漫漫踏歌而行',
        tags: [],
        source: 'Qcon/Qcon_shanghai_2018/最终版-敖小剑.md',
      }),
    ).toBe('QCon');
    expect(
      detectSeries({ title: 'Schedule', tags: [], source: 'en/events/2023/kcsna/schedule.md' }),
    ).toBe('Kubernetes Contributor Summit');
  });

  it('is carried by the compiled event, from the front matter’s categories too', () => {
    const { bundle } = compile([
      post(
        'zh/blog/retro/index.md',
        '---\ntitle: "分布式链路组件 SOFATracer 埋点机制解析"\ndate: 2020-04-10\ncategories: "SOFAChannel"\n---\n\n回顾。\n',
      ),
      post(
        'zh/blog/weekly/index.md',
        '---\ntitle: "SOFA Weekly"\ndate: 2020-04-10\n---\n\n本周。\n',
      ),
    ]);
    expect(bundle.events.map((event) => [event.source, event.series])).toEqual([
      ['zh/blog/retro/index.md', 'SOFAChannel'],
      ['zh/blog/weekly/index.md', null],
    ]);
  });
});

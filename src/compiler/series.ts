/**
 * The recurring series an event belongs to (SOFAMeetup, Service Mesh Meetup, KubeCon…), read
 * from the event's name, then its tags and categories, then its source path: the name is what
 * the organisers called it, tags are how the site filed it, and a path such as
 * `sofa-channel-12-retrospect` is how it was saved.
 */

/** One series: its name as the app shows it, and the ways posts write it. */
interface Series {
  name: string;
  /** Case-insensitive; they also run on the source path with punctuation turned into spaces. */
  patterns: RegExp[];
}

/**
 * The series of this community, as its posts spell them. Where two could match one text, the
 * one named first in the text wins (`SOFAMeetup#4 杭州站 Service Mesh…` is a SOFAMeetup).
 */
const SERIES: Series[] = [
  // SOFA Meetup#1, SOFAMeetup#9, SOFAStack Meetup#7, sofa-meetup-12, sofameetup-mulan
  { name: 'SOFAMeetup', patterns: [/\bSOFA\s*(?:Stack\s*)?Meetup/i] },
  // SOFAChannel#1, SOFA Channel, sofachannel-31
  { name: 'SOFAChannel', patterns: [/\bSOFA\s*Channel/i] },
  { name: 'SOFATalk', patterns: [/\bSOFA\s*Talk/i] },
  // Service Mesh Meetup #5, 第一届Service Mesh Meetup杭州站, ServiceMesher Meetup
  {
    name: 'Service Mesh Meetup',
    patterns: [/\bService\s*Mesh(?:er)?\s*Meetup/i, /服务网格\s*Meetup/i],
  },
  { name: 'Service Mesh Webinar', patterns: [/\bService\s*Mesh\s*Webinar/i] },
  { name: 'Service Mesh Summit', patterns: [/\bService\s*Mesh\s*Summit/i, /服务网格峰会/] },
  // Istio Meetup China, 中国首次Istio meetup, istiomeetups-china, istio-community-meetup-china
  { name: 'Istio Meetup China', patterns: [/\bIstio\s*(?:Community\s*)?Meetups?\b/i] },
  { name: 'IstioCon', patterns: [/\bIstioCon\b/i] },
  // KubeCon + CloudNativeCon China, KubeCon EU, Kubecon NA 2018, kubecon-na2019, kubeconeu2024
  {
    name: 'KubeCon',
    patterns: [/\bKube\s*Con(?:\b|(?=eu|na|cn|china|\d))/i, /\bCloud\s*Native\s*Con\b/i],
  },
  // Contributor Summit North America 2021, Maintainer Summit Europe 2025, events/2023/kcsna
  {
    name: 'Kubernetes Contributor Summit',
    patterns: [/\b(?:Contributor|Maintainer)\s+Summit\b/i, /\bkcs(?:na|eu|in|cn)\b/i],
  },
  // 云原生社区 meetup 第九期广州站, cloud-native-meetup-dalian-14
  {
    name: 'Cloud Native Meetup',
    patterns: [/\bCloud\s*Native\s*(?:Community\s*)?Meetup/i, /云原生社区\s*Meetup/i],
  },
  { name: 'Kubernetes Meetup', patterns: [/\b(?:Kubernetes|K8s)\s*(?:中国\s*)?Meetup/i] },
  { name: 'Observability Summit', patterns: [/\bObservability\s*Summit/i, /可观测性峰会/] },
  // QCon 上海, Qcon_shanghai_2018, qcon-shanghai-ao-xiaojian-deck
  { name: 'QCon', patterns: [/\bQCon\b/i] },
  { name: 'ArchSummit', patterns: [/\bArchSummit\b/i] },
  { name: 'Gopher China', patterns: [/\bGopher\s*China\b/i] },
  { name: 'GitOps Days', patterns: [/\bGitOps\s*Days\b/i] },
  { name: 'FluxCon', patterns: [/\bFluxCon\b/i] },
  { name: 'Linkerd Day', patterns: [/\bLinkerd\s*Day\b/i] },
  { name: 'Linkerd Community Meeting', patterns: [/\bLinkerd\s+Community\s+Meeting\b/i] },
  { name: 'Linkerd Meetup', patterns: [/\bLinkerd\s+(?:Community\s+)?Meetup\b/i] },
];

/** A bracketed aside: `（KubeCon China 2019 同场活动）` says where, not what, the event is. */
const ASIDE = /[（(【[][^）)】\]]*[）)】\]]/g;

/** What an event is known by, for finding its series. */
export interface SeriesEvidence {
  /**
   * The event's own name. Not the post's title, which in a digest (`SOFA Weekly | SOFAChannel
   * 线上直播合集`) names series the event is not part of.
   */
  title: string;
  /** Front-matter tags and categories. */
  tags: string[];
  /** Path of the post relative to the content root. */
  source: string;
}

/** The series named earliest in `text`, if any. */
function seriesNamedIn(text: string): string | null {
  let best: { name: string; index: number } | null = null;
  for (const { name, patterns } of SERIES) {
    for (const pattern of patterns) {
      const index = text.search(pattern);
      if (index !== -1 && (!best || index < best.index)) best = { name, index };
    }
  }
  return best?.name ?? null;
}

/** The recurring series an event belongs to, or null when nothing names one. */
export function detectSeries({ title, tags, source }: SeriesEvidence): string | null {
  const named = seriesNamedIn(title.replace(ASIDE, ' '));
  if (named) return named;
  for (const tag of tags) {
    const series = seriesNamedIn(tag);
    if (series) return series;
  }
  // `hellojd2018/Qcon/Qcon_shanghai_2018/…`, `sofa-channel-12-retrospect/index.md`
  const path = source.replace(/\.(md|markdown)$/i, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  return seriesNamedIn(path);
}

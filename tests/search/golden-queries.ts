/**
 * The golden queries: what good bilingual search means for Sidecar, written down as data. Each
 * query names the records that must be among the first ten of their kind and, where the search's
 * rules ask for an order (direct before cross-language, exact before typo, upcoming before past,
 * a speaker's name before a title before a company before an abstract), which must come first.
 *
 * The expectations were checked against the compiled text of the five seed posts in `content/`
 * and the posts in `tests/fixtures/search/` (which record holds which words, in which field), not
 * against any engine's answers. `tests/search/golden.test.ts` runs them against the app's search;
 * the search benchmark reads them too, to compare engines class by class.
 *
 * Ids are the compiler's stable ids, so they follow the posts' paths: the fixtures are compiled
 * under `search/` (see `GOLDEN_CONTENT`), which gives ids such as `search-2023-sofameetup-shanghai`.
 */

/** The kinds of record a search returns. */
export type RecordKind = 'events' | 'talks' | 'speakers';

/** Record ids, per kind. */
export type RecordIds = Partial<Record<RecordKind, readonly string[]>>;

/** What a class of queries tests; each golden query belongs to one. */
export type QueryClass =
  | 'chinese-substring'
  | 'exact-name'
  | 'latin-prefix'
  | 'case-width'
  | 'diacritics'
  | 'traditional-simplified'
  | 'pinyin-name'
  | 'pinyin-place'
  | 'typo'
  | 'glossary'
  | 'ranking'
  | 'upcoming-first'
  | 'filter';

/** Every query class with a one-line description, in the order reports list them. */
export const QUERY_CLASSES: readonly { id: QueryClass; description: string }[] = [
  {
    id: 'chinese-substring',
    description:
      'Chinese substrings of two or more characters (网格 finds 服务网格), with no hit from scattered characters (网格 must not match 网络格式)',
  },
  {
    id: 'exact-name',
    description:
      'A speaker’s exact name (two characters, as 王磊) finds that person and their talks and nothing unrelated (not 王蕾)',
  },
  {
    id: 'latin-prefix',
    description: 'Latin words and prefixes of words: kube finds Kubernetes and KubeCon',
  },
  {
    id: 'case-width',
    description: 'Case and full-width forms fold: ＩＳＴＩＯ, Istio and istio are one query',
  },
  {
    id: 'diacritics',
    description: 'Diacritics fold both ways: cafe finds Café, tomas finds Tomás',
  },
  {
    id: 'traditional-simplified',
    description:
      'Traditional and Simplified Chinese fold together: 服務網格 finds 服务网格 and 可观测性 finds 可觀測性',
  },
  {
    id: 'pinyin-name',
    description:
      'Speakers by pinyin: full (aoxiaojian), initials (axj), given name (xiaojian), surname first (ao xiaojian); 单 曾 解 read as surnames (shan, zeng, xie)',
  },
  {
    id: 'pinyin-place',
    description: 'Cities by pinyin: hangzhou finds the 杭州 meetup',
  },
  {
    id: 'typo',
    description:
      'Latin words of five letters or more tolerate one edit (kuberntes finds Kubernetes), ranked after exact hits, at most a few hits per kind',
  },
  {
    id: 'glossary',
    description:
      'Cross-language terms from the glossary: 服务网格 finds Service Mesh talks and observability finds 可观测性 talks, after the direct hits',
  },
  {
    id: 'ranking',
    description:
      'Field order: exact speaker name, then exact title phrase, then title words, then company, then abstract',
  },
  {
    id: 'upcoming-first',
    description: 'At equal relevance, talks at upcoming events come before past ones',
  },
  {
    id: 'filter',
    description: 'Filters by year, city, format and series keep only matching events and talks',
  },
];

/** The content the golden queries were written against: each folder and the prefix its paths get. */
export const GOLDEN_CONTENT: readonly { dir: string; prefix: string }[] = [
  { dir: 'content', prefix: '' },
  { dir: 'tests/fixtures/search', prefix: 'search/' },
];

/** The day the golden queries are asked on: the 2027 meetup is upcoming, every other event past. */
export const GOLDEN_TODAY = '2026-11-23';

/** How many results per kind a golden query looks at: expectations are recall at 10. */
export const GOLDEN_LIMIT = 10;

/** The filters a query may carry, as the search takes them. */
export interface GoldenFilters {
  year?: string;
  city?: string;
  format?: 'offline' | 'online' | 'hybrid';
  series?: string;
}

/** Which of the search's ordering rules a `RankRule` checks. */
export type RankReason =
  | 'direct-before-glossary'
  | 'exact-before-typo'
  | 'upcoming-before-past'
  | 'name-before-title'
  | 'name-before-abstract'
  | 'title-phrase-before-title-words'
  | 'title-before-company'
  | 'title-before-abstract'
  | 'company-before-abstract';

/**
 * An ordering the results must keep within one kind: each `above` id must be found, and each
 * `below` id, where it is found at all, must come after every `above` id. Whether a `below` id
 * must be found is `expect`'s business: a typo neighbour, for one, may rightly be left out.
 */
export interface RankRule {
  kind: RecordKind;
  above: readonly string[];
  below: readonly string[];
  reason: RankReason;
}

/** One golden query and what its results must satisfy. */
export interface GoldenQuery {
  /** Exactly what a reader types. */
  query: string;
  class: QueryClass;
  /** What the query proves, in a sentence: the test's name and the failure's first line. */
  why: string;
  /** Filters applied with the query; the results must all match them. */
  filters?: GoldenFilters;
  /** Ids that must be among the first `GOLDEN_LIMIT` results of their kind (an empty list: none). */
  expect: RecordIds;
  /**
   * Nothing but `expect` and `allow` may be returned, for each kind `expect` lists: an exact name
   * finds that person, not a namesake; `{ speakers: [] }` with `exclusive` means no speaker at all.
   */
  exclusive?: boolean;
  /** Ids an `exclusive` query may also return without having to: related, but not the answer. */
  allow?: RecordIds;
  /** Ids that must not be returned at all: the false friends the query class is about. */
  reject?: RecordIds;
  /** Orderings the results must keep. */
  rank?: readonly RankRule[];
  /** At most this many results of a kind: a typo must not flood the page. */
  max?: Partial<Record<RecordKind, number>>;
}

/** Events of the seed posts and the fixtures. */
const EVENT = {
  hangzhou2018: '2018-servicemesher-meetup-hangzhou',
  istioBeijing2021: '2021-istio-meetup-china-beijing',
  sofaBeijing2021: '2021-sofastack-3rd-anniversary-beijing',
  mulanOnline2022: '2022-sofameetup-mulan-cloud-native',
  taipei2019: 'search-2019-service-mesh-meetup-taipei',
  sofaChannel2020: 'search-2020-sofachannel-19-observability',
  sofaShanghai2023: 'search-2023-sofameetup-shanghai',
  kubeconHongKong2024: 'search-2024-kubecon-china-community-day',
  guangzhou2025: 'search-2025-cloud-native-meetup-guangzhou',
  istioShanghai2027: 'search-2027-istio-meetup-china-shanghai',
} as const;

/** Talks of the seed posts and the fixtures, named by what they are about. */
const TALK = {
  // content/: the 2018 QCon slide deck and the 2018 Hangzhou Service Mesh Meetup
  aoQconDeck: '2018-qcon-shanghai-ao-xiaojian-deck--chang-lu-man-man-ta-ge-9dd4',
  aoHangzhou: '2018-servicemesher-meetup-hangzhou--da-gui-mo-wei-fu-wu-17c2',
  liuChaoHangzhou: '2018-servicemesher-meetup-hangzhou--wang-yi-yun-de-service-mesh-54bb',
  kubernetesHangzhou: '2018-servicemesher-meetup-hangzhou--zai-kubernetes-shang-da-jian-gao-d4f3',
  // content/: Istio Meetup China, Beijing 2021 (English)
  istioCni: '2021-istio-meetup-china-beijing--securing-workload-deployment-with-istio-cni-f8d7',
  istioEbpf: '2021-istio-meetup-china-beijing--use-ebpf-to-accelerate-istio-envoy-f558',
  istioAeraki: '2021-istio-meetup-china-beijing--full-stack-service-grid-aeraki-helps-8754',
  envoyPrinciple:
    '2021-istio-meetup-china-beijing--envoy-principle-introduction-and-online-problem-2c5e',
  // content/: SOFA's third anniversary, Beijing 2021
  wangLeiMesh: '2021-sofastack-3rd-anniversary-beijing--fu-wu-wang-ge-zai-qi-1287',
  confidentialSofa: '2021-sofastack-3rd-anniversary-beijing--ji-mi-ji-suan-ru-he-6823',
  sofaRegistry: '2021-sofastack-3rd-anniversary-beijing--xin-ban-sofaregistry-de-duo-ge-c9e6',
  mosnCloudNative: '2021-sofastack-3rd-anniversary-beijing--yun-yuan-sheng-wang-luo-dai-e6fd',
  // content/: SOFAMeetup & 木兰, online 2022 (the double-encoded post)
  mulanMultiCluster: '2022-sofameetup-mulan-cloud-native--yun-yuan-sheng-duo-ji-qun-c577',
  mulanOpening: '2022-sofameetup-mulan-cloud-native--zhong-guo-mu-lan-she-qu-619c',
  mulanDevOps: '2022-sofameetup-mulan-cloud-native--ru-he-jian-li-yun-yuan-edc6',
  mulanLayotto: '2022-sofameetup-mulan-cloud-native--zai-da-gui-mo-ji-qun-4a33',
  // fixtures: Service Mesh Meetup Taipei 2019, in Traditional Chinese
  taipeiMesh: 'search-2019-service-mesh-meetup-taipei--fu-wu-wang-ge-zai-jin-bfcf',
  taipeiObservability:
    'search-2019-service-mesh-meetup-taipei--yong-opentelemetry-da-zao-ke-guan-f85a',
  taipeiMultiCluster: 'search-2019-service-mesh-meetup-taipei--duo-cong-ji-istio-de-liu-4913',
  // fixtures: SOFAChannel#19, an online livestream, 2020
  channelObservability:
    'search-2020-sofachannel-19-observability--yun-yuan-sheng-ying-yong-de-4c66',
  // fixtures: Infra Talks #3, an English webinar, 2022
  infraStorage: 'search-2022-infra-talks-webinar-3--cloud-native-storage-with-rook-and-6f62',
  infraRegistry:
    'search-2022-infra-talks-webinar-3--service-registry-patterns-for-hybrid-workloads-45af',
  infraMultiRuntime:
    'search-2022-infra-talks-webinar-3--dapr-and-the-multi-runtime-architecture-588d',
  infraConfidential:
    'search-2022-infra-talks-webinar-3--confidential-computing-for-kubernetes-with-confidential-f139',
  infraTracing: 'search-2022-infra-talks-webinar-3--distributed-tracing-at-scale-with-jaeger-a0df',
  // fixtures: SOFAMeetup#10 Shanghai 2023
  shanghaiLayotto: 'search-2023-sofameetup-shanghai--duo-yun-xing-shi-jia-gou-114c',
  shanghaiRegistry: 'search-2023-sofameetup-shanghai--fu-wu-zhu-ce-zhong-xin-9571',
  protobufDecoy: 'search-2023-sofameetup-shanghai--protobuf-wang-luo-ge-shi-yu-0ad7',
  envoyExtensions: 'search-2023-sofameetup-shanghai--envoy-kuo-zhan-kai-fa-cong-80fb',
  // fixtures: KubeCon China 2024 Community Day, Hong Kong (English)
  meshWithoutSidecars:
    'search-2024-kubecon-china-community-day--service-mesh-without-sidecars-lessons-from-b2ce',
  observabilityDashboards:
    'search-2024-kubecon-china-community-day--observability-beyond-dashboards-metrics-logs-and-06f8',
  mcsMultiCluster:
    'search-2024-kubecon-china-community-day--multi-cluster-service-discovery-with-the-05ef',
  gatewayApi:
    'search-2024-kubecon-china-community-day--kubernetes-gateway-api-from-ingress-to-119e',
  envoyApiGateway: 'search-2024-kubecon-china-community-day--envoy-as-an-api-gateway-rate-a0fb',
  envoyCafe: 'search-2024-kubecon-china-community-day--envoy-cafe-a-naive-guide-to-7d22',
  kestrelFilters:
    'search-2024-kubecon-china-community-day--kestrel-shipping-webassembly-filters-to-envoy-ceff',
  trackingCosts: 'search-2024-kubecon-china-community-day--tracking-cloud-costs-per-tenant-9df7',
  // fixtures: 云原生社区 Meetup Guangzhou 2025 (past) and Istio Meetup China Shanghai 2027 (upcoming)
  ambientPast: 'search-2025-cloud-native-meetup-guangzhou--ambient-mesh-sheng-chan-shi-jian-9cf8',
  ebpfObservability: 'search-2025-cloud-native-meetup-guangzhou--ji-yu-ebpf-de-yun-yuan-8878',
  multiTenancy: 'search-2025-cloud-native-meetup-guangzhou--da-gui-mo-kubernetes-ji-qun-c011',
  ambientUpcoming: 'search-2027-istio-meetup-china-shanghai--ambient-mesh-sheng-chan-shi-jian-9cf8',
  multiClusterIstio2027: 'search-2027-istio-meetup-china-shanghai--duo-ji-qun-istio-de-tong-cb9a',
  istioSecurity2027: 'search-2027-istio-meetup-china-shanghai--istio-an-quan-cong-mtls-dao-0b76',
  interviewAo2027: 'search-2027-istio-meetup-china-shanghai--dui-hua-ao-xiao-jian-service-4ef5',
} as const;

/** Speakers of the seed posts and the fixtures. */
const SPEAKER = {
  xiaoJian: 'xiao-jian-fc3bbc', // 肖健, 蚂蚁集团 (seed 004, its lost bytes restored)
  aoXiaojian: 'ao-xiao-jian-a1a70c',
  wangLei: 'wang-lei-54b725', // 王磊, 时速云 (content/)
  wangLeiNamesake: 'wang-lei-32d5ed', // 王蕾, 字节跳动 (fixture)
  shanLei: 'dan-lei-828543', // 单磊
  zengYuxing: 'ceng-yu-xing-c07e16', // 曾宇星
  xieHao: 'jie-hao-e8b0e3', // 解浩
  chenWei: 'chen-wei-018c4e', // 陳偉
  huangShihan: 'huang-shi-han-d3a2f0', // 黃詩涵
  luoJiawen: 'luo-jia-wen-dde884', // 罗嘉文
  mayaPatel: 'maya-patel',
  tomasRuiz: 'tomas-ruiz',
  leaMartin: 'lea-martin',
} as const;

/** Cross-language hits rank after the direct ones: `direct` must come before `crossLanguage`. */
function directFirst(direct: readonly string[], crossLanguage: readonly string[]): RankRule {
  return { kind: 'talks', above: direct, below: crossLanguage, reason: 'direct-before-glossary' };
}

/** The golden queries, grouped by class. */
export const GOLDEN_QUERIES: readonly GoldenQuery[] = [
  // Chinese substrings
  {
    query: '网格',
    class: 'chinese-substring',
    why: 'two characters inside 服务网格 (Simplified and Traditional), never the scattered 网络格式',
    expect: { talks: [TALK.wangLeiMesh, TALK.taipeiMesh] },
    reject: { talks: [TALK.protobufDecoy] },
  },
  {
    query: '务网',
    class: 'chinese-substring',
    why: 'a substring that spans two words of 服务网格 still finds it',
    expect: { talks: [TALK.wangLeiMesh, TALK.taipeiMesh] },
    reject: { talks: [TALK.protobufDecoy] },
  },
  {
    query: '观测性',
    class: 'chinese-substring',
    why: 'three characters inside 可观测性, including the Traditional 可觀測性',
    expect: {
      talks: [TALK.channelObservability, TALK.ebpfObservability, TALK.taipeiObservability],
    },
  },
  {
    query: '机密',
    class: 'chinese-substring',
    why: 'the first two characters of 机密计算',
    expect: { talks: [TALK.confidentialSofa] },
  },
  {
    query: '网络格式',
    class: 'chinese-substring',
    why: 'the decoy is found by its own words, and 服务网格 (which shares 网 and 格) is not',
    expect: { talks: [TALK.protobufDecoy] },
    reject: { talks: [TALK.wangLeiMesh, TALK.taipeiMesh] },
  },
  {
    query: '大规模',
    class: 'chinese-substring',
    why: 'a word at the start of one title and in the middle of another',
    expect: { talks: [TALK.aoHangzhou, TALK.multiTenancy] },
  },

  // Exact names
  {
    query: '王磊',
    class: 'exact-name',
    why: 'a two-character name finds that speaker and their talk, never the namesake 王蕾',
    expect: { speakers: [SPEAKER.wangLei], talks: [TALK.wangLeiMesh] },
    exclusive: true,
    reject: { speakers: [SPEAKER.wangLeiNamesake], talks: [TALK.protobufDecoy] },
  },
  {
    query: '单磊',
    class: 'exact-name',
    why: 'a two-character name that shares 磊 with 王磊 finds only its own speaker',
    expect: { speakers: [SPEAKER.shanLei], talks: [TALK.shanghaiRegistry] },
    exclusive: true,
  },
  {
    query: '曾宇星',
    class: 'exact-name',
    why: 'a three-character name finds only that speaker and talk',
    expect: { speakers: [SPEAKER.zengYuxing], talks: [TALK.shanghaiLayotto] },
    exclusive: true,
  },
  {
    query: '解浩',
    class: 'exact-name',
    why: 'a name whose surname is also a common word (解) finds only that speaker and talk',
    expect: { speakers: [SPEAKER.xieHao], talks: [TALK.channelObservability] },
    exclusive: true,
  },
  {
    query: 'Maya Patel',
    class: 'exact-name',
    why: 'an English name finds that speaker and talk only',
    expect: { speakers: [SPEAKER.mayaPatel], talks: [TALK.meshWithoutSidecars] },
    exclusive: true,
  },

  // Latin words and prefixes
  {
    query: 'kube',
    class: 'latin-prefix',
    why: 'a prefix finds Kubernetes in titles and the KubeCon event',
    expect: {
      events: [EVENT.kubeconHongKong2024],
      talks: [
        TALK.kubernetesHangzhou,
        TALK.gatewayApi,
        TALK.mcsMultiCluster,
        TALK.infraConfidential,
        TALK.multiTenancy,
      ],
    },
  },
  {
    query: 'istio',
    class: 'latin-prefix',
    why: 'a word in English and Chinese titles alike, and in event names',
    expect: {
      events: [EVENT.istioBeijing2021, EVENT.istioShanghai2027],
      talks: [
        TALK.istioCni,
        TALK.istioEbpf,
        TALK.istioAeraki,
        TALK.taipeiMultiCluster,
        TALK.multiClusterIstio2027,
        TALK.istioSecurity2027,
      ],
    },
  },
  {
    query: 'opentele',
    class: 'latin-prefix',
    why: 'a prefix of OpenTelemetry finds it in titles and in an abstract',
    expect: {
      talks: [TALK.taipeiObservability, TALK.observabilityDashboards, TALK.channelObservability],
    },
  },
  {
    query: 'obser',
    class: 'latin-prefix',
    why: 'a five-letter prefix is a prefix, not a typo',
    expect: { talks: [TALK.observabilityDashboards] },
  },
  {
    query: 'layotto',
    class: 'latin-prefix',
    why: 'a project name inside Chinese titles, including the double-encoded seed post',
    expect: { talks: [TALK.mulanLayotto, TALK.shanghaiLayotto] },
  },
  {
    query: 'sofa',
    class: 'latin-prefix',
    why: 'a prefix of SOFAMeetup and SOFAChannel finds every SOFA event',
    expect: {
      events: [
        EVENT.sofaBeijing2021,
        EVENT.mulanOnline2022,
        EVENT.sofaChannel2020,
        EVENT.sofaShanghai2023,
      ],
    },
  },
  {
    query: 'ebpf',
    class: 'latin-prefix',
    why: 'a mixed-case word (eBPF) in an English and a Chinese title',
    expect: { talks: [TALK.istioEbpf, TALK.ebpfObservability] },
  },
  {
    query: 'service mesh',
    class: 'latin-prefix',
    why: 'two words in English titles and inside Chinese titles',
    expect: { talks: [TALK.meshWithoutSidecars, TALK.aoHangzhou, TALK.aoQconDeck] },
  },

  // Case and full width
  {
    query: 'ＩＳＴＩＯ',
    class: 'case-width',
    why: 'full-width capitals are istio',
    expect: {
      events: [EVENT.istioBeijing2021, EVENT.istioShanghai2027],
      talks: [TALK.istioCni, TALK.taipeiMultiCluster, TALK.multiClusterIstio2027],
    },
  },
  {
    query: 'KUBERNETES',
    class: 'case-width',
    why: 'capitals are kubernetes',
    expect: { talks: [TALK.kubernetesHangzhou, TALK.gatewayApi, TALK.multiTenancy] },
  },
  {
    query: 'ＳＯＦＡＣｈａｎｎｅｌ',
    class: 'case-width',
    why: 'full-width mixed case finds the SOFAChannel livestream',
    expect: { events: [EVENT.sofaChannel2020] },
  },
  {
    query: 'ＳＥＲＶＩＣＥ　ＭＥＳＨ',
    class: 'case-width',
    why: 'full-width words with an ideographic space between them',
    expect: { talks: [TALK.meshWithoutSidecars, TALK.aoHangzhou] },
  },
  {
    query: 'ＭＴＬＳ',
    class: 'case-width',
    why: 'full-width capitals find mTLS inside a Chinese title',
    expect: { talks: [TALK.istioSecurity2027] },
  },

  // Diacritics
  {
    query: 'cafe',
    class: 'diacritics',
    why: 'no accent typed finds Café',
    expect: { talks: [TALK.envoyCafe] },
  },
  {
    query: 'naive',
    class: 'diacritics',
    why: 'no diaeresis typed finds Naïve',
    expect: { talks: [TALK.envoyCafe] },
  },
  {
    query: 'Envoy Café',
    class: 'diacritics',
    why: 'the accent typed finds the title that has it',
    expect: { talks: [TALK.envoyCafe] },
  },
  {
    query: 'tomas ruiz',
    class: 'diacritics',
    why: 'a name typed without its accent finds Tomás Ruiz',
    expect: { speakers: [SPEAKER.tomasRuiz], talks: [TALK.gatewayApi] },
    exclusive: true,
  },
  {
    query: 'TOMÁS',
    class: 'diacritics',
    why: 'an accented capital folds to the stored name',
    expect: { speakers: [SPEAKER.tomasRuiz] },
    exclusive: true,
  },
  {
    query: 'lea martin',
    class: 'diacritics',
    why: 'Léa Martin without the accent',
    expect: { speakers: [SPEAKER.leaMartin], talks: [TALK.envoyCafe] },
    exclusive: true,
  },

  // Traditional and Simplified
  {
    query: '服務網格',
    class: 'traditional-simplified',
    why: 'Traditional typed finds the Simplified title and the Traditional one',
    expect: { talks: [TALK.wangLeiMesh, TALK.taipeiMesh] },
    reject: { talks: [TALK.protobufDecoy] },
  },
  {
    query: '可观测性',
    class: 'traditional-simplified',
    why: 'Simplified typed finds the Traditional 可觀測性 of the Taipei meetup',
    expect: { talks: [TALK.taipeiObservability, TALK.channelObservability] },
  },
  {
    query: '機密計算',
    class: 'traditional-simplified',
    why: 'Traditional typed finds 机密计算',
    expect: { talks: [TALK.confidentialSofa] },
  },
  {
    query: '陈伟',
    class: 'traditional-simplified',
    why: 'a Simplified name finds the speaker written 陳偉',
    expect: { speakers: [SPEAKER.chenWei], talks: [TALK.taipeiMesh] },
    exclusive: true,
  },
  {
    query: '黄诗涵',
    class: 'traditional-simplified',
    why: 'a Simplified name finds the speaker written 黃詩涵',
    expect: { speakers: [SPEAKER.huangShihan], talks: [TALK.taipeiMultiCluster] },
    exclusive: true,
  },
  {
    query: '臺北',
    class: 'traditional-simplified',
    why: 'the formal Traditional 臺 finds the event in 台北',
    expect: { events: [EVENT.taipei2019] },
  },
  {
    query: '多叢集',
    class: 'traditional-simplified',
    why: 'the Taiwanese word for multi-cluster finds its talk, then the 多集群 ones through the glossary',
    expect: {
      talks: [TALK.taipeiMultiCluster, TALK.multiClusterIstio2027, TALK.mcsMultiCluster],
    },
    rank: [
      directFirst(
        [TALK.taipeiMultiCluster],
        [TALK.multiClusterIstio2027, TALK.mulanMultiCluster, TALK.mcsMultiCluster],
      ),
    ],
  },

  // Pinyin names
  {
    query: 'aoxiaojian',
    class: 'pinyin-name',
    why: 'full pinyin finds 敖小剑 and his talks',
    expect: { speakers: [SPEAKER.aoXiaojian], talks: [TALK.aoHangzhou, TALK.aoQconDeck] },
    exclusive: true,
  },
  {
    query: 'axj',
    class: 'pinyin-name',
    why: 'initials find 敖小剑',
    expect: { speakers: [SPEAKER.aoXiaojian] },
    exclusive: true,
  },
  {
    query: 'xiaojian',
    class: 'pinyin-name',
    why: 'the given name alone finds 敖小剑, and the full name finds 肖健 (xiao jian)',
    expect: { speakers: [SPEAKER.aoXiaojian, SPEAKER.xiaoJian] },
    exclusive: true,
  },
  {
    query: 'ao xiaojian',
    class: 'pinyin-name',
    why: 'surname first, as two words',
    expect: { speakers: [SPEAKER.aoXiaojian] },
    exclusive: true,
  },
  {
    query: 'shanlei',
    class: 'pinyin-name',
    why: '单 as a surname reads shan',
    expect: { speakers: [SPEAKER.shanLei] },
    exclusive: true,
  },
  {
    query: 'shan lei',
    class: 'pinyin-name',
    why: '单 read shan, surname first as two words',
    expect: { speakers: [SPEAKER.shanLei] },
    exclusive: true,
  },
  {
    query: 'danlei',
    class: 'pinyin-name',
    why: '单 as a surname never reads dan, its common reading',
    expect: { speakers: [] },
    exclusive: true,
  },
  {
    query: 'zengyuxing',
    class: 'pinyin-name',
    why: '曾 as a surname reads zeng, not ceng',
    expect: { speakers: [SPEAKER.zengYuxing], talks: [TALK.shanghaiLayotto] },
    exclusive: true,
  },
  {
    query: 'zyx',
    class: 'pinyin-name',
    why: 'initials with the surname read zeng',
    expect: { speakers: [SPEAKER.zengYuxing] },
    exclusive: true,
  },
  {
    query: 'xie hao',
    class: 'pinyin-name',
    why: '解 as a surname reads xie, not jie',
    expect: { speakers: [SPEAKER.xieHao] },
    exclusive: true,
  },
  {
    query: 'wanglei',
    class: 'pinyin-name',
    why: '王磊 and 王蕾 are both wanglei: pinyin finds both, and nobody else',
    expect: {
      speakers: [SPEAKER.wangLei, SPEAKER.wangLeiNamesake],
      talks: [TALK.wangLeiMesh, TALK.protobufDecoy],
    },
    exclusive: true,
  },
  {
    query: 'chenwei',
    class: 'pinyin-name',
    why: 'pinyin of a name written in Traditional characters (陳偉)',
    expect: { speakers: [SPEAKER.chenWei] },
    exclusive: true,
  },

  // Pinyin places
  {
    query: 'hangzhou',
    class: 'pinyin-place',
    why: 'pinyin finds the 杭州 meetup and no other event',
    expect: { events: [EVENT.hangzhou2018] },
    exclusive: true,
  },
  {
    query: 'shanghai',
    class: 'pinyin-place',
    why: 'pinyin finds both events in 上海 (the QCon deck names Shanghai only in its path)',
    expect: { events: [EVENT.sofaShanghai2023, EVENT.istioShanghai2027] },
    exclusive: true,
  },
  {
    query: 'guangzhou',
    class: 'pinyin-place',
    why: 'pinyin finds the 广州 meetup',
    expect: { events: [EVENT.guangzhou2025] },
    exclusive: true,
  },
  {
    query: 'beijing',
    class: 'pinyin-place',
    why: 'pinyin finds the event in 北京 and the one whose city is written Beijing',
    expect: { events: [EVENT.istioBeijing2021, EVENT.sofaBeijing2021] },
    exclusive: true,
  },
  {
    query: 'taibei',
    class: 'pinyin-place',
    why: 'pinyin of a city whose post is in Traditional Chinese',
    expect: { events: [EVENT.taipei2019] },
    exclusive: true,
  },
  {
    query: 'Taipei',
    class: 'pinyin-place',
    why: 'the English name of a city the post writes in Chinese (台北)',
    expect: { events: [EVENT.taipei2019] },
    exclusive: true,
  },

  // Typos
  {
    query: 'kuberntes',
    class: 'typo',
    why: 'one letter dropped from Kubernetes',
    expect: {
      talks: [
        TALK.kubernetesHangzhou,
        TALK.gatewayApi,
        TALK.mcsMultiCluster,
        TALK.infraConfidential,
        TALK.multiTenancy,
      ],
    },
    max: { talks: 5 },
  },
  {
    query: 'obserability',
    class: 'typo',
    why: 'one letter dropped from observability',
    expect: { talks: [TALK.observabilityDashboards] },
    max: { talks: 5 },
  },
  {
    query: 'istoi',
    class: 'typo',
    why: 'two letters swapped in a word many records use: a few hits, not all of them',
    expect: { events: [EVENT.istioBeijing2021, EVENT.istioShanghai2027] },
    max: { events: 5, talks: 5 },
  },
  {
    query: 'layoto',
    class: 'typo',
    why: 'one letter dropped from a project name inside Chinese titles',
    expect: { talks: [TALK.mulanLayotto, TALK.shanghaiLayotto] },
    max: { talks: 5 },
  },
  {
    query: 'confidental computing',
    class: 'typo',
    why: 'one misspelled word beside a correct one; a title hit still comes before an abstract hit',
    expect: { talks: [TALK.infraConfidential, TALK.confidentialSofa] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.infraConfidential],
        below: [TALK.confidentialSofa],
        reason: 'title-before-abstract',
      },
    ],
    max: { talks: 5 },
  },
  {
    query: 'gatway api',
    class: 'typo',
    why: 'a corrected word keeps the phrase order: Gateway API before API Gateway',
    expect: { talks: [TALK.gatewayApi, TALK.envoyApiGateway] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.gatewayApi],
        below: [TALK.envoyApiGateway],
        reason: 'title-phrase-before-title-words',
      },
    ],
    max: { talks: 5 },
  },
  {
    query: 'kestrl',
    class: 'typo',
    why: 'one letter dropped from a rare word',
    expect: { talks: [TALK.kestrelFilters] },
    max: { talks: 5 },
  },
  {
    query: 'tracing',
    class: 'typo',
    why: 'an exact word is never outranked by its one-edit neighbour (tracking) nor by its glossary twin (链路追踪)',
    expect: { talks: [TALK.infraTracing, TALK.channelObservability] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.infraTracing],
        below: [TALK.trackingCosts],
        reason: 'exact-before-typo',
      },
      directFirst([TALK.infraTracing], [TALK.channelObservability]),
    ],
  },
  {
    query: 'mosm',
    class: 'typo',
    why: 'a four-letter word is not corrected (mosm is one edit from mosn, and from much else)',
    expect: { events: [], talks: [], speakers: [] },
    exclusive: true,
  },

  // Glossary
  {
    query: '服务网格',
    class: 'glossary',
    why: 'the Chinese term finds the English-only Service Mesh talk, after the Chinese titles',
    expect: { talks: [TALK.wangLeiMesh, TALK.taipeiMesh, TALK.meshWithoutSidecars] },
    rank: [directFirst([TALK.wangLeiMesh, TALK.taipeiMesh], [TALK.meshWithoutSidecars])],
  },
  {
    query: '可观测性',
    class: 'glossary',
    why: 'the Chinese term finds the English Observability talk, after the Chinese ones',
    expect: {
      talks: [
        TALK.channelObservability,
        TALK.ebpfObservability,
        TALK.taipeiObservability,
        TALK.observabilityDashboards,
      ],
    },
    rank: [
      directFirst(
        [TALK.channelObservability, TALK.ebpfObservability, TALK.taipeiObservability],
        [TALK.observabilityDashboards],
      ),
    ],
  },
  {
    query: 'observability',
    class: 'glossary',
    why: 'the English term finds the Chinese-only 可观测性 talks, after the English one',
    expect: {
      talks: [
        TALK.observabilityDashboards,
        TALK.channelObservability,
        TALK.ebpfObservability,
        TALK.taipeiObservability,
      ],
    },
    rank: [
      directFirst(
        [TALK.observabilityDashboards],
        [TALK.channelObservability, TALK.ebpfObservability, TALK.taipeiObservability],
      ),
    ],
  },
  {
    query: '多集群',
    class: 'glossary',
    why: 'the Chinese term finds the English Multi-Cluster talk and Taiwan’s 多叢集, after the 多集群 titles',
    expect: {
      talks: [
        TALK.mulanMultiCluster,
        TALK.multiClusterIstio2027,
        TALK.mcsMultiCluster,
        TALK.taipeiMultiCluster,
      ],
    },
    rank: [
      directFirst(
        [TALK.mulanMultiCluster, TALK.multiClusterIstio2027],
        [TALK.mcsMultiCluster, TALK.taipeiMultiCluster],
      ),
    ],
  },
  {
    query: 'multi-cluster',
    class: 'glossary',
    why: 'the English term finds the 多集群 and 多叢集 talks, after the English title',
    expect: {
      talks: [
        TALK.mcsMultiCluster,
        TALK.mulanMultiCluster,
        TALK.multiClusterIstio2027,
        TALK.taipeiMultiCluster,
      ],
    },
    rank: [
      directFirst(
        [TALK.mcsMultiCluster],
        [TALK.mulanMultiCluster, TALK.multiClusterIstio2027, TALK.taipeiMultiCluster],
      ),
    ],
  },
  {
    // Over all years, more than ten titles say 云原生 (three of them in the restored seed 004),
    // so the year keeps the English talk within the first ten.
    query: '云原生',
    class: 'glossary',
    why: 'the Chinese term finds the English Cloud Native talk of 2022, after the 云原生 ones',
    filters: { year: '2022' },
    expect: {
      talks: [TALK.mulanOpening, TALK.mulanDevOps, TALK.mulanMultiCluster, TALK.infraStorage],
    },
    rank: [
      directFirst(
        [TALK.mulanOpening, TALK.mulanDevOps, TALK.mulanMultiCluster],
        [TALK.infraStorage],
      ),
    ],
  },
  {
    query: 'cloud native',
    class: 'glossary',
    why: 'the English term finds the Chinese-only 云原生 talks, after the English one',
    expect: {
      talks: [
        TALK.infraStorage,
        TALK.mosnCloudNative,
        TALK.channelObservability,
        TALK.ebpfObservability,
      ],
    },
    rank: [
      directFirst(
        [TALK.infraStorage],
        [TALK.mosnCloudNative, TALK.channelObservability, TALK.ebpfObservability],
      ),
    ],
  },
  {
    query: '注册中心',
    class: 'glossary',
    why: 'the Chinese term finds the English Service Registry talk, after every direct hit (even one in an abstract)',
    expect: { talks: [TALK.shanghaiRegistry, TALK.sofaRegistry, TALK.infraRegistry] },
    rank: [directFirst([TALK.shanghaiRegistry, TALK.sofaRegistry], [TALK.infraRegistry])],
  },
  {
    query: 'service registry',
    class: 'glossary',
    why: 'the English term finds the 注册中心 talks, after the English title',
    expect: { talks: [TALK.infraRegistry, TALK.shanghaiRegistry, TALK.sofaRegistry] },
    rank: [directFirst([TALK.infraRegistry], [TALK.shanghaiRegistry, TALK.sofaRegistry])],
  },
  {
    query: '机密计算',
    class: 'glossary',
    why: 'the Chinese term finds the English Confidential Computing talk, after the Chinese one',
    expect: { talks: [TALK.confidentialSofa, TALK.infraConfidential] },
    rank: [directFirst([TALK.confidentialSofa], [TALK.infraConfidential])],
  },
  {
    query: 'confidential computing',
    class: 'glossary',
    why: 'the English term finds the English title and the Chinese talk whose abstract spells it out',
    expect: { talks: [TALK.infraConfidential, TALK.confidentialSofa] },
  },
  {
    query: '多运行时',
    class: 'glossary',
    why: 'the Chinese term finds the English Multi-Runtime talk, after the Chinese one',
    expect: { talks: [TALK.shanghaiLayotto, TALK.infraMultiRuntime] },
    rank: [directFirst([TALK.shanghaiLayotto], [TALK.infraMultiRuntime])],
  },
  {
    query: 'multi-runtime',
    class: 'glossary',
    why: 'the English term finds the Chinese-only 多运行时 talk, after the English one',
    expect: { talks: [TALK.infraMultiRuntime, TALK.shanghaiLayotto] },
    rank: [directFirst([TALK.infraMultiRuntime], [TALK.shanghaiLayotto])],
  },
  {
    query: '链路追踪',
    class: 'glossary',
    why: 'the Chinese term finds the English Distributed Tracing talk, after the Chinese one',
    expect: { talks: [TALK.channelObservability, TALK.infraTracing] },
    rank: [directFirst([TALK.channelObservability], [TALK.infraTracing])],
  },
  {
    query: '网关',
    class: 'glossary',
    why: 'a Chinese term no talk uses still finds the English gateway talks',
    expect: { talks: [TALK.gatewayApi, TALK.envoyApiGateway] },
  },
  {
    query: '边车',
    class: 'glossary',
    why: 'the Chinese for sidecar finds the English talk about going without sidecars',
    expect: { talks: [TALK.meshWithoutSidecars] },
  },

  // Ranking by field
  {
    query: 'kestrel',
    class: 'ranking',
    why: 'the word in a title, then in a company, then in an abstract',
    expect: {
      talks: [TALK.kestrelFilters, TALK.envoyCafe, TALK.trackingCosts],
      speakers: [SPEAKER.leaMartin],
    },
    rank: [
      {
        kind: 'talks',
        above: [TALK.kestrelFilters],
        below: [TALK.envoyCafe],
        reason: 'title-before-company',
      },
      {
        kind: 'talks',
        above: [TALK.envoyCafe],
        below: [TALK.trackingCosts],
        reason: 'company-before-abstract',
      },
    ],
  },
  {
    query: 'envoy gateway',
    class: 'ranking',
    why: 'a title holding the phrase before a title holding both words apart',
    expect: { talks: [TALK.gatewayApi, TALK.envoyApiGateway] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.gatewayApi],
        below: [TALK.envoyApiGateway],
        reason: 'title-phrase-before-title-words',
      },
    ],
  },
  {
    query: 'opentelemetry',
    class: 'ranking',
    why: 'titles naming OpenTelemetry before a talk that names it in its abstract',
    expect: {
      talks: [TALK.taipeiObservability, TALK.observabilityDashboards, TALK.channelObservability],
    },
    rank: [
      {
        kind: 'talks',
        above: [TALK.taipeiObservability, TALK.observabilityDashboards],
        below: [TALK.channelObservability],
        reason: 'title-before-abstract',
      },
    ],
  },
  {
    query: '敖小剑',
    class: 'ranking',
    why: 'the talks he gives before an upcoming interview with his name in its title; nothing else',
    expect: { speakers: [SPEAKER.aoXiaojian], talks: [TALK.aoHangzhou, TALK.aoQconDeck] },
    allow: { talks: [TALK.interviewAo2027] },
    exclusive: true,
    rank: [
      {
        kind: 'talks',
        above: [TALK.aoHangzhou, TALK.aoQconDeck],
        below: [TALK.interviewAo2027],
        reason: 'name-before-title',
      },
    ],
  },
  {
    query: '王蕾',
    class: 'ranking',
    why: 'her talk before a talk whose abstract mentions her; never 王磊',
    expect: { speakers: [SPEAKER.wangLeiNamesake], talks: [TALK.protobufDecoy] },
    allow: { talks: [TALK.envoyExtensions] },
    exclusive: true,
    reject: { speakers: [SPEAKER.wangLei], talks: [TALK.wangLeiMesh] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.protobufDecoy],
        below: [TALK.envoyExtensions],
        reason: 'name-before-abstract',
      },
    ],
  },

  // Upcoming first
  {
    query: 'ambient',
    class: 'upcoming-first',
    why: 'the same talk given twice: the 2027 one first',
    expect: { talks: [TALK.ambientUpcoming, TALK.ambientPast] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.ambientUpcoming],
        below: [TALK.ambientPast],
        reason: 'upcoming-before-past',
      },
    ],
  },
  {
    query: 'Ambient Mesh 生产实践',
    class: 'upcoming-first',
    why: 'a whole mixed-language title, given at a past and an upcoming event',
    expect: { talks: [TALK.ambientUpcoming, TALK.ambientPast] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.ambientUpcoming],
        below: [TALK.ambientPast],
        reason: 'upcoming-before-past',
      },
    ],
  },
  {
    query: '罗嘉文',
    class: 'upcoming-first',
    why: 'a speaker’s two appearances: the upcoming one first, and nothing else',
    expect: { speakers: [SPEAKER.luoJiawen], talks: [TALK.ambientUpcoming, TALK.ambientPast] },
    exclusive: true,
    rank: [
      {
        kind: 'talks',
        above: [TALK.ambientUpcoming],
        below: [TALK.ambientPast],
        reason: 'upcoming-before-past',
      },
    ],
  },
  {
    query: 'luojiawen',
    class: 'upcoming-first',
    why: 'the same by pinyin',
    expect: { speakers: [SPEAKER.luoJiawen], talks: [TALK.ambientUpcoming, TALK.ambientPast] },
    rank: [
      {
        kind: 'talks',
        above: [TALK.ambientUpcoming],
        below: [TALK.ambientPast],
        reason: 'upcoming-before-past',
      },
    ],
  },

  // Filters
  {
    query: '服务网格',
    class: 'filter',
    why: 'year: only the 2019 talk, not the 2021 one',
    filters: { year: '2019' },
    expect: { talks: [TALK.taipeiMesh] },
    reject: { talks: [TALK.wangLeiMesh] },
  },
  {
    query: 'sofa',
    class: 'filter',
    why: 'format: only the online SOFA events',
    filters: { format: 'online' },
    expect: { events: [EVENT.sofaChannel2020, EVENT.mulanOnline2022] },
    reject: { events: [EVENT.sofaBeijing2021, EVENT.sofaShanghai2023] },
  },
  {
    query: '可观测性',
    class: 'filter',
    why: 'city: only the talk in 台北',
    filters: { city: '台北' },
    expect: { talks: [TALK.taipeiObservability] },
    reject: { talks: [TALK.channelObservability, TALK.ebpfObservability] },
  },
  {
    query: 'istio',
    class: 'filter',
    why: 'year: only the 2027 talks',
    filters: { year: '2027' },
    expect: { talks: [TALK.multiClusterIstio2027, TALK.istioSecurity2027] },
    reject: { talks: [TALK.istioCni, TALK.taipeiMultiCluster] },
  },
  {
    query: 'observability',
    class: 'filter',
    why: 'series: only the SOFAChannel talk, found through the glossary',
    filters: { series: 'SOFAChannel' },
    expect: { talks: [TALK.channelObservability] },
    reject: { talks: [TALK.observabilityDashboards] },
  },
  {
    query: 'envoy',
    class: 'filter',
    why: 'city: only the Envoy talk in 上海',
    filters: { city: '上海' },
    expect: { talks: [TALK.envoyExtensions] },
    reject: { talks: [TALK.envoyCafe, TALK.envoyPrinciple, TALK.mosnCloudNative] },
  },
  {
    query: 'kubernetes',
    class: 'filter',
    why: 'format: only the talk streamed online',
    filters: { format: 'online' },
    expect: { talks: [TALK.infraConfidential] },
    reject: { talks: [TALK.gatewayApi, TALK.kubernetesHangzhou] },
  },
  {
    query: 'service mesh',
    class: 'filter',
    why: 'series and year together: the first Service Mesh Meetup only',
    filters: { series: 'Service Mesh Meetup', year: '2018' },
    expect: { talks: [TALK.aoHangzhou, TALK.liuChaoHangzhou] },
    reject: { talks: [TALK.meshWithoutSidecars, TALK.taipeiMesh, TALK.aoQconDeck] },
  },
  {
    query: 'ambient',
    class: 'filter',
    why: 'format: only the hybrid event’s talk',
    filters: { format: 'hybrid' },
    expect: { talks: [TALK.ambientUpcoming] },
    reject: { talks: [TALK.ambientPast] },
  },
];

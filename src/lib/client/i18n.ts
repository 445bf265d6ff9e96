/**
 * The interface's words in English and Chinese. Two languages and a few dozen strings do not need
 * an i18n library: one typed `Messages` interface makes a missing translation a type error, and
 * plurals are plain functions (Chinese has none; English needs 'talk' / 'talks').
 *
 * Content (titles, names, abstracts) is never translated; only the interface around it.
 */
import type { EventFormat, LinkKind } from '$lib/schema';
import type { UpdateState } from '$lib/pwa/update-state.svelte';
import type { StorageNotice } from '$lib/worker/protocol';
import type { ChangedField } from '$lib/views/starred-changes';
import type { TalkPhase } from './now-next';
import type { Locale, ThemeChoice } from '$lib/settings';

// Relative, not `$lib`: the end-to-end tests import this table in Node without SvelteKit's aliases.
export { detectLocale, type Locale } from '../settings';

/** Every string the interface shows. */
export interface Messages {
  /** BCP 47 tag for `<html lang>`. */
  htmlLang: string;
  /** BCP 47 tag `Intl` writes dates and times with. */
  dateLocale: string;
  siteName: string;
  /** Between items of a run-in list: a name, a company, a role. */
  listSeparator: string;
  /** Between the first and last day of a multi-day event. */
  dateRangeSeparator: string;
  siteDescription: string;
  skipToContent: string;
  nav: { label: string; home: string; search: string; myAgenda: string; about: string };
  /** The display settings in the header. Languages are named in themselves, not here. */
  settings: {
    label: string;
    language: string;
    /** The `auto` language, which follows the browser's; short, it is shown in the header. */
    browserLanguage: string;
    theme: string;
    themeChoice: Record<ThemeChoice, string>;
  };
  home: {
    title: string;
    upcoming: string;
    past: string;
    undated: string;
    noUpcoming: string;
    noEvents: string;
    eventsLabel: (group: string) => string;
    showAll: (hidden: number) => string;
  };
  event: {
    date: string;
    time: string;
    city: string;
    venue: string;
    format: string;
    links: string;
    agenda: string;
    noAgenda: string;
    /** Heading over the post itself, which often holds what the agenda could not. */
    post: string;
    description: (title: string) => string;
  };
  talk: {
    speakers: string;
    time: string;
    event: string;
    abstract: string;
    otherTalks: string;
    noOtherTalks: string;
    description: (title: string, event: string) => string;
  };
  speaker: {
    aliases: string;
    companies: string;
    talks: string;
    description: (name: string) => string;
  };
  search: {
    title: string;
    label: string;
    description: string;
    prompt: string;
    events: string;
    talks: string;
    speakers: string;
    noResults: (query: string) => string;
    resultCount: (count: number) => string;
    /** Glossary terms or corrections that also found results, e.g. `service mesh`. */
    alsoSearched: (terms: string) => string;
    filters: string;
    year: string;
    city: string;
    series: string;
    any: string;
  };
  my: {
    title: string;
    description: string;
    empty: string;
    loading: string;
    undated: string;
  };
  /** At the venue: now and next, the day's progress, clashes and changes in "My agenda". */
  venue: {
    todayAt: string;
    now: string;
    next: string;
    /** 'in 12 min', 'in 1 h 5 min'. */
    inMinutes: (minutes: number) => string;
    firstTalk: string;
    onBreak: string;
    finished: string;
    untimed: string;
    progress: string;
    progressCount: (done: number, total: number) => string;
    phase: Record<TalkPhase, string>;
    /** Before the talks a starred talk overlaps. */
    overlaps: string;
    changesTitle: string;
    changed: Record<ChangedField, string>;
    /** The value before a change: 'was 15:00–15:30 CST'. */
    was: (previous: string) => string;
    removed: string;
    dismiss: string;
    dismissLabel: (title: string) => string;
    forget: string;
    forgetLabel: (title: string) => string;
    /** After a time shown in another zone than the event's, when the day differs. */
    dayShift: (days: number) => string;
    timeZone: string;
    eventZone: string;
    deviceZone: (zone: string) => string;
  };
  about: {
    title: string;
    description: string;
    intro: string;
    data: string;
    contentHash: string;
    generatedAt: string;
    counts: string;
    countsText: (counts: { events: number; talks: number; speakers: number }) => string;
    storage: string;
    /** A sentence, with its full stop. */
    storedIn: (storage: 'indexeddb' | 'memory') => string;
    used: (used: string, quota: string) => string;
    usageUnknown: string;
    noContent: string;
    app: string;
    appVersion: string;
    checkForUpdates: string;
    updateState: Record<UpdateState['kind'], string>;
  };
  format: Record<EventFormat, string>;
  linkKind: Record<LinkKind, string>;
  slides: string;
  video: string;
  talkCount: (count: number) => string;
  dateUnknown: string;
  star: { label: (title: string) => string; text: string; failed: string };
  update: { available: string; reload: string };
  notice: Record<StorageNotice | 'memory' | 'offline' | 'invalid-bundle', string>;
  errors: {
    notFound: string;
    notFoundDetail: string;
    unavailable: string;
    unavailableDetail: string;
    generic: string;
    backHome: string;
  };
  /** Calendar files (.ics), sharing, QR codes, map links and shared agendas. */
  share: ShareMessages;
}

/** The words of the calendar, share, QR code, map and agenda-import controls. */
export interface ShareMessages {
  calendar: {
    talk: string;
    event: string;
    starred: string;
    /** Shown instead of the button when nothing has a date to put in a calendar. */
    noDate: string;
    /** How many starred talks the file leaves out for having no date. */
    skipped: (count: number) => string;
    speakers: string;
    eventLabel: string;
    timeNotAnnounced: string;
  };
  share: string;
  shareLabel: (title: string) => string;
  copyLink: string;
  copyLinkLabel: (title: string) => string;
  copied: string;
  /** When the browser would not copy: the link is shown, selected, to copy by hand. */
  copyFailed: string;
  linkLabel: string;
  showQr: string;
  qrLabel: (what: string) => string;
  qrTooLong: string;
  myAgenda: string;
  shareAgenda: string;
  maps: { label: (venue: string) => string; amap: string; baidu: string; osm: string };
  agendaImport: {
    heading: (count: number) => string;
    intro: string;
    alreadyStarred: string;
    unknown: (count: number) => string;
    damaged: string;
    import: string;
    dismiss: string;
    imported: (count: number) => string;
    loading: string;
  };
}

const en: Messages = {
  htmlLang: 'en',
  // British order, 'Sat, 10 Jul 2021': the day before the month reads the same to every reader.
  dateLocale: 'en-GB',
  siteName: 'Sidecar',
  listSeparator: ', ',
  dateRangeSeparator: ' – ',
  siteDescription:
    'Sidecar: the agenda of cloud-native and service-mesh meetups, searchable offline in Chinese and English.',
  skipToContent: 'Skip to content',
  nav: { label: 'Main', home: 'Events', search: 'Search', myAgenda: 'My agenda', about: 'About' },
  settings: {
    label: 'Display',
    language: 'Language',
    browserLanguage: 'Auto',
    theme: 'Theme',
    themeChoice: { system: 'System', light: 'Light', dark: 'Dark' },
  },
  home: {
    title: 'Events',
    upcoming: 'Upcoming',
    past: 'Past events',
    undated: 'Date unknown',
    noUpcoming: 'No upcoming events yet.',
    noEvents: 'No events have been published yet.',
    eventsLabel: (group) => `Events: ${group}`,
    showAll: (hidden) => `Show ${hidden} older ${hidden === 1 ? 'event' : 'events'}`,
  },
  event: {
    date: 'Date',
    time: 'Time',
    city: 'City',
    venue: 'Venue',
    format: 'Format',
    links: 'Links',
    agenda: 'Agenda',
    noAgenda: 'No agenda was found in this post.',
    post: 'The post',
    description: (title) => `${title}: agenda, speakers, venue, slides and video.`,
  },
  talk: {
    speakers: 'Speakers',
    time: 'Time',
    event: 'Event',
    abstract: 'Abstract',
    otherTalks: 'Other talks at this event',
    noOtherTalks: 'This is the only talk of the event.',
    description: (title, event) => `${title}, a talk at ${event}.`,
  },
  speaker: {
    aliases: 'Also known as',
    companies: 'Companies',
    talks: 'Talks',
    description: (name) => `${name}: every talk across events.`,
  },
  search: {
    title: 'Search',
    label: 'Search events, talks and speakers',
    description: 'Search events, talks and speakers, offline, in Chinese, English or pinyin.',
    prompt: 'Type a title, a name (also in pinyin) or a topic.',
    events: 'Events',
    talks: 'Talks',
    speakers: 'Speakers',
    noResults: (query) => `Nothing found for “${query}”.`,
    resultCount: (count) => (count === 1 ? '1 result' : `${count} results`),
    alsoSearched: (terms) => `Also showing results for ${terms}`,
    filters: 'Filters',
    year: 'Year',
    city: 'City',
    series: 'Series',
    any: 'Any',
  },
  my: {
    title: 'My agenda',
    description: 'The talks you starred, by date.',
    empty: 'No starred talks yet. Star a talk on its page or in an agenda to keep it here.',
    loading: 'Your starred talks are kept on this device and appear here.',
    undated: 'Date unknown',
  },
  venue: {
    todayAt: 'Today',
    now: 'Now',
    next: 'Next',
    inMinutes: (minutes) =>
      minutes < 60 ? `in ${minutes} min` : `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`,
    firstTalk: 'First talk',
    onBreak: 'Break',
    finished: 'That’s all for today.',
    untimed: 'Today’s talks',
    progress: 'Today’s agenda',
    progressCount: (done, total) => `${done} of ${total} talks done`,
    phase: { done: 'Done', now: 'Now', upcoming: 'Upcoming' },
    overlaps: 'Overlaps with',
    changesTitle: 'Changed since you last looked',
    changed: { time: 'New time', title: 'New title', speakers: 'New speakers' },
    was: (previous) => `was ${previous}`,
    removed: 'Removed from the agenda',
    dismiss: 'Dismiss',
    dismissLabel: (title) => `Dismiss the change to ${title}`,
    forget: 'Remove',
    forgetLabel: (title) => `Remove ${title} from my agenda`,
    dayShift: (days) => (days > 0 ? '(next day)' : '(previous day)'),
    timeZone: 'Show times in',
    eventZone: 'The event’s time zone, as on the programme',
    deviceZone: (zone) => `This device’s time zone (${zone})`,
  },
  about: {
    title: 'About Sidecar',
    description: 'Data version, storage and app version of Sidecar.',
    intro: 'Sidecar keeps the agenda on this device, so it works at the venue without a network.',
    data: 'Data',
    contentHash: 'Content version',
    generatedAt: 'Compiled at',
    counts: 'Contents',
    countsText: ({ events, talks, speakers }) =>
      `Events: ${events} · Talks: ${talks} · Speakers: ${speakers}`,
    storage: 'Storage',
    storedIn: (storage) =>
      storage === 'indexeddb' ? 'Kept on this device.' : 'Kept for this visit only.',
    used: (used, quota) => `${used} used of ${quota}`,
    usageUnknown: 'This browser does not report storage use.',
    noContent: 'No content is stored yet.',
    app: 'App',
    appVersion: 'App version',
    checkForUpdates: 'Check for updates',
    updateState: {
      unsupported: 'This browser cannot install updates in the background.',
      idle: '',
      checking: 'Checking for updates…',
      'up-to-date': 'You have the latest version.',
      waiting: 'A new version is ready: reload to use it.',
      offline: 'You are offline: Sidecar keeps working, and checks again when you ask online.',
      error: 'Could not check for updates. Try again later.',
    },
  },
  format: { offline: 'Offline', online: 'Online', hybrid: 'Hybrid' },
  linkKind: {
    slides: 'Slides',
    video: 'Video',
    livestream: 'Livestream',
    registration: 'Registration',
    photos: 'Photos',
    other: 'Link',
  },
  slides: 'Slides',
  video: 'Video',
  talkCount: (count) => (count === 1 ? '1 talk' : `${count} talks`),
  dateUnknown: 'Date unknown',
  star: {
    label: (title) => `Star: ${title}`,
    text: 'Star',
    failed: 'Could not save the star. Try again.',
  },
  update: { available: 'A new version is available —', reload: 'Reload' },
  notice: {
    memory: 'Content is kept for this visit only: this browser does not allow offline storage.',
    'storage-unavailable':
      'Offline storage is unavailable (private mode?): content is kept for this visit only.',
    'storage-blocked':
      'Another Sidecar tab holds the old data: close other tabs to update offline storage.',
    'storage-full': 'This device is out of space: content is kept for this visit only.',
    'update-failed': 'Could not download the latest content; showing the copy on this device.',
    offline: 'You are offline and nothing is stored yet: connect once to download the agenda.',
    'invalid-bundle': 'The agenda on the server could not be read. Try again later.',
  },
  errors: {
    notFound: 'Not found',
    notFoundDetail: 'There is no such event, talk or speaker (any more).',
    unavailable: 'Content unavailable',
    unavailableDetail:
      'The agenda could not be loaded. If you are offline, connect once to download it.',
    generic: 'Something went wrong',
    backHome: 'Back to all events',
  },
  share: {
    calendar: {
      talk: 'Add to calendar (.ics)',
      event: 'Add the event to calendar (.ics)',
      starred: 'Download starred talks (.ics)',
      noDate: 'No date is known yet, so this cannot be added to a calendar.',
      skipped: (count) =>
        count === 1
          ? '1 starred talk has no date and is not in the calendar file.'
          : `${count} starred talks have no date and are not in the calendar file.`,
      speakers: 'Speakers',
      eventLabel: 'Event',
      timeNotAnnounced: 'Time not announced; the event runs',
    },
    share: 'Share',
    shareLabel: (title) => `Share: ${title}`,
    copyLink: 'Copy link',
    copyLinkLabel: (title) => `Copy link: ${title}`,
    copied: 'Link copied',
    copyFailed: 'Could not copy: select the link and copy it.',
    linkLabel: 'Link',
    showQr: 'QR code',
    qrLabel: (what) => `QR code of the link to ${what}`,
    qrTooLong: 'Too much to fit in a QR code: share the link instead.',
    myAgenda: 'My agenda',
    shareAgenda: 'Share my agenda',
    maps: {
      label: (venue) => `Find ${venue} on a map`,
      amap: 'Amap (高德)',
      baidu: 'Baidu Maps',
      osm: 'OpenStreetMap',
    },
    agendaImport: {
      heading: (count) =>
        count === 1 ? 'A shared agenda: 1 talk' : `A shared agenda: ${count} talks`,
      intro: 'Someone shared these talks. Import adds them to your stars; your own stars stay.',
      alreadyStarred: 'already starred',
      unknown: (count) =>
        count === 1
          ? '1 talk in the link is not in this agenda (it may have been removed or renamed).'
          : `${count} talks in the link are not in this agenda (they may have been removed or renamed).`,
      damaged: 'This agenda link is damaged (cut short?): nothing can be imported from it.',
      import: 'Import',
      dismiss: 'Dismiss',
      imported: (count) =>
        count === 1 ? '1 talk added to your stars.' : `${count} talks added to your stars.`,
      loading: 'Reading the shared agenda…',
    },
  },
};

const zh: Messages = {
  htmlLang: 'zh-CN',
  dateLocale: 'zh-CN',
  siteName: 'Sidecar',
  listSeparator: '，',
  dateRangeSeparator: ' 至 ',
  siteDescription: 'Sidecar：云原生与服务网格技术活动的议程，离线可用，支持中文、英文和拼音搜索。',
  skipToContent: '跳到正文',
  nav: { label: '主导航', home: '活动', search: '搜索', myAgenda: '我的日程', about: '关于' },
  settings: {
    label: '显示',
    language: '语言',
    browserLanguage: '自动',
    theme: '主题',
    themeChoice: { system: '跟随系统', light: '浅色', dark: '深色' },
  },
  home: {
    title: '活动',
    upcoming: '即将举行',
    past: '往期活动',
    undated: '日期未知',
    noUpcoming: '暂无即将举行的活动。',
    noEvents: '还没有发布任何活动。',
    eventsLabel: (group) => `活动：${group}`,
    showAll: (hidden) => `显示更早的 ${hidden} 场活动`,
  },
  event: {
    date: '日期',
    time: '时间',
    city: '城市',
    venue: '地点',
    format: '形式',
    links: '链接',
    agenda: '议程',
    noAgenda: '这篇文章里没有找到议程。',
    post: '活动原文',
    description: (title) => `${title}：议程、讲者、地点、幻灯片和视频。`,
  },
  talk: {
    speakers: '讲者',
    time: '时间',
    event: '活动',
    abstract: '议题简介',
    otherTalks: '同场其他议题',
    noOtherTalks: '这是本场活动唯一的议题。',
    description: (title, event) => `${title}，${event}的议题。`,
  },
  speaker: {
    aliases: '又名',
    companies: '公司',
    talks: '议题',
    description: (name) => `${name}在各场活动中的全部议题。`,
  },
  search: {
    title: '搜索',
    label: '搜索活动、议题和讲者',
    description: '离线搜索活动、议题和讲者，支持中文、英文和拼音。',
    prompt: '输入标题、姓名（也可以用拼音）或主题。',
    events: '活动',
    talks: '议题',
    speakers: '讲者',
    noResults: (query) => `没有找到与“${query}”相关的内容。`,
    resultCount: (count) => `${count} 条结果`,
    alsoSearched: (terms) => `同时显示 ${terms} 的结果`,
    filters: '筛选',
    year: '年份',
    city: '城市',
    series: '系列',
    any: '全部',
  },
  my: {
    title: '我的日程',
    description: '你收藏的议题，按日期排列。',
    empty: '还没有收藏的议题。在议题页或议程中点“收藏”，议题就会出现在这里。',
    loading: '收藏的议题保存在本设备上，会显示在这里。',
    undated: '日期未知',
  },
  venue: {
    todayAt: '今天',
    now: '正在进行',
    next: '下一场',
    inMinutes: (minutes) =>
      minutes < 60
        ? `${minutes} 分钟后`
        : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟后`,
    firstTalk: '第一场',
    onBreak: '休息中',
    finished: '今天的议程已全部结束。',
    untimed: '今天的议题',
    progress: '今天的议程',
    progressCount: (done, total) => `已结束 ${done} / ${total} 场`,
    phase: { done: '已结束', now: '进行中', upcoming: '未开始' },
    overlaps: '时间冲突：',
    changesTitle: '自上次查看以来的变动',
    changed: { time: '时间有变', title: '标题有变', speakers: '讲者有变' },
    was: (previous) => `原为 ${previous}`,
    removed: '已从议程中移除',
    dismiss: '知道了',
    dismissLabel: (title) => `知道了：${title} 的变动`,
    forget: '移除',
    forgetLabel: (title) => `从我的日程中移除：${title}`,
    dayShift: (days) => (days > 0 ? '（次日）' : '（前一天）'),
    timeZone: '时间显示为',
    eventZone: '活动所在时区（与议程一致）',
    deviceZone: (zone) => `本设备时区（${zone}）`,
  },
  about: {
    title: '关于 Sidecar',
    description: 'Sidecar 的数据版本、存储和应用版本。',
    intro: 'Sidecar 把议程保存在本设备上，在会场没有网络也能使用。',
    data: '数据',
    contentHash: '内容版本',
    generatedAt: '编译时间',
    counts: '内容',
    countsText: ({ events, talks, speakers }) =>
      `活动 ${events} 场 · 议题 ${talks} 个 · 讲者 ${speakers} 位`,
    storage: '存储',
    storedIn: (storage) => (storage === 'indexeddb' ? '已保存在本设备。' : '仅在本次访问中保留。'),
    used: (used, quota) => `已用 ${used}，共 ${quota}`,
    usageUnknown: '此浏览器不提供存储用量。',
    noContent: '尚未保存任何内容。',
    app: '应用',
    appVersion: '应用版本',
    checkForUpdates: '检查更新',
    updateState: {
      unsupported: '此浏览器不支持在后台安装更新。',
      idle: '',
      checking: '正在检查更新…',
      'up-to-date': '已是最新版本。',
      waiting: '新版本已就绪，重新加载即可使用。',
      offline: '当前离线：Sidecar 照常可用，联网后可再次检查。',
      error: '无法检查更新，请稍后重试。',
    },
  },
  format: { offline: '线下', online: '线上', hybrid: '线上 + 线下' },
  linkKind: {
    slides: '幻灯片',
    video: '视频',
    livestream: '直播',
    registration: '报名',
    photos: '照片',
    other: '链接',
  },
  slides: '幻灯片',
  video: '视频',
  talkCount: (count) => `${count} 个议题`,
  dateUnknown: '日期未知',
  star: {
    label: (title) => `收藏：${title}`,
    text: '收藏',
    failed: '收藏没有保存成功，请重试。',
  },
  update: { available: '有新版本可用 —', reload: '重新加载' },
  notice: {
    memory: '此浏览器不允许离线存储：内容仅在本次访问中保留。',
    'storage-unavailable': '离线存储不可用（无痕模式？）：内容仅在本次访问中保留。',
    'storage-blocked': '另一个 Sidecar 标签页占用着旧数据：关闭其他标签页后才能更新离线存储。',
    'storage-full': '设备存储空间已满：内容仅在本次访问中保留。',
    'update-failed': '无法下载最新内容，正在显示本设备上保存的版本。',
    offline: '当前离线，且本设备尚未保存内容：请联网一次以下载议程。',
    'invalid-bundle': '无法读取服务器上的议程，请稍后再试。',
  },
  errors: {
    notFound: '找不到页面',
    notFoundDetail: '没有这个活动、议题或讲者（或已被删除）。',
    unavailable: '内容不可用',
    unavailableDetail: '无法加载议程。如果当前离线，请联网一次以下载。',
    generic: '出错了',
    backHome: '返回全部活动',
  },
  share: {
    calendar: {
      talk: '加入日历（.ics）',
      event: '把活动加入日历（.ics）',
      starred: '下载收藏的议题（.ics）',
      noDate: '日期尚未确定，暂时无法加入日历。',
      skipped: (count) => `有 ${count} 个收藏的议题没有日期，未包含在日历文件中。`,
      speakers: '讲者',
      eventLabel: '活动',
      timeNotAnnounced: '具体时间未公布；活动时间',
    },
    share: '分享',
    shareLabel: (title) => `分享：${title}`,
    copyLink: '复制链接',
    copyLinkLabel: (title) => `复制链接：${title}`,
    copied: '链接已复制',
    copyFailed: '无法自动复制：请选中链接后手动复制。',
    linkLabel: '链接',
    showQr: '二维码',
    qrLabel: (what) => `${what}链接的二维码`,
    qrTooLong: '内容太多，无法生成二维码：请改为分享链接。',
    myAgenda: '我的日程',
    shareAgenda: '分享我的日程',
    maps: {
      label: (venue) => `在地图上查找${venue}`,
      amap: '高德地图',
      baidu: '百度地图',
      osm: 'OpenStreetMap',
    },
    agendaImport: {
      heading: (count) => `分享的日程：${count} 个议题`,
      intro: '有人分享了这些议题。“导入”会把它们加入你的收藏，你原有的收藏不变。',
      alreadyStarred: '已收藏',
      unknown: (count) => `链接中有 ${count} 个议题不在当前议程中（可能已被删除或改名）。`,
      damaged: '这个日程链接已损坏（可能被截断），无法导入。',
      import: '导入',
      dismiss: '忽略',
      imported: (count) => `已把 ${count} 个议题加入收藏。`,
      loading: '正在读取分享的日程…',
    },
  },
};

const MESSAGES: Readonly<Record<Locale, Messages>> = { en, zh };

/** Each language named in itself, for the language switch: a reader finds their own. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', zh: '中文' };

/**
 * The language pages are prerendered in: a build has no reader. In the browser the interface
 * speaks the reader's language from hydration on (see `pre-paint.ts` for the first paint).
 */
export const PRERENDERED_LOCALE: Locale = 'en';

/** The messages of `locale`. */
export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** True for the locales this interface speaks; data from outside is narrowed with it. */
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh';
}

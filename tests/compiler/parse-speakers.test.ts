/**
 * Who gives a talk, read out of the lines and agenda cells organizers write. The cases are the
 * seed posts' own: the Hangzhou recap, the SOFAStack anniversary, the Mulan livestream and the
 * Istio meetup table.
 */
import { describe, it, expect } from 'vitest';
import {
  countPinyinSyllables,
  isHanName,
  isHostRole,
  isOrganisationName,
  parseChineseSpeaker,
  parseEnglishSpeaker,
  parseSpeaker,
  parseSpeakers,
  readSelfIntroduction,
  splitSessionCell,
} from '../../src/compiler/parse-speakers';

describe('parseChineseSpeaker: a speaker line in a Chinese post', () => {
  it('reads the company in brackets: 敖小剑（蚂蚁金服）', () => {
    expect(parseChineseSpeaker('敖小剑（蚂蚁金服）')).toEqual({
      name: '敖小剑',
      org: '蚂蚁金服',
      role: null,
      aliases: [],
    });
  });

  it('reads the bold recap line 敖小剑（蚂蚁金服）：题目 without taking the title for the company', () => {
    const mention = parseChineseSpeaker(
      '**敖小剑（蚂蚁金服）：大规模微服务架构下的 Service Mesh 探索之路**',
    );
    expect(mention).toMatchObject({ name: '敖小剑', org: '蚂蚁金服' });
  });

  it('splits 蚂蚁集团资深技术专家 into company and role, and stops at the first clause', () => {
    const line =
      '黄挺，蚂蚁集团资深技术专家，目前主要负责蚂蚁中间件团队，推动了蚂蚁 Service Mesh，Serverless 等云原生技术在蚂蚁落地。';
    expect(parseChineseSpeaker(line)).toEqual({
      name: '黄挺',
      org: '蚂蚁集团',
      role: '资深技术专家',
      aliases: [],
    });
  });

  it.each([
    ['a product after a company ending', '王小明 星河科技云平台架构师', '星河科技', '云平台架构师'],
    [
      'a team after a known company',
      '王小明 华为云容器网格数据面技术专家',
      '华为云',
      '容器网格数据面技术专家',
    ],
    [
      'a Chinese team after a Latin company',
      '王小明 Acme云计算软件工程师',
      'Acme',
      '云计算软件工程师',
    ],
    [
      'a Latin word after a Chinese company',
      '王小明 星河会Java资深开发工程师',
      '星河会',
      'Java资深开发工程师',
    ],
  ])('keeps %s with the role, not the company', (_form, line, org, role) => {
    expect(parseChineseSpeaker(line)).toMatchObject({ name: '王小明', org, role });
  });

  it('takes the employer from the role that is a job when the first role is in a project', () => {
    expect(
      parseChineseSpeaker('王小明 Apache Foo创始人、Apache Bar原型作者、星河大陆资深技术专家'),
    ).toMatchObject({ name: '王小明', org: '星河大陆', role: '资深技术专家' });
    expect(parseChineseSpeaker('王小明 星河科技创始人、Foo 核心开发者')).toMatchObject({
      org: '星河科技',
      role: '创始人、Foo 核心开发者',
    });
  });

  it('reads a Latin job title glued to the company: 时速云CTO', () => {
    const line =
      '王磊，时速云CTO，负责时速云企业级容器 PaaS、中间件、DevOps、微服务治理、API 网关等多个云原生产品';
    expect(parseChineseSpeaker(line)).toMatchObject({ name: '王磊', org: '时速云', role: 'CTO' });
  });

  it('reads a name followed by a space, with every role after the company kept', () => {
    expect(parseChineseSpeaker('王庆 英特尔研发总监、木兰开源社区技术委员会成员')).toEqual({
      name: '王庆',
      org: '英特尔',
      role: '研发总监、木兰开源社区技术委员会成员',
      aliases: [],
    });
  });

  it('reads a speaker line quoted with >, as the Mulan post writes them', () => {
    expect(parseChineseSpeaker('>刘新 都广科技创始人、建木核心开发者。')).toMatchObject({
      name: '刘新',
      org: '都广科技',
      role: '创始人、建木核心开发者',
    });
  });

  it('keeps a 花名 as an alias and finds the company in the description that follows', () => {
    const mention = parseChineseSpeaker(
      '周群力（花名：仪式）目前在蚂蚁集团中间件团队负责 Layotto 项目研发',
    );
    expect(mention).toMatchObject({ name: '周群力', org: '蚂蚁集团', aliases: ['仪式'] });
  });

  it('finds the company inside a bracketed description: 周群力（目前在蚂蚁集团…）', () => {
    const mention = parseChineseSpeaker('周群力（目前在蚂蚁集团中间件团队负责 Layotto 项目研发）');
    expect(mention).toMatchObject({ name: '周群力', org: '蚂蚁集团', aliases: [] });
  });

  it.each([
    ['a biography that starts with the company', '腾讯云技术专家，Clusternet 项目发起人。'],
    ['a sentence that starts in Latin letters', 'SOFA 开源已经进行了三年的时间，在本次分享中'],
    ['a list item', '- 了解机密计算这一激动人心的新兴技术方向；'],
  ])('returns null for %s', (_kind, line) => {
    expect(parseChineseSpeaker(line)).toBeNull();
  });
});

/** The Session column of the agenda table in content/2021/istio-meetup-china-beijing/index.md. */
const ISTIO_SESSIONS = {
  signIn: 'Sign in',
  welcome:
    'Welcome speech-Craig Box (Istio steering committee member), Ding Shaojun (Iris Ding) (Intel cloud computing engineer)',
  standard:
    'Interpretation of the "Service Grid Technical Capability Requirements" Standard Yin Xia Mengxue, Engineer, Cloud Computing Department, Academy of Information and Communications Technology',
  hotUpgrade: 'Service Grid Data Plane Hot Upgrade Technology Sharing Shi Zehuan Alibaba Cloud',
  envoy:
    '"Envoy Principle Introduction and Online Problem Pit" Zhang Wei: Huawei Cloud Container Grid Data Plane Technical Expert',
  coffee: 'Coffee break',
  ebpf: 'Use eBPF to accelerate Istio/Envoy network - Zhong Luyao Intel',
  aeraki:
    'Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio Huabing Zhao Senior Engineer, Tencent Cloud',
  cni: 'Securing workload deployment with Istio CNI Zhang Zhihan Tetrate',
};

describe('splitSessionCell: the Istio meetup agenda, where one cell holds talk and speakers', () => {
  it('splits the welcome speech at its dash and reads both speakers, with Iris Ding as an alias', () => {
    const { title, speakers } = splitSessionCell(ISTIO_SESSIONS.welcome);
    expect(title).toBe('Welcome speech');
    expect(speakers.map((speaker) => speaker.name)).toEqual(['Craig Box', 'Ding Shaojun']);
    const [craig, ding] = speakers;
    expect(craig).toMatchObject({ role: 'Istio steering committee member', aliases: [] });
    expect(ding?.aliases).toEqual(['Iris Ding']);
    // Whichever field it lands in, Ding Shaojun's affiliation is not lost.
    expect(`${ding?.org ?? ''} ${ding?.role ?? ''}`).toContain('Intel cloud computing engineer');
  });

  it('keeps a quoted word inside the title and reads a three-word name before the comma', () => {
    const { title, speakers } = splitSessionCell(ISTIO_SESSIONS.standard);
    expect(title).toBe(
      'Interpretation of the "Service Grid Technical Capability Requirements" Standard',
    );
    expect(speakers).toEqual([
      {
        name: 'Yin Xia Mengxue',
        org: 'Academy of Information and Communications Technology',
        role: 'Engineer',
        aliases: [],
      },
    ]);
  });

  it('finds the pinyin name after an English title with no separator: Shi Zehuan, Alibaba Cloud', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.hotUpgrade)).toEqual({
      title: 'Service Grid Data Plane Hot Upgrade Technology Sharing',
      speakers: [{ name: 'Shi Zehuan', org: 'Alibaba Cloud', role: null, aliases: [] }],
    });
  });

  it('takes a quoted title whole and splits Huawei Cloud from the role after the colon', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.envoy)).toEqual({
      title: 'Envoy Principle Introduction and Online Problem Pit',
      speakers: [
        {
          name: 'Zhang Wei',
          org: 'Huawei Cloud',
          role: 'Container Grid Data Plane Technical Expert',
          aliases: [],
        },
      ],
    });
  });

  it('splits at a spaced dash: Use eBPF … - Zhong Luyao Intel', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.ebpf)).toEqual({
      title: 'Use eBPF to accelerate Istio/Envoy network',
      speakers: [{ name: 'Zhong Luyao', org: 'Intel', role: null, aliases: [] }],
    });
  });

  it('does not split a title at the hyphen inside it (grid-Aeraki) when a name comes later', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.aeraki)).toEqual({
      title: 'Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio',
      speakers: [
        { name: 'Huabing Zhao', org: 'Tencent Cloud', role: 'Senior Engineer', aliases: [] },
      ],
    });
  });

  it('reads Securing workload deployment with Istio CNI / Zhang Zhihan / Tetrate', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.cni)).toEqual({
      title: 'Securing workload deployment with Istio CNI',
      speakers: [{ name: 'Zhang Zhihan', org: 'Tetrate', role: null, aliases: [] }],
    });
  });

  it('leaves the sign-in and the coffee break as titles with no speakers', () => {
    expect(splitSessionCell(ISTIO_SESSIONS.signIn)).toEqual({ title: 'Sign in', speakers: [] });
    expect(splitSessionCell(ISTIO_SESSIONS.coffee)).toEqual({
      title: 'Coffee break',
      speakers: [],
    });
  });
});

describe('countPinyinSyllables: telling romanised Chinese names from English words', () => {
  it.each([
    ['Zhang', 1],
    ['Zhao', 1],
    ['Zhihan', 2],
    ['Huabing', 2],
    ['Shaojun', 2],
    ['Mengxue', 2],
  ])('counts %s as pinyin of %i syllable(s)', (word, count) => {
    expect(countPinyinSyllables(word)).toBe(count);
  });

  it.each(['Senior', 'Intel', 'Tetrate', 'Engineer', 'Cloud', 'Craig'])(
    'counts the English word %s as no pinyin at all',
    (word) => {
      expect(countPinyinSyllables(word)).toBe(0);
    },
  );

  it('counts nothing in a word with non-letters', () => {
    expect(countPinyinSyllables('eBPF-1')).toBe(0);
  });
});

/** One person as `parseSpeakers` returns them, for short expectations. */
function person(
  name: string,
  org: string | null = null,
  role: string | null = null,
  aliases: string[] = [],
) {
  return { name, org, role, aliases };
}

describe('parseSpeaker: one person, however the post writes them', () => {
  it.each([
    ['姓名（公司）', '刘超（网易）', person('刘超', '网易')],
    ['姓名(公司 职位)', '宋净超(Tetrate 布道师)', person('宋净超', 'Tetrate', '布道师')],
    ['姓名 公司职位', '成旻 蚂蚁金服高级技术专家', person('成旻', '蚂蚁金服', '高级技术专家')],
    ['公司职位 姓名', '蚂蚁金服技术总监 杨冰', person('杨冰', '蚂蚁金服', '技术总监')],
    [
      'a company-first line glued to the name, with a 花名',
      '蚂蚁集团技术专家刘晶（花名：飞廉）',
      person('刘晶', '蚂蚁集团', '技术专家', ['飞廉']),
    ],
    ['讲师：姓名', '讲师：侯诗军', person('侯诗军')],
    [
      'Name, Role, Company',
      'Huabing Zhao, Senior Engineer, Tencent Cloud',
      person('Huabing Zhao', 'Tencent Cloud', 'Senior Engineer'),
    ],
    ['Name (Company)', 'Mae Large (VMware)', person('Mae Large', 'VMware')],
    ['Name, Company', 'Leigh Capili, VMware', person('Leigh Capili', 'VMware')],
    ['by Name', 'by Rosemary Wang', person('Rosemary Wang')],
  ])('reads %s', (_form, text, expected) => {
    expect(parseSpeaker(text)).toEqual(expected);
  });

  it('keeps the 花名 written as 姓名（花名：XX） as an alias', () => {
    expect(parseSpeaker('王连平（花名：烨川）')).toEqual(person('王连平', null, null, ['烨川']));
  });

  it('keeps a 花名 written without a colon: 祝辰（花名忘禅）', () => {
    expect(parseSpeaker('祝辰（花名忘禅），蚂蚁集团技术专家')).toEqual(
      person('祝辰', '蚂蚁集团', '技术专家', ['忘禅']),
    );
  });

  it('keeps a second name in brackets as an alias, whichever of the two comes first', () => {
    expect(parseSpeaker('肖涵（涵畅）')).toEqual(person('肖涵', null, null, ['涵畅']));
    expect(parseSpeaker('玄北（曹杰）')).toEqual(person('玄北', null, null, ['曹杰']));
  });

  it('keeps a quoted nickname in the name as written, and the name without it as an alias', () => {
    expect(parseSpeaker('Priyanka "Pinky" Ravi (Weaveworks)')).toEqual(
      person('Priyanka "Pinky" Ravi', 'Weaveworks', null, ['Priyanka Ravi', 'Pinky']),
    );
    expect(parseSpeaker('Priyanka “Pinky” Ravi')?.aliases).toEqual(['Priyanka Ravi', 'Pinky']);
  });

  it('reads a company after from or at', () => {
    expect(parseSpeaker('Shawn Smith from the Pennsylvania State University')).toEqual(
      person('Shawn Smith', 'Pennsylvania State University'),
    );
  });

  it('takes a company in brackets for a company, not an alias, unless it shares a word with the name', () => {
    expect(parseSpeaker('Ashley Williams (Rust Foundation)')).toEqual(
      person('Ashley Williams', 'Rust Foundation'),
    );
    expect(parseSpeaker('Ding Shaojun (Iris Ding)')?.aliases).toEqual(['Iris Ding']);
  });

  it('does not take a company for a name: 蚂蚁金服 SOFA 团队 碧远 is 碧远', () => {
    expect(parseSpeaker('蚂蚁金服 SOFA 团队 碧远')).toEqual(person('碧远', '蚂蚁金服 SOFA 团队'));
    expect(parseChineseSpeaker('蚂蚁金服 技术专家')).toBeNull();
  });

  it('never makes up a company from a job title', () => {
    expect(parseSpeaker('卫恒 开源负责人')).toEqual(person('卫恒', null, '开源负责人'));
    expect(parseSpeaker('Oliver Gould, Maintainer')).toEqual(
      person('Oliver Gould', null, 'Maintainer'),
    );
    expect(parseSpeaker('王磊，资深技术专家')).toEqual(person('王磊', null, '资深技术专家'));
  });

  it('reads nobody in a job title, a company or a sentence alone', () => {
    expect(parseSpeaker('资深技术专家')).toBeNull();
    expect(parseSpeaker('Senior Engineer')).toBeNull();
    expect(parseSpeaker('蚂蚁金服')).toBeNull();
    expect(parseSpeaker('本次分享将用40分钟时间带你一起庖丁解牛')).toBeNull();
  });
});

describe('parseEnglishSpeaker: a handle in brackets', () => {
  it('keeps @wm as another name William Morgan goes by, not as his company', () => {
    expect(parseEnglishSpeaker('William Morgan (@wm), Linkerd core maintainer')).toEqual({
      name: 'William Morgan',
      org: null,
      role: 'Linkerd core maintainer',
      aliases: ['@wm'],
    });
  });
});

describe('parseSpeaker: hosts, moderators and producers', () => {
  it.each([
    ['主持人：宋净超', person('宋净超', null, '主持人')],
    ['出品人：敖小剑（蚂蚁集团）', person('敖小剑', '蚂蚁集团', '出品人')],
    ['Moderator: Craig Box (Google)', person('Craig Box', 'Google', 'Moderator')],
    ['Host: Sunny', person('Sunny', null, 'Host')],
    ['SOFAGirl-英花 主持人', person('SOFAGirl-英花', null, '主持人')],
  ])('marks %s as hosting in the role', (text, expected) => {
    expect(parseSpeaker(text)).toEqual(expected);
    expect(isHostRole(parseSpeaker(text)?.role ?? null)).toBe(true);
  });

  it('keeps the job title after the host label', () => {
    expect(parseSpeaker('主持人：王连平，蚂蚁集团高级工程师')).toEqual(
      person('王连平', '蚂蚁集团', '主持人，高级工程师'),
    );
  });

  it('does not take a speaker for a host', () => {
    expect(isHostRole(parseSpeaker('敖小剑（蚂蚁金服）')?.role ?? null)).toBe(false);
    expect(isHostRole('技术专家')).toBe(false);
  });
});

describe('parseSpeakers: panels and lists', () => {
  it.each([
    ['、', '宋净超、赵化冰'],
    ['/', '宋净超 / 赵化冰'],
    ['，', '宋净超，赵化冰'],
    ['和', '宋净超和赵化冰'],
  ])('splits two names joined by %s', (_separator, text) => {
    expect(parseSpeakers(text).map((mention) => mention.name)).toEqual(['宋净超', '赵化冰']);
  });

  it('splits English names joined by & and by and, after by', () => {
    expect(parseSpeakers('by Priyanka Ravi & Daniel Holbach.').map((m) => m.name)).toEqual([
      'Priyanka Ravi',
      'Daniel Holbach',
    ]);
    expect(parseSpeakers('by William Morgan and Oliver Gould').map((m) => m.name)).toEqual([
      'William Morgan',
      'Oliver Gould',
    ]);
  });

  it('reads a panel listed with commas, each with their company, and an Oxford and', () => {
    const panel =
      'Paul Howard (Arm), William Morgan (Buoyant), Ashley Williams (Rust Foundation), and Carl Lerche (Amazon)';
    expect(parseSpeakers(panel)).toEqual([
      person('Paul Howard', 'Arm'),
      person('William Morgan', 'Buoyant'),
      person('Ashley Williams', 'Rust Foundation'),
      person('Carl Lerche', 'Amazon'),
    ]);
  });

  it('reads people whose brackets close without the comma between them', () => {
    expect(
      parseSpeakers('Karena Angell (Red Hat), Matt Farina (SUSE) Scott Rigby (Weaveworks)'),
    ).toEqual([
      person('Karena Angell', 'Red Hat'),
      person('Matt Farina', 'SUSE'),
      person('Scott Rigby', 'Weaveworks'),
    ]);
  });

  it('reads bare English names listed with commas when & or and closes the list', () => {
    expect(
      parseSpeakers('Scott Rigby, Somtochi Onyekwere, Niki Manoledaki & Soulé Ba').map(
        (m) => m.name,
      ),
    ).toEqual(['Scott Rigby', 'Somtochi Onyekwere', 'Niki Manoledaki', 'Soulé Ba']);
    expect(parseSpeakers('Leigh Capili, Red Hat')).toEqual([person('Leigh Capili', 'Red Hat')]);
  });

  it('reads a role and company joined by at: Software Engineer at Planet Labs', () => {
    expect(parseSpeaker('Nic Cope, Software Engineer at Planet Labs')).toEqual(
      person('Nic Cope', 'Planet Labs', 'Software Engineer'),
    );
  });

  it('gives a company written once after the last name to every name before it', () => {
    expect(parseSpeakers('Chris Sanders & Jonathan Innis (Microsoft)')).toEqual([
      person('Chris Sanders', 'Microsoft'),
      person('Jonathan Innis', 'Microsoft'),
    ]);
    expect(parseSpeakers('张三丰、李四光（蚂蚁集团）')).toEqual([
      person('张三丰', '蚂蚁集团'),
      person('李四光', '蚂蚁集团'),
    ]);
  });

  it('keeps each company when every name has its own', () => {
    expect(parseSpeakers('Tiffany Wang (Weaveworks) & Joaquin Rodriguez (Microsoft)')).toEqual([
      person('Tiffany Wang', 'Weaveworks'),
      person('Joaquin Rodriguez', 'Microsoft'),
    ]);
  });

  it('does not split inside brackets: Scott Rigby (Weaveworks, Flux & Helm Maintainer)', () => {
    expect(parseSpeakers('Scott Rigby (Weaveworks, Flux & Helm Maintainer)')).toEqual([
      person('Scott Rigby', 'Weaveworks', 'Flux & Helm Maintainer'),
    ]);
  });

  it('does not split one person at the commas of Name, Role, Company', () => {
    expect(parseSpeakers('Huabing Zhao, Senior Engineer, Tencent Cloud')).toHaveLength(1);
    expect(parseSpeakers('黄挺，蚂蚁集团资深技术专家')).toEqual([
      person('黄挺', '蚂蚁集团', '资深技术专家'),
    ]);
  });

  it('marks every host of a shared host label', () => {
    expect(parseSpeakers('主持人：宋净超、罗广明')).toEqual([
      person('宋净超', null, '主持人'),
      person('罗广明', null, '主持人'),
    ]);
  });

  it('finds nobody in an empty cell or a cell of job titles', () => {
    expect(parseSpeakers('')).toEqual([]);
    expect(parseSpeakers('资深技术专家')).toEqual([]);
  });
});

describe('parseSpeakers: a sentence that describes each person in turn', () => {
  it('splits at ", and" before the next full name, each keeping their own job and company', () => {
    expect(
      parseSpeakers(
        'Mark Tyrrell, Principal Architect at HomeAway, and Andrew Hodges, Engineering Manager at HomeAway',
      ),
    ).toEqual([
      { name: 'Mark Tyrrell', org: 'HomeAway', role: 'Principal Architect', aliases: [] },
      { name: 'Andrew Hodges', org: 'HomeAway', role: 'Engineering Manager', aliases: [] },
    ]);
  });

  it('does not split a company name joined by "and"', () => {
    expect(
      parseSpeakers('Yin Xia Mengxue, Academy of Information and Communications Technology'),
    ).toHaveLength(1);
  });
});

describe('parseSpeakers: prose is not a speaker line', () => {
  it.each([
    ['a sentence that opens with a capital', 'Starting with this release, the controllers restart'],
    ['a connective opening a sentence', 'And if you are new here, read the guide'],
    ['a room number', 'Room 210 A'],
    ['a channel and its issue number', 'MeetupChannel#3'],
    ['a project before Chinese text', 'Envoy 项目成员'],
  ])('reads nobody in %s', (_kind, text) => {
    expect(parseSpeakers(text)).toEqual([]);
  });

  it('keeps a lower-case particle inside a name', () => {
    expect(parseSpeaker('Ricardo de Souza (Acme)')).toEqual(person('Ricardo de Souza', 'Acme'));
  });

  it('does not read the 、 of a biography as a list of people', () => {
    const line = '王小明 星河科技架构师，《云原生实战》作者之一，Kubernetes、Envoy 项目成员';
    expect(parseSpeakers(line).map((mention) => mention.name)).toEqual(['王小明']);
  });
});

describe('parseSpeakers: a description before the name', () => {
  it('drops words ending in a lower-case one before a full name, with or without a comma', () => {
    expect(parseSpeakers('Flux users Jane Roe & John Doe, Acme')).toEqual([
      person('Jane Roe', 'Acme'),
      person('John Doe', 'Acme'),
    ]);
    expect(
      parseSpeakers('Flux user and Kubernetes co-founder, Ann Lee, Corporate Vice President'),
    ).toEqual([person('Ann Lee', null, 'Corporate Vice President')]);
    expect(parseSpeakers('Flux contributor, Mary "Moe" Major, Acme')[0]?.name).toBe(
      'Mary "Moe" Major',
    );
  });

  it('drops it before each person of a list: Name, Company & Name, Company', () => {
    expect(parseSpeakers('Flux users Ann Lee Park, Globex & Bo Chen, Initech')).toEqual([
      person('Ann Lee Park', 'Globex'),
      person('Bo Chen', 'Initech'),
    ]);
  });
});

describe('parseSpeakers: one company for several people', () => {
  it('gives each bare name the company written after the next name', () => {
    expect(parseSpeakers('Ann Lee & Bo Chen & Cy Park (Acme), Dee Fox (Globex)')).toEqual([
      person('Ann Lee', 'Acme'),
      person('Bo Chen', 'Acme'),
      person('Cy Park', 'Acme'),
      person('Dee Fox', 'Globex'),
    ]);
  });

  it('gives the company after a comma to the names joined before it', () => {
    expect(parseSpeakers('Ann Lee & Bo Chen, Acme Systems')).toEqual([
      person('Ann Lee', 'Acme Systems'),
      person('Bo Chen', 'Acme Systems'),
    ]);
  });

  it('reads a comma list closed by & and a bracket, followed by more people', () => {
    expect(
      parseSpeakers('Ann Lee, Bo Chen, Cy Park & Dee Fox (Acme), Eve Stone (Globex Labs)').map(
        (mention) => [mention.name, mention.org],
      ),
    ).toEqual([
      ['Ann Lee', 'Acme'],
      ['Bo Chen', 'Acme'],
      ['Cy Park', 'Acme'],
      ['Dee Fox', 'Acme'],
      ['Eve Stone', 'Globex Labs'],
    ]);
  });

  it('keeps Inc. with its company: Name, Company, Inc.', () => {
    expect(parseSpeakers('Jane Roe, Acme, Inc.')).toEqual([person('Jane Roe', 'Acme, Inc')]);
  });
});

describe('readSelfIntroduction: a speaker saying who they are in a write-up', () => {
  it.each([
    [
      'name first, then the company with its team',
      '我是王小明，来自星河金服中间件团队，今天分享的主题是服务网格',
      person('王小明', '星河金服'),
    ],
    [
      'the company first, then the name, then a 花名',
      '大家好，我是来自星河金服中间件的雷小远，花名碧海，目前负责 RPC 框架',
      person('雷小远', '星河金服', null, ['碧海']),
    ],
    [
      'a company without a company word, a role and the name',
      '我是来自 fintech 的资深架构师 赵小刚，目前负责基础架构',
      person('赵小刚', 'fintech', '资深架构师'),
    ],
    [
      'the speaker title before the name, the company in a later clause',
      '我是今天的讲师，来自数海云的资深架构师，钱小川',
      person('钱小川', '数海云'),
    ],
    [
      'a 花名 as the only name, with the company in what they work on',
      '我是本期直播的分享讲师无影，目前主要从事星河金服网络代理相关的研发工作',
      person('无影', '星河金服'),
    ],
    [
      'a Latin role before the name',
      '我是 Seata Committer 觉非，来自星河金服数据中间件团队',
      person('觉非', '星河金服', 'Committer'),
    ],
  ])('reads %s', (_form, text, expected) => {
    expect(readSelfIntroduction(text)).toEqual(expected);
  });

  it('reads nobody in a host introducing themselves, or in text without 我是', () => {
    expect(readSelfIntroduction('我是今天的主持人小星')).toBeNull();
    expect(readSelfIntroduction('今天由王小明给大家分享服务网格')).toBeNull();
  });
});

describe('isOrganisationName', () => {
  it('does not take a job title of four characters for a name', () => {
    expect(isHanName('项目成员')).toBe(false);
    expect(isHanName('技术专家')).toBe(false);
    expect(isHanName('王小明')).toBe(true);
  });

  it('tells companies that look like names from people', () => {
    expect(isOrganisationName('蚂蚁金服')).toBe(true);
    expect(isOrganisationName('网易')).toBe(true);
    expect(isOrganisationName('时速云')).toBe(true);
    expect(isOrganisationName('王云')).toBe(false);
    expect(isOrganisationName('敖小剑')).toBe(false);
  });
});

/**
 * `npm run eval:extraction`: run as an engineer runs it, on a two-post corpus and labels written
 * for it, so every figure in the report can be worked out by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules', '.bin', 'tsx');
const SCRIPT = path.resolve('scripts', 'eval-extraction.ts');

/** Each case compiles the corpus in a new process, which takes seconds on a busy machine. */
const PROCESS_TIMEOUT = 60_000;

const MEETUP = [
  '---',
  'title: Service Mesh Meetup 杭州站',
  'date: 2018-06-30',
  'city: 杭州',
  'sessions:',
  '  - title: 大规模微服务架构下的 Service Mesh 探索之路',
  '    speakers: [{ name: 敖小剑, org: 蚂蚁金服 }]',
  '    start: "13:30"',
  '    end: "14:10"',
  '  - title: 茶歇',
  '---',
  '',
].join('\n');

const NEWS = '---\ntitle: Weekly news\ndate: 2020-01-10\n---\n\nNothing but news.\n';

const LABELS = {
  version: 1,
  posts: [
    {
      source: 'meetup.md',
      lang: 'zh',
      kind: 'announcement',
      event: {
        title: 'Service Mesh Meetup 杭州站',
        date: '2018-06-30',
        city: 'Hangzhou',
        timezone: 'Asia/Shanghai',
        venue: '蚂蚁Z空间',
        format: 'offline',
      },
      talks: [
        {
          title: '《大规模微服务架构下的Service Mesh探索之路》',
          speakers: [{ name: '敖小剑', company: '蚂蚁金服', role: null }],
          start: '13:30',
          end: '14:10',
        },
        {
          title: '网易云的 Service Mesh 产品架构和实现',
          speakers: [{ name: '刘超', company: '网易', role: null }],
        },
      ],
    },
    {
      source: 'news.md',
      lang: 'en',
      kind: 'not-an-event',
      event: { title: 'Weekly news' },
      talks: [],
    },
  ],
};

let work: string;

function run(...args: string[]) {
  const result = spawnSync(TSX, [SCRIPT, ...args], { encoding: 'utf8', cwd: work });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeLabels(name: string, value: unknown): string {
  writeFileSync(path.join(work, name), JSON.stringify(value));
  return name;
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-eval-cli-'));
  mkdirSync(path.join(work, 'corpus'));
  writeFileSync(path.join(work, 'corpus', 'meetup.md'), MEETUP);
  writeFileSync(path.join(work, 'corpus', 'news.md'), NEWS);
  writeLabels('labels.json', LABELS);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run eval:extraction', () => {
  it(
    'prints one row per metric with its counts, then the worst posts with what they missed',
    () => {
      const result = run('--corpus', 'corpus', '--labels', 'labels.json', '--worst', '1');
      expect(result.status).toBe(0);
      const out = result.stdout;
      expect(out).toMatch(/^2 posts compiled in \d+\.\d s: 0 crashed, 0 unreadable, 0 error\(s\)/m);
      // Gold: two titled talks; compiled: the talk and 茶歇, which is not one.
      expect(out).toMatch(/^talk-title F1 +0\.500 \(P 0\.500 R 0\.500, 1\/2 gold, 2 predicted\)$/m);
      expect(out).toMatch(
        /^speaker-name F1 +0\.667 \(P 1\.000 R 0\.500, 1\/2 gold, 1 predicted\)$/m,
      );
      // Only the meetup has event facts to score; Hangzhou is 杭州 in English.
      expect(out).toMatch(/^event city +1\.000 \(1\/1; 1\/1 stated\)$/m);
      // A meetup in a city is offline; the venue the label names is not in the post.
      expect(out).toMatch(/^event format +1\.000 \(1\/1; 1\/1 stated\)$/m);
      expect(out).toMatch(/^event venue +0\.000 \(0\/1; 0\/1 stated\)$/m);
      // Not stated in the label, and not found: right, but not among the stated.
      expect(out).toMatch(/^event endDate +1\.000 \(1\/1; 0\/0 stated\)$/m);
      expect(out).toMatch(/^talk start \(matched talks\) +1\.000 \(1\/1; 1\/1 stated\)$/m);
      expect(out).toMatch(/^speaker company \(matched speakers\) +1\.000 \(1\/1; 1\/1 stated\)$/m);
      expect(out).toContain('The 1 worst post(s):\n1. ');
      expect(out).toMatch(/meetup\.md \(announcement\)/);
      expect(out).toContain('   missing  网易云的 Service Mesh 产品架构和实现');
      expect(out).toContain('   spurious 茶歇');
      expect(out).toMatch(/wrong fields: .*venue null \(label "蚂蚁Z空间"\)/);
      expect(out).not.toContain('news.md');
    },
    PROCESS_TIMEOUT,
  );

  it(
    'prints the same as JSON with --json',
    () => {
      const result = run('--corpus', 'corpus', '--labels', 'labels.json', '--json');
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.metrics.talkTitles).toMatchObject({
        matched: 1,
        predicted: 2,
        gold: 2,
        f1: 0.5,
      });
      expect(report.metrics.eventFields.city).toEqual({
        correct: 1,
        total: 1,
        statedCorrect: 1,
        stated: 1,
        accuracy: 1,
        statedAccuracy: 1,
      });
      expect(report.health).toMatchObject({ posts: 2, crashed: 0, unreadable: 0, errors: 0 });
      expect(report.worst).toEqual(['meetup.md', 'news.md']);
      expect(report.posts[0].missingTalks).toEqual(['网易云的 Service Mesh 产品架构和实现']);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'stops with the file and JSON path of a bad label',
    () => {
      const bad = structuredClone(LABELS);
      (bad.posts[0]?.talks[0] as Record<string, unknown>).start = '1:30 pm';
      const result = run('--corpus', 'corpus', '--labels', writeLabels('bad.json', bad));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('bad.json is not a valid labels file');
      expect(result.stderr).toContain(
        'posts[0].talks[0].start: expected HH:MM or null, found "1:30 pm"',
      );
      expect(result.stdout).toBe('');
    },
    PROCESS_TIMEOUT,
  );

  it(
    'stops naming a labelled post the corpus does not have',
    () => {
      const stray = structuredClone(LABELS);
      stray.posts[1] = { ...LABELS.posts[1]!, source: 'blog/gone.md' };
      const result = run('--corpus', 'corpus', '--labels', writeLabels('stray.json', stray));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /stray\.json names posts that are not in the corpus corpus:\n {2}posts\[1\]\.source: blog\/gone\.md/,
      );
    },
    PROCESS_TIMEOUT,
  );

  it(
    'explains bad usage',
    () => {
      expect(run('--labels', 'labels.json').stderr).toMatch(/--corpus DIR is required/);
      const result = run('--corpus', 'corpus', '--worst', 'many');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--worst takes a whole number/);
    },
    PROCESS_TIMEOUT,
  );
});

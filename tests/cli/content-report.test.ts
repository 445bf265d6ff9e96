/** `npm run content -- --report FILE.html`: the review page, written as an organizer would ask for it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules', '.bin', 'tsx');
const CLI = path.resolve('src', 'compiler', 'cli.ts');

/** Each case starts the compiler in a new process, which takes seconds on a busy machine. */
const PROCESS_TIMEOUT = 60_000;

let work: string;

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: work });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-report-cli-'));
  mkdirSync(path.join(work, 'content', 'meetup'), { recursive: true });
  writeFileSync(
    path.join(work, 'content', 'meetup', 'index.md'),
    [
      '---',
      'title: Service Mesh Meetup 杭州站',
      'date: 2018-06-30',
      'sessions:',
      '  - title: 大规模微服务架构下的 Service Mesh 探索之路',
      '    speakers: [{ name: 敖小剑, org: 蚂蚁金服 }]',
      '    start: "13:40"',
      '    end: "14:20"',
      '---',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(work, 'content', 'broken.md'), '---\ntitle: [unclosed\n---\n');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run content -- --report FILE.html', () => {
  it(
    'writes one page with every post, its talks and its diagnostics, creating the folder',
    () => {
      const result = run('--content', 'content', '--report', 'out/review.html');
      // The broken post is an error, so the exit code says so; the page is written all the same.
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/2 post\(s\): 2 event\(s\), 1 talk\(s\)/);
      const page = readFileSync(path.join(work, 'out', 'review.html'), 'utf8');
      expect(page).toMatch(/^<!doctype html>/);
      expect(page).toContain('Service Mesh Meetup 杭州站');
      expect(page).toContain('13:40–14:20');
      expect(page).toMatch(/<b>敖小剑<\/b>\s*<span class="about">蚂蚁金服<\/span>/);
      expect(page).toMatch(/<code>yaml-syntax<\/code>\s*<code class="location">broken\.md:2/);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'is refused without a file name',
    () => {
      const result = run('--content', 'content', '--report');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--report/);
    },
    PROCESS_TIMEOUT,
  );
});

/**
 * `npm run content -- --decode FILE`: the text the compiler works on for one post, run as an
 * organizer would run it on a post that was double-encoded and lost bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doubleEncodeLossy } from '../../scripts/double-encode';

/** Each case spawns the CLI through tsx, which takes seconds on a busy two-core machine. */
const PROCESS_TIMEOUT = 60_000;

const TSX = path.resolve('node_modules', '.bin', 'tsx');
const CLI = path.resolve('src', 'compiler', 'cli.ts');

const ORIGINAL = [
  '---',
  'title: "服务网格 Meetup 杭州站"',
  'date: 2018-06-30',
  '---',
  '',
  '活动时间：2018 年 6 月 30 日 下午 1:00',
  '',
  '云原生社区：服务网格的流量管理与可观测性',
  '',
].join('\n');

let work: string;

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: work });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-decode-cli-'));
  mkdirSync(path.join(work, 'content'));
  writeFileSync(path.join(work, 'content', 'damaged.md'), doubleEncodeLossy(ORIGINAL));
  writeFileSync(
    path.join(work, 'content', 'clean.md'),
    '---\ntitle: 云原生社区\ndate: 2020-01-01\n---\n\n本次活动将与大家分享服务网格的实践。\n',
  );
}, PROCESS_TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run content -- --decode FILE', { timeout: PROCESS_TIMEOUT }, () => {
  it('prints the post as the author wrote it, its lost bytes restored', () => {
    const result = run('--decode', 'content/damaged.md');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(ORIGINAL);
    expect(result.stderr).toMatch(/read as utf-8 \(double-encoded as windows-1254\)/);
    expect(result.stderr).toMatch(
      /warning content\/damaged\.md \[encoding-double-encoded\] .*chosen by their context/,
    );
  });

  it('prints a clean post exactly as it is', () => {
    const result = run('--decode', 'content/clean.md');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('本次活动将与大家分享服务网格的实践。');
    expect(result.stderr).toMatch(/read as utf-8$/m);
  });

  it('names the file it cannot read', () => {
    const result = run('--decode', 'content/missing.md');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot read content\/missing\.md/);
  });
});

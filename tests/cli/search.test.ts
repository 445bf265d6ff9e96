/**
 * `npm run search`: the organizer's command line, run as they would run it, over a bundle
 * compiled from the seed posts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/lib/schema';
import { compileSeeds } from '../compiler/compile-helpers';

/** Each case spawns the CLI through tsx, which takes seconds on a busy two-core machine. */
const PROCESS_TIMEOUT = 60_000;

const TSX = path.resolve('node_modules', '.bin', 'tsx');
const CLI = path.resolve('src', 'cli', 'search.ts');

let work: string;
let bundlePath: string;
let bundle: Bundle;

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResults {
  events: { id: string; title: string }[];
  talks: { id: string; title: string; eventId: string }[];
  speakers: { id: string; name: string }[];
}

function json(...args: string[]): JsonResults {
  const result = run('--bundle', bundlePath, '--json', ...args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as JsonResults;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-search-cli-'));
  bundle = (await compileSeeds()).bundle;
  bundlePath = path.join(work, 'bundle.json');
  writeFileSync(bundlePath, JSON.stringify(bundle));
}, PROCESS_TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run search', { timeout: PROCESS_TIMEOUT }, () => {
  it('prints ranked results as the documented JSON', () => {
    const found = json('axj');
    expect(found.speakers).toEqual([{ id: expect.any(String), name: '敖小剑' }]);
    expect(found.talks.length).toBeGreaterThan(0);
    for (const talk of found.talks) {
      const record = bundle.talks.find((candidate) => candidate.id === talk.id);
      expect(record?.speakers.map((person) => person.name)).toContain('敖小剑');
      expect(talk).toEqual({ id: record?.id, title: record?.title, eventId: record?.eventId });
    }
  });

  it('applies filters and a limit', () => {
    const all = json('mesh');
    const limited = json('--limit', '1', 'mesh');
    expect(limited.talks).toEqual(all.talks.slice(0, 1));
    const in2018 = json('--year', '2018', 'mesh');
    expect(in2018.talks.length).toBeGreaterThan(0);
    for (const talk of in2018.talks) expect(talk.eventId).toMatch(/^2018-/);
    expect(in2018.talks.length).toBeLessThan(all.talks.length);
  });

  it('shows results for people, with the matched words marked', () => {
    const result = run('--bundle', bundlePath, 'istio cni');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Talks (1)');
    expect(result.stdout).toContain('Securing workload deployment with [Istio] [CNI]');
  });

  it('compiles the content folder, with the glossary, when no bundle is given', () => {
    const result = run('--content', 'content', '--json', '敖小剑');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as JsonResults).speakers.map((s) => s.name)).toEqual([
      '敖小剑',
    ]);
    // 服务网格 also finds the English "Service Mesh" titles through the glossary.
    const crossLanguage = run('--content', 'content', '--json', '服务网格');
    const titles = (JSON.parse(crossLanguage.stdout) as JsonResults).talks.map((t) => t.title);
    expect(titles.some((title) => /service mesh/i.test(title))).toBe(true);
  });

  it('names the file it cannot use, and explains bad usage', () => {
    const missing = run('--bundle', path.join(work, 'missing.json'), 'istio');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('missing.json');
    const old = path.join(work, 'old.json');
    writeFileSync(old, JSON.stringify({ ...bundle, format: 1 }));
    const refused = run('--bundle', old, 'istio');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('old.json is not a bundle');
    const usage = run('--bundle', bundlePath, '--format', 'virtual', 'istio');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--format must be one of offline, online, hybrid');
  });
});

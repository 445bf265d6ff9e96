/**
 * Walking a Hugo content tree: which files are compiled as posts, which are passed over, and in
 * what order. Each test builds its own tree in a temporary folder.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readContentTree } from '../../src/compiler/read-content';

/** The first bytes of a PNG file: its signature and the start of the IHDR chunk. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
]);

const POST = '---\ntitle: "第一届Service Mesh Meetup杭州站回顾"\n---\n\n6月30日，杭州。\n';

let root: string;

/** Writes `content` at `relative` under the temporary root, creating folders as needed. */
async function put(relative: string, content: string | Uint8Array): Promise<void> {
  const path = join(root, ...relative.split('/'));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sidecar-read-content-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readContentTree', () => {
  it('reads index.md, _index.md, .md and .markdown posts, with their bytes untouched', async () => {
    await put('2018/servicemesher-meetup-hangzhou/index.md', POST);
    await put('events/2024/kcsna/_index.md', '# KCS NA\n');
    await put('events/2024/kcsna/schedule.md', '# Schedule\n');
    await put('blog/recap.markdown', '# Recap\n');
    const { files, skipped } = await readContentTree(root);
    expect(files.map((file) => file.path)).toEqual([
      '2018/servicemesher-meetup-hangzhou/index.md',
      'blog/recap.markdown',
      'events/2024/kcsna/_index.md',
      'events/2024/kcsna/schedule.md',
    ]);
    expect(Buffer.from(files[0]?.bytes ?? []).toString('utf8')).toBe(POST);
    expect(skipped).toEqual([]);
  });

  it('reads a post whose extension is in capitals', async () => {
    await put('README.MD', '# Notes\n');
    expect((await readContentTree(root)).files.map((file) => file.path)).toEqual(['README.MD']);
  });

  it('reads an extension-less file that holds text, as one corpus site has', async () => {
    await put('talks/service-mesh-intro', '---\ntitle: Service Mesh 入门\n---\n');
    const { files, skipped } = await readContentTree(root);
    expect(files.map((file) => file.path)).toEqual(['talks/service-mesh-intro']);
    expect(skipped).toEqual([]);
  });

  it('skips a PNG and an extension-less binary, and lists both as skipped', async () => {
    await put('2018/servicemesher-meetup-hangzhou/index.md', POST);
    await put('2018/servicemesher-meetup-hangzhou/group-photo.png', PNG);
    await put('2018/servicemesher-meetup-hangzhou/cover', PNG);
    const { files, skipped } = await readContentTree(root);
    expect(files.map((file) => file.path)).toEqual(['2018/servicemesher-meetup-hangzhou/index.md']);
    expect(skipped).toEqual([
      '2018/servicemesher-meetup-hangzhou/cover',
      '2018/servicemesher-meetup-hangzhou/group-photo.png',
    ]);
  });

  it('lists hidden files such as .DS_Store as skipped rather than reading them', async () => {
    await put('2021/.DS_Store', 'not a post');
    expect(await readContentTree(root)).toEqual({ files: [], skipped: ['2021/.DS_Store'] });
  });

  it('sorts posts by path whatever order they were written in', async () => {
    for (const path of ['2022/b.md', '2018/z.md', '2021/a/index.md', '2018/a.md']) {
      await put(path, '# x\n');
    }
    expect((await readContentTree(root)).files.map((file) => file.path)).toEqual([
      '2018/a.md',
      '2018/z.md',
      '2021/a/index.md',
      '2022/b.md',
    ]);
  });

  it('ignores .git and node_modules entirely, neither reading nor listing them', async () => {
    await put('.git/HEAD', 'ref: refs/heads/main\n');
    await put('.git/notes.md', '# not a post\n');
    await put('node_modules/pkg/README.md', '# not a post\n');
    await put('post.md', '# post\n');
    expect(await readContentTree(root)).toEqual({
      files: [expect.objectContaining({ path: 'post.md' })],
      skipped: [],
    });
  });

  it('writes paths with / at every depth, relative to the root', async () => {
    await put('zh/blog/2021/istio-meetup/index.md', '# x\n');
    const [file] = (await readContentTree(root)).files;
    expect(file?.path).toBe('zh/blog/2021/istio-meetup/index.md');
    expect(file?.path).not.toContain('\\');
    expect(file?.path.startsWith('/')).toBe(false);
  });
});

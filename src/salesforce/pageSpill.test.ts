import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { PageSpill } from './pageSpill';

let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'spill-test-'));
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The spill folders under `folder`, and the files in each. */
const filesUnder = (folder: string) =>
  readdirSync(folder).flatMap((spill) => [
    spill,
    ...readdirSync(path.join(folder, spill)),
  ]);

test('a page comes back as written, and its file goes once read', async () => {
  const spill = new PageSpill<{ Id: string }[]>('GroupMember', tmp);
  const file = await spill.write([{ Id: '011A' }, { Id: '011B' }]);
  expect(await spill.read(file)).toEqual([{ Id: '011A' }, { Id: '011B' }]);
  expect(filesUnder(tmp)).toHaveLength(1); // the spill's own folder, empty
  await spill.remove();
  expect(filesUnder(tmp)).toEqual([]);
});

test('pages never read are removed with the spill', async () => {
  const spill = new PageSpill<number[]>('GroupMember', tmp);
  await spill.write([1]);
  await spill.write([2]);
  await spill.remove();
  expect(filesUnder(tmp)).toEqual([]);
});

test('a folder it cannot write in is named, with what to do', async () => {
  const spill = new PageSpill<number[]>(
    'GroupMember',
    path.join(tmp, 'missing'),
  );
  await expect(spill.write([1])).rejects.toMatchObject({
    code: 'READ_AHEAD_DISK_ERROR',
  });
  await expect(spill.write([1])).rejects.toThrow(
    `Could not hold GroupMember pages read ahead on disk, under ${path.join(
      tmp,
      'missing',
    )} (set TMPDIR to use another folder)`,
  );
});

test('a page gone from disk is reported with its file and the likely cause', async () => {
  const spill = new PageSpill<number[]>('GroupMember', tmp);
  const file = await spill.write([1]);
  rmSync(file);
  await expect(spill.read(file)).rejects.toMatchObject({
    code: 'READ_AHEAD_DISK_ERROR',
    message: expect.stringContaining(
      `Could not read back a page of GroupMember held on disk (${file}; was the temporary folder cleaned while the integration ran?)`,
    ),
  });
  await spill.remove();
});

test('pages never read are removed when the process ends', () => {
  const script = `
    const { PageSpill } = require(${JSON.stringify(
      require.resolve('./pageSpill'),
    )});
    new PageSpill('GroupMember').write([1]).then((file) => process.stdout.write(file));
  `;
  const written = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-e', script],
    { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' },
  ).trim();
  expect(written.startsWith(tmp)).toBe(true);
  expect(filesUnder(tmp)).toEqual([]);
});

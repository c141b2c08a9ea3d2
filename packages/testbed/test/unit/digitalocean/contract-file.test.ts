import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DIGITALOCEAN_CONTRACT,
  digitalOceanContract,
} from '../../../src/digitalocean/contract-file.js';

const NAME = DIGITALOCEAN_CONTRACT.fileName;
const BODY = Buffer.from('openapi: 3.0.0\ninfo: { title: DigitalOcean API }\n');
const SHA = createHash('sha256').update(BODY).digest('hex');

describe('the DigitalOcean API description for the contract tests', () => {
  let top: string;
  let repoRoot: string;
  let server: Server;
  let url: string;
  let served: Buffer;
  let requests: number;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests += 1;
      res.end(served);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/DigitalOcean-public.v2.yaml`;
  });
  afterAll(
    () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      }),
  );

  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), 'opsctl-contract-'));
    repoRoot = join(top, 'repo');
    await mkdir(repoRoot);
    served = BODY;
    requests = 0;
  });
  afterEach(() => rm(top, { recursive: true, force: true }));

  const lookup = (env: NodeJS.ProcessEnv) => ({ env, repoRoot, url, sha256: SHA });

  it('takes the file from OPSCTL_CONTRACTS_DIR first', async () => {
    const dir = join(top, 'elsewhere');
    await mkdir(dir);
    await writeFile(join(dir, NAME), BODY);
    await mkdir(join(top, 'shared', 'contracts'), { recursive: true });
    await writeFile(join(top, 'shared', 'contracts', NAME), BODY);
    expect(await digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DIR: dir }))).toBe(join(dir, NAME));
  });

  it('refuses an OPSCTL_CONTRACTS_DIR without the file, naming the folder', async () => {
    const dir = join(top, 'empty');
    await expect(digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DIR: dir }))).rejects.toThrow(
      `OPSCTL_CONTRACTS_DIR is ${dir}, but it holds no ${NAME}`,
    );
  });

  it('takes ../shared/contracts beside the checkout next', async () => {
    await mkdir(join(top, 'shared', 'contracts'), { recursive: true });
    await writeFile(join(top, 'shared', 'contracts', NAME), BODY);
    expect(await digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DOWNLOAD: '1' }))).toBe(
      join(top, 'shared', 'contracts', NAME),
    );
    expect(requests).toBe(0);
  });

  it('with neither, fails and says why and how, without any download unless one is allowed', async () => {
    const failure = digitalOceanContract(lookup({}));
    await expect(failure).rejects.toThrow(/DigitalOcean API description not found/);
    await expect(failure).rejects.toThrow(
      /Set OPSCTL_CONTRACTS_DIR .* OPSCTL_CONTRACTS_DOWNLOAD=1/,
    );
    await expect(failure).rejects.toThrow(join(top, 'shared', 'contracts', NAME));
    expect(requests).toBe(0);
  });

  it('downloads the pinned file on GitHub runners, checks its sha256 and keeps it for the next run', async () => {
    const file = await digitalOceanContract(lookup({ GITHUB_ACTIONS: 'true' }));
    expect(file.startsWith(join(repoRoot, '.opsctl', 'contracts'))).toBe(true);
    expect(await readFile(file)).toEqual(BODY);
    expect(await digitalOceanContract(lookup({ GITHUB_ACTIONS: 'true' }))).toBe(file);
    expect(requests).toBe(1);
  });

  it('keeps nothing of a download whose sha256 differs from the pinned one', async () => {
    served = Buffer.from('openapi: 3.0.0\n# changed upstream\n');
    await expect(digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DOWNLOAD: '1' }))).rejects.toThrow(
      `not the pinned ${SHA}`,
    );
    const cache = join(repoRoot, '.opsctl', 'contracts');
    expect(existsSync(cache) ? await readdir(cache) : []).toEqual([]);
  });

  it('downloads again when the kept file was altered', async () => {
    const file = await digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DOWNLOAD: '1' }));
    await writeFile(file, 'tampered');
    expect(await digitalOceanContract(lookup({ OPSCTL_CONTRACTS_DOWNLOAD: '1' }))).toBe(file);
    expect(await readFile(file)).toEqual(BODY);
    expect(requests).toBe(2);
  });

  it('names the URL when the download fails', async () => {
    const failure = digitalOceanContract({
      env: { OPSCTL_CONTRACTS_DOWNLOAD: '1' },
      repoRoot,
      url: 'http://127.0.0.1:9/none.yaml',
      sha256: SHA,
      download: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')),
    });
    await expect(failure).rejects.toThrow(
      /the download of http:\/\/127\.0\.0\.1:9\/none\.yaml failed: connect ECONNREFUSED/,
    );
  });

  it('pins the very file the contract tests use, so a download gives the same one', async () => {
    const file = await digitalOceanContract();
    expect(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    ).toBe(DIGITALOCEAN_CONTRACT.sha256);
    expect(DIGITALOCEAN_CONTRACT.url).toContain(DIGITALOCEAN_CONTRACT.commit.slice(0, 7));
  });
});

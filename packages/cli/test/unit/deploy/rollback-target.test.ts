import { describe, expect, it } from 'vitest';
import { chooseRollbackTarget } from '../../../src/deploy/rollback-target.js';
import type { DigestLookup } from '../../../src/deploy/resolve-target.js';
import type { ReleaseRecord } from '../../../src/droplet/releases/release-record.js';
import { remotePaths } from '../../../src/droplet/remote-paths.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import type { Repository } from '../../../src/registry/image-ref.js';
import { refusal } from '../../support/refusal.js';

const paths = remotePaths('api', 'staging');
const repo: Repository = { registry: 'registry.test', path: 'team/api' };
const READ = ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi', 'sh'];
const digest = (c: string) => `sha256:${c.repeat(64)}`;

const release = (sha: string, c: string, over: Partial<ReleaseRecord> = {}): ReleaseRecord => ({
  id: sha,
  kind: 'deploy',
  service: 'api',
  environment: 'staging',
  sha,
  digest: digest(c),
  image: `registry.test/team/api@${digest(c)}`,
  droplet: 'droplet-1',
  outcome: 'succeeded',
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 1,
  actor: 'ci',
  ...over,
});

const active = (sha: string, c: string) =>
  JSON.stringify({
    slot: 'blue',
    sha,
    digest: digest(c),
    image: `registry.test/team/api@${digest(c)}`,
    container: 'opsctl-api-blue',
    since: '2026-01-01T00:00:00Z',
  });

function droplet(history: string, activeJson: string): RecordingExecutor {
  return new RecordingExecutor('droplet-1')
    .on([...READ, paths.releasesFile], { stdout: history })
    .on([...READ, paths.activeFile], { stdout: activeJson });
}

const lines = (...records: ReleaseRecord[]) => records.map((r) => JSON.stringify(r)).join('\n');

const noRegistry: DigestLookup = {
  digestOf: () => Promise.reject(new Error('the registry must not be asked')),
  tags: () => Promise.reject(new Error('the registry must not be asked')),
};

const choose = (exec: RecordingExecutor, sha: string | undefined) =>
  chooseRollbackTarget({
    droplets: [{ name: 'droplet-1', exec }],
    paths,
    registry: noRegistry,
    repo,
    sha,
  });

const history = lines(
  release('aaaa11111111', 'a'),
  release('abcd22222222', 'b'),
  release('abcd33333333', 'c'),
);

describe('the rollback target', () => {
  it('is the previous release when no --sha is given', async () => {
    const exec = droplet(history, active('abcd33333333', 'c'));
    expect(await choose(exec, undefined)).toEqual({
      sha: 'abcd22222222',
      digest: digest('b'),
      image: `registry.test/team/api@${digest('b')}`,
    });
  });

  it('refuses a --sha that is not 4 to 40 hex characters before reading anything', async () => {
    const exec = droplet(history, active('abcd33333333', 'c'));
    for (const bad of ['abc', 'xyz123', 'abcd;rm', 'a'.repeat(41)]) {
      const error = await refusal(choose(exec, bad));
      expect(error.code).toBe('INVALID_SHA');
      expect(error.message).toContain('4 to 40 hex characters');
    }
    expect(exec.calls).toHaveLength(0);
  });

  it('refuses a prefix matching several releases, listing them, instead of picking the newest', async () => {
    const error = await refusal(choose(droplet(history, active('aaaa11111111', 'a')), 'ABCD'));
    expect(error.code).toBe('AMBIGUOUS_SHA');
    expect(error.message).toContain('abcd22222222, abcd33333333');
  });

  it('takes the one release a longer prefix or a full SHA names', async () => {
    const exec = droplet(history, active('aaaa11111111', 'a'));
    expect((await choose(exec, 'abcd2')).sha).toBe('abcd22222222');
    expect((await choose(exec, `abcd22222222${'0'.repeat(28)}`)).sha).toBe('abcd22222222');
  });

  it('refuses a release whose image is not in the configured repository, naming droplet and file', async () => {
    const foreign = release('abcd22222222', 'b', { image: `evil.test/api@${digest('b')}` });
    const error = await refusal(
      choose(
        droplet(lines(foreign, release('abcd33333333', 'c')), active('abcd33333333', 'c')),
        undefined,
      ),
    );
    expect(error.code).toBe('DROPLET_FILE_MALFORMED');
    expect(error.message).toContain(`${paths.releasesFile} on droplet-1`);
    expect(error.message).toContain('evil.test/api');
  });

  it('reports a history line that is not a release record, with droplet, file and line', async () => {
    const bad = `${lines(release('aaaa11111111', 'a'))}\n{"sha":"abcd22222222","digest":"md5:x"`;
    const error = await refusal(choose(droplet(bad, active('aaaa11111111', 'a')), undefined));
    expect(error.code).toBe('DROPLET_FILE_MALFORMED');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      `${paths.releasesFile} on droplet-1 is malformed: line 2 is not JSON.`,
    );
  });

  it('reports a digest that is not sha256 and 64 hex characters in active.json', async () => {
    const wrong = active('aaaa11111111', 'a').replace(digest('a'), 'sha256:abc');
    const error = await refusal(choose(droplet(history, wrong), undefined));
    expect(error.code).toBe('DROPLET_FILE_MALFORMED');
    expect(error.message).toContain(
      `${paths.activeFile} on droplet-1 is malformed: digest: not a sha256 digest`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ReleaseRecord } from '../../../src/droplet/releases/release-record.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { previousRelease } from '../../../src/droplet/releases/previous-release.js';
import { commitTagState } from '../../../src/images/immutability.js';

const record = (sha: string, outcome: ReleaseRecord['outcome']): ReleaseRecord => ({
  id: sha,
  kind: 'deploy',
  service: 'api',
  environment: 'staging',
  sha,
  digest: `sha256:${sha}`,
  image: `r/api@sha256:${sha}`,
  droplet: 'droplet-1',
  outcome,
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 1,
  actor: 'ci',
});

describe('the previous release a droplet must keep', () => {
  it('is the newest successful release before the one that serves now', () => {
    const history = [
      record('aaa', 'succeeded'),
      record('bbb', 'succeeded'),
      record('ccc', 'failed'),
      record('ddd', 'succeeded'),
    ];
    expect(previousRelease(history, { sha: 'ddd' })?.sha).toBe('bbb');
  });

  it('skips re-deploys of the serving release and failed attempts', () => {
    const history = [
      record('aaa', 'succeeded'),
      record('bbb', 'succeeded'),
      record('bbb', 'succeeded'),
      record('ccc', 'rolled-back'),
    ];
    expect(previousRelease(history, { sha: 'bbb' })?.sha).toBe('aaa');
  });

  it('is the newest successful release when nothing is marked active', () => {
    expect(previousRelease([record('aaa', 'succeeded')], undefined)?.sha).toBe('aaa');
    expect(previousRelease([], undefined)).toBeUndefined();
  });
});

describe('commit tags never move', () => {
  const repo = { registry: 'r:5000', path: 'api' };
  const remote = {
    digest: 'sha256:m1',
    mediaType: 'm',
    configDigest: 'sha256:c1',
    compressedSize: 1,
  };

  it('has nothing to check when the registry does not have the tag yet', () => {
    expect(commitTagState(repo, 'abcabcabcabc', 'sha256:c1', undefined)).toBe('absent');
  });

  it('sees the same image when the registry’s configuration digest is the local image ID', () => {
    expect(commitTagState(repo, 'abcabcabcabc', 'sha256:c1', remote)).toBe('same-image');
  });

  it('refuses a different image under an existing commit tag, naming both', () => {
    let error: unknown;
    try {
      commitTagState(repo, 'abcabcabcabc', 'sha256:c2', remote);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({ code: 'IMAGE_TAG_IMMUTABLE', exitCode: 2 });
    expect((error as Error).message).toContain('sha256:m1');
    expect((error as Error).message).toContain('sha256:c2');
  });
});

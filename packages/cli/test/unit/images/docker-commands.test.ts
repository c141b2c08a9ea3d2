import { describe, expect, it } from 'vitest';
import {
  dockerBuild,
  dockerLoginWithConfig,
  dockerPush,
  localImageId,
} from '../../../src/images/docker-commands.js';
import { imageLabels } from '../../../src/images/image-labels.js';
import { shellLine } from '../../../src/exec/shell-quote.js';
import { Secret } from '../../../src/secrets/secret.js';

describe('docker commands as values', () => {
  it('builds with BuildKit, every tag, OCI labels with the full SHA, build arguments and the context last', () => {
    const sha = 'f'.repeat(40);
    const cmd = dockerBuild({
      dockerfile: '/repo/Dockerfile',
      context: '/repo',
      tags: ['r:5000/api:ffffffffffff', 'r:5000/api:latest'],
      labels: imageLabels({
        service: 'api',
        sha,
        version: '1.2.3',
        builtAt: '2026-01-01T00:00:00Z',
        sourceUrl: undefined,
      }),
      buildArgs: new Map([['BASE_IMAGE', 'opsctl-local/node:24']]),
      noCache: false,
      iidFile: '/tmp/x/image-id',
    });
    expect(cmd.argv).toEqual([
      'env',
      'DOCKER_BUILDKIT=1',
      'docker',
      'build',
      '--progress',
      'plain',
      '--file',
      '/repo/Dockerfile',
      '--iidfile',
      '/tmp/x/image-id',
      '--tag',
      'r:5000/api:ffffffffffff',
      '--tag',
      'r:5000/api:latest',
      '--label',
      'org.opencontainers.image.title=api',
      '--label',
      `org.opencontainers.image.revision=${sha}`,
      '--label',
      'org.opencontainers.image.version=1.2.3',
      '--label',
      'org.opencontainers.image.created=2026-01-01T00:00:00Z',
      '--build-arg',
      'BASE_IMAGE=opsctl-local/node:24',
      '/repo',
    ]);
    expect(cmd.readOnly).toBeUndefined();
  });

  it('adds --no-cache only when asked, and the source label only when the source is known', () => {
    const cmd = dockerBuild({
      dockerfile: 'D',
      context: '.',
      tags: ['t'],
      labels: imageLabels({
        service: 's',
        sha: 'a',
        version: 'v',
        builtAt: 'b',
        sourceUrl: 'https://example.com/r',
      }),
      buildArgs: new Map(),
      noCache: true,
      iidFile: 'i',
    });
    expect(cmd.argv).toContain('--no-cache');
    expect(cmd.argv).toContain('org.opencontainers.image.source=https://example.com/r');
    expect(cmd.argv.at(-1)).toBe('.');
  });

  it('logs in inside a throwaway config directory with the password on stdin, never in argv', () => {
    const password = new Secret('hunter2', 'OPSCTL_REGISTRY_PASSWORD');
    const cmd = dockerLoginWithConfig('/tmp/cfg', 'r:5000', 'opsctl', password);
    expect(shellLine(cmd.argv, 'redact')).toBe(
      'docker --config /tmp/cfg login r:5000 --username opsctl --password-stdin',
    );
    expect(cmd.stdin).toBe(password);
    expect(cmd.sensitive).toBe(true);
  });

  it('pushes one reference with the same config directory', () => {
    expect(dockerPush('/tmp/cfg', 'r:5000/api:latest').argv).toEqual([
      'docker',
      '--config',
      '/tmp/cfg',
      'push',
      'r:5000/api:latest',
    ]);
  });

  it('looks up a local image as a read-only command (it runs even in a dry run)', () => {
    expect(localImageId('r:5000/api:abc').readOnly).toBe(true);
  });
});

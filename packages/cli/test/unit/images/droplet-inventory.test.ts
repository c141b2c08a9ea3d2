import { describe, expect, it } from 'vitest';
import { digestsOf, parseContainers, parseImages } from '../../../src/images/droplet-inventory.js';
import { listContainers, listRepositoryImages } from '../../../src/images/droplet-commands.js';

describe('reading a droplet’s images and containers', () => {
  it('parses one JSON object per line and treats null tag and digest lists as empty', () => {
    const images = parseImages(
      [
        '{"id":"sha256:1","repoDigests":["r:5000/api@sha256:d1"],"repoTags":null,"created":"2026-01-01T00:00:00.123456789Z","size":42}',
        '',
        '{"id":"sha256:2","repoDigests":null,"repoTags":["r:5000/api:latest"],"created":"2026-01-02T00:00:00Z","size":7}',
      ].join('\n'),
    );
    expect(images).toEqual([
      {
        id: 'sha256:1',
        repoDigests: ['r:5000/api@sha256:d1'],
        repoTags: [],
        created: '2026-01-01T00:00:00.123456789Z',
        size: 42,
      },
      {
        id: 'sha256:2',
        repoDigests: [],
        repoTags: ['r:5000/api:latest'],
        created: '2026-01-02T00:00:00Z',
        size: 7,
      },
    ]);
    const [first] = images;
    expect(first && digestsOf(first)).toEqual(['sha256:d1']);
  });

  it('strips Docker’s leading slash from container names and reads a missing label as empty', () => {
    expect(
      parseContainers(
        '{"id":"c1","name":"/opsctl-api-blue","image":"sha256:1","state":"running","created":"2026-01-01T00:00:00Z","service":null}\n',
      ),
    ).toEqual([
      {
        id: 'c1',
        name: 'opsctl-api-blue',
        image: 'sha256:1',
        state: 'running',
        created: '2026-01-01T00:00:00Z',
        service: '',
      },
    ]);
  });

  it('refuses output it does not understand instead of planning on it', () => {
    expect(() => parseImages('{"id":1}')).toThrow(/unexpected image description/);
  });

  it('lists by repository and passes names as arguments, never inside the script', () => {
    const cmd = listRepositoryImages('registry.opsctl.local:5443/api');
    expect(cmd.readOnly).toBe(true);
    expect(cmd.argv.slice(0, 2)).toEqual(['sh', '-c']);
    expect(cmd.argv[4]).toBe('registry.opsctl.local:5443/api');
    expect(String(cmd.argv[2])).not.toContain('registry.opsctl.local');
    expect(listContainers().readOnly).toBe(true);
  });
});

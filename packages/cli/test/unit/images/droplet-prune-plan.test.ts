import { describe, expect, it } from 'vitest';
import type { DropletContainer, DropletImage } from '../../../src/images/droplet-inventory.js';
import { planDropletPrune, type DropletReleases } from '../../../src/images/droplet-prune-plan.js';

const REPO = 'registry.test:5000/api';
const digest = (n: number): string => `sha256:${String(n).padStart(64, 'd')}`;
const id = (n: number): string => `sha256:${String(n).padStart(64, 'i')}`;
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1, n)).toISOString();

const image = (n: number, extra: Partial<DropletImage> = {}): DropletImage => ({
  id: id(n),
  repoDigests: [`${REPO}@${digest(n)}`],
  repoTags: [],
  created: at(n),
  size: 100,
  ...extra,
});
const container = (
  name: string,
  n: number,
  state: string,
  created: number,
  service = 'api',
): DropletContainer => ({
  id: `c-${name}`,
  name,
  image: id(n),
  state,
  created: at(created),
  service,
});
const none: DropletReleases = { active: undefined, previous: undefined };
const plan = (input: {
  images: DropletImage[];
  containers?: DropletContainer[];
  releases?: DropletReleases;
  keep?: number;
}) =>
  planDropletPrune({
    repository: REPO,
    service: 'api',
    keep: input.keep ?? 2,
    images: input.images,
    containers: input.containers ?? [],
    releases: input.releases ?? none,
  });
const removedImages = (p: ReturnType<typeof plan>): string[] =>
  p.images.filter((i) => i.action === 'remove').map((i) => i.id);

describe('droplet retention plan: images', () => {
  it('keeps the newest N images of the service and removes older ones', () => {
    const p = plan({ images: [1, 2, 3, 4].map((n) => image(n)) });
    expect(removedImages(p)).toEqual([id(2), id(1)]);
    expect(p.images[0]?.reasons).toEqual(['one of the newest 2 images']);
  });

  it('never removes the active or the previous release’s image, however old', () => {
    const p = plan({
      images: [1, 2, 3, 4, 5].map((n) => image(n)),
      releases: {
        active: { sha: 'aaaaaaaaaaaa', digest: digest(1) },
        previous: { sha: 'bbbbbbbbbbbb', digest: digest(2) },
      },
    });
    expect(removedImages(p)).toEqual([id(3)]);
    const active = p.images.find((i) => i.id === id(1));
    expect(active).toMatchObject({
      action: 'keep',
      protected: true,
      reasons: ['active release aaaaaaaaaaaa'],
    });
    expect(p.images.find((i) => i.id === id(2))?.reasons).toEqual([
      'previous release bbbbbbbbbbbb (rollback target)',
    ]);
  });

  it('keeps an image any remaining container uses, even one of another service', () => {
    const p = plan({
      images: [1, 2, 3].map((n) => image(n)),
      containers: [container('sidecar', 1, 'running', 1, 'other')],
      keep: 1,
    });
    expect(removedImages(p)).toEqual([id(2)]);
    expect(p.images.find((i) => i.id === id(1))?.reasons).toEqual(['used by container sidecar']);
  });

  it('keeps an image also referenced outside the repository (removing it would need force)', () => {
    const p = plan({ images: [image(2), image(1, { repoTags: ['mirror/api:old'] })], keep: 1 });
    expect(removedImages(p)).toEqual([]);
    expect(p.images.find((i) => i.id === id(1))?.reasons).toEqual([
      'also referenced as mirror/api:old',
    ]);
  });
});

describe('droplet retention plan: containers', () => {
  it('removes stopped containers of the service beyond the newest N, never running ones or other services’', () => {
    const p = plan({
      images: [image(9)],
      containers: [
        container('opsctl-api-blue', 9, 'running', 10),
        container('old-1', 9, 'exited', 1),
        container('old-2', 9, 'exited', 2),
        container('old-3', 9, 'dead', 3),
        container('starting', 9, 'created', 4),
        container('other-service', 9, 'exited', 0, 'web'),
      ],
      keep: 2,
    });
    const removed = p.containers.filter((c) => c.action === 'remove').map((c) => c.name);
    expect(removed).toEqual(['old-1']);
    expect(p.containers.map((c) => c.name)).not.toContain('other-service');
    expect(p.containers.find((c) => c.name === 'starting')?.reasons).toEqual([
      'created, not stopped',
    ]);
  });

  it('keeps the stopped container of the previous release for a quick rollback', () => {
    const p = plan({
      images: [image(1), image(2)],
      containers: [
        container('opsctl-api-green', 1, 'exited', 1),
        container('newer', 2, 'exited', 2),
      ],
      releases: { active: undefined, previous: { sha: 'bbbbbbbbbbbb', digest: digest(1) } },
      keep: 1,
    });
    expect(p.containers.find((c) => c.name === 'opsctl-api-green')).toMatchObject({
      action: 'keep',
      reasons: ['runs the active or previous release'],
    });
  });

  it('lets an image go once the only container using it is removed', () => {
    const p = plan({
      images: [image(3), image(2), image(1)],
      containers: [container('stale', 1, 'exited', 1), container('fresh', 3, 'exited', 5)],
      keep: 1,
    });
    expect(p.containers.find((c) => c.name === 'stale')?.action).toBe('remove');
    expect(removedImages(p)).toEqual([id(2), id(1)]);
  });
});

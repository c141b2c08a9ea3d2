import { describe, expect, it } from 'vitest';
import { groupByManifest } from '../../../src/images/manifests.js';
import type { Protection } from '../../../src/images/protection.js';
import type { RegistryImage } from '../../../src/images/registry-images.js';
import { planRegistryPrune } from '../../../src/images/registry-prune-plan.js';

const digest = (n: number): string => `sha256:${String(n).padStart(64, '0')}`;
const sha = (n: number): string => `${String(n).padStart(2, '0')}aaaaaaaaaa`;
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1, n)).toISOString();

/** Builds 1..count, one hour apart; the newest also carries latest and main. */
function builds(count: number): RegistryImage[] {
  const images: RegistryImage[] = [];
  for (let n = 1; n <= count; n++) {
    const base = { digest: digest(n), compressedSize: 1000 + n, createdAt: at(n) };
    images.push({ ...base, tag: sha(n) });
    if (n === count) images.push({ ...base, tag: 'latest' }, { ...base, tag: 'main' });
  }
  return images;
}

const protection = (n: number, role: Protection['role'], droplet = 'droplet-1'): Protection => ({
  digest: digest(n),
  environment: 'staging',
  droplet,
  role,
  sha: sha(n),
});

const actions = (plan: ReturnType<typeof planRegistryPrune>): Record<string, string> =>
  Object.fromEntries(plan.map((m) => [m.tags.join(','), m.action]));

describe('registry retention plan', () => {
  it('keeps the newest 5 of 7 builds and deletes the 2 oldest by digest, with all their tags', () => {
    const plan = planRegistryPrune(groupByManifest(builds(7)), 5, []);
    expect(actions(plan)).toEqual({
      [`${sha(7)},latest,main`]: 'keep',
      [sha(6)]: 'keep',
      [sha(5)]: 'keep',
      [sha(4)]: 'keep',
      [sha(3)]: 'keep',
      [sha(2)]: 'delete',
      [sha(1)]: 'delete',
    });
    expect(plan.filter((m) => m.action === 'delete').map((m) => m.digest)).toEqual([
      digest(2),
      digest(1),
    ]);
  });

  it('keeps an old build that is deployed or a rollback target, marks it protected and says where', () => {
    const plan = planRegistryPrune(groupByManifest(builds(7)), 5, [
      protection(1, 'previous', 'droplet-2'),
      protection(7, 'active'),
    ]);
    const oldest = plan.find((m) => m.digest === digest(1));
    expect(oldest).toMatchObject({ action: 'keep', protected: true });
    expect(oldest?.reasons).toEqual(['previous release on staging/droplet-2 (rollback target)']);
    const newest = plan.find((m) => m.digest === digest(7));
    expect(newest).toMatchObject({ action: 'keep', protected: true });
    expect(newest?.reasons).toEqual([
      'one of the newest 5 builds',
      'deployed on staging/droplet-1',
    ]);
    expect(plan.filter((m) => m.action === 'delete').map((m) => m.digest)).toEqual([digest(2)]);
  });

  it('says why each deleted manifest goes', () => {
    const plan = planRegistryPrune(groupByManifest(builds(3)), 1, []);
    expect(plan.find((m) => m.digest === digest(1))?.reasons).toEqual([
      'older than the newest 1 builds and not deployed',
    ]);
  });

  it('never deletes a manifest without a commit tag: opsctl did not build it', () => {
    const foreign: RegistryImage = {
      tag: 'nightly',
      digest: digest(99),
      compressedSize: 5,
      createdAt: at(0),
    };
    const plan = planRegistryPrune(groupByManifest([...builds(3), foreign]), 1, []);
    expect(plan.find((m) => m.digest === digest(99))).toMatchObject({
      action: 'keep',
      protected: false,
      reasons: ['no commit tag: not built by opsctl'],
    });
  });

  it('counts dirty builds among the builds and deletes them like any other old build', () => {
    const images = [
      ...builds(2),
      { tag: `${sha(3)}-dirty`, digest: digest(3), compressedSize: 1, createdAt: at(3) },
    ];
    const plan = planRegistryPrune(groupByManifest(images), 1, []);
    expect(actions(plan)).toEqual({
      [`${sha(3)}-dirty`]: 'keep',
      [`${sha(2)},latest,main`]: 'delete',
      [sha(1)]: 'delete',
    });
  });

  it('deletes nothing when there are no more builds than it keeps', () => {
    expect(
      planRegistryPrune(groupByManifest(builds(5)), 5, []).every((m) => m.action === 'keep'),
    ).toBe(true);
  });
});

describe('grouping tags by manifest', () => {
  it('puts every tag of one digest together and orders manifests newest first, undated last', () => {
    const grouped = groupByManifest([
      { tag: 'b', digest: digest(1), compressedSize: 1, createdAt: at(1) },
      { tag: 'undated', digest: digest(3), compressedSize: 1, createdAt: undefined },
      { tag: 'a', digest: digest(1), compressedSize: 1, createdAt: at(1) },
      { tag: 'new', digest: digest(2), compressedSize: 1, createdAt: at(2) },
    ]);
    expect(grouped.map((m) => m.tags)).toEqual([['new'], ['a', 'b'], ['undated']]);
  });
});

import { DEFAULT_REGION, DROPLET_SIZE, regionView } from './region-view.js';
import type { DropletSeed } from './seeds.js';

const EPOCH = '2026-01-01T00:00:00Z';

function networks(seed: DropletSeed): Record<string, unknown> {
  const v4 = [];
  if (seed.publicIpv4)
    v4.push({ ip_address: seed.publicIpv4, netmask: '255.255.255.0', gateway: '', type: 'public' });
  if (seed.privateIpv4)
    v4.push({ ip_address: seed.privateIpv4, netmask: '255.255.0.0', gateway: '', type: 'private' });
  return { v4, v6: [] };
}

/** A droplet with every field the API description requires, built from what the environment knows. */
export function dropletView(seed: DropletSeed): Record<string, unknown> {
  const region = seed.region ?? DEFAULT_REGION;
  const createdAt = seed.createdAt ?? EPOCH;
  return {
    id: seed.id,
    name: seed.name,
    memory: 1024,
    vcpus: 1,
    disk: 25,
    locked: false,
    status: seed.status ?? 'active',
    kernel: null,
    created_at: createdAt,
    features: ['monitoring', 'private_networking'],
    backup_ids: [],
    next_backup_window: null,
    snapshot_ids: [],
    image: {
      id: 1,
      name: '12 x64',
      type: 'base',
      distribution: 'Debian',
      slug: 'debian-12-x64',
      public: true,
      regions: [region],
      created_at: EPOCH,
      min_disk_size: 15,
      size_gigabytes: 0.99,
      description: 'Debian 12 x64',
      tags: [],
      status: 'available',
    },
    volume_ids: [],
    size: {
      slug: DROPLET_SIZE,
      memory: 1024,
      vcpus: 1,
      disk: 25,
      transfer: 1,
      price_monthly: 6,
      price_hourly: 0.00893,
      regions: [region],
      available: true,
      description: 'Basic',
    },
    size_slug: DROPLET_SIZE,
    networks: networks(seed),
    region: regionView(region),
    tags: [...seed.tags],
  };
}

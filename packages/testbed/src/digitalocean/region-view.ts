const REGION_NAMES: Record<string, string> = {
  ams3: 'Amsterdam 3',
  blr1: 'Bangalore 1',
  fra1: 'Frankfurt 1',
  lon1: 'London 1',
  nyc1: 'New York 1',
  nyc3: 'New York 3',
  sfo3: 'San Francisco 3',
  sgp1: 'Singapore 1',
  syd1: 'Sydney 1',
  tor1: 'Toronto 1',
};

export const DEFAULT_REGION = 'fra1';
export const DROPLET_SIZE = 's-1vcpu-1gb';

/** A region object in the API's shape (all its required fields). */
export function regionView(slug: string): Record<string, unknown> {
  return {
    name: REGION_NAMES[slug] ?? slug,
    slug,
    features: ['backups', 'ipv6', 'metadata', 'install_agent', 'storage', 'image_transfer'],
    available: true,
    sizes: [DROPLET_SIZE],
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCAL_DROPLET_TAGS, LOCAL_LOAD_BALANCER_ID, LOCAL_REGISTRY_NAME } from '@opsctl/testbed';
import { repoRoot } from '../support/paths.js';

type Entry = Record<string, Record<string, unknown>>;
let local: Entry;
let staging: Entry;

beforeAll(async () => {
  const config = parse(await readFile(join(repoRoot, 'opsctl.yaml'), 'utf8')) as {
    environments: Record<string, Entry>;
  };
  local = config.environments.local ?? {};
  staging = config.environments.staging ?? {};
});

/**
 * The local environment is staging's twin: opsctl.yaml finds its droplets, registry and load
 * balancer the way it finds staging's, and the DigitalOcean stand-in answers with what that entry
 * names. The two sides are written in two places (opsctl.yaml and the testbed); this keeps them one.
 */
describe("opsctl.yaml's local entry and the local environment's stand-in", () => {
  it('find droplets, registry and load balancer the way staging does', () => {
    for (const part of ['droplets', 'registry', 'loadBalancer'] as const) {
      expect(Object.keys(local[part] ?? {}).sort(), part).toEqual(
        Object.keys(staging[part] ?? {}).sort(),
      );
    }
  });

  it('agree on the droplet tag, which follows the api-cluster module’s <project>-<environment>-api', () => {
    const tag = String(local.droplets?.tag);
    const project = String(staging.droplets?.tag).replace(/-staging-api$/, '');
    expect(tag).toBe(`${project}-local-api`);
    // The module also gives the project and environment tags; the stand-in's droplets carry all three.
    expect([...LOCAL_DROPLET_TAGS].sort()).toEqual([tag, `project:${project}`, 'env:local'].sort());
  });

  it('agree on the registry name and the load balancer id', () => {
    expect(local.registry?.digitalocean).toBe(LOCAL_REGISTRY_NAME);
    expect(local.loadBalancer?.digitalocean).toBe(LOCAL_LOAD_BALANCER_ID);
  });
});

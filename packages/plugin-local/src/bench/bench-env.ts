import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';

export interface BenchEnv {
  readonly repoRoot: string;
  readonly cli: string;
  /** A copy of opsctl.yaml whose `local` environment lists `droplets` droplets. */
  readonly config: string;
  /** The same with deploy.warmWindow 0: every rollback starts the release again (cold). */
  readonly configWarmOff: string;
}

/** Brings the local environment up with `count` droplets and writes a config that deploys to all. */
export async function localEnvWith(repoRoot: string, count: number): Promise<BenchEnv> {
  const cli = join(repoRoot, 'packages/plugin-local/bin/opsctl.js');
  const up = await execa('node', [cli, 'local', 'up', '--droplets', String(count)], {
    cwd: repoRoot,
    reject: false,
    all: true,
  });
  if (up.exitCode !== 0) throw new Error(`local up failed:\n${up.all}`);
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-bench-'));
  const doc = parse(await readFile(join(repoRoot, 'opsctl.yaml'), 'utf8')) as {
    environments: {
      local: {
        ssh: Record<string, string>;
        registry: Record<string, string>;
        deploy?: Record<string, unknown>;
      };
    };
    services: { api: Record<string, unknown> };
  };
  const local = doc.environments.local;
  // The droplets are found by the environment's tag, which `local up --droplets N` gives all N.
  // The copy lives elsewhere: paths relative to the checkout become absolute.
  for (const key of ['key', 'knownHosts']) local.ssh[key] = join(repoRoot, local.ssh[key] ?? '');
  if (local.registry.caFile !== undefined)
    local.registry.caFile = join(repoRoot, local.registry.caFile);
  doc.services.api.dockerfile = join(repoRoot, String(doc.services.api.dockerfile));
  doc.services.api.context = repoRoot;
  const config = join(dir, 'opsctl.yaml');
  await writeFile(config, stringify(doc));
  const configWarmOff = join(dir, 'opsctl.warm-off.yaml');
  local.deploy = { ...local.deploy, warmWindow: '0s' };
  await writeFile(configWarmOff, stringify(doc));
  await copyFile(join(repoRoot, '.env.local'), join(dir, '.env.local'));
  return { repoRoot, cli, config, configWarmOff };
}

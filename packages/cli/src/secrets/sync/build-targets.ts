import { auditActor } from '../../context/actor.js';
import type { CommandContext } from '../../context/command-context.js';
import type { EnvironmentConfig, OpsctlConfig, SecretDeclaration } from '../../config/types.js';
import { listDroplets } from '../../deploy/droplets.js';
import { sshTargetFor } from '../../exec/ssh/ssh-target.js';
import { apiClient } from '../api-settings.js';
import { dropletSecretsOf, goesToService } from '../declarations.js';
import { DropletTarget } from '../droplets/droplet-target.js';
import { GitHubApi } from '../github/github-api.js';
import { GitHubTarget } from '../github/github-target.js';
import type { Secret } from '../secret.js';
import type { ValueSource } from '../values/value-source.js';
import { VercelApi, type VercelEnvVar } from '../vercel/vercel-api.js';
import { VercelTarget } from '../vercel/vercel-target.js';
import type { SyncTarget } from './target.js';

export interface TargetInputs {
  readonly ctx: CommandContext;
  readonly environment: { readonly name: string; readonly config: EnvironmentConfig };
  readonly config: OpsctlConfig;
  readonly configDir: string;
  /** The selected secrets, each with the targets asked for. */
  readonly selected: readonly SecretDeclaration[];
  readonly source: ValueSource;
  /** Values of every secret a target needs (droplet env files need all of their service's). */
  readonly values: ReadonlyMap<string, Secret>;
  readonly fingerprints: ReadonlyMap<string, string>;
}

/** Services whose env files the selected secrets go into. */
export function affectedServices(
  config: OpsctlConfig,
  selected: readonly SecretDeclaration[],
): string[] {
  return Object.keys(config.services).filter((service) =>
    selected.some((s) => s.targets.some((t) => goesToService(t, service))),
  );
}

/** Every target the selected secrets go to, each knowing which of them it receives. */
export async function buildTargets(inputs: TargetInputs): Promise<SyncTarget[]> {
  return [...(await dropletTargets(inputs)), ...githubTargets(inputs), ...vercelTargets(inputs)];
}

async function dropletTargets(inputs: TargetInputs): Promise<SyncTarget[]> {
  const { ctx, environment, config, selected } = inputs;
  const services = affectedServices(config, selected);
  if (services.length === 0) return [];
  const droplets = await listDroplets(ctx, environment, inputs.configDir);
  return droplets.flatMap((droplet) => {
    const exec = ctx.executors.forHost(sshTargetFor(droplet, environment.config.ssh));
    return services.map((service) => {
      const all = dropletSecretsOf(environment.config.secrets, service).map((s) => s.name);
      const fileValues = new Map<string, string | Secret>(
        Object.entries(config.services[service]?.env ?? {}),
      );
      const fileFingerprints = new Map<string, string>();
      for (const name of all) {
        const value = inputs.values.get(name);
        const fingerprint = inputs.fingerprints.get(name);
        if (value !== undefined) fileValues.set(name, value);
        if (fingerprint !== undefined) fileFingerprints.set(name, fingerprint);
      }
      return new DropletTarget({
        droplet: droplet.name,
        exec,
        service,
        envFile: environment.config.envFile.replaceAll('{service}', service),
        names: dropletSecretsOf(selected, service).map((s) => s.name),
        fileValues,
        fileFingerprints,
        actor: auditActor(ctx.env),
        redact: (text) => ctx.redactor.redact(text),
      });
    });
  });
}

function githubTargets(inputs: TargetInputs): SyncTarget[] {
  const groups = new Map<string, string[]>();
  for (const secret of inputs.selected) {
    for (const target of secret.targets) {
      if (target.kind !== 'github') continue;
      const key = target.environment ?? '';
      groups.set(key, [...(groups.get(key) ?? []), secret.name]);
    }
  }
  const repository = inputs.environment.config.github?.repository;
  if (groups.size === 0 || repository === undefined) return [];
  const api = new GitHubApi(
    apiClient('github', inputs.source, inputs.ctx.redactor, inputs.ctx.signal),
  );
  return [...groups].map(
    ([environment, names]) =>
      new GitHubTarget(
        api,
        { repository, environment: environment === '' ? undefined : environment },
        names,
      ),
  );
}

function vercelTargets(inputs: TargetInputs): SyncTarget[] {
  const groups = new Map<string, { names: string[]; make: (names: string[]) => SyncTarget }>();
  let api: VercelApi | undefined;
  const listings = new Map<string, Promise<VercelEnvVar[]>>();
  for (const secret of inputs.selected) {
    for (const target of secret.targets) {
      if (target.kind !== 'vercel') continue;
      api ??= new VercelApi(
        apiClient('vercel', inputs.source, inputs.ctx.redactor, inputs.ctx.signal),
      );
      const client = api;
      const ref = { project: target.project, teamId: target.teamId };
      const projectKey = `${target.teamId ?? ''}/${target.project}`;
      // One listing per project serves all of its environments.
      const listing = (): Promise<VercelEnvVar[]> => {
        let pending = listings.get(projectKey);
        if (pending === undefined) {
          pending = client.list(ref);
          listings.set(projectKey, pending);
        }
        return pending;
      };
      for (const environment of target.targets) {
        const key = `${projectKey}/${environment}/${target.type}`;
        const group = groups.get(key) ?? {
          names: [],
          make: (names: string[]) =>
            new VercelTarget(client, ref, environment, target.type, names, listing),
        };
        group.names.push(secret.name);
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()].map((g) => g.make(g.names));
}

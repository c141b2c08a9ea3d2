import { randomBytes } from 'node:crypto';
import {
  imagePresent,
  makePullConfig,
  pullImage,
  removePullConfig,
  runOnce,
} from './commands/docker.js';
import { Secret } from '../secrets/secret.js';
import type { RegistryLogin } from '../images/registry-site.js';
import { writeEnvFile } from './commands/env-files.js';
import { ensureDir, writeFileAtomic } from '../droplet/commands/files.js';
import type { HostRun, ReleaseTarget } from './host-context.js';
import { throwIfCancelled } from './cancel.js';
import { inPhase, note } from './phase.js';

/**
 * Puts the release's image on a droplet by digest (a registry login, then a pull only when it is
 * missing). Changes nothing that serves or that a restart would pick up, so every droplet can do
 * it before the first one has proven the release.
 */
export async function pullRelease(run: HostRun, target: ReleaseTarget): Promise<void> {
  await inPhase(run, 'pull', () => pullImageOnce(run, target));
}

async function pullImageOnce(run: HostRun, target: ReleaseTarget): Promise<void> {
  const { exec, settings } = run;
  throwIfCancelled(run.signal);
  const present = await exec.run(imagePresent(target.image), { allowFailure: true });
  if (present.exitCode === 0) {
    note(run, `image ${target.sha} already on the droplet`);
    return;
  }
  throwIfCancelled(run.signal);
  note(run, `pulling ${target.sha}`);
  const login = settings.registryLogin;
  if (login === undefined) {
    await exec.run(pullImage(target.image));
    return;
  }
  // The short-lived credentials go on stdin into a config folder of this pull only: no `docker
  // login` (whose --username, a token for DigitalOcean, would show in the process list) and
  // nothing left in ~/.docker.
  const configDir = `/tmp/opsctl-pull-${randomBytes(8).toString('hex')}`;
  await exec.run(makePullConfig(configDir));
  try {
    await exec.run(writeFileAtomic(`${configDir}/config.json`, dockerConfig(login), '600'));
    await exec.run(pullImage(target.image, configDir));
  } finally {
    await exec.run(removePullConfig(configDir), { allowFailure: true });
  }
}

/** A Docker client config that holds one registry's credentials. */
function dockerConfig(login: RegistryLogin): Secret {
  const auth = Buffer.from(`${login.username}:${login.password.reveal()}`).toString('base64');
  return new Secret(JSON.stringify({ auths: { [login.server]: { auth } } }), 'registry login');
}

/** The state directory, and the env file (root's, 0600, written atomically by the droplet's helper). */
export async function writeRuntimeEnv(run: HostRun): Promise<void> {
  const { exec, settings } = run;
  throwIfCancelled(run.signal);
  await exec.run(ensureDir(settings.paths.stateDir));
  await exec.run(writeEnvFile(settings.paths.envFile, settings.envFile, settings.envFileNote));
}

/** The pre-deploy command (migrations) in a one-off container of the new release. */
export async function runPreDeploy(
  run: HostRun,
  target: ReleaseTarget,
  argv: readonly string[],
): Promise<void> {
  throwIfCancelled(run.signal);
  note(run, `running ${argv.join(' ')}`);
  await run.exec.run(
    runOnce(target.image, run.settings.paths.envFile, run.settings.envNames, argv),
  );
}

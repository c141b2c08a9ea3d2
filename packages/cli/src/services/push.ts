import type { CommandContext } from '../context/command-context.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { tagRef, type Repository } from '../registry/image-ref.js';
import type { RegistryClient } from '../registry/registry-client.js';
import { withRegistryErrors, readOnly } from '../images/errors.js';
import { activeGarbageCollection } from '../images/garbage-collection.js';
import { readGitState } from '../images/git-state.js';
import { buildTag, isCommitTag } from '../images/image-tags.js';
import { commitTagState, immutableTag, type CommitTagState } from '../images/immutability.js';
import { findLocalImage, type LocalImage } from '../images/local-image.js';
import { withPushSession } from '../images/push-session.js';
import { selectServices } from '../config/select-services.js';
import { registryScope } from '../images/registry-scope.js';
import { registrySite } from '../images/registry-site.js';

export interface PushOptions {
  /** Push only this service (default: all). */
  readonly service: string | undefined;
}

export interface PushResult {
  /** Every tag now in the registry for the image built from HEAD. */
  readonly pushed: readonly {
    readonly service: string;
    readonly reference: string;
    /** Manifest digest in the registry. */
    readonly digest: string;
    /** The commit tag already held this image, so it was not pushed again. */
    readonly unchanged: boolean;
  }[];
}

interface ServicePush {
  readonly service: string;
  readonly repo: Repository;
  readonly client: RegistryClient;
  readonly image: LocalImage;
  readonly state: CommitTagState;
}

/**
 * Push the images built from HEAD, every tag of each. Checked before anything is pushed: the image
 * exists locally, no commit tag would move to another image (immutability), and the registry is
 * not read-only for garbage collection. Credentials live only in a throwaway Docker config.
 */
export async function push(context: CommandContext, options: PushOptions): Promise<PushResult> {
  const scope = await registryScope(context);
  const services = selectServices(scope.config, options.service);
  const site = registrySite(context, {
    config: scope.registry,
    environment: scope.environment,
    configDir: scope.configDir,
  });
  const local = context.executors.local();
  const git = await readGitState(local, scope.configDir, context.env);
  const commitTag = buildTag(git.sha, git.dirty);
  if (git.dirty) context.logger.warn(`pushing ${commitTag}: a build of uncommitted changes`);

  // The credentials docker pushes with also read the registry (a DigitalOcean registry's come
  // from its API; the stand-in's registry knows no API token).
  const login = await site.pushLogin();
  const plans: ServicePush[] = [];
  for (const { name: service } of services) {
    const { repo, client } = site.repository(service, login);
    const image = await findLocalImage(local, repo, commitTag, service);
    const remote = await withRegistryErrors(site.server, () => client.manifest(commitTag));
    // A dirty build's tag may be rebuilt and pushed again; only commit tags are immutable.
    const state = isCommitTag(commitTag)
      ? commitTagState(repo, commitTag, image.id, remote)
      : 'absent';
    plans.push({ service, repo, client, image, state });
  }
  if (site.digitalocean !== undefined) {
    const running = await activeGarbageCollection(site.digitalocean, site.server);
    if (running !== undefined)
      throw readOnly(site.server, `garbage collection ${running.uuid} is ${running.status}.`);
  }

  const pushed: PushResult['pushed'][number][] = [];
  await withPushSession(local, login, context.signal, context.redactor, async (pushRef) => {
    for (const { service, repo, client, image, state } of plans) {
      for (const tag of image.tags) {
        const reference = tagRef(repo, tag);
        const unchanged = tag === commitTag && state === 'same-image';
        if (!unchanged) {
          context.logger.info(`pushing ${reference}`);
          await pushRef(reference);
        }
        const now = await withRegistryErrors(site.server, () => client.manifest(tag));
        if (now === undefined || now.configDigest !== image.id) {
          // Someone pushed between the check and this push: say so rather than claim success.
          if (now !== undefined && tag === commitTag) throw immutableTag(repo, tag, image.id, now);
          throw new OpsctlError({
            code: 'PUSH_NOT_VERIFIED',
            kind: 'external',
            message: `After pushing, the registry does not hold ${reference} as the image ${image.id}.`,
            hint: 'Check the registry (opsctl images list) and push again.',
          });
        }
        pushed.push({ service, reference, digest: now.digest, unchanged });
      }
    }
  });
  for (const p of pushed)
    context.output.line(
      `${p.reference}  ${p.digest}${p.unchanged ? '  (already in the registry)' : ''}`,
    );
  return { pushed };
}

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import type { ServiceConfig } from '../config/types.js';
import { commandFailed } from '../exec/command-errors.js';
import type { Repository } from '../registry/image-ref.js';
import { tagRef } from '../registry/image-ref.js';
import { resolveBuildArgs, type AutomaticArgs } from './build-args.js';
import { buildKitMissing, dockerfileUnreadable } from './build-errors.js';
import { dockerBuild } from './docker-commands.js';
import { declaredArgs } from './dockerfile-args.js';
import { imageLabels } from './image-labels.js';

export interface BuildImageInput {
  readonly service: string;
  readonly serviceConfig: ServiceConfig;
  readonly repo: Repository;
  readonly tags: readonly string[];
  readonly automatic: AutomaticArgs;
  readonly buildArgFlags: readonly string[];
  readonly noCache: boolean;
}

export interface BuiltImage {
  readonly service: string;
  /** Full references, the commit tag first. */
  readonly tags: readonly string[];
  /** The image ID (configuration digest); undefined in a dry run. */
  readonly imageId: string | undefined;
}

const BUILDKIT_MISSING = /buildx component is missing|BuildKit is enabled but/i;

/** Builds one service's image with BuildKit under all its tags. */
export async function buildImage(ctx: CommandContext, input: BuildImageInput): Promise<BuiltImage> {
  const { service, serviceConfig: svc } = input;
  let dockerfile: string;
  try {
    dockerfile = await readFile(svc.dockerfile, 'utf8');
  } catch (error) {
    throw dockerfileUnreadable(svc.dockerfile, service, error);
  }
  const { args, overridden } = resolveBuildArgs({
    config: svc.buildArgs,
    env: ctx.env,
    flags: input.buildArgFlags,
    automatic: input.automatic,
    declared: declaredArgs(dockerfile),
  });
  for (const name of overridden)
    ctx.logger.warn(
      `build argument ${name} is set by opsctl for ${service}; the value given was not used`,
    );
  const refs = input.tags.map((tag) => tagRef(input.repo, tag));
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-build-'));
  try {
    const iidFile = join(dir, 'image-id');
    const build = dockerBuild({
      dockerfile: svc.dockerfile,
      context: svc.context,
      tags: refs,
      labels: imageLabels({
        service,
        sha: input.automatic.GIT_SHA,
        version: input.automatic.VERSION,
        builtAt: input.automatic.BUILT_AT,
        sourceUrl: input.automatic.SOURCE_URL,
      }),
      buildArgs: args,
      noCache: input.noCache,
      iidFile,
    });
    ctx.logger.info(`building ${service}: ${refs.join(', ')}`);
    const result = await ctx.executors
      .local()
      .run(build, { allowFailure: true, signal: ctx.signal });
    if (result.exitCode !== 0 && BUILDKIT_MISSING.test(result.stderr))
      throw buildKitMissing(result.stderr.trim().split('\n').at(-1) ?? '');
    if (result.exitCode !== 0) throw commandFailed(build, 'local', result, ctx.redactor);
    const imageId = ctx.dryRun ? undefined : (await readFile(iidFile, 'utf8')).trim();
    return { service, tags: refs, imageId };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

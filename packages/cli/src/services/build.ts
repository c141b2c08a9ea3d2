import type { CommandContext } from '../context/command-context.js';
import { isCi } from '../progress/choose-renderer.js';
import { repository } from '../registry/image-ref.js';
import { automaticArgs } from '../images/automatic-args.js';
import { dirtyInCi, invalidVersion } from '../images/build-errors.js';
import { buildImage, type BuiltImage } from '../images/build-image.js';
import { readGitState } from '../images/git-state.js';
import { buildTag, imageTags } from '../images/image-tags.js';
import { selectServices } from '../config/select-services.js';
import { registryScope } from '../images/registry-scope.js';
import { parseSemVer } from '../images/semver.js';

/** What `opsctl build` was asked to do. */
export interface BuildOptions {
  /** Build only this service (default: all). */
  readonly service: string | undefined;
  /** Extra semantic version tag such as v1.2.3, besides the commit SHA tag. */
  readonly version: string | undefined;
  /** Build without the Docker layer cache. */
  readonly noCache: boolean;
  /** `--build-arg NAME=value` flags, over opsctl.yaml's buildArgs and OPSCTL_BUILD_ARG_* variables. */
  readonly buildArgs?: readonly string[];
}

/** The images built. */
export interface BuildResult {
  /** Full commit SHA the images were built from. */
  readonly sha: string;
  readonly dirty: boolean;
  readonly images: readonly {
    readonly service: string;
    readonly tags: readonly string[];
    readonly imageId: string | undefined;
  }[];
}

/**
 * Build service images tagged with the commit SHA: `<sha12>`, `v<semver>` (HEAD's version tag or
 * --version), `latest` and the branch; a dirty working tree is refused in CI and built as
 * `<sha12>-dirty` elsewhere. Every image carries OCI labels with the full SHA.
 */
export async function build(context: CommandContext, options: BuildOptions): Promise<BuildResult> {
  const scope = await registryScope(context);
  const services = selectServices(scope.config, options.service);
  const version = options.version === undefined ? undefined : parseSemVer(options.version);
  if (options.version !== undefined && version === undefined) throw invalidVersion(options.version);
  const git = await readGitState(context.executors.local(), scope.configDir, context.env);
  if (git.dirty && isCi(context.env)) throw dirtyInCi(scope.configDir, git.changes);
  if (git.dirty) {
    context.logger.warn(
      `the working tree has uncommitted changes: tagging ${buildTag(git.sha, true)} only (no version, latest or branch tag); commit to get a releasable image`,
    );
  }
  const effectiveVersion = git.dirty ? undefined : (version ?? git.version);
  const tags = imageTags({
    sha: git.sha,
    dirty: git.dirty,
    version: effectiveVersion,
    branch: git.branch,
  });
  const automatic = await automaticArgs({
    git,
    version: effectiveVersion,
    commitTag: buildTag(git.sha, git.dirty),
    now: new Date(),
    env: context.env,
    logger: context.logger,
  });
  const images: BuiltImage[] = [];
  for (const { name: service, config: serviceConfig } of services) {
    images.push(
      await buildImage(context, {
        service,
        serviceConfig,
        repo: repository(scope.registry.prefix, service),
        tags,
        automatic,
        buildArgFlags: options.buildArgs ?? [],
        noCache: options.noCache,
      }),
    );
  }
  for (const image of images) {
    context.output.line(`${image.service}  ${image.imageId ?? '(dry run)'}`);
    for (const tag of image.tags) context.output.line(`  ${tag}`);
  }
  return { sha: git.sha, dirty: git.dirty, images };
}

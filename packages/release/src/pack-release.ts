import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** The packages a release ships, each as its own tarball. */
export const RELEASE_PACKAGES = {
  cli: 'packages/cli',
  plugin: 'packages/plugin-local',
} as const;

export type ReleaseTarballs = Record<keyof typeof RELEASE_PACKAGES, string>;

/**
 * Leaves in the packed package.json only what an install reads: devDependencies (which would
 * name this workspace's test tooling, @opsctl/testbed among it) and scripts go.
 */
async function keepRuntimeFields(tarball: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-pack-'));
  try {
    await execa('tar', ['-xzf', tarball, '-C', dir]);
    const file = join(dir, 'package', 'package.json');
    const pjson = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete pjson.devDependencies;
    delete pjson.scripts;
    await writeFile(file, `${JSON.stringify(pjson, null, 2)}\n`);
    await execa('tar', ['-czf', tarball, '-C', dir, 'package']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Builds @opsctl/cli and @opsctl/plugin-local (dist and oclif manifest) and packs each into a
 * tarball in `outDir`. Tests pass `build: false`: turbo built both before them (their tasks depend
 * on ^build), and building again would rewrite dist while other packages' tests read it. `pnpm pack` writes the package.json that npm installs: workspace: ranges
 * become the versions they stand for, and only the `files` of each package go in; then only its
 * runtime fields are kept.
 */
export async function packRelease(
  repoRoot: string,
  outDir: string,
  options: { readonly build: boolean } = { build: true },
): Promise<ReleaseTarballs> {
  await mkdir(outDir, { recursive: true });
  if (options.build)
    await execa('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@opsctl/plugin-local...'], {
      cwd: repoRoot,
      stderr: 'inherit',
      stdout: 'ignore',
    });
  const packed = async (dir: string): Promise<string> => {
    const { stdout } = await execa('pnpm', ['pack', '--pack-destination', outDir], {
      cwd: join(repoRoot, dir),
    });
    // pnpm prints the files it packed, then the tarball's path on the last line.
    const tarball = stdout.trim().split('\n').at(-1)?.trim() ?? '';
    if (!tarball.endsWith('.tgz'))
      throw new Error(`pnpm pack in ${dir} printed no tarball:\n${stdout}`);
    await keepRuntimeFields(tarball);
    return tarball;
  };
  return { cli: await packed(RELEASE_PACKAGES.cli), plugin: await packed(RELEASE_PACKAGES.plugin) };
}

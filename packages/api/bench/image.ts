// `pnpm bench:image`: size of the API image and of each layer, and build times cold (no cache)
// and warm (after a one-line source change). Prints figures; asserts nothing.
import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildImage,
  builderName,
  localCaCertificates,
} from '../test/support/docker/build-image.js';
import { copyBuildContext } from '../test/support/docker/build-context.js';
import { docker } from '../test/support/docker/docker-cli.js';
import { ensureLocalImages, NODE_BASE_IMAGE } from '../test/support/docker/local-images.js';
import { apiDockerfile } from '../test/support/docker/repo-paths.js';

const TAG = 'opsctl-bench/api:latest';
const MB = 1024 * 1024;

interface Layer {
  bytes: number;
  createdBy: string;
}

async function layers(image: string): Promise<Layer[]> {
  const out = await docker([
    'history',
    '--no-trunc',
    '--human=false',
    '--format',
    '{{.Size}}\t{{.CreatedBy}}',
    image,
  ]);
  return out.split('\n').map((line) => {
    const [size = '0', ...rest] = line.split('\t');
    return { bytes: Number(size), createdBy: rest.join('\t').replace(/\s+/g, ' ') };
  });
}

async function timed(label: string, work: () => Promise<void>): Promise<number> {
  process.stderr.write(`bench:image: ${label}...\n`);
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const mb = (bytes: number): string =>
  bytes >= MB / 10 ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;

await ensureLocalImages();
const context = await copyBuildContext();
try {
  const build = (noCache: boolean) => () =>
    buildImage({
      context,
      dockerfile: apiDockerfile,
      tag: TAG,
      noCache,
      buildArgs: {
        BASE_IMAGE: NODE_BASE_IMAGE,
        GIT_SHA: 'bench',
        EXTRA_CA_CERTS: localCaCertificates(),
      },
    });
  const cold = await timed('cold build (--no-cache)', build(true));
  await appendFile(
    join(context, 'packages/api/src/version/version.controller.ts'),
    '// bench: one-line change\n',
  );
  const warm = await timed('warm build after a one-line source change', build(false));

  const all = await layers(TAG);
  const base = await layers(NODE_BASE_IMAGE);
  const app = all.slice(0, all.length - base.length);
  const total = Number(await docker(['image', 'inspect', '-f', '{{.Size}}', TAG]));
  const appBytes = app.reduce((sum, layer) => sum + layer.bytes, 0);

  const lines = [
    `image ${TAG} on base ${NODE_BASE_IMAGE}, built with ${await builderName()}`,
    `  total size:                 ${mb(total)}`,
    `  base image:                 ${mb(total - appBytes)}`,
    `  app layers (above base):    ${mb(appBytes)}   (target <= 60 MB)`,
    '  app layers, newest first:',
    ...app.map((layer) => `    ${mb(layer.bytes).padStart(9)}  ${layer.createdBy.slice(0, 90)}`),
    `  cold build (no cache):      ${cold.toFixed(1)} s`,
    `  warm rebuild (1-line edit): ${warm.toFixed(1)} s   (target <= 30 s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(context, { recursive: true, force: true });
}

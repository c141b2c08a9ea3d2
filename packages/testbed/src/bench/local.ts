import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { docker } from '../local/docker-cli.js';
import { down, up } from '../local/environment.js';
import { LOCAL_IMAGES } from '../local/images.js';

/**
 * `pnpm bench:local`: how long the local environment takes to come up cold (its images rebuilt
 * from the cached debootstrap base; `--from-scratch` removes the base images too), warm (images
 * cached), when already up, and to tear down. Prints figures; asserts nothing.
 */
const { values } = parseArgs({
  options: {
    droplets: { type: 'string', default: '2' },
    'from-scratch': { type: 'boolean', default: false },
  },
});
const droplets = Number(values.droplets);
const stateDir =
  process.env.OPSCTL_STATE_DIR ??
  fileURLToPath(new URL('../../../../.opsctl/local', import.meta.url));
const rows: [string, number][] = [];

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  rows.push([label, seconds]);
  process.stderr.write(`${label}: ${seconds.toFixed(1)} s\n`);
}

await down({ stateDir });
const images = [
  ...Object.values(LOCAL_IMAGES),
  ...(values['from-scratch'] ? ['opsctl-local/node:24', 'opsctl-local/debian:bookworm'] : []),
];
await docker(['image', 'rm', '--force', ...images]).catch(() => undefined);
await timed(
  `up, cold (${values['from-scratch'] ? 'from scratch, debootstrap included' : 'images removed and rebuilt; Docker layer cache kept'})`,
  () => up({ stateDir, droplets }),
);
await timed('down', () => down({ stateDir }));
await timed('up, warm (images cached)', () => up({ stateDir, droplets }));
await timed('up, already up', () => up({ stateDir, droplets }));
await timed('down', () => down({ stateDir }));

process.stdout.write(`\nLocal environment with ${droplets} droplet(s)\n`);
for (const [label, seconds] of rows)
  process.stdout.write(`${label.padEnd(64)} ${seconds.toFixed(1).padStart(7)} s\n`);

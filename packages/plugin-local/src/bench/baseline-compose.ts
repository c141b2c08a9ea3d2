import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * The original plan's rollback recipe, for comparison: one container published on a port, moved to
 * another image by `docker pull` + `docker-compose up -d` (which recreates it). Runs on this
 * machine's engine, on the local environment's network so the service reaches its database.
 */
export async function composeBaseline(image: string, env: Record<string, string>, port: number) {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-baseline-'));
  const file = join(dir, 'docker-compose.yml');
  const project = 'opsctl-bench-baseline';
  const write = (tag: string) =>
    writeFile(
      file,
      [
        'version: "2.4"',
        'services:',
        '  api:',
        `    image: ${tag}`,
        `    ports: ["127.0.0.1:${port}:3000"]`,
        '    environment:',
        ...Object.keys(env).map((k) => `      ${k}: \${${k}}`),
        'networks:',
        '  default:',
        '    external:',
        '      name: opsctl-local',
        '',
      ].join('\n'),
    );
  const compose = (args: string[]) =>
    execa('docker-compose', ['-p', project, '-f', file, ...args], { env, all: true });
  return {
    async start(): Promise<void> {
      await write(image);
      await compose(['up', '-d']);
    },
    /**
     * The recipe's switch: `docker-compose up -d` with the other image, which recreates the
     * container. (The image is already on this machine, so the pull step costs nothing here.)
     */
    async switchTo(tag: string): Promise<void> {
      await write(tag);
      await compose(['up', '-d']);
    },
    async stop(): Promise<void> {
      await compose(['down', '-v']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { waitUntil } from '@opsctl/health-kit/testing';
import { docker } from './docker-cli.js';

/** Docker's view of a container's health: starting, healthy or unhealthy. */
export async function healthStatus(container: string): Promise<string> {
  return docker([
    'inspect',
    '-f',
    '{{if .State.Health}}{{.State.Health.Status}}{{end}}',
    container,
  ]);
}

export async function waitHealthy(container: string, limitMs = 120_000): Promise<void> {
  await waitUntil(
    async () => (await healthStatus(container)) === 'healthy',
    `${container} is healthy`,
    {
      limitMs,
      intervalMs: 250,
    },
  );
}

/** `http://127.0.0.1:<port>` where the container's port is published on loopback. */
export async function publishedUrl(container: string, port = 3000): Promise<string> {
  const binding = (await docker(['port', container, `${port}/tcp`])).split('\n')[0] ?? '';
  return `http://${binding.replace('0.0.0.0', '127.0.0.1')}`;
}

export async function exitCode(container: string): Promise<number> {
  return Number(await docker(['inspect', '-f', '{{.State.ExitCode}}', container]));
}

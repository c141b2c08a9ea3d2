import { randomBytes } from 'node:crypto';
import { docker, dockerRun } from './docker-cli.js';

/**
 * Names and remembers the containers and networks one test file creates, so that it removes
 * exactly those (and their anonymous volumes) when it ends.
 */
export class DockerScope {
  readonly prefix = `opsctl-test-${randomBytes(3).toString('hex')}`;
  readonly #containers = new Set<string>();
  readonly #networks = new Set<string>();

  name(role: string): string {
    return `${this.prefix}-${role}`;
  }

  async network(role: string): Promise<string> {
    const name = this.name(role);
    await docker(['network', 'create', name]);
    this.#networks.add(name);
    return name;
  }

  /** `docker run -d --name <prefix-role> <args>`; returns the container name. */
  async start(role: string, args: readonly string[]): Promise<string> {
    const name = this.name(role);
    this.#containers.add(name);
    await docker(['run', '-d', '--name', name, ...args]);
    return name;
  }

  async remove(name: string): Promise<void> {
    await dockerRun(['rm', '-f', '-v', name]);
    this.#containers.delete(name);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.#containers].map((name) => this.remove(name)));
    for (const network of this.#networks) await dockerRun(['network', 'rm', network]);
    this.#networks.clear();
  }
}

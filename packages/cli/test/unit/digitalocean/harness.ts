import {
  localRegistryBackend,
  startContractProxy,
  startDigitalOceanStandIn,
  startLocalRegistry,
  type DigitalOceanStandIn,
  type DigitalOceanStandInOptions,
  type LocalRegistry,
  type RegistryBackend,
} from '@opsctl/testbed';
import {
  createDigitalOceanClient,
  type DigitalOceanClientOptions,
} from '../../../src/digitalocean/index.js';

export const TOKEN = 'dop_v1_4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0';

export interface Harness {
  readonly api: DigitalOceanStandIn;
  /** The contract proxy's URL: what the client under test talks to. */
  readonly url: string;
  readonly registry: LocalRegistry | undefined;
  readonly backend: RegistryBackend | undefined;
  /** Waits the client asked for, in ms, instead of sleeping them. */
  readonly sleeps: number[];
  readonly logs: string[];
  client(
    overrides?: Partial<DigitalOceanClientOptions>,
  ): ReturnType<typeof createDigitalOceanClient>;
  close(): Promise<void>;
}

/**
 * The DigitalOcean stand-in (optionally on a real TLS registry) behind Prism with the official
 * description, so every request the client sends and every answer it gets is checked against it.
 */
export async function startHarness(
  opts: Omit<DigitalOceanStandInOptions, 'token' | 'registry'> & { registry?: boolean } = {},
): Promise<Harness> {
  const stops: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    let registry: LocalRegistry | undefined;
    let backend: RegistryBackend | undefined;
    if (opts.registry === true) {
      const started = await startLocalRegistry();
      registry = started;
      stops.push(() => started.close());
      const b = localRegistryBackend(started);
      backend = b;
      stops.push(() => {
        b.client.close();
      });
    }
    const api = await startDigitalOceanStandIn({ ...opts, token: TOKEN, registry: backend });
    stops.push(() => api.close());
    // Prism loads a large API description: on 2 busy cores that took over the default 2 min.
    const proxy = await startContractProxy({ upstream: api.url, startTimeoutMs: 420_000 });
    stops.push(() => proxy.close());
    api.setPublicUrl(proxy.url);
    const sleeps: number[] = [];
    const logs: string[] = [];
    return {
      api,
      url: proxy.url,
      registry,
      backend,
      sleeps,
      logs,
      client: (overrides = {}) =>
        createDigitalOceanClient({
          token: TOKEN,
          baseUrl: proxy.url,
          sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
          log: (line) => logs.push(line),
          ...overrides,
        }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

import type { ApiRequest, ApiReply } from './api-exchange.js';

export type Handler = (req: ApiRequest, params: Record<string, string>) => Promise<ApiReply>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

/** Routes written like the API description (`/v2/droplets/{droplet_id}`); one path segment per parameter. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler): this {
    const names: string[] = [];
    // Templates hold only letters, digits, '/', '_', '-' and {parameters}: nothing to escape.
    const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** The handler and decoded parameters for a request, or undefined when no route matches. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        });
      } catch {
        return undefined; // a malformed %-escape names nothing that exists
      }
      return { handler: route.handler, params };
    }
    return undefined;
  }
}

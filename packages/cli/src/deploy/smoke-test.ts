/** What a smoke test through the load balancer found. */
export interface SmokeResult {
  readonly ok: boolean;
  readonly failures: readonly string[];
}

export interface SmokeRequest {
  readonly baseUrl: string;
  readonly paths: readonly string[];
  readonly versionPath: string | undefined;
  readonly sha: string;
  /** Requests per path: enough that round robin reaches every droplet. */
  readonly rounds: number;
}

/** Requests each path through the load balancer; the version path must name the new SHA every time. */
export async function smokeTest(req: SmokeRequest): Promise<SmokeResult> {
  const failures: string[] = [];
  for (let round = 0; round < req.rounds; round++) {
    for (const path of req.paths) {
      const res = await get(`${req.baseUrl}${path}`);
      if (res.status < 200 || res.status > 299)
        failures.push(`GET ${path} answered ${res.status === 0 ? res.body : res.status}`);
    }
    if (req.versionPath !== undefined) {
      const res = await get(`${req.baseUrl}${req.versionPath}`);
      if (!res.body.includes(req.sha))
        failures.push(
          `GET ${req.versionPath} does not report ${req.sha}: ${res.body.slice(0, 120)}`,
        );
    }
  }
  return { ok: failures.length === 0, failures: [...new Set(failures)] };
}

async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: await res.text() };
  } catch (error) {
    return { status: 0, body: error instanceof Error ? error.message : String(error) };
  }
}

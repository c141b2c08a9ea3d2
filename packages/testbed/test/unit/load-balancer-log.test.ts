import { describe, expect, it } from 'vitest';
import { abnormalLines } from '../../src/local/load-balancer.js';

const normal =
  '172.18.0.1:53452 [27/Nov/2026:06:20:01.123] lb droplets/droplet-1 0/0/0/1/1 200 151 - - ---- 16/16/0/0/0 0/0 "GET /health HTTP/1.1"';
const stats =
  '172.28.0.1:58446 [27/Nov/2026:06:14:25.207] stats stats/<STATS> 0/0/0/0/0 200 2618 - - LR-- 1/1/0/0/0 0/0 "GET /stats;csv HTTP/1.1"';
const serverAbort =
  '172.18.0.1:53460 [27/Nov/2026:06:20:01.456] lb droplets/droplet-1 0/0/0/-1/3 -1 0 - - SH-- 16/16/1/1/0 0/0 "GET /health HTTP/1.1"';
const noServer =
  '172.18.0.1:53470 [27/Nov/2026:06:20:02.001] lb droplets/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 "GET /health HTTP/1.1"';

describe("the load balancer's request log", () => {
  it('keeps only the requests that did not end normally', () => {
    expect(
      abnormalLines(
        [normal, stats, serverAbort, 'Proxy lb started.', noServer, normal, ''].join('\n'),
      ),
    ).toEqual([serverAbort, noServer]);
  });
});

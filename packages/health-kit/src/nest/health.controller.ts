import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { HealthReport, LivenessReport } from '../health/health-types.js';
import { HEALTH_MONITOR } from './health-monitor.token.js';

/** The part of Express's and Fastify's reply objects the controller uses. */
interface StatusReply {
  status(code: number): unknown;
}

/** `GET /health` (readiness: dependencies and draining) and `GET /health/live` (liveness). */
@Controller('health')
export class HealthController {
  readonly #monitor: HealthMonitor;

  constructor(@Inject(HEALTH_MONITOR) monitor: HealthMonitor) {
    this.#monitor = monitor;
  }

  @Get()
  @Header('cache-control', 'no-store')
  async readiness(@Res({ passthrough: true }) reply: StatusReply): Promise<HealthReport> {
    const answer = await this.#monitor.readiness();
    reply.status(answer.statusCode);
    return answer.body;
  }

  @Get('live')
  @Header('cache-control', 'no-store')
  liveness(@Res({ passthrough: true }) reply: StatusReply): LivenessReport {
    const answer = this.#monitor.liveness();
    reply.status(answer.statusCode);
    return answer.body;
  }
}

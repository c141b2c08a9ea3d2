import { Module, type DynamicModule } from '@nestjs/common';
import type { HealthMonitor } from '../health/health-monitor.js';
import { HealthController } from './health.controller.js';
import { HEALTH_MONITOR } from './health-monitor.token.js';

/**
 * Mounts the health endpoints for a monitor the application created (and registers its
 * checks on). Exports the monitor under HEALTH_MONITOR for providers that add checks.
 */
@Module({})
export class HealthKitModule {
  static forRoot(monitor: HealthMonitor): DynamicModule {
    return {
      module: HealthKitModule,
      global: true,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_MONITOR, useValue: monitor }],
      exports: [HEALTH_MONITOR],
    };
  }
}

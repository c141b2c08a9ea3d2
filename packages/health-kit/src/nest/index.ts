export { HealthController } from './health.controller.js';
export { HealthKitModule } from './health-kit.module.js';
export { HEALTH_MONITOR } from './health-monitor.token.js';
export { NestPinoLogger } from './nest-logger.js';
export { enableGracefulShutdown } from './enable-graceful-shutdown.js';

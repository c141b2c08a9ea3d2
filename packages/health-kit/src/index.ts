export type {
  DependencyState,
  HealthCheck,
  HealthReport,
  HealthResponse,
  HealthStatus,
  LivenessReport,
} from './health/health-types.js';
export {
  DEFAULT_CHECK_TIMEOUT_MS,
  HealthMonitor,
  type HealthMonitorOptions,
} from './health/health-monitor.js';
export { runCheck, type CheckOutcome } from './health/run-check.js';
export {
  createHealthHandler,
  DEFAULT_HEALTH_PATHS,
  type HealthPaths,
} from './health/health-http-handler.js';
export {
  installGracefulShutdown,
  type GracefulShutdown,
  type ShutdownPhase,
} from './shutdown/graceful-shutdown.js';
export {
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_DRAIN_DELAY_MS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type GracefulShutdownOptions,
  type ProcessControl,
} from './shutdown/shutdown-options.js';
export {
  createLogger,
  LOG_LEVELS,
  type LogLevel,
  type LoggerOptions,
} from './logging/create-logger.js';
export { RequestContext, type RequestScope } from './logging/request-context.js';
export { REQUEST_ID_HEADER, resolveRequestId } from './logging/request-id.js';
export {
  createRequestMiddleware,
  type NodeMiddleware,
  type RequestMiddlewareOptions,
} from './logging/request-middleware.js';
export {
  DEFAULT_SECRET_NAME_PATTERN,
  MIN_SECRET_LENGTH,
  secretEnvNames,
  secretEnvValues,
  type SecretEnvOptions,
} from './logging/secret-env.js';
export { DEFAULT_SECRET_KEY_PATTERN, redactKeys } from './logging/key-redaction.js';
export { createValueMasker, REDACTED } from './logging/value-masker.js';
export type { LogSink } from './log-sink.js';
export type { Logger } from 'pino';

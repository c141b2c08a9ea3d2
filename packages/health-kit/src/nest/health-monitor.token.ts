/** Injection token for the service's HealthMonitor. */
export const HEALTH_MONITOR = Symbol('health-kit:HealthMonitor');

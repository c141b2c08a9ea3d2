export { createLogCapture, type LogCapture } from './log-capture.js';
export {
  startBalancedLoad,
  type BalancedLoad,
  type BalancedLoadOptions,
  type BalancedLoadResult,
  type LoadFailure,
  type LoadRequest,
} from './load-balancer-load.js';
export { waitUntil } from './wait-until.js';

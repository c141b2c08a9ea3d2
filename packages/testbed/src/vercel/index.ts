export { startVercelStandIn } from './stand-in.js';
export type { VercelStandIn, VercelStandInOptions } from './stand-in.js';

export * from './digitalocean/index.js';
export * from './registry-api/index.js';

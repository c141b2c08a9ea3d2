import 'reflect-metadata';
import { startServer } from './app/start-server.js';
import { ConfigError, loadConfig } from './config/load-config.js';

// Entry point of the service (`node dist/main.js`).
try {
  await startServer(loadConfig(process.env), process.env);
} catch (error) {
  // A config error names the variables, never their values; any other start-up error was
  // already logged, redacted, and is not printed again here.
  const message =
    error instanceof ConfigError ? error.message : 'api: start-up failed (see the log)';
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

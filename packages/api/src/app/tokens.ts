/** Injection tokens for the values the application is built from (see AppDependencies). */
export const CONFIG = Symbol('api:Config');
export const LOGGER = Symbol('api:Logger');
export const PG_POOL = Symbol('api:PgPool');
export const REDIS = Symbol('api:Redis');

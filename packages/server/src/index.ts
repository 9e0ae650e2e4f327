/** @parley/server — Parley's HTTP API on core and store. */
export { type AppDependencies, createApp } from './app'
export { DEFAULT_SCRYPT, hashPassword, PASSWORD_MIN_LENGTH } from './auth/passwords'
export { newSecret, secretHash } from './auth/secrets'
export { DEFAULT_OPTIONS, type ServerOptions, serverOptions } from './options'
export { type RunningServer, startServer } from './serve'
export { VERSION } from './version'

/** @parley/store — one storage interface, two backends (SQLite embedded, PostgreSQL), migrations, export and import. */
export { type ExportProblem, exportSchema, type ReadExportResult, readDatabaseExport } from './export'
export { LATEST_MIGRATION } from './migrations'
export {
  describeLocation,
  locateStore,
  type OpenOptions,
  openStore,
  redactUrl,
  type StoreLocation,
  StoreOpenError,
} from './open'
export { SETUP_TOKEN_SETTING } from './setup'
export * from './store'

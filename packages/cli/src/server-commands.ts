/**
 * The commands that need the server and the database drivers, loaded only when one of them runs:
 * the build puts them in a bundle of their own, so `parley check` never loads SQLite or HTTP code.
 */
export { exportDbCommand, importDbCommand } from './commands/database'
export { serveCommand } from './commands/serve'
export { userAddCommand, userPasswordCommand } from './commands/users'

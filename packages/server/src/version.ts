/** The version of the server (from its package), reported by /api/health and in SARIF logs. */
import packageJson from '../package.json' with { type: 'json' }

export const VERSION: string = packageJson.version

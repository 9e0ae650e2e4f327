/** The `--data` option of the verbs that open this machine's server database. */
import { Option } from 'commander'

export function dataOption(): Option {
  return new Option(
    '--data <dir>',
    'folder of the embedded SQLite database (default: PARLEY_DATA, else ./data)',
  )
}

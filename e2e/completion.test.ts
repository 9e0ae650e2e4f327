/**
 * `parley completion bash` in a real bash: the script sourced, a Tab simulated on a line with a
 * plan, and the candidates bash would offer (after its own word splitting at `=`).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'

function tab(script: string, folder: string, line: string, words: string[]): string[] {
  const program = `
source ${JSON.stringify(script)}
parley() { ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'packages/cli/bin/parley.js'))} "$@"; }
compopt() { :; }
COMP_LINE=${JSON.stringify(line)}
COMP_POINT=\${#COMP_LINE}
COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')})
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_parley_complete
printf '%s\\n' "\${COMPREPLY[@]}"
`
  const run = spawnSync('bash', ['-c', program], { cwd: folder, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  return run.stdout.split('\n').filter((line) => line !== '')
}

describe('parley completion bash', () => {
  it('completes commands, flags, issue ids and levels in bash', () => {
    const folder = temporaryFolder()
    copyFileSync(join(ROOT, 'examples/sales-saas-renewal.yaml'), join(folder, 'r.yaml'))
    const script = join(folder, 'parley.bash')
    const printed = parley(['completion', 'bash'])
    expect(printed.code).toBe(0)
    writeFileSync(script, printed.stdout)
    expect(tab(script, folder, 'parley conc', ['parley', 'conc'])).toEqual(['concede'])
    expect(
      tab(script, folder, 'parley concede r.yaml --gi', ['parley', 'concede', 'r.yaml', '--gi']),
    ).toEqual(['--give'])
    expect(
      tab(script, folder, 'parley concede r.yaml --give su', ['parley', 'concede', 'r.yaml', '--give', 'su']),
    ).toEqual(['support='])
    // Bash has split `support=pr` into `support`, `=`, `pr`: the candidates replace only `pr`.
    expect(
      tab(script, folder, 'parley concede r.yaml --give support=pr', [
        'parley',
        'concede',
        'r.yaml',
        '--give',
        'support',
        '=',
        'pr',
      ]),
    ).toEqual(['premium'])
    // A plan file is the shell's to complete.
    expect(tab(script, folder, 'parley status r.', ['parley', 'status', 'r.'])).toEqual(['r.yaml'])
  })
})

/** `parley completion bash|zsh|fish`: a completion script; `parley __complete` (hidden) answers it on each Tab. */
import { Argument } from 'commander'
import { completionCandidates, completionScript, SHELLS, type Shell } from '../completion'
import { EXIT } from '../exit-codes'
import type { Verb } from './verb'

export const completionVerb: Verb = (program, { context, exit }) => {
  program
    .command('completion')
    .description(
      'print a shell completion script: commands, flags, issue ids and levels of the plan on the line',
    )
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      '\nbash: source <(parley completion bash)   (in ~/.bashrc)\nzsh:  source <(parley completion zsh)    (in ~/.zshrc)\nfish: parley completion fish > ~/.config/fish/completions/parley.fish',
    )
    .action((shell: Shell) => {
      context.out.streams.stdout.write(completionScript(shell))
      exit(EXIT.ok)
    })
  program
    .command('__complete', { hidden: true })
    .description('candidates for the word under the cursor, one per line (for the completion scripts)')
    .argument('[words...]', 'the words after `parley`, the last one under the cursor')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const candidates = await completionCandidates(program, words.length > 0 ? words : [''])
      if (candidates.length > 0) context.out.streams.stdout.write(`${candidates.join('\n')}\n`)
      exit(EXIT.ok)
    })
}

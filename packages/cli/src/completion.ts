/**
 * Shell completion: what may come next on a `parley` command line, read from the same commander tree
 * the command parses with (commands, subcommands, flags, their choices) and from the plan named on
 * the line (issue ids, `issue=level` terms, issue lists, the labels of our latest offer). The shells'
 * scripts (`parley completion bash|zsh|fish`) ask `parley __complete` for candidates on each Tab and
 * fall back to file names when it has none.
 */
import type { Command, Option } from 'commander'
import { journalPathFor, loadJournal } from './journal-file'
import { loadPlan } from './plan-file'

export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

const PLAN_FILE = /\.(ya?ml|json)$/i

/**
 * Candidates for the last of `words` (the words after `parley`, the last being the one under the
 * cursor, possibly empty). Empty: let the shell complete file names.
 */
export async function completionCandidates(program: Command, words: readonly string[]): Promise<string[]> {
  const current = words.at(-1) ?? ''
  const before = words.slice(0, -1)
  // The command (and subcommand) the line names.
  let command = program
  let used = 0
  while (used < before.length) {
    const next = command.commands.find(
      (sub) => sub.name() === before[used] || sub.aliases().includes(before[used] ?? ''),
    )
    if (!next) break
    command = next
    used++
  }
  const visible = (sub: Command) => !(sub as unknown as { _hidden?: boolean })._hidden
  if (command.commands.length > 0 && used === before.length && !current.startsWith('-'))
    return startingWith(
      [
        ...command.commands.filter(visible).map((sub) => sub.name()),
        // commander adds `help` to the program without listing it among the commands.
        ...(command === program ? ['help'] : []),
      ],
      current,
    )
  const options = command.options as readonly Option[]
  if (current.startsWith('-'))
    return startingWith([...options.map((option) => option.long ?? option.short ?? ''), '--help'], current)
  const rest = before.slice(used)
  // The option whose value(s) the current word is: the one just before it, or a variadic one
  // further back with only its values between.
  let option: Option | undefined
  for (let k = rest.length - 1; k >= 0; k--) {
    const word = rest[k] as string
    if (!word.startsWith('-')) continue
    const found = options.find((candidate) => candidate.long === word || candidate.short === word)
    if (found && (found.required || found.optional) && (k === rest.length - 1 || found.variadic))
      option = found
    break
  }
  if (!option) return []
  if (option.argChoices) return startingWith(option.argChoices, current)
  const plan = rest.find((word) => PLAN_FILE.test(word))
  const value = /<(\w+)(\.\.\.)?>/.exec(option.flags)?.[1]
  if (!plan || value === undefined) return []
  const loaded = await loadPlan(plan)
  if (!loaded.ok) return []
  const issues = loaded.space.issues
  switch (value) {
    case 'terms':
    case 'term': {
      const at = current.indexOf('=')
      if (at < 0)
        return startingWith(
          issues.map((issue) => `${issue.id}=`),
          current,
        )
      const issue = loaded.space.byId.get(current.slice(0, at))
      return issue
        ? startingWith(
            issue.levels.map((level) => `${issue.id}=${level}`),
            current,
          )
        : []
    }
    case 'issues': {
      // A comma list: complete its last element.
      const head = current.slice(0, current.lastIndexOf(',') + 1)
      const listed = new Set(head.split(',').filter(Boolean))
      return startingWith(
        issues.filter((issue) => !listed.has(issue.id)).map((issue) => `${head}${issue.id}`),
        current,
      )
    }
    case 'label':
    case 'labels': {
      const journal = await loadJournal(journalPathFor(plan))
      const offer = journal.events.filter((event) => event.type === 'offer-sent').at(-1)
      const labels =
        offer?.type === 'offer-sent'
          ? offer.bundles.map((bundle, k) => bundle.label ?? String.fromCharCode(65 + k))
          : []
      if (value === 'label') return startingWith(labels, current)
      const head = current.slice(0, current.lastIndexOf(',') + 1)
      const listed = new Set(head.split(','))
      return startingWith(
        labels.filter((label) => !listed.has(label)).map((label) => `${head}${label}`),
        current,
      )
    }
    default:
      return []
  }
}

function startingWith(candidates: readonly string[], prefix: string): string[] {
  return candidates.filter((candidate) => candidate.startsWith(prefix))
}

/**
 * The script a shell sources. Each asks `parley __complete -- WORD...` with the words after
 * `parley` up to the cursor, and falls back to file names when nothing comes back.
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      // Bash splits words at `=` and `:`; the words are read again from the line itself, and each
      // candidate is given back without the part before the last such break.
      return `# parley completion for bash: add to ~/.bashrc
#   source <(parley completion bash)
_parley_complete() {
  local line="\${COMP_LINE:0:COMP_POINT}"
  local -a words
  read -r -a words <<< "$line"
  [[ "$line" == *" " ]] && words+=("")
  local current="\${words[-1]}"
  local IFS=$'\\n'
  local candidates
  candidates=($(parley __complete -- "\${words[@]:1}" 2>/dev/null))
  if [[ \${#candidates[@]} -eq 0 ]]; then
    COMPREPLY=($(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}"))
    return
  fi
  local broken="\${current%"\${current##*[=:]}"}"
  COMPREPLY=("\${candidates[@]#"$broken"}")
  [[ "\${candidates[0]}" == *= ]] && compopt -o nospace
}
complete -o default -F _parley_complete parley
`
    case 'zsh':
      return `#compdef parley
# parley completion for zsh: add to ~/.zshrc
#   source <(parley completion zsh)
_parley() {
  local -a candidates
  candidates=("\${(@f)$(parley __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} == 0 )); then
    _files
  elif [[ "\${candidates[1]}" == *= ]]; then
    compadd -S '' -- "\${candidates[@]}"
  else
    compadd -- "\${candidates[@]}"
  fi
}
compdef _parley parley
`
    case 'fish':
      return `# parley completion for fish: save as ~/.config/fish/completions/parley.fish
#   parley completion fish > ~/.config/fish/completions/parley.fish
function __parley_complete
  set -l words (commandline -opc)[2..-1] (commandline -ct)
  set -l candidates (parley __complete -- $words 2>/dev/null)
  if test (count $candidates) -eq 0
    __fish_complete_path (commandline -ct)
  else
    printf '%s\\n' $candidates
  end
end
complete -c parley -f -a '(__parley_complete)'
`
  }
}

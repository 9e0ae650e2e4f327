/**
 * A command core suggests (`parley meso PLAN`, in status's next move) as the user can run it on the
 * negotiation in front of them: PLAN as they named it, with the --journal or --server they gave, so
 * it can be copied as it is. Core keeps the placeholder: it knows no file names, and `--json` keeps it.
 */

export interface CommandPlace {
  journal?: string
  server?: string | true
}

export function suggestedCommand(template: string, plan: string, place: CommandPlace = {}): string {
  const extra = [
    ...(place.journal !== undefined ? ['--journal', shellWord(place.journal)] : []),
    ...(place.server === true
      ? ['--server']
      : place.server !== undefined
        ? ['--server', shellWord(place.server)]
        : []),
  ]
  // The flags go last: `--server` takes an optional URL, so a word after it (a contingency's id)
  // would be read as the URL.
  return [template.replace(/\bPLAN\b/, shellWord(plan)), ...extra].join(' ')
}

/** A word the shell reads back as it is: quoted when it holds anything beyond the usual file-name signs. */
function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}

/**
 * Refusals beside the fields they are about. The server (and the forms' own checks) name a place
 * inside the event, `bundles[0].terms.price` or `counter.terms`; each problem goes to the field
 * whose path is that place or the nearest one above it, and what fits no field is shown with the
 * form as a whole, so nothing the server said is ever dropped.
 */

export interface FormProblem {
  path: string
  message: string
}

export interface PlacedProblems {
  /** By field path: the problems shown under that field. */
  at: Record<string, { message: string }[]>
  /** Problems no field is about (shown above the form's button). */
  rest: FormProblem[]
}

/** Whether `path` is `field` or lies inside it (`counter.terms.price` inside `counter.terms`). */
export function isWithin(path: string, field: string): boolean {
  if (field === '') return path === ''
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)
}

export function placeProblems(problems: readonly FormProblem[], fields: readonly string[]): PlacedProblems {
  const at: Record<string, { message: string }[]> = {}
  const rest: FormProblem[] = []
  for (const problem of problems) {
    let best: string | undefined
    for (const field of fields)
      if (isWithin(problem.path, field) && (best === undefined || field.length > best.length)) best = field
    if (best === undefined) rest.push(problem)
    else {
      const list = at[best] ?? []
      // A problem deeper than its field says where, so the message still makes sense there.
      list.push({
        message: problem.path === best ? problem.message : `${problem.path}: ${problem.message}`,
      })
      at[best] = list
    }
  }
  return { at, rest }
}

/** A problem for people: `label: the latest offer has no bundle 'D'`, or just the message. */
export function problemText(problem: FormProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message
}

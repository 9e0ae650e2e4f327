/**
 * The server's refusals placed on the fields they are about: each problem carries the path the
 * command line would print (`email`, `measures[0].metric`), and a form shows it under the field
 * with that path; what matches no field is shown beside the form's button.
 */
export interface PlacedProblems {
  /** Problems at a path (exactly), for the field that edits it. */
  at(path: string): { message: string }[]
  /** Problems no field of the form claims. */
  rest(claimed: readonly string[]): { path: string; message: string }[]
}

export function placeProblems(problems: readonly { path: string; message: string }[]): PlacedProblems {
  return {
    at: (path) => problems.filter((p) => p.path === path).map((p) => ({ message: p.message })),
    rest: (claimed) =>
      problems.filter((p) => !claimed.includes(p.path)).map((p) => ({ path: p.path, message: p.message })),
  }
}

/** A problem for a notice: `path: message`, or the message alone when it is about the whole thing. */
export function problemLine(problem: { path: string; message: string }): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message
}

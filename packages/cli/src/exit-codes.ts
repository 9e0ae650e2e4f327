/** Exit codes, the same for every command now and later. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** Invalid input: the file, flag values or events are wrong. */
  invalid: 1,
  /** Bad usage: unknown command or flag, missing argument. */
  usage: 2,
  /** Valid input, but the answer is no (no MESO set, an error-level finding, a frontier too large). */
  no: 3,
} as const

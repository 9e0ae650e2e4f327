/**
 * Exit codes, the same for every command now and later, each named once: `main.ts` and every
 * command use these names, never the numbers.
 */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** Invalid input: the file, flag values or events are wrong. */
  invalid: 1,
  /** Bad usage: unknown command or flag, missing argument. */
  usage: 2,
  /** Valid input, but the answer is no (no MESO set, an error-level finding, a frontier too large). */
  no: 3,
  /** A bug in Parley, not bad input: EX_SOFTWARE of BSD's sysexits. */
  crash: 70,
  /** Stopped at the terminal with Ctrl-C: 128 + SIGINT (2), as shells report it. */
  interrupted: 130,
} as const

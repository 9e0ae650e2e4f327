/**
 * One id per answer attempt, so a double click or a retry of the same answer is recorded once: the
 * id is kept while the answer sent is the same, and a new one is made for a different answer (or
 * after the server refused the last). UUIDs from the browser's random source, also where
 * `crypto.randomUUID` is missing (a page served over plain HTTP to another machine).
 */

export function newAnswerId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export interface AnswerAttempts {
  /** The id for this answer: the same as last time when the answer is the same. */
  idFor(answer: unknown): string
  /** The server refused it: the next try is a new answer with a new id. */
  forget(): void
}

export function answerAttempts(): AnswerAttempts {
  let last: { key: string; id: string } | undefined
  return {
    idFor(answer) {
      const key = JSON.stringify(answer)
      if (last?.key !== key) last = { key, id: newAnswerId() }
      return last.id
    },
    forget() {
      last = undefined
    },
  }
}

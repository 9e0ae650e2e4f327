/** A progress bar on stderr for long computations: only on a terminal, never in --json output. */
import { SingleBar } from 'cli-progress'
import type { Output } from './output'

/** Returns an onProgress callback that shows a bar once the work has run for a moment, and a finisher. */
export function progressBar(
  out: Output,
  label: string,
  unit = 'issues',
): { onProgress: (done: number, total: number) => void; stop: () => void } {
  if (!out.stderrIsTTY) return { onProgress: () => {}, stop: () => {} }
  const started = Date.now()
  let bar: SingleBar | undefined
  return {
    onProgress: (done, total) => {
      if (!bar && Date.now() - started < 250) return
      if (!bar) {
        bar = new SingleBar({
          format: `${label} [{bar}] {value}/{total} ${unit}`,
          stream: out.streams.stderr as NodeJS.WriteStream,
          hideCursor: true,
          clearOnComplete: true,
        })
        bar.start(total, done)
      } else bar.update(done)
    },
    stop: () => bar?.stop(),
  }
}

/**
 * The guided flow at the top of each stage: what the method asks here, each ask done or not done
 * for this plan and journal (core's `stageChecklist`), the way on to the next stage, and on a long
 * stage an index of its sections. The state of each ask is written out, not only coloured.
 */
import { type Stage, stageChecklist } from '@parley/core'
import { type ReactNode, useId, useMemo } from 'react'
import { Link } from '../router'
import { SectionIndex, SectionIndexScope, useSectionIndex } from '../ui/section-index'
import type { NegotiationModel } from './model'
import { STAGE_PAGES } from './stages'

/** From this many sections a stage is long enough to need an index (Prepare, First move, Midgame). */
const INDEXED_FROM = 4

export function StageGuide({
  model,
  stage,
  base,
  children,
}: {
  model: NegotiationModel
  stage: Stage
  /** The negotiation's address, `/w/…/n/…`. */
  base: string
  /** The stage's page: its sections list themselves in the index. */
  children: ReactNode
}) {
  const headingId = useId()
  const items = useMemo(
    () => stageChecklist(model.space, model.derived.state, stage, model.derived.posterior),
    [model.space, model.derived, stage],
  )
  const { sections, registry } = useSectionIndex()
  const at = STAGE_PAGES.findIndex((page) => page.stage === stage)
  const next = STAGE_PAGES[at + 1]
  const done = items.filter((item) => item.done).length
  return (
    <>
      <section className="stage-guide" aria-labelledby={headingId}>
        <div className="stage-guide-head">
          <h2 id={headingId}>What the method asks here</h2>
          <p className="hint">
            {done} of {items.length} done
          </p>
        </div>
        <ul className="checklist">
          {items.map((item) => (
            <li key={item.id} className={item.done ? 'done' : 'to-do'}>
              <span className="check-state">
                <span aria-hidden="true">{item.done ? '✓' : '○'}</span> {item.done ? 'Done' : 'To do'}
                <span className="visually-hidden">:</span>
              </span>{' '}
              <span>
                {item.text}
                {item.progress ? ` (${item.progress.done} of ${item.progress.of})` : ''}
              </span>
            </li>
          ))}
        </ul>
        {next ? (
          <p className="stage-next">
            <Link className="button primary" to={`${base}/${next.slug}`}>
              Continue to {next.title}
            </Link>
          </p>
        ) : null}
      </section>
      {sections.length >= INDEXED_FROM ? <SectionIndex sections={sections} label="On this page" /> : null}
      <SectionIndexScope registry={registry}>{children}</SectionIndexScope>
    </>
  )
}

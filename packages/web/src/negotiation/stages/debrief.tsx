/**
 * The debrief stage: the context's debrief prompts with the answers recorded (each save appends a
 * `debrief` event with the answers that changed), the figures as `parley debrief` gives them, and a
 * lesson for the workspace's tradeables library. Viewers read the answers and figures only.
 */
import '../close/close.css'
import { debriefSentences, debriefView } from '@parley/core'
import { useMemo } from 'react'
import { Section } from '../../ui/controls'
import { DebriefAnswers } from '../close/debrief-answers'
import { AddLesson } from '../close/lesson-form'
import type { NegotiationModel } from '../model'

export function DebriefPage({ model }: { model: NegotiationModel }) {
  const { state, posterior } = model.derived
  const view = useMemo(() => debriefView(model.space, state, posterior), [model.space, state, posterior])
  const { lines, misjudged } = debriefSentences(view.figures)
  return (
    <div className="debrief-stage">
      <DebriefAnswers model={model} prompts={view.prompts} />
      <Section title="Figures" private>
        <p className="hint">
          The same figures the command line's debrief gives; their side valued under our current estimate (
          {view.figures.estimate}).
        </p>
        <ul className="debrief-figures">
          {lines.map((line, k) => (
            <li key={line}>
              {line}
              {k === lines.length - 1 && misjudged.length > 0 ? (
                <ul aria-label="The issues we misjudged most">
                  {misjudged.map((item) => (
                    <li key={item.issue}>
                      {item.text}{' '}
                      <span className="hint">({model.space.byId.get(item.issue)?.name ?? item.issue})</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      {model.canEdit ? (
        <Section title="Lessons">
          <AddLesson model={model} figures={view.figures} />
        </Section>
      ) : null}
    </div>
  )
}

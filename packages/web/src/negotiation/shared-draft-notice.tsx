/**
 * What the page says while the team's draft of the plan has problems: that it is kept and shared,
 * and which version of the plan the figures come from, so nobody reads a figure as computed from a
 * change that is not in it yet.
 */
import { Link } from '../router'
import { Notice } from '../ui/controls'
import type { NegotiationModel } from './model'

function problemCount(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`
}

export function SharedDraftNotice({ model, base }: { model: NegotiationModel; base: string }) {
  const draft = model.sharedDraft
  if (!draft || (draft.valid && draft.inForm)) return null
  const when = new Date(draft.updatedAt).toLocaleString()
  const figures = `The figures come from the last valid plan (version ${model.record.version}), not from the draft.`
  if (!draft.inForm)
    return (
      <Notice kind="info">
        A draft of this plan ({problemCount(draft.problems)}, saved {when}) is kept as text that this form
        cannot show. {figures}{' '}
        {model.canEdit ? <Link to={`${base}/draft`}>Repair the draft as text</Link> : null}
      </Notice>
    )
  return (
    <Notice kind="info">
      {model.canEdit
        ? `Your team's draft of this plan (${problemCount(draft.problems)}, saved ${when}) is shown below and kept on the server as it is edited.`
        : `Someone in your team is editing a draft of this plan (${problemCount(draft.problems)}, saved ${when}).`}{' '}
      {figures}
    </Notice>
  )
}

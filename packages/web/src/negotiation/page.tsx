/**
 * A negotiation: the method's stages always visible on the left, the work of the chosen stage in
 * the middle, and beside it the coach for that stage (moves, questions, words to say, lint) from
 * core. The save state and any conflict sit in the header.
 */
import type { Stage } from '@parley/core'
import { type ComponentType, lazy, Suspense, useEffect } from 'react'
import { planFileUrl } from '../api/negotiations'
import { Link, navigate } from '../router'
import type { Workspace } from '../session'
import { Button, Notice } from '../ui/controls'
import { MathsSwitch } from '../ui/maths'
import { usePageTitle } from '../ui/page-title'
import { CoachPlace } from './coach-place'
import { PlanProblems } from './draft-problems'
import { DraftRepair } from './draft-repair'
import { FloorReason } from './floor-reason'
import { FloorSealProvider } from './floor-seal'
import { ManageNegotiation } from './manage'
import { type NegotiationModel, type SaveState, useNegotiation } from './model'
import { SharedDraftNotice } from './shared-draft-notice'
import { StageGuide } from './stage-guide'
import { STAGE_PAGES, stageOfSlug } from './stages'

/** The page of a kept draft that the form cannot show, repaired as text. */
const DRAFT_SLUG = 'draft'

type StagePage = ComponentType<{ model: NegotiationModel }>

/**
 * Each stage's page loads when it is opened: the first visit to one stage does not fetch the others
 * (nor the simulator behind Rehearse). Its code is asked for as soon as the address names the stage,
 * beside the negotiation's own requests, not after them (`preloadStage`).
 */
const PRELOADS = new Map<StagePage, () => Promise<unknown>>()
function stagePage<M>(load: () => Promise<M>, pick: (module: M) => StagePage) {
  let loading: Promise<M> | undefined
  const start = () => {
    loading ??= load()
    return loading
  }
  const page = lazy(async () => ({ default: pick(await start()) }))
  PRELOADS.set(page, start)
  return page
}

function preloadStage(stage: Stage | undefined): void {
  // A failure shows when the page renders (React.lazy gets the same promise); not twice here.
  if (stage) PRELOADS.get(PAGES[stage])?.().catch(() => undefined)
}

const PAGES: Record<Stage, StagePage> = {
  prepare: stagePage(
    () => import('./stages/prepare'),
    (m) => m.PreparePage,
  ),
  setup: stagePage(
    () => import('./stages/setup'),
    (m) => m.SetupPage,
  ),
  'first-move': stagePage(
    () => import('./stages/first-move'),
    (m) => m.FirstMovePage,
  ),
  midgame: stagePage(
    () => import('./stages/midgame'),
    (m) => m.MidgamePage,
  ),
  close: stagePage(
    () => import('./stages/close'),
    (m) => m.ClosePage,
  ),
  debrief: stagePage(
    () => import('./stages/debrief'),
    (m) => m.DebriefPage,
  ),
}

/**
 * On a phone the stage rail is a strip that scrolls sideways: the link of the stage shown is
 * scrolled into it, so the strip says where you are without a swipe. Elsewhere nothing moves.
 */
function bringIntoStrip(link: HTMLAnchorElement | null): void {
  const strip = link?.closest('ol')
  if (!link || !strip || strip.scrollWidth <= strip.clientWidth) return
  strip.scrollLeft += link.getBoundingClientRect().left - strip.getBoundingClientRect().left - 16
}

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  draft: 'Draft saved (with problems), shared with your team',
  reason: 'Not saved: say why our floor moved',
  conflict: 'Not saved: conflict',
  error: 'Not saved',
}

export function NegotiationPage({
  workspace,
  negotiationId,
  slug,
}: {
  workspace: Workspace
  negotiationId: string
  slug?: string
}) {
  const stage = stageOfSlug(slug)
  useEffect(() => preloadStage(stage), [stage])
  const { model, error, draftOnly } = useNegotiation(workspace.id, negotiationId, workspace.role)
  const base = `/w/${workspace.id}/n/${negotiationId}`
  usePageTitle(
    model
      ? [STAGE_PAGES.find((page) => page.stage === stage)?.title, model.draft.title || model.record.title]
      : ['Negotiation', workspace.name],
  )
  useEffect(() => {
    if (model && !stage && slug !== DRAFT_SLUG) {
      const current = STAGE_PAGES.find((page) => page.stage === model.derived.state.stage) ?? STAGE_PAGES[0]
      navigate(`${base}/${current?.slug ?? 'prepare'}`, { replace: true })
    }
  }, [model, stage, base, slug])
  if (draftOnly) return <DraftRepair workspace={workspace} negotiationId={negotiationId} />
  if (error) return <Notice kind="error">This negotiation could not be loaded: {error}</Notice>
  if (model && slug === DRAFT_SLUG)
    return (
      <DraftRepair
        workspace={workspace}
        negotiationId={negotiationId}
        planVersion={model.record.version}
        back={`${base}/${STAGE_PAGES.find((page) => page.stage === model.derived.state.stage)?.slug ?? 'prepare'}`}
      />
    )
  if (!model || !stage) return <p aria-busy="true">Loading…</p>
  const Page = PAGES[stage]
  const current = model.derived.state.stage
  return (
    <div className="negotiation">
      {/* Not a <header>: outside <main> that would be a second banner landmark beside the app's. */}
      <div className="negotiation-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/w/${workspace.id}`}>{workspace.name}</Link>
          </p>
          <h1>{model.draft.title || model.record.title}</h1>
          <p className="subtitle">
            {model.plan.parties.us.name} and {model.plan.parties.them.name} · {model.plan.context}
            {model.canEdit ? '' : ' · read only (viewer)'}
          </p>
        </div>
        <div className="header-actions">
          <MathsSwitch />
          {/* Learning a whole journal again (an edit to their estimate, say) happens off the page. */}
          <output className="learning-state" aria-live="polite">
            {model.learning ? 'Learning from their moves…' : ''}
          </output>
          {/* A viewer saves nothing: no save state to report. */}
          {model.canEdit ? (
            <output className={`save-state ${model.saveState}`} aria-live="polite">
              {SAVE_LABELS[model.saveState]}
            </output>
          ) : null}
          <a
            className="button secondary"
            href={planFileUrl({ workspaceId: workspace.id, negotiationId })}
            download
          >
            Download plan
          </a>
          {model.canEdit ? (
            <ManageNegotiation
              workspaceId={workspace.id}
              negotiationId={negotiationId}
              title={model.record.title}
            />
          ) : null}
        </div>
      </div>
      {model.saveState === 'conflict' ? (
        <Notice kind="error">
          {model.saveError} <Button onClick={() => void model.reload()}>Reload theirs</Button>{' '}
          <Button kind="primary" onClick={() => void model.keepMine()}>
            Keep mine
          </Button>
        </Notice>
      ) : null}
      {model.saveState === 'reason' ? <FloorReason model={model} /> : null}
      <SharedDraftNotice model={model} base={base} />
      {model.canEdit && !model.validation.ok ? (
        <PlanProblems errors={model.validation.errors} draft={model.draft} base={base} />
      ) : null}
      {model.saveState === 'error' ? (
        <Notice kind="error">
          Saving failed: {model.saveError}. Your changes are kept in this browser; they will be saved with the
          next change.
        </Notice>
      ) : null}
      {model.unreadableDraft ? (
        <Notice kind="info">
          Changes kept in this browser from an earlier visit could not be read, so they were discarded.{' '}
          <Button onClick={model.dismissUnreadableDraft}>Dismiss</Button>
        </Notice>
      ) : null}
      {model.recovered ? (
        <Notice kind="info">
          Changes made in this browser on {new Date(model.recovered.savedAt).toLocaleString()} were never
          saved.{' '}
          <Button kind="primary" onClick={model.restoreRecovered}>
            Restore them
          </Button>{' '}
          <Button onClick={model.discardRecovered}>Discard them</Button>
        </Notice>
      ) : null}
      <div className="negotiation-body">
        <nav className="stage-rail" aria-label="Stages of the method">
          <ol>
            {STAGE_PAGES.map((page) => (
              <li key={page.stage}>
                <Link
                  to={`${base}/${page.slug}`}
                  aria-current={page.stage === stage ? 'page' : undefined}
                  ref={page.stage === stage ? bringIntoStrip : undefined}
                  className={page.stage === current ? 'current-stage' : undefined}
                >
                  <span className="stage-title">{page.title}</span>
                  <span className="stage-goal">{page.goal}</span>
                  {page.stage === current ? <span className="stage-now">where you are</span> : null}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <main className="stage-main" id="main">
          <StageGuide model={model} stage={stage} base={base}>
            {/* Keyed by the stage: each page view starts with our floor sealed. */}
            <FloorSealProvider key={stage}>
              <Suspense fallback={<p aria-busy="true">Loading…</p>}>
                <Page model={model} />
              </Suspense>
            </FloorSealProvider>
          </StageGuide>
        </main>
        <CoachPlace model={model} stage={stage} />
      </div>
    </div>
  )
}

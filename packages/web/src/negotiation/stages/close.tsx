/**
 * The close stage: the agreement as recorded (if any), the alternatives to offer before signing,
 * a share link for the deal room where they sign, and the form that writes it — measurable terms, governance and the fairness story — tested
 * against our reservation and the method's pitfalls before it is recorded. Viewers read the
 * recorded agreement only.
 */
import '../close/close.css'
import type { Terms } from '@parley/core'
import { useMemo, useState } from 'react'
import { Notice, Section } from '../../ui/controls'
import { AgreementSection } from '../close/agreement-form'
import { PostSettlementSection } from '../close/post-settlement'
import { RecordedAgreement } from '../close/recorded-agreement'
import { DocumentDownloads } from '../documents/downloads'
import type { NegotiationModel } from '../model'
import { dealRoomNews } from '../trade/deal-room-answer'
import { SharePanel } from '../trade/share-panel'

export function ClosePage({ model }: { model: NegotiationModel }) {
  const agreed = model.derived.state.agreed
  // An alternative they may sign instead, put into the agreement form (a new object each time, so
  // choosing the same one again after editing puts it back).
  const [proposed, setProposed] = useState<{ terms: Terms }>()
  const news = useMemo(
    () => dealRoomNews(model.journal, model.plan.parties.them.name, model.space.issues),
    [model.journal, model.plan.parties.them.name, model.space.issues],
  )
  return (
    <div className="close-stage">
      {news ? (
        <Notice kind="info">
          <strong>From the deal room:</strong> {news}
        </Notice>
      ) : null}
      <RecordedAgreement model={model} />
      {agreed ? (
        <PostSettlementSection
          model={model}
          onUse={model.canEdit ? (terms) => setProposed({ terms }) : undefined}
        />
      ) : null}
      {agreed ? (
        // A link for them: the deal room shows the agreed terms and the documents, and lets them sign
        // the agreement or one of the alternatives offered above.
        <Section title="Share with them" id="share">
          <SharePanel model={model} />
        </Section>
      ) : null}
      {model.canEdit ? (
        <AgreementSection model={model} proposed={proposed} />
      ) : agreed ? null : (
        <Notice kind="info">No agreement is recorded yet.</Notice>
      )}
      {agreed ? (
        <Section title="Documents" id="documents">
          <DocumentDownloads
            model={model}
            kinds={
              agreed.event.governance?.reviewCadence
                ? ['terms', 'fairness', 'cadence']
                : ['terms', 'fairness']
            }
          />
        </Section>
      ) : null}
    </div>
  )
}

/**
 * Downloads of the negotiation's documents where the stage makes them useful: the MESO sheet when
 * offers go out, the term sheet, fairness story and review cadence at close (for the other side,
 * built by the server only from what may be shared), the preparation brief and the concession log
 * for our side (marked confidential on every page). Each is a plain link to the server's file, so
 * the browser's own download does the rest.
 */
import { DOCUMENT_AUDIENCE, type DocumentFormat, type DocumentKind } from '@parley/core'
import { documentUrl } from '../../api/negotiations'
import { PrivateMark } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import './downloads.css'

const DOCUMENTS: Record<DocumentKind, { name: string; what: string; formats: DocumentFormat[] }> = {
  meso: {
    name: 'Offers sheet',
    what: 'the bundles side by side, each with what it does for them',
    formats: ['pdf', 'docx', 'html', 'md', 'csv'],
  },
  terms: {
    name: 'Term sheet',
    what: 'the agreed terms in words and units, measures, remedies and governance',
    formats: ['pdf', 'docx', 'html', 'md', 'csv'],
  },
  fairness: {
    name: 'Fairness story',
    what: 'the rule, the standards and the trades, in a paragraph their decider can repeat',
    formats: ['pdf', 'docx', 'html', 'md'],
  },
  cadence: {
    name: 'Review meetings',
    what: 'the agreed review cadence as a recurring calendar event',
    formats: ['ics', 'pdf', 'md'],
  },
  brief: {
    name: 'Preparation brief',
    what: 'our BATNA and reservation, the issue map, priorities, counterparty map, evidence and anchor',
    formats: ['pdf', 'docx', 'html', 'md'],
  },
  concessions: {
    name: 'Concession log',
    what: 'every give and get, and what each cost',
    formats: ['pdf', 'docx', 'html', 'md', 'csv'],
  },
}

const FORMAT_NAMES: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'Web page',
  md: 'Markdown',
  csv: 'CSV',
  ics: 'Calendar',
}

export function DocumentDownloads({
  model,
  kinds,
}: {
  model: NegotiationModel
  kinds: readonly DocumentKind[]
}) {
  const at = { workspaceId: model.record.workspaceId, negotiationId: model.record.id }
  const forThem = kinds.filter((kind) => DOCUMENT_AUDIENCE[kind] === 'counterparty')
  const ours = kinds.filter((kind) => DOCUMENT_AUDIENCE[kind] === 'internal')
  const row = (kind: DocumentKind) => {
    const document = DOCUMENTS[kind]
    return (
      <li key={kind}>
        <strong>{document.name}</strong> <span className="hint">({document.what})</span>:{' '}
        {document.formats.map((format, k) => (
          <span key={format}>
            {k > 0 ? ' · ' : null}
            <a
              href={documentUrl(at, kind, format)}
              download
              aria-label={`${document.name} as ${FORMAT_NAMES[format]}`}
            >
              {FORMAT_NAMES[format]}
            </a>
          </span>
        ))}
      </li>
    )
  }
  return (
    <div className="document-downloads">
      {forThem.length > 0 ? (
        <>
          <p>
            For {model.space.plan.parties.them.name}: built only from what may be shared (never our floor, our
            figures or our notes).
          </p>
          <ul>{forThem.map(row)}</ul>
        </>
      ) : null}
      {ours.length > 0 ? (
        <>
          <p>
            <PrivateMark>For our side only</PrivateMark> Marked confidential on every page: never send it to
            them.
          </p>
          <ul>{ours.map(row)}</ul>
        </>
      ) : null}
    </div>
  )
}

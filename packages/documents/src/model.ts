/**
 * The document model this package renders, from core. One import site, so the formats name core's
 * types and nothing else of core's.
 */
// TODO(#16): import from '@parley/core' once core's index exports the document model (the builders'
// change adds it); until then the type-only path into core's source, which emits no code.
export type {
  Block,
  CalendarEvent,
  ChartBlock,
  ParleyDocument,
} from '../../core/src/documents/document.ts'

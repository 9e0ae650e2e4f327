/**
 * @parley/core — Parley's pure domain. No I/O and no Node-only API: the same code runs in the
 * command line, the server and the browser.
 *
 * The public face, named: what the command line, the server, the web app, the tests of other
 * packages and the benchmarks use. Everything else stays inside its module. Test helpers are
 * `@parley/core/testing` (and `@parley/core/testing/runs` for the property-run counts).
 */

// The plan: its model and zod schema, limits, problems and the JSON Schema of the file format.

export { planJsonSchema, planJsonSchemaText } from './model/json-schema'
export { formatBytes, groupThousands, LIMITS } from './model/limits'
export type {
  Anchor,
  ApprovalLimit,
  Batna,
  Confidence,
  Constraint,
  Context,
  DecisionRule,
  ElicitationSide,
  Evidence,
  Issue,
  Level,
  Op,
  Parties,
  Plan,
  Preference,
  Range,
  Side,
  Stakeholder,
  SumTerm,
  Terms,
  TheirPreference,
} from './model/plan'
export { CONFIDENCES, CONTEXTS, ISSUE_ID_PATTERN, OPS, PlanSchema, RISK_POSTURES } from './model/plan'
export type { PathProblem, PathSegment, Problem, Severity } from './model/problem'
export { formatPath, formatProblem } from './model/problem'

// Plan text: reading, checking and rewriting a plan file, with problems placed in the source.

export { levelKey, rangeLevels, rangeStepCount } from './plan/levels'
export type { PlanParse } from './plan/parse'
export { parsePlanText, placeProblem, tooLargeProblem, utf8Length } from './plan/parse'
export { planToJson, planToYaml, rewritePlanText } from './plan/rewrite'
export { schemaProblems } from './plan/schema-problems'
export type { Position, SourceDocument, SourceFormat } from './plan/source'
export { readSource, sourceFormatOf } from './plan/source'
export type { PlanValidation } from './plan/validate'
export { validatePlanValue } from './plan/validate'

// Scoring: the compiled outcome space, utilities of offers, constraints, counts and the plan summary.

export type { ApprovalBlock } from './scoring/approval'
export type { CompiledConstraint, Requirements } from './scoring/constraints'
export { compileRequirements, describeConstraint } from './scoring/constraints'
export type { Offer, OfferRead, OfferScore, RequirementCheck } from './scoring/offer'
export { readOffer, scoreOffer } from './scoring/offer'
export type { Points, Utility } from './scoring/points'
export type { BundleCount, IssueInPlay } from './scoring/rule-count'
export { countBundles, levelsInPlay } from './scoring/rule-count'
export type { IssueModel, Space } from './scoring/space'
export { compileSpace, scoreLevel } from './scoring/space'
export type { IssueSummary, PlanSummary } from './scoring/summary'
export { summarizePlan } from './scoring/summary'

// Figures: how points, shares, money and sizes are written everywhere.

export {
  formatBits,
  formatDecimal,
  formatMoney,
  formatPoints,
  formatShare,
  formatShareInterval,
  formatSigned,
} from './scoring/figures'

// Frontier: the exact Pareto frontier, bargaining points, the report, samples, the view and the plot.

export type { Disagreement } from './frontier/bargaining'
export { kalaiSmorodinskyIndex, maxJointIndex, nashIndex } from './frontier/bargaining'
export type { Frontier, FrontierOptions, FrontierResult } from './frontier/frontier'
export { computeFrontier, epsilonWork, MIN_EPSILON, suggestEpsilon } from './frontier/frontier'
export type {
  PlotArea,
  PlotData,
  PlotMarker,
  PlotMarkerKind,
  PlotPoint,
  PlotReferenceLine,
  PlotScale,
} from './frontier/plot'
export {
  BARGAINING_POINTS,
  bargainingMarkers,
  evenlySpaced,
  mesoMarkers,
  PLOT_TICKS,
  plotReferenceLines,
  plotReferences,
  plotScale,
  staircaseCorners,
} from './frontier/plot'
export type {
  FrontierPoint,
  FrontierReport,
  FrontierReportOptions,
  FrontierReportResult,
} from './frontier/report'
export { frontierReport } from './frontier/report'
export { sampleUtilities } from './frontier/sample'
export type { FrontierFailure, FrontierView, FrontierViewResult } from './frontier/view'
export { frontierView } from './frontier/view'

// MESO: sets of bundles equal for us that meet the rule in different ways.

export type { MesoBundle, MesoFailure, MesoFailureCode, MesoOptions, MesoResult, MesoSet } from './meso/meso'
export { MESO_DEFAULTS, meso } from './meso/meso'
export type { MesoView, MesoViewResult } from './meso/view'
export { mesoView } from './meso/view'

// Inference: what we believe they value, from the plan's estimate and their moves.

export type { Beliefs } from './inference/beliefs'
export { meanWeights, priorConcentration, thinBeliefs } from './inference/beliefs'
export type { Observation } from './inference/observation'
export type { IssuePosterior, MoveInformation, Posterior, PosteriorOptions } from './inference/posterior'
export { inferPriorities } from './inference/posterior'

// Elicitation: our own scores and weights from swing questions and rankings.

export type { SwingQuestion } from './elicitation/elicitation'
export {
  applyElicitation,
  elicitedScores,
  elicitedWeights,
  nextSwingQuestion,
  rankGroups,
  rankOrderCentroid,
} from './elicitation/elicitation'

// Journal: events, reading and admitting them, replay, status, concessions, contingencies, reality tests.

export type { Admission, AdmissionDefaults, ReplayedJournal } from './journal/admit'
export { admitEvent, PREVIEW_EVENT } from './journal/admit'
export type { ConcessionFlag, ConcessionLine, MoneyValues } from './journal/concessions'
export { concessionLog } from './journal/concessions'
export type { ContingencyValue } from './journal/contingency'
export { evaluateContingency } from './journal/contingency'
export type {
  Contingency,
  ContingencyOp,
  EventOf,
  EventTerms,
  EventType,
  JournalEvent,
} from './journal/events'
export { CONTINGENCY_OPS, EVENT_TYPES, EventIdSchema, EventSchemas } from './journal/events'
export type { JournalLine, JournalText } from './journal/jsonl'
export { readJournalText } from './journal/jsonl'
export type { NextMove } from './journal/next-move'
export type { EventDefaults, EventRead } from './journal/read'
export { completeEvent, readEvent } from './journal/read'
export type { RealityItem, RealityTest, Verdict } from './journal/reality'
export { realityTest } from './journal/reality'
export type {
  AgreedRecord,
  ConcessionRecord,
  ContingencyRecord,
  JournalFinding,
  NegotiationState,
  OfferedBundle,
  OfferRecord,
  Stage,
  TableBundle,
  TableSource,
} from './journal/replay'
export { nextRound, replay, STAGES } from './journal/replay'
export type { Negotiation, NegotiationStatus, StatusBundle } from './journal/status'
export { negotiation, negotiationStatus } from './journal/status'
export { readThreshold } from './journal/threshold'
export { canonicalJson, planFileVersion } from './journal/version'

// Lint: findings on a plan and a negotiation, placed in their sources, as JSON or SARIF.

export type { Finding, FindingPlace, LintInput } from './lint/finding'
export { lint } from './lint/lint'
export type { FindingDocuments } from './lint/locate'
export { findingsJson, locateFindings } from './lint/locate'
export { lintNegotiation } from './lint/negotiation'
export type { LintSeverity } from './lint/rules'
export type { LocatedFinding, SarifLocation } from './lint/sarif'
export { sarifLog } from './lint/sarif'

// Playbooks: the method per context, the coach, phrases, starter plans and face-saving variants.

export type { FaceSavingVariant } from './playbooks/approval'
export type { ApplicabilityNote, CoachOptions, CoachReport } from './playbooks/coach'
export { coach } from './playbooks/coach'
export { PLAYBOOKS } from './playbooks/library'
export type { FilledPhrase, PhraseStyle } from './playbooks/phrases'
export { formatLevel, formatLevelWithUnit } from './playbooks/phrases'
export { starterPlan, starterPlanYaml } from './playbooks/starters'
export type { TimelineStep } from './playbooks/timeline'
export type {
  DebriefPrompt,
  DiscoveryQuestion,
  FlowStep,
  Move,
  PhraseKind,
  PhraseTemplate,
  Playbook,
  QuickReferenceRow,
} from './playbooks/types'

// Counterparty view: the allow-listed projection that may leave for the other side.

export type {
  CounterpartyView,
  ProposedBundle,
  ViewAgreement,
  ViewBundle,
  ViewContingency,
  ViewEvidence,
  ViewIssue,
} from './sharing/counterparty-view'
export { counterpartyView } from './sharing/counterparty-view'

// Close and debrief: the fairness story, the debrief's figures, sentences and view.

export type { FairnessStoryOptions } from './close/fairness'
export { draftFairnessStory } from './close/fairness'
export type { DebriefFigures } from './debrief/figures'
export type { DebriefSentences } from './debrief/sentences'
export { debriefSentences } from './debrief/sentences'
export type { AnsweredPrompt, DebriefView } from './debrief/view'
export { debriefView } from './debrief/view'

// Randomness and work: seeded generators and the work budget long computations run under.

export type { Random } from './random'
export { dirichlet, mulberry32 } from './random'
export type { BudgetedResult } from './work/budget'
export { withWorkBudget } from './work/budget'

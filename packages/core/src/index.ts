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
export {
  type Anchor,
  type ApprovalLimit,
  type Batna,
  CONFIDENCES,
  CONTEXTS,
  type Confidence,
  type Constraint,
  type Context,
  type DecisionRule,
  type ElicitationSide,
  type Evidence,
  ISSUE_ID_PATTERN,
  type Issue,
  type Level,
  OPS,
  type Op,
  type Parties,
  type Plan,
  PlanSchema,
  type Preference,
  type Range,
  RISK_POSTURES,
  type Side,
  type Stakeholder,
  type SumTerm,
  type Terms,
  type TheirPreference,
} from './model/plan'
export {
  formatPath,
  formatProblem,
  type PathProblem,
  type PathSegment,
  type Problem,
  type Severity,
} from './model/problem'

// Plan text: reading, checking and rewriting a plan file, with problems placed in the source.

export { describeFieldPath, FIELD_LABELS, type FieldPlace, parsePath } from './plan/field-labels'
export { levelKey, rangeLevels, rangeStepCount } from './plan/levels'
export { type PlanParse, parsePlanText, placeProblem, tooLargeProblem, utf8Length } from './plan/parse'
export { planToJson, planToYaml, rewritePlanText } from './plan/rewrite'
export { closest, schemaProblems } from './plan/schema-problems'
export {
  type Position,
  readSource,
  type SourceDocument,
  type SourceFormat,
  sourceFormatOf,
} from './plan/source'
export { type PlanValidation, validatePlanValue } from './plan/validate'

// Scoring: the compiled outcome space, utilities of offers, constraints, counts and the plan summary.

export type { ApprovalBlock } from './scoring/approval'
export {
  type CompiledConstraint,
  compileRequirements,
  describeConstraint,
  type Requirements,
} from './scoring/constraints'
export {
  type Offer,
  type OfferRead,
  type OfferScore,
  type RequirementCheck,
  readOffer,
  scoreOffer,
} from './scoring/offer'
export type { Points, Utility } from './scoring/points'
export { type BundleCount, countBundles, type IssueInPlay, levelsInPlay } from './scoring/rule-count'
export { compileSpace, type IssueModel, type Space, scoreLevel } from './scoring/space'
export { type IssueSummary, type PlanSummary, summarizePlan } from './scoring/summary'

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

export { type Disagreement, kalaiSmorodinskyIndex, maxJointIndex, nashIndex } from './frontier/bargaining'
export {
  computeFrontier,
  epsilonWork,
  type Frontier,
  type FrontierOptions,
  type FrontierResult,
  MIN_EPSILON,
  suggestEpsilon,
} from './frontier/frontier'
export {
  BARGAINING_POINTS,
  bargainingMarkers,
  evenlySpaced,
  mesoMarkers,
  PLOT_TICKS,
  type PlotArea,
  type PlotData,
  type PlotMarker,
  type PlotMarkerKind,
  type PlotPoint,
  type PlotReferenceLine,
  type PlotScale,
  plotReferenceLines,
  plotReferences,
  plotScale,
  staircaseCorners,
} from './frontier/plot'
export {
  type FrontierPoint,
  type FrontierReport,
  type FrontierReportOptions,
  type FrontierReportResult,
  frontierReport,
} from './frontier/report'
export { sampleUtilities } from './frontier/sample'
export {
  type FrontierFailure,
  type FrontierView,
  type FrontierViewResult,
  frontierView,
} from './frontier/view'

// MESO: sets of bundles equal for us that meet the rule in different ways.

export {
  type CurrentEstimate,
  currentEstimate,
  estimateAfter,
  estimateLabel,
  spaceUnderEstimate,
  type TheirValue,
} from './inference/estimate'
export { CHOICE_LEADERS, type ChoiceLeader, choiceLeaders } from './meso/choice-leaders'
export {
  MESO_DEFAULTS,
  type MesoBundle,
  type MesoFailure,
  type MesoFailureCode,
  type MesoOptions,
  type MesoResult,
  type MesoSet,
  meso,
} from './meso/meso'
export { type MesoJournal, type MesoView, type MesoViewResult, mesoView } from './meso/view'

// Inference: what we believe they value, from the plan's estimate and their moves.

export {
  type Beliefs,
  drawPrior,
  meanWeights,
  PRIOR_SHAPE,
  type PriorParameters,
  priorParameters,
  thinBeliefs,
} from './inference/beliefs'
export { learnerStateBytes, learnerStateOf } from './inference/learner-bytes'
export { learnsAlike } from './inference/learns-alike'
export { type Observation, observationKey } from './inference/observation'
export {
  type IssuePosterior,
  inferPriorities,
  LEARNER_STATE_VERSION,
  type LearnerState,
  type MoveInformation,
  type Posterior,
  type PosteriorOptions,
} from './inference/posterior'

// Elicitation: our own scores and weights from swing questions and rankings.

export {
  applyElicitation,
  elicitedScores,
  elicitedWeights,
  nextSwingQuestion,
  rankGroups,
  rankOrderCentroid,
  type SwingQuestion,
} from './elicitation/elicitation'

// Journal: events, reading and admitting them, replay, status, concessions, contingencies, reality tests.

export {
  type Admission,
  type AdmissionDefaults,
  admitEvent,
  PREVIEW_EVENT,
  type ReplayedJournal,
} from './journal/admit'
export { counterBase, latestBundlesInPlay, offerAwaitsAnswer } from './journal/apply/offers'
export {
  CONCESSION_FLAG_WORDS,
  type ConcessionFlag,
  type ConcessionLine,
  concessionLog,
  type MoneyValues,
} from './journal/concessions'
export { type ContingencyValue, contingencyVerdict, evaluateContingency } from './journal/contingency'
export {
  CONTINGENCY_OPS,
  type Contingency,
  type ContingencyOp,
  EVENT_TYPES,
  EventIdSchema,
  type EventOf,
  EventSchemas,
  type EventTerms,
  type EventType,
  type JournalEvent,
} from './journal/events'
export { type FloorField, floorFieldsChanged, floorIsSealed } from './journal/floor'
export { JOINT_GAIN_MIN, type JointGain, jointGain, jointGainInSight } from './journal/joint-gain'
export { type JournalLine, type JournalText, readJournalText } from './journal/jsonl'
export type { NextMove } from './journal/next-move'
export { changesInWords } from './journal/positions'
export {
  alternativesBeforeSigning,
  NEIGHBOUR_CAP,
  type PostSettlementOption,
  pendingAlternatives,
  postSettlement,
  signedAgreement,
  signedBeside,
} from './journal/post-settlement'
export { completeEvent, type EventDefaults, type EventRead, readEvent } from './journal/read'
export { type RealityItem, type RealityTest, realityTest, type Verdict } from './journal/reality'
export {
  type AgreedRecord,
  type AlternativesRecord,
  type ConcessionRecord,
  type ContingencyRecord,
  type JournalFinding,
  type NegotiationState,
  nextRound,
  type OfferedBundle,
  type OfferRecord,
  replay,
  STAGES,
  type Stage,
  type TableBundle,
  type TableSource,
} from './journal/replay'
export {
  movesToLearn,
  type Negotiation,
  type NegotiationStatus,
  negotiation,
  negotiationStatus,
  type StatusBundle,
} from './journal/status'
export { readThreshold } from './journal/threshold'
export {
  bestForThemAt,
  compareWithStandards,
  counterGiveaway,
  type Giveaway,
  giveawayInWords,
  LOPSIDED_SHARE,
  type OurLastOffer,
  ourLastOffer,
  type StandardComparison,
  type TradeBundle,
  tradeProposal,
} from './journal/trade-advice'
export { canonicalJson, planFileVersion } from './journal/version'

// Lint: findings on a plan and a negotiation, placed in their sources, as JSON or SARIF.

export type { Finding, FindingPlace, LintInput } from './lint/finding'
export { lint } from './lint/lint'
export { type FindingDocuments, findingsJson, locateFindings } from './lint/locate'
export { lintNegotiation } from './lint/negotiation'
export type { LintSeverity } from './lint/rules'
export { type LocatedFinding, type SarifLocation, sarifLog } from './lint/sarif'

// Playbooks: the method per context, the coach, each stage's checklist, phrases, starter plans and face-saving variants.

export { learningInWords, NOTHING_LEARNED_YET } from './journal/learning-words'
export { tableInWords, tableSourceWords } from './journal/table-source'
export { nameWithUnit } from './language/levels'
export type { FaceSavingVariant } from './playbooks/approval'
export { type ApplicabilityNote, type CoachOptions, type CoachReport, coach } from './playbooks/coach'
export { PLAYBOOKS } from './playbooks/library'
export { type FilledPhrase, formatLevel, formatLevelWithUnit, type PhraseStyle } from './playbooks/phrases'
export { type ChecklistItem, stageChecklist } from './playbooks/stage-checklist'
export { blankStarterPlan, type StarterNames, starterHint } from './playbooks/starter-blanks'
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

export {
  bundleRationale,
  type CounterpartyView,
  counterpartyView,
  type ProposedBundle,
  type ViewAgreement,
  type ViewBundle,
  type ViewContingency,
  type ViewDecider,
  type ViewEvidence,
  type ViewInterest,
  type ViewIssue,
  type ViewMove,
} from './sharing/counterparty-view'

// Close and debrief: the fairness story, the debrief's figures, sentences and view.

export { draftFairnessStory, type FairnessStoryOptions, fairnessStoryFromView } from './close/fairness'
export type { DebriefFigures } from './debrief/figures'
export { type DebriefSentences, type DebriefWording, debriefSentences } from './debrief/sentences'
export { type AnsweredPrompt, type DebriefView, debriefView } from './debrief/view'

// Documents: the builders (the other side's from the counterparty view alone), and the pure formats.

export { type BuildDocumentOptions, buildDocument } from './documents/build'
export { CADENCE_WORDS, cadenceDocument, parseCadence, type Recurrence } from './documents/cadence'
export { concessionLogDocument } from './documents/concession-log'
export { renderCsv } from './documents/csv'
export {
  type Audience,
  type Block,
  type CalendarEvent,
  type ChartBlock,
  COUNTERPARTY_DOCUMENT_KINDS,
  DOCUMENT_AUDIENCE,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  type ParleyDocument,
} from './documents/document'
export {
  DOCUMENT_FAILURE_CODES,
  type DocumentFailure,
  type DocumentFailureCode,
  isDocumentFailure,
} from './documents/failure'
export {
  type FairnessDocumentOptions,
  faceSavingLine,
  fairnessStoryDocument,
} from './documents/fairness-story'
export { escapeHtml, type HtmlOptions, renderHtml } from './documents/html'
export { renderMarkdown } from './documents/markdown'
export { type CounterpartyDocumentOptions, mesoSheet } from './documents/meso-sheet'
export { type InternalDocumentOptions, preparationBrief } from './documents/preparation-brief'
export { counterpartyViewForSheet, type SheetView } from './documents/sheet-view'
export { termSheet } from './documents/term-sheet'
export { documentText } from './documents/text'

// Randomness and work: seeded generators and the work budget long computations run under.

export { dirichlet, mulberry32, type Random } from './random'
export { type BudgetedResult, withWorkBudget } from './work/budget'

// Linter rules, and English as Parley writes it (counts and lists) for the command line's output.

export { capitalised, count, listAnd, nounFor, quoted, sentence, standingAlone } from './language/english'

// The glossary: every figure and term in a salesperson's words, a one-line explanation and the exact term; plain formatters.

export {
  FIGURE_TERMS,
  type FigureTerm,
  GLOSSARY,
  type GlossaryEntry,
  type GlossaryTerm,
  glossaryEntry,
  INFORMATION_THRESHOLDS,
  type PlainInformation,
  plainBundleName,
  plainEstimateLabel,
  plainInformation,
  plainLearned,
  plainNashShare,
  plainUtility,
  plainWorth,
  STAGE_WORDS,
  type StageTerm,
  stageEntry,
  type VerdictTerm,
  verdictEntry,
} from './glossary/glossary'
export { type LintRule, RULES } from './lint/rules'

// The coach as the other side may see it (`parley coach --shareable`), and the bundle on the table in the counterparty view.

export { type ShareableCoach, shareableCoach } from './playbooks/coach'
export type { ViewTable } from './sharing/counterparty-view'

// Simulation: counterparts with hidden true preferences, our strategies against them, and the evaluation (`parley simulate`).

export { PriorityLearner } from './inference/posterior'
export {
  answerLogLikelihood,
  aspiration,
  Counterpart,
  type CounterpartAnswer,
  logitRanking,
} from './simulation/counterpart'
export { drawTruth, type TruthSource, type TruthSpec, truthSourceName } from './simulation/generators'
export { bestNashProduct, frontierDistance, nashShare, trueFrontier } from './simulation/measures'
export { ORACLE_SAMPLES, type OracleRun, oracleLearning } from './simulation/oracle'
export {
  type OurMove,
  REHEARSAL_ROLES,
  type Rehearsal,
  type RehearsalBundle,
  type RehearsalEnd,
  type RehearsalExchange,
  type RehearsalFigures,
  type RehearsalMove,
  type RehearsalOptions,
  type RehearsalRefusal,
  type RehearsalReply,
  type RehearsalRole,
  type RehearsalSetup,
  type RehearsalStep,
  rehearsalCoach,
  rehearsalFigures,
  rehearsalSetup,
  startRehearsal,
  stepRehearsal,
  type TheirMove,
} from './simulation/rehearsal'
export {
  type DebriefPoint,
  nothingLeftInWords,
  OUTCOME_TEXT,
  type RehearsalDebrief,
  rehearsalDebrief,
} from './simulation/rehearsal-debrief'
export {
  ANSWER_KINDS,
  type AnswerKind,
  GENERATOR_NAMES,
  type GeneratorName,
  SIMULATION_DEFAULTS,
  SIMULATION_PARAMETERS,
  type SimulationParameter,
  type SimulationSettings,
  STRATEGY_NAMES,
  type StrategyName,
  settingsProblems,
  simulationSettings,
} from './simulation/settings'
export {
  type CounterpartOutcome,
  counterpartSeed,
  type PlayOutcome,
  runSimulationTask,
  SIMULATE_DEFAULTS,
  type SimulationOptions,
  type SimulationReport,
  type SimulationTask,
  type StrategyResult,
  simulate,
  simulateCounterparts,
  simulateLearning,
  summarizeSimulation,
} from './simulation/simulate'
export { type CounterpartTruth, theirSpace, trueUtility, truthSpace } from './simulation/truth'
export { readTruthDocument, TruthFileSchema, type TruthRead } from './simulation/truth-file'

// Warnings a negotiator needs before a decision, under the current estimate.

export { TRADE_COST_MIN, tradesCostingThem } from './warnings/costly-trade'
export { explainsBundleInPlay } from './warnings/figures-changed'
export {
  type BeyondAnchorWarning,
  type BeyondApprovalWarning,
  type BeyondEvidenceWarning,
  type BundleToSend,
  bundleName,
  type LeftOnTableWarning,
  type NegotiatorWarning,
  type SentFiguresChangedWarning,
  type ThinEvidenceWarning,
  type TradeCostsThemWarning,
  WARNING_CODES,
  type WarningCode,
  type WarningSeverity,
} from './warnings/warning'
export {
  bundleWarnings,
  journalWarnings,
  negotiationWarnings,
  negotiatorWarnings,
  type WarningOptions,
} from './warnings/warnings'

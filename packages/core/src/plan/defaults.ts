/**
 * What a plan may leave out and what it then means. An anchor may omit its issue when the plan
 * says which issue is money: the `numeraire` when it names one, else the plan's only money issue.
 * A money issue is a numeric one whose unit names a currency (`USD/year`, `EUR one-off`, `$`):
 * the unit is the only place a plan says so. With several money issues and no numeraire there is
 * no safe guess, and the anchor must name its issue. The defaults are filled in once, when a plan
 * is validated, so every computation reads a plan whose anchor names its issue.
 */
import type { Plan, WrittenPlan } from '../model/plan'

/**
 * ISO 4217 codes in use. Matched as whole words in upper case only, so `all` or `top` in a unit
 * are words, not currencies.
 */
const CURRENCY_CODES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW ' +
    'KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD ' +
    'NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD ' +
    'SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES ' +
    'VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL'
  ).split(' '),
)

const CURRENCY_SYMBOLS = /[$€£¥₹₩₽₺₪₫₴₦₱฿]/
const CURRENCY_WORDS =
  /\b(dollars?|euros?|yen|yuan|renminbi|francs?|rupees?|pesos?|kronor|kroner|krona|krone)\b/i

/** Whether a unit names a currency: an ISO 4217 code as a word (`USD/year`), a symbol (`$`) or a name (`euros`). */
export function isMoneyUnit(unit: string): boolean {
  if (CURRENCY_SYMBOLS.test(unit) || CURRENCY_WORDS.test(unit)) return true
  return (unit.match(/\b[A-Z]{3}\b/g) ?? []).some((word) => CURRENCY_CODES.has(word))
}

/** What the anchor default needs to know of an issue. */
export interface MoneyCandidate {
  id: string
  unit?: string | undefined
  /** Whether the levels are numbers (a range, or options that are all numbers). */
  numeric: boolean
}

export type AnchorIssueDefault =
  | { ok: true; issue: string; reason: 'numeraire' | 'only_money_issue' }
  | { ok: false; code: 'no_money_issue' | 'several_money_issues'; message: string }

/**
 * The issue an anchor without one is on: the numeraire when the plan names one, else the plan's
 * only money issue. Otherwise a message saying why the issue must be named.
 */
export function defaultAnchorIssue(
  issues: readonly MoneyCandidate[],
  numeraire: string | undefined,
): AnchorIssueDefault {
  if (numeraire !== undefined) return { ok: true, issue: numeraire, reason: 'numeraire' }
  const money = issues.filter((issue) => issue.numeric && issue.unit !== undefined && isMoneyUnit(issue.unit))
  const [only] = money
  if (only && money.length === 1) return { ok: true, issue: only.id, reason: 'only_money_issue' }
  if (money.length === 0) {
    return {
      ok: false,
      code: 'no_money_issue',
      message:
        'is required: the plan has no money issue (a numeric issue in a currency) for the anchor to default to; name the issue the anchor is on',
    }
  }
  return {
    ok: false,
    code: 'several_money_issues',
    message: `is required: the plan has several money issues (${money.map((issue) => issue.id).join(', ')}) and no numeraire; name the issue the anchor is on, or set numeraire`,
  }
}

/** Whether an issue's levels are numbers, as written. */
function isNumericIssue(issue: WrittenPlan['issues'][number]): boolean {
  if (issue.range) return true
  return (issue.options ?? []).length > 0 && (issue.options ?? []).every((level) => typeof level === 'number')
}

/**
 * The plan with its defaults filled in. Call it only on a plan the cross-checks accepted: an anchor
 * without an issue then always has a default, and its absence is a bug.
 */
export function withDefaults(written: WrittenPlan): Plan {
  const { anchor, ...rest } = written
  if (!anchor) return rest
  // Spreading the written plan keeps its order of fields; the anchor is replaced in place.
  if (anchor.issue !== undefined) return { ...written, anchor: { ...anchor, issue: anchor.issue } }
  const candidates = written.issues.map((issue) => ({
    id: issue.id,
    unit: issue.unit,
    numeric: isNumericIssue(issue),
  }))
  const fallback = defaultAnchorIssue(candidates, written.numeraire)
  if (!fallback.ok) throw new Error(`withDefaults on a plan whose anchor has no issue: ${fallback.message}`)
  // The issue first, as the format shows an anchor.
  return { ...written, anchor: { issue: fallback.issue, ...anchor } }
}

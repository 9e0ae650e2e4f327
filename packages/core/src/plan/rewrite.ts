/**
 * Writes a changed plan back into the text it came from, keeping the user's comments, key order and
 * layout wherever the values did not change. A plan edited in the web app and downloaded again
 * still reads like the file its author wrote.
 */
import { applyEdits, type FormattingOptions, modify, type ParseError, parse } from 'jsonc-parser'
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Pair,
  parseDocument,
  stringify,
  type Node as YamlNode,
} from 'yaml'
import type { PathSegment } from '../model/problem'
import type { SourceFormat } from './source'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, k) => sameValue(item, b[k]))
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]))
  }
  return false
}

/** A plan written as a fresh YAML file (for plans that never had a text). */
export function planToYaml(plan: unknown): string {
  return stringify(plan, { lineWidth: 0 })
}

/** A plan written as a fresh JSON file. */
export function planToJson(plan: unknown): string {
  return `${JSON.stringify(plan, null, 2)}\n`
}

/**
 * The text with its document replaced by `value`, changing only what differs. Falls back to a
 * fresh rendering when the old text can not be read (it always can for a stored plan).
 */
export function rewritePlanText(text: string, format: SourceFormat, value: unknown): string {
  return format === 'yaml' ? rewriteYaml(text, value) : rewriteJson(text, value)
}

function readYaml(text: string): unknown {
  const doc = parseDocument(text, { version: '1.2' })
  return doc.errors.length > 0 ? undefined : doc.toJS()
}

/**
 * Three tries, each checked by reading the result back: change only the scalars that differ, in
 * place (byte for byte the user's text elsewhere); else merge into the document tree (comments and
 * key order kept, layout re-rendered); else a fresh rendering.
 */
function rewriteYaml(text: string, value: unknown): string {
  const doc = parseDocument(text, { version: '1.2' })
  if (doc.errors.length > 0) return planToYaml(value)
  const edits: Edit[] = []
  diffValues(doc.toJS(), value, [], edits)
  if (edits.length === 0) return text
  const spliced = spliceScalars(doc, text, edits)
  if (spliced !== undefined && sameValue(readYaml(spliced), value)) return spliced
  doc.contents = mergeYaml(doc, doc.contents, value) as typeof doc.contents
  const merged = doc.toString({ lineWidth: 0 })
  if (sameValue(readYaml(merged), value)) return merged
  return planToYaml(value)
}

/** The text with each changed scalar replaced where it stands, or undefined when a change is not a scalar's. */
function spliceScalars(doc: Document, text: string, edits: readonly Edit[]): string | undefined {
  const cuts: { start: number; end: number; text: string }[] = []
  for (const edit of edits) {
    if (edit.value === undefined || isObject(edit.value) || Array.isArray(edit.value)) return undefined
    const node = doc.getIn(edit.path, true)
    if (!isScalar(node) || !node.range) return undefined
    if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') return undefined
    cuts.push({ start: node.range[0], end: node.range[1], text: yamlScalar(edit.value) })
  }
  cuts.sort((a, b) => b.start - a.start)
  let out = text
  for (const cut of cuts) out = out.slice(0, cut.start) + cut.text + out.slice(cut.end)
  return out
}

/** A scalar as YAML writes it inline: plain when that reads back the same everywhere, else double-quoted (JSON). */
function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value)
  const plain = value !== '' && !/[:#,[\]{}\n\r\t"'\\]/.test(value) && !/^[\s\-?!&*|>%@`]/.test(value)
  if (plain && !/\s$/.test(value) && parseDocument(value, { version: '1.2' }).toJS() === value) return value
  return JSON.stringify(value)
}

/** The node for `value`, reusing `node` (and its comments) as far as the shapes agree. */
function mergeYaml(doc: Document, node: unknown, value: unknown): YamlNode {
  if (isScalar(node) && !isObject(value) && !Array.isArray(value)) {
    if (node.value !== value) {
      node.value = value
      // A string that was plain may now need quotes, and a quoted one may not; let the printer choose.
      if (typeof value !== 'string') node.type = undefined
    }
    return node
  }
  if (isMap(node) && isObject(value)) {
    const keep: Pair[] = []
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      if (!(key in value)) continue
      pair.value = mergeYaml(doc, pair.value, value[key])
      keep.push(pair)
    }
    const present = new Set(
      keep.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key))),
    )
    for (const [key, item] of Object.entries(value)) {
      if (present.has(key) || item === undefined) continue
      keep.push(doc.createPair(key, item))
    }
    node.items = keep
    return node
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = mergeSequence(doc, node.items, value)
    return node
  }
  const created = doc.createNode(value)
  // Keep the comment a replaced value carried.
  if (node && typeof node === 'object' && !isPair(node) && (isScalar(node) || isMap(node) || isSeq(node))) {
    if (node.commentBefore) created.commentBefore = node.commentBefore
    if (node.comment) created.comment = node.comment
  }
  return created
}

/**
 * Items of a list keep their nodes by `id` when they have one (so reordering issues keeps each
 * issue's comments), and by position otherwise.
 */
function mergeSequence(doc: Document, items: unknown[], value: unknown[]): unknown[] {
  const idOf = (item: unknown): string | undefined => {
    if (isMap(item)) {
      const id = item.get('id')
      return typeof id === 'string' ? id : undefined
    }
    if (isObject(item) && typeof item.id === 'string') return item.id
    return undefined
  }
  const byId = new Map<string, unknown>()
  for (const item of items) {
    const id = idOf(item)
    if (id !== undefined && !byId.has(id)) byId.set(id, item)
  }
  const usesIds = value.length > 0 && value.every((item) => idOf(item) !== undefined)
  return value.map((item, k) => {
    const previous = usesIds ? byId.get(idOf(item) as string) : items[k]
    return previous === undefined ? doc.createNode(item) : mergeYaml(doc, previous, item)
  })
}

const JSON_FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' }

function rewriteJson(text: string, value: unknown): string {
  // JSON plans are read as JSONC (comments, trailing commas); compare values the same way.
  const errors: ParseError[] = []
  const original: unknown = parse(text, errors, { allowTrailingComma: true })
  if (errors.length > 0) return planToJson(value)
  const edits: Edit[] = []
  diffValues(original, value, [], edits)
  if (edits.length === 0) return text
  let out = text
  for (const edit of edits) {
    out = applyEdits(
      out,
      modify(out, edit.path, edit.value as Json | undefined, { formattingOptions: JSON_FORMAT }),
    )
  }
  return out
}

interface Edit {
  path: PathSegment[]
  /** undefined: remove. */
  value: unknown
}

/** The smallest set of path assignments that turns `before` into `after`. */
function diffValues(before: unknown, after: unknown, path: PathSegment[], edits: Edit[]): void {
  if (sameValue(before, after)) return
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before))
      if (!(key in after)) edits.push({ path: [...path, key], value: undefined })
    for (const [key, item] of Object.entries(after)) diffValues(before[key], item, [...path, key], edits)
    return
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((item, k) => {
      diffValues(before[k], item, [...path, k], edits)
    })
    return
  }
  edits.push({ path, value: after })
}

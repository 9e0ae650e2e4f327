/**
 * Reads a YAML or JSON text into a plain value and keeps a map back to the text, so every
 * problem found later can name its line and column. YAML is read with the 1.2 core schema,
 * so `2026-09` and `2026-09-01` stay strings and `no` stays a string. Text nested deeper than
 * LIMITS.nesting is refused before it is composed: the readers recurse once per level, and a
 * stack overflow deep inside them can take the whole process down, not just fail the read.
 */
import {
  findNodeAtLocation,
  getNodeValue,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'
import {
  Composer,
  type CST,
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLParseError,
  type Node as YamlNode,
} from 'yaml'
import { LIMITS } from '../model/limits'
import type { PathSegment, Problem } from '../model/problem'

const SOURCE_FORMATS = ['yaml', 'json'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

export interface Position {
  line: number
  column: number
}

export interface SourceDocument {
  format: SourceFormat
  /** The document as plain data; undefined when the text has syntax errors. */
  value: unknown
  /** Syntax problems, each with its position. */
  errors: Problem[]
  /** Position of the value (or the field name) at a path; the nearest existing parent when the path is missing. */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): Position | undefined
  /**
   * For a field found at a path that is a bare word inside a YAML flow map (`{ name: Rollout,
   * phased }` reads `phased` as a field of its own), the advice to quote the text it was cut from.
   */
  quoteHint?(path: readonly PathSegment[]): string | undefined
}

/** Picks the format from a file name: `.json` is JSON, `.yaml`/`.yml` YAML; anything else undefined. */
export function sourceFormatOf(fileName: string): SourceFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.json') || lower.endsWith('.jsonl')) return 'json'
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  return undefined
}

/** What a reader says when a document nests deeper than it will follow. */
const TOO_DEEP = `the document nests more than ${LIMITS.nesting} levels deep, the most a plan or journal may`

export function readSource(text: string, format: SourceFormat, file?: string): SourceDocument {
  return format === 'json' ? readJson(text, file) : readYaml(text, file)
}

function syntaxError(message: string, position: Position | undefined, file: string | undefined): Problem {
  return {
    code: 'syntax',
    severity: 'error',
    message,
    path: '',
    ...(file !== undefined ? { file } : {}),
    ...(position ?? {}),
  }
}

/** The first collection nested deeper than the limit, found by walking the syntax tree iteratively. */
function tooDeep(tokens: readonly CST.Token[], limit: number): CST.Token | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((token) => [token, 0])
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [token, depth] = item
    if (!token) continue
    if (token.type === 'document') stack.push([token.value, depth])
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token
      for (const entry of token.items) {
        if ('key' in entry) stack.push([entry.key, depth + 1])
        stack.push([entry.value, depth + 1])
      }
    }
  }
  return undefined
}

function tooDeepDocument(format: SourceFormat, problem: Problem): SourceDocument {
  return { format, value: undefined, errors: [problem], locate: () => undefined }
}

function readYaml(text: string, file: string | undefined): SourceDocument {
  const lineCounter = new LineCounter()
  // What the library's parseDocument does, with the syntax tree checked before it is composed.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)]
  const deep = tooDeep(tokens, LIMITS.nesting)
  if (deep) {
    const { line, col } = lineCounter.linePos(deep.offset)
    return tooDeepDocument('yaml', syntaxError(TOO_DEEP, { line, column: col }, file))
  }
  const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: true, keepSourceTokens: false })
  let doc: Document.Parsed | undefined
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      )
      break
    }
  }
  if (!doc) throw new Error('the YAML composer gave no document')
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  // Unknown tags and similar warnings would silently change meaning; treat them as errors.
  const flows = flowCollections(tokens)
  const errors = [...doc.errors, ...doc.warnings].map((error) => {
    const hint = flowHint(text, flows, error.pos[0])
    const message = yamlMessage(error.code, error.message)
    return syntaxError(hint ? `${message}; ${hint}` : message, position(error.pos[0]), file)
  })
  let value: unknown
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 })
    } catch (error) {
      // Excessive alias expansion (a "billion laughs" document) is refused by the library.
      errors.push(syntaxError(error instanceof Error ? error.message : String(error), undefined, file))
    }
  }
  const locate = (path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position | undefined => {
    let node: unknown = doc.contents
    let last: YamlNode | undefined = (doc.contents as YamlNode | null) ?? undefined
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]
      const isLast = i === path.length - 1
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        )
        if (!pair) break
        if (isLast && target === 'key' && isScalar(pair.key)) {
          last = pair.key
          break
        }
        node = pair.value
        if (node && typeof node === 'object' && 'range' in node) last = node as YamlNode
        else if (isScalar(pair.key)) last = pair.key
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment]
        if (!item) break
        node = item
        if (typeof item === 'object' && item !== null && 'range' in item) last = item as YamlNode
      } else break
    }
    const offset = last?.range?.[0]
    return offset === undefined ? undefined : position(offset)
  }
  const quoteHint = (path: readonly PathSegment[]): string | undefined => {
    const key = path.at(-1)
    let parent: unknown = doc.contents
    for (const segment of path.slice(0, -1)) {
      if (isMap(parent))
        parent = parent.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        )?.value
      else if (isSeq(parent) && typeof segment === 'number') parent = parent.items[segment]
      else return undefined
    }
    if (!isMap(parent) || !parent.flow) return undefined
    const at = parent.items.findIndex((item) => isScalar(item.key) && String(item.key.value) === String(key))
    const pair = parent.items[at]
    const previous = parent.items[at - 1]
    const bare = pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null))
    if (!bare || !isScalar(pair.key) || !previous || !isScalar(previous.key) || !isScalar(previous.value))
      return undefined
    const start = previous.value.range?.[0]
    const end = pair.key.range?.[1]
    if (start === undefined || end === undefined) return undefined
    return quoteAdvice('{ }', String(previous.key.value), text.slice(start, end))
  }
  return { format: 'yaml', value, errors, locate, quoteHint }
}

/** How to write a value that holds a comma, colon or #: `quote text ... inside { }: name: "Rollout, phased"`. */
function quoteAdvice(brackets: '{ }' | '[ ]', key: string | undefined, value: string): string {
  const quoted = JSON.stringify(value.trim())
  return `quote text that contains a comma, colon or # inside ${brackets}: ${key === undefined ? quoted : `${key}: ${quoted}`}`
}

/** Every flow collection (`{ }` or `[ ]`) of a YAML syntax tree, outermost first. */
function flowCollections(tokens: readonly CST.Token[]): CST.FlowCollection[] {
  const found: CST.FlowCollection[] = []
  const queue: (CST.Token | null | undefined)[] = [...tokens]
  for (let next = 0; next < queue.length; next++) {
    const token = queue[next]
    if (!token) continue
    if (token.type === 'document') queue.push(token.value)
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (token.type === 'flow-collection') found.push(token)
      for (const entry of token.items) {
        if ('key' in entry) queue.push(entry.key)
        queue.push(entry.value)
      }
    }
  }
  return found
}

/** The offset just past a token, for the tokens a flow item ends with. */
function tokenEnd(token: CST.Token): number {
  return token.offset + ('source' in token && typeof token.source === 'string' ? token.source.length : 0)
}

/**
 * The advice for a YAML error inside a flow collection, when the item it is in holds a comma, a
 * colon or a # (the usual cause: unquoted text such as `{ name: Rollout: phase 1 }`). An unclosed
 * collection counts as containing every later error, since a `#` starting a comment swallows its end.
 */
function flowHint(text: string, flows: readonly CST.FlowCollection[], offset: number): string | undefined {
  let inside: { flow: CST.FlowCollection; end: number } | undefined
  for (const flow of flows) {
    const close = flow.end.find((token) => token.type === 'flow-map-end' || token.type === 'flow-seq-end')
    const end = close ? close.offset : text.length
    if (flow.offset <= offset && offset <= end && (!inside || flow.offset >= inside.flow.offset))
      inside = { flow, end }
  }
  if (!inside) return undefined
  const { flow, end } = inside
  const items = flow.items
  let k = items.length - 1
  while (k > 0 && itemStart(items[k]) > offset) k--
  const item = items[k]
  // A nested collection left open is a bracket problem, not text to quote.
  if (!item || item.value?.type === 'flow-collection') return undefined
  const next = items[k + 1]
  const valueStart = item.value?.offset ?? itemStart(item)
  // An unclosed collection's last item runs to the end of its line.
  const lineEnd = text.indexOf('\n', valueStart)
  const stop = next ? itemStart(next) : Math.min(end, lineEnd === -1 ? text.length : lineEnd)
  const value = text
    .slice(valueStart, Math.max(stop, offset))
    .replace(/^,/, '')
    .replace(/[\s,}\]]+$/, '')
  if (!/[,:#]/.test(value)) return undefined
  const key =
    item.key && 'source' in item.key && typeof item.key.source === 'string' ? item.key.source : undefined
  return quoteAdvice(flow.start.source === '{' ? '{ }' : '[ ]', key, value)
}

/** Where a flow item begins: its key, else its value, after any comma before it. */
function itemStart(item: CST.CollectionItem | undefined): number {
  if (!item) return Number.POSITIVE_INFINITY
  const first = item.key ?? item.value
  if (first) return first.offset
  const start = item.start.at(-1)
  return start ? tokenEnd(start) : Number.POSITIVE_INFINITY
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message
  // The library's messages end with its own position; ours is in the problem's fields.
  const plain = firstLine.replace(/ at line \d+, column \d+:?$/, '')
  if (code === 'DUPLICATE_KEY') return `duplicate field: ${plain}`
  return plain
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

function offsetToPosition(starts: readonly number[], offset: number): Position {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 }
}

/**
 * Where the brackets of a JSON text first nest deeper than the limit, counted without parsing
 * (strings skipped); undefined when they never do. Exact for JSON, and cheap.
 */
function deepestBracket(text: string, limit: number): number | undefined {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      // A backslash escapes the next character.
      if (code === 92) i++
      else if (code === 34) inString = false
    } else if (code === 34) inString = true
    else if (code === 91 || code === 123) {
      depth++
      if (depth > limit) return i
    } else if (code === 93 || code === 125) depth--
  }
  return undefined
}

function readJson(text: string, file: string | undefined): SourceDocument {
  const starts = lineStarts(text)
  const deep = deepestBracket(text, LIMITS.nesting)
  if (deep !== undefined)
    return tooDeepDocument('json', syntaxError(TOO_DEEP, offsetToPosition(starts, deep), file))
  const parseErrors: ParseError[] = []
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false })
  const errors = parseErrors.map((error) =>
    syntaxError(
      JSON_ERRORS[printParseErrorCode(error.error)] ?? 'invalid JSON',
      offsetToPosition(starts, error.offset),
      file,
    ),
  )
  if (!root && errors.length === 0)
    errors.push(syntaxError('the document is empty', { line: 1, column: 1 }, file))
  if (root && errors.length === 0) {
    for (const duplicate of duplicateKeys(root)) {
      errors.push(
        syntaxError(
          `duplicate field: map keys must be unique ("${duplicate.value}")`,
          offsetToPosition(starts, duplicate.offset),
          file,
        ),
      )
    }
  }
  const value = root && errors.length === 0 ? getNodeValue(root) : undefined
  const locate = (path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position | undefined => {
    if (!root) return undefined
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(root, path.slice(0, depth) as PathSegment[])
      if (!node) continue
      const keyNode = depth === path.length && target === 'key' ? node.parent?.children?.[0] : undefined
      return offsetToPosition(starts, (keyNode ?? node).offset)
    }
    return undefined
  }
  return { format: 'json', value, errors, locate }
}

function duplicateKeys(node: JsonNode): JsonNode[] {
  const found: JsonNode[] = []
  const visit = (current: JsonNode): void => {
    if (current.type === 'object') {
      const seen = new Set<string>()
      for (const property of current.children ?? []) {
        const key = property.children?.[0]
        if (key && typeof key.value === 'string') {
          if (seen.has(key.value)) found.push(key)
          seen.add(key.value)
        }
      }
    }
    for (const child of current.children ?? []) visit(child)
  }
  visit(node)
  return found
}

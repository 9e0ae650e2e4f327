/**
 * A small XML element tree with the line and column of every element and attribute, read with
 * saxes (a streaming parser: no recursion, no entity expansion beyond XML's five, no DTD or file
 * access), so a GENIUS reader can say `adg_deal.xml:14:4` for a value it refuses. Text content is
 * dropped: GENIUS files keep everything in attributes.
 */
import { SaxesParser } from 'saxes'
import type { Problem } from '../model/problem'

export interface XmlAttribute {
  value: string
  line: number
  column: number
}

export interface XmlElement {
  name: string
  attributes: ReadonlyMap<string, XmlAttribute>
  children: XmlElement[]
  /** Where the element's `<` is, 1-based. */
  line: number
  column: number
}

export type XmlRead = { ok: true; root: XmlElement } | { ok: false; errors: Problem[] }

/** The child elements of `element` named `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name)
}

/** Stops the parser at its first error: later ones are mostly echoes of the first. */
class StopParsing extends Error {}

export function readXml(text: string, file?: string): XmlRead {
  const parser = new SaxesParser({ position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let pending: Map<string, XmlAttribute> = new Map()
  let failure: Problem | undefined

  // Where the tag now being read starts: taken when its name has been read, from the parser's
  // position (it stands one character past the name).
  let startLine = 1
  let startColumn = 1
  parser.on('opentagstart', (tag) => {
    pending = new Map()
    startLine = parser.line
    startColumn = Math.max(1, parser.column - tag.name.length - 1)
  })
  parser.on('attribute', (attribute) => {
    // The parser stands just after the closing quote; step back to the attribute's name.
    const column = Math.max(1, parser.column - attribute.value.length - attribute.name.length - 2)
    pending.set(attribute.name, { value: attribute.value, line: parser.line, column })
  })
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: pending,
      children: [],
      line: startLine,
      column: startColumn,
    }
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(element)
    else root = element
    if (!tag.isSelfClosing) stack.push(element)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.on('error', (error) => {
    failure = {
      code: 'syntax',
      severity: 'error',
      // saxes prefixes its own `line:column: `; ours are in the problem's fields.
      message: `not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '')}`,
      path: '',
      ...(file !== undefined ? { file } : {}),
      line: parser.line,
      column: Math.max(1, parser.column),
    }
    throw new StopParsing()
  })

  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close()
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error
  }
  if (failure) return { ok: false, errors: [failure] }
  if (!root) {
    return {
      ok: false,
      errors: [
        {
          code: 'syntax',
          severity: 'error',
          message: 'not well-formed XML: the document has no root element',
          path: '',
          ...(file !== undefined ? { file } : {}),
          line: 1,
          column: 1,
        },
      ],
    }
  }
  return { ok: true, root }
}

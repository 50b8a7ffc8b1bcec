/**
 * The one XML reader behind Shardwise's streaming parsers (JUnit, Cobertura): a small
 * purpose-built scanner, not a general XML parser. It is fed text in chunks of any size and
 * hands tags to a handler, so memory does not grow with `<system-out>` or CDATA size; text is
 * skipped with `indexOf`, which is what makes hundreds of MB per second possible.
 *
 * It never expands entities beyond the five predefined ones and character references (and
 * those only when a reader asks, through `parseAttributes`/`decodeEntities`), never fetches
 * anything, and rejects DTD content that could declare entities (THREATS D1–D3), so no document
 * can make a reader fetch or grow anything.
 */

const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g
const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
])

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED.get(body) ?? whole
  })
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** The attributes of a start tag (`<name a="1" b='2'>`), values decoded. */
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  ATTRIBUTE.lastIndex = 0
  for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
    const name = match[1]
    if (name !== undefined) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? ''))
  }
  return attributes
}

/** What a streaming reader does with the elements the scanner finds. */
export interface XmlHandler {
  /**
   * A start tag or an empty-element tag: its name, its whole text (`<name a="1">`, for
   * `parseAttributes`) and the enclosing element's name (`undefined` for the root).
   */
  startElement(name: string, tag: string, parent: string | undefined): void
  /** The end of an element; right after `startElement` for `<name/>`. */
  endElement(name: string): void
  /**
   * Character data inside the root element (not CDATA), as `text.slice(start, end)` with
   * entities undecoded. One run of text may arrive in several pieces. Readers that need no
   * text leave this out, and then text costs them nothing but the `indexOf` that skips it.
   */
  text?(text: string, start: number, end: number): void
}

export interface XmlScanOptions {
  /** The kind of document, for messages: "… are not allowed in a JUnit report". */
  readonly document: string
  /**
   * `reject`: any `<!DOCTYPE>` is an error. `external-only`: one DOCTYPE before the root that
   * only names an external DTD (`<!DOCTYPE coverage SYSTEM "…/coverage-04.dtd">`, which
   * declares nothing here and is never fetched) is skipped; an internal subset `[…]`, where
   * entities would be declared, is an error.
   */
  readonly doctype: 'reject' | 'external-only'
  /**
   * `reject`: text or a second XML declaration after the root element is an error. `ignore`:
   * both are skipped. A second root element is an error either way.
   */
  readonly afterRoot: 'reject' | 'ignore'
}

/**
 * A document the scanner cannot read on. After it the scanner must not be written to again;
 * what the handler received before it is complete and can be kept.
 */
export class XmlError extends Error {
  override readonly name = 'XmlError'
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    /** Where the offending token starts, in characters from the start of the document. */
    readonly position: number,
    /** DTD content: hostile or unusable, never a document to salvage. */
    readonly dtd: boolean,
  ) {
    super(`${reason} (at character ${position})`)
  }
}

/** The longest single tag the scanner waits for; real tags are a few hundred characters. */
export const MAX_TAG_CHARS = 1 << 20
const MAX_DOCTYPE_CHARS = 1 << 16

type Mode = 'markup' | 'comment' | 'cdata' | 'pi'

const TERMINATORS: Readonly<Record<Exclude<Mode, 'markup'>, string>> = {
  comment: '-->',
  cdata: ']]>',
  pi: '?>',
}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27
const OPEN_BRACKET = 0x5b
const ELEMENT_NAME = /^<([^\s/>]+)/

/**
 * A streaming XML scanner. It checks the structure every reader needs — one root element,
 * matching end tags, no stray text outside the root, no `<` inside a tag, no tag over 1 MiB —
 * and skips comments, CDATA and processing instructions, whatever the chunk boundaries. Errors
 * are thrown as `XmlError`; errors the handler throws pass through unchanged.
 */
export class XmlScanner {
  /** Text not consumed yet: empty, or a token cut off by the end of a chunk. */
  private buffer = ''
  /** Characters consumed before `buffer`. */
  private offset = 0
  private mode: Mode = 'markup'
  private readonly elements: string[] = []
  private tokenStart = 0
  /**
   * How much of the tag or DOCTYPE cut off at the start of `buffer` was already scanned, and
   * the quote open there: the next chunk resumes the scan, so a long tag costs linear time.
   */
  private scanned = 0
  private scanQuote = 0
  private doctypeSeen = false
  private rootWasSeen = false
  private rootWasClosed = false

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: XmlScanOptions,
  ) {}

  /** Where the token being handled starts (characters from the start of the document). */
  get position(): number {
    return this.tokenStart
  }

  get rootSeen(): boolean {
    return this.rootWasSeen
  }

  get rootClosed(): boolean {
    return this.rootWasClosed
  }

  /** The innermost open element. */
  get openElement(): string | undefined {
    return this.elements[this.elements.length - 1]
  }

  /** Characters written so far. */
  get written(): number {
    return this.offset + this.buffer.length
  }

  /** The text so far ends inside an element, a comment, CDATA, a processing instruction or a tag. */
  get unfinished(): boolean {
    return this.elements.length > 0 || this.mode !== 'markup' || this.buffer.length > 0
  }

  /** Feeds the next chunk of text. */
  write(chunk: string): void {
    const buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk
    const length = buffer.length
    let position = 0
    while (position < length) {
      if (this.mode !== 'markup') {
        const terminator = TERMINATORS[this.mode]
        const end = buffer.indexOf(terminator, position)
        if (end < 0) {
          // Keep only what could be the start of the terminator.
          position = Math.max(position, length - (terminator.length - 1))
          break
        }
        position = end + terminator.length
        this.mode = 'markup'
        continue
      }
      const lt = buffer.indexOf('<', position)
      const textEnd = lt < 0 ? length : lt
      if (textEnd > position) {
        this.text(buffer, position, textEnd)
        position = textEnd
      }
      if (lt < 0 || length - lt < 2) break
      this.tokenStart = this.offset + lt
      const next = this.markup(buffer, lt)
      if (next < 0) break
      position = next
    }
    this.offset += position
    this.buffer = position === 0 ? buffer : buffer.slice(position)
  }

  private error(reason: string, dtd = false): XmlError {
    return new XmlError(reason, this.tokenStart, dtd)
  }

  private text(buffer: string, start: number, end: number): void {
    if (this.elements.length > 0) {
      this.handler.text?.(buffer, start, end)
      return
    }
    // Outside the root only white space (and a byte order mark) may stand.
    const text = buffer.slice(start, end)
    if (!/\S/.test(text.replace(/^\uFEFF/, ''))) return
    this.tokenStart = this.offset + start
    if (!this.rootWasClosed) {
      throw this.error(`text before the root element: ${JSON.stringify(text.trim().slice(0, 40))}`)
    }
    if (this.options.afterRoot === 'reject') throw this.error('text after the root element')
  }

  /** Reads the markup at `lt`; returns where the next token starts, or -1 to wait for more text. */
  private markup(buffer: string, lt: number): number {
    const second = buffer.charCodeAt(lt + 1)
    if (second === BANG) return this.declaration(buffer, lt)
    if (second === QUESTION) {
      if (this.rootWasClosed && this.options.afterRoot === 'reject') {
        throw this.error('a second XML document follows the first')
      }
      this.mode = 'pi'
      return lt + 2
    }
    const end = this.scan(buffer, lt, false)
    if (end < 0) return -1
    this.tag(buffer.slice(lt, end + 1))
    return end + 1
  }

  /** `<!--`, `<![CDATA[`, `<!DOCTYPE` and the DTD declarations that are never allowed. */
  private declaration(buffer: string, lt: number): number {
    if (buffer.startsWith('<!--', lt)) {
      this.mode = 'comment'
      return lt + 4
    }
    // Room for '<![CDATA[' and '<!DOCTYPE'. Only here: a short comment or tag can end the
    // document, and waiting on it would call a complete document truncated.
    if (buffer.length - lt < 9) return -1
    if (buffer.startsWith('<![CDATA[', lt)) {
      this.mode = 'cdata'
      return lt + 9
    }
    const external = this.options.doctype === 'external-only'
    if (external && buffer.startsWith('<!DOCTYPE', lt)) {
      if (this.rootWasSeen || this.doctypeSeen) {
        throw this.error('a DOCTYPE after the document began', true)
      }
      const end = this.scan(buffer, lt, true)
      if (end < 0) return -1
      this.doctypeSeen = true
      return end + 1
    }
    const kinds = external ? '<!ENTITY>, <!ELEMENT>, …' : '<!DOCTYPE>, <!ENTITY>'
    throw this.error(
      `DTD declarations (${kinds}) are not allowed in ${this.options.document}`,
      true,
    )
  }

  /**
   * Index of the `>` that closes the tag (or DOCTYPE) at `lt`, honouring quotes; -1 when the
   * text ends first. Resumes where the previous chunk's scan of the same tag stopped. A quoted
   * value is skipped with `indexOf`: long attribute values (failure messages) cost little.
   */
  private scan(buffer: string, lt: number, doctype: boolean): number {
    const length = buffer.length
    let i = lt + Math.max(this.scanned, doctype ? 9 : 1)
    let quote = this.scanQuote
    while (i < length) {
      if (quote !== 0) {
        const close = buffer.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i)
        if (close < 0) break
        quote = 0
        i = close + 1
        continue
      }
      const c = buffer.charCodeAt(i)
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        quote = c
      } else if (c === GT) {
        this.scanned = 0
        this.scanQuote = 0
        return i
      } else if (doctype) {
        if (c === OPEN_BRACKET) {
          throw this.error(
            'a DOCTYPE with an internal subset (entity declarations) is not allowed',
            true,
          )
        }
      } else if (c === LT) {
        throw this.error('"<" inside a tag')
      }
      i++
    }
    if (doctype && length - lt > MAX_DOCTYPE_CHARS) {
      throw this.error('a DOCTYPE longer than 64 KiB', true)
    }
    if (!doctype && length - lt > MAX_TAG_CHARS) throw this.error('a tag longer than 1 MiB')
    this.scanned = length - lt
    this.scanQuote = quote
    return -1
  }

  private tag(tag: string): void {
    if (tag.charCodeAt(1) === SLASH) {
      const name = tag.slice(2, -1).trim()
      const open = this.elements.pop()
      if (open !== name) throw this.error(`</${name}> closes <${open ?? 'nothing'}>`)
      this.handler.endElement(name)
      if (this.elements.length === 0) this.rootWasClosed = true
      return
    }
    const name = ELEMENT_NAME.exec(tag)?.[1]
    if (name === undefined) throw this.error(`malformed tag ${JSON.stringify(tag.slice(0, 40))}`)
    const parent = this.elements[this.elements.length - 1]
    if (parent === undefined) {
      if (this.rootWasClosed) throw this.error('a second root element follows the first')
      this.rootWasSeen = true
    }
    this.handler.startElement(name, tag, parent)
    if (tag.charCodeAt(tag.length - 2) === SLASH) {
      this.handler.endElement(name)
      if (this.elements.length === 0) this.rootWasClosed = true
    } else {
      this.elements.push(name)
    }
  }
}

import { XmlError, XmlScanner, decodeEntities, parseAttributes } from '../formats/xml.js'
import {
  CoverageFormatError,
  branchKey,
  cleanName,
  emptyFile,
  listSome,
  quote,
  uniqueName,
  type CoverageParseOptions,
  type CoverageParser,
  type MutableFile,
  type ParsedCoverage,
} from './model.js'
import { locateDirectory, type CoveragePath } from './paths.js'
import { ReportBuilder, parseCount, parseLineNumber } from './report-builder.js'

interface ClassFrame {
  readonly filename: string
  readonly file: MutableFile
}

interface MethodFrame {
  readonly name: string
  readonly hits: number | undefined
  first: { line: number; hits: number } | undefined
}

const MAX_SOURCE_CHARS = 4096
/** More outcomes than any real line has; a larger `(n/m)` is corrupt. */
const MAX_CONDITIONS = 10_000

/**
 * Streaming Cobertura reader (coverage.py, istanbul, gocover-cobertura, JaCoCo conversions),
 * driving the shared `XmlScanner` as the JUnit reader does. It never expands entities beyond
 * the predefined five and character references, never fetches anything, and throws
 * `CoverageFormatError` for any DTD content that could declare entities (an internal subset
 * `[...]`, `<!ENTITY>`). A bare external DOCTYPE
 * (`<!DOCTYPE coverage SYSTEM "http://cobertura…/coverage-04.dtd">`, which istanbul and
 * gocover-cobertura write) declares nothing and is ignored, unfetched.
 *
 * Line coverage is each class's `<lines>` (method lines only locate functions); branches come
 * from `condition-coverage="50% (1/2)"`, the only per-line branch data the format has, as
 * outcomes 0..total-1 of which the first `covered` are taken once. Relative file names are
 * resolved against the first `<source>` inside the repository. Classes are kept as they
 * complete: a truncated or malformed document keeps its complete classes with a warning.
 */
export class CoberturaParser implements CoverageParser {
  private readonly report: ReportBuilder
  private readonly scanner: XmlScanner
  private broken: string | undefined
  /** The raw text of the `<source>` being read (entities are decoded once it is complete). */
  private sourceText: string | undefined
  private readonly sources: string[] = []
  private base: string | undefined
  private currentClass: ClassFrame | undefined
  private currentMethod: MethodFrame | undefined
  private ignoredClasses = 0
  private ignoredMethods = 0
  private classesKept = 0
  private badLines = 0

  constructor(options: CoverageParseOptions) {
    this.report = new ReportBuilder('cobertura', options.source ?? 'cobertura.xml', options.roots)
    this.scanner = new XmlScanner(
      {
        startElement: (name, tag, parent) => {
          if (parent === undefined && name !== 'coverage') {
            this.reject(`the root element is <${name}>, not Cobertura's <coverage>`)
          }
          this.open(name, tag, parent)
        },
        endElement: (name) => {
          this.close(name)
        },
        text: (text, start, end) => {
          if (this.sourceText !== undefined && this.sourceText.length < MAX_SOURCE_CHARS) {
            this.sourceText += text.slice(start, end)
          }
        },
      },
      { document: 'a coverage report', doctype: 'external-only', afterRoot: 'ignore' },
    )
  }

  write(chunk: string): void {
    if (this.broken !== undefined) return
    try {
      this.scanner.write(chunk)
    } catch (error) {
      if (!(error instanceof XmlError)) throw error
      if (error.dtd || !this.scanner.rootSeen) this.reject(error.reason)
      // A structural error after the root began: stop reading and keep what is complete.
      this.broken = `malformed XML at character ${error.position} (${error.reason})`
    }
  }

  end(): ParsedCoverage {
    const source = this.report.source
    if (!this.scanner.rootSeen) {
      throw new CoverageFormatError(`${source}: no <coverage> element (empty or not Cobertura XML)`)
    }
    if (this.broken !== undefined) {
      this.report.warn(
        `${source}: ${this.broken}; kept the ${this.classesKept} complete class(es) before it`,
      )
    } else if (!this.scanner.rootClosed) {
      this.report.warn(
        `${source}: the document ends before </coverage> (truncated?); kept the ${this.classesKept} complete class(es)`,
      )
    }
    if (this.badLines > 0) {
      this.report.warn(
        `${source}: ${this.badLines} <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped`,
      )
    }
    return this.report.finish()
  }

  private reject(message: string): never {
    throw new CoverageFormatError(
      `${this.report.source}: ${message} (at character ${this.scanner.position})`,
    )
  }

  private open(name: string, tag: string, parent: string | undefined): void {
    switch (name) {
      case 'source':
        if (parent === 'sources') this.sourceText = ''
        return
      case 'class':
        this.openClass(tag)
        return
      case 'method':
        this.openMethod(tag)
        return
      case 'line':
        this.lineElement(tag, parent)
        return
      default:
        return
    }
  }

  private openClass(tag: string): void {
    if (this.currentClass) {
      this.ignoredClasses++
      return
    }
    const filename = parseAttributes(tag).get('filename')
    if (filename === undefined || filename === '') {
      this.report.warn(`${this.report.source}: a <class> without a filename attribute; skipped`)
      this.ignoredClasses++
      return
    }
    this.currentClass = { filename, file: emptyFile() }
  }

  private openMethod(tag: string): void {
    if (!this.currentClass || this.currentMethod) {
      this.ignoredMethods++
      return
    }
    const attributes = parseAttributes(tag)
    this.currentMethod = {
      name: cleanName(attributes.get('name') ?? '(anonymous)'),
      hits: parseCount(attributes.get('hits')),
      first: undefined,
    }
  }

  private lineElement(tag: string, parent: string | undefined): void {
    const frame = this.currentClass
    if (!frame || parent !== 'lines') return
    const attributes = parseAttributes(tag)
    const line = parseLineNumber(attributes.get('number'))
    const hits = parseCount(attributes.get('hits'))
    if (line === undefined || hits === undefined) {
      this.badLines++
      return
    }
    const method = this.currentMethod
    if (method) {
      method.first ??= { line, hits }
      return
    }
    frame.file.lines.set(line, Math.max(frame.file.lines.get(line) ?? 0, hits))
    if (attributes.get('branch') !== 'true') return
    const condition = /\((\d+)\/(\d+)\)/.exec(attributes.get('condition-coverage') ?? '')
    if (!condition) return
    const total = Math.min(Number(condition[2]), MAX_CONDITIONS)
    const covered = Math.min(Number(condition[1]), total)
    for (let index = 0; index < total; index++) {
      const branch = String(index)
      const key = branchKey(line, '0', branch)
      const taken = index < covered ? 1 : 0
      const previous = frame.file.branches.get(key)
      if (!previous) frame.file.branches.set(key, { line, block: '0', branch, taken })
      else previous.taken = Math.max(previous.taken, taken)
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'source':
        if (this.sourceText !== undefined) this.sources.push(decodeEntities(this.sourceText))
        this.sourceText = undefined
        return
      case 'method':
        this.closeMethod()
        return
      case 'class':
        this.closeClass()
        return
      default:
        return
    }
  }

  private closeMethod(): void {
    if (this.ignoredMethods > 0) {
      this.ignoredMethods--
      return
    }
    const method = this.currentMethod
    const frame = this.currentClass
    this.currentMethod = undefined
    if (!method || !frame) return
    if (!method.first) {
      this.report.warn(
        `${this.report.source}: method ${quote(method.name)} in ${quote(frame.filename)} has no line; skipped`,
      )
      return
    }
    const { line } = method.first
    frame.file.functions.set(uniqueName(frame.file.functions, method.name, line), {
      line,
      hits: method.hits ?? method.first.hits,
    })
  }

  private closeClass(): void {
    if (this.ignoredClasses > 0) {
      this.ignoredClasses--
      return
    }
    const frame = this.currentClass
    this.currentClass = undefined
    if (!frame) return
    this.classesKept++
    this.report.add(
      this.resolve(frame.filename),
      frame.file,
      'max',
      `${this.report.source}: class ${quote(frame.filename)}`,
    )
  }

  /** A class's file name, relative to the chosen `<source>` unless it is absolute. */
  private resolve(filename: string): CoveragePath {
    if (/^(?:[\\/]|[A-Za-z]:[\\/]|file:)/i.test(filename)) return this.report.locate(filename)
    const base = this.chooseBase()
    return this.report.locate(base === '.' ? filename : `${base}/${filename}`)
  }

  private chooseBase(): string {
    if (this.base !== undefined) return this.base
    const inside: string[] = []
    for (const source of this.sources) {
      const located = locateDirectory(source, this.report.roots)
      if (located.kind === 'repo' && !inside.includes(located.path)) inside.push(located.path)
    }
    const base = inside[0]
    if (base === undefined) {
      if (this.sources.length > 0) {
        this.report.warn(
          `${this.report.source}: no <source> is inside the workspace (${listSome(this.sources.map(quote), 3)}); class file names are taken as repo-relative`,
        )
      }
      this.base = '.'
    } else {
      if (inside.length > 1) {
        this.report.warn(
          `${this.report.source}: several <source> directories (${listSome(inside.map(quote), 3)}); class file names are resolved against the first`,
        )
      }
      this.base = base
    }
    return this.base
  }
}

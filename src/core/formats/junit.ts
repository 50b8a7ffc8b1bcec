import { parseSeconds } from '../duration.js'
import { joinTestId, normalizeFileId, type NormalizeOptions } from '../ids.js'
import type { TimingRun } from '../types.js'
import { RunBuilder } from './run-builder.js'
import { XmlError, XmlScanner, parseAttributes } from './xml.js'

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped'

export interface JunitCase {
  readonly id: string
  readonly file: string
  readonly seconds: number | undefined
  readonly status: CaseStatus
  /** A failure reported by a rerun-aware runner (Surefire `flakyFailure`) before a pass. */
  readonly flaky: boolean
  readonly message: string | undefined
  /**
   * pytest's marks for tests expected to fail, as its JUnit writer spells them: `xfail` for an
   * expected failure (`<skipped type="pytest.xfail">`), `xpass-strict` for a strict mark's
   * unexpected pass (which pytest fails, but writes as a skip).
   */
  readonly expectation?: 'xfail' | 'xpass-strict'
}

export interface JunitSummary {
  readonly run: TimingRun
  readonly cases: number
  readonly statusCounts: Readonly<Record<CaseStatus, number>>
  /** Set when the document ended early (a killed runner): complete test cases were kept. */
  readonly partial: string | undefined
  readonly warnings: readonly string[]
}

export class JunitError extends Error {
  override readonly name = 'JunitError'
}

export interface JunitOptions extends NormalizeOptions {
  /** Receives every complete test case, in document order. */
  readonly onCase?: (testCase: JunitCase) => void
}

/** The files of a suite's test cases, as far as a suite's own file needs them: one, or many. */
type CaseFiles =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly file: string }
  | { readonly kind: 'many' }

function withFile(files: CaseFiles, file: string): CaseFiles {
  if (files.kind === 'none') return { kind: 'one', file }
  return files.kind === 'one' && files.file === file ? files : { kind: 'many' }
}

function joinFiles(a: CaseFiles, b: CaseFiles): CaseFiles {
  return b.kind === 'none' ? a : b.kind === 'one' ? withFile(a, b.file) : b
}

/**
 * An open `<testsuite>`. Everything a case or a closing suite needs from the suites around
 * it is kept here in constant size, or handed to the parent when the suite closes, so that
 * deep nesting (20,000 levels) costs no more per case than a flat report.
 */
interface SuiteFrame {
  readonly name: string
  readonly explicitFile: string | undefined
  readonly pathLikeName: string | undefined
  /** The nearest `file` attribute among this suite and those around it. */
  readonly inheritedFile: string | undefined
  /** The nearest path-like name among this suite and those around it. */
  readonly inheritedPathLike: string | undefined
  readonly time: number | undefined
  readonly declaredTests: number | undefined
  /** Files of the test cases inside this suite (nested suites included, once they close). */
  files: CaseFiles
  /** File times already recorded by this suite's nested suites. */
  fileTimes: Map<string, number>
  /** Test cases inside this suite (nested suites included, once they close). */
  cases: number
}

interface CaseFrame {
  readonly file: string
  readonly id: string
  readonly seconds: number | undefined
  failed: boolean
  errored: boolean
  skipped: boolean
  flaky: boolean
  message: string | undefined
  expectation: 'xfail' | 'xpass-strict' | undefined
}

const TEST_FILE_EXTENSION =
  /\.(?:[cm]?[jt]sx?|py|rb|go|feature|php|java|kt|scala|cs|rs|ex|exs|swift|vue|svelte)$/i
const DOTTED_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/
const PYTHON_TEST_MODULE = /^(?:test_\w*|\w+_test)$/

function isPathLike(value: string): boolean {
  return value.includes('/') || value.includes('\\') || TEST_FILE_EXTENSION.test(value)
}

const MAX_MESSAGE_CHARS = 2000

/**
 * A streaming JUnit XML reader. It is fed text in chunks of any size (`write`) and keeps only
 * what a timing model and a verdict need — ids, durations, outcomes — so memory does not grow
 * with `<system-out>` or CDATA size. The markup is read by the shared `XmlScanner`, which
 * never expands entities beyond the five predefined ones and character references and rejects
 * any DTD (`<!DOCTYPE`, `<!ENTITY`) outright (THREATS D1–D3).
 */
export class JunitParser {
  private readonly scanner: XmlScanner
  private readonly suites: SuiteFrame[] = []
  private currentCase: CaseFrame | undefined
  private pytestReport = false
  private cases = 0
  private readonly counts: Record<CaseStatus, number> = {
    passed: 0,
    failed: 0,
    error: 0,
    skipped: 0,
  }
  private readonly builder: RunBuilder
  /** Test ids with at least one non-skipped occurrence, and their summed time. */
  private readonly testSeconds = new Map<string, number>()
  private readonly fileSeconds = new Map<string, number>()
  private readonly untimedTests = new Set<string>()
  private countMismatches = 0
  private unnamedCases = 0

  constructor(
    private readonly source: string,
    private readonly options: JunitOptions = {},
  ) {
    this.builder = new RunBuilder(source, 'junit', options)
    this.scanner = new XmlScanner(
      {
        startElement: (name, tag, parent) => {
          if (parent === undefined) this.checkRoot(name)
          this.openElement(name, tag)
        },
        endElement: (name) => {
          this.closeElement(name)
        },
      },
      { document: 'a JUnit report', doctype: 'reject', afterRoot: 'reject' },
    )
  }

  /** Feeds the next chunk of text. Throws `JunitError` for documents that are not JUnit XML. */
  write(chunk: string): void {
    try {
      this.scanner.write(chunk)
    } catch (error) {
      if (error instanceof XmlError) this.fail(error.reason)
      throw error
    }
  }

  private fail(message: string): never {
    throw new JunitError(`${this.source}: ${message} (at character ${this.scanner.position})`)
  }

  private checkRoot(name: string): void {
    if (name !== 'testsuites' && name !== 'testsuite') {
      this.fail(`the root element is <${name}>, not <testsuites> or <testsuite>`)
    }
  }

  private openElement(name: string, tag: string): void {
    switch (name) {
      case 'testsuites': {
        if (parseAttributes(tag).get('name') === 'pytest') this.pytestReport = true
        return
      }
      case 'testsuite': {
        const attributes = parseAttributes(tag)
        const suiteName = attributes.get('name') ?? ''
        if (suiteName === 'pytest') this.pytestReport = true
        const fileAttribute = attributes.get('file') ?? attributes.get('filepath')
        const declared = attributes.get('tests')
        const explicitFile = fileAttribute ? this.normalize(fileAttribute) : undefined
        const pathLikeName =
          suiteName !== '' && isPathLike(suiteName) ? this.normalize(suiteName) : undefined
        const outer = this.suites[this.suites.length - 1]
        this.suites.push({
          name: suiteName,
          explicitFile,
          pathLikeName,
          inheritedFile: explicitFile ?? outer?.inheritedFile,
          inheritedPathLike: pathLikeName ?? outer?.inheritedPathLike,
          time: parseSeconds(attributes.get('time')),
          declaredTests:
            declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined,
          files: { kind: 'none' },
          fileTimes: new Map(),
          cases: 0,
        })
        return
      }
      case 'testcase': {
        if (this.currentCase) this.fail('<testcase> inside <testcase>')
        this.currentCase = this.startCase(parseAttributes(tag))
        return
      }
      case 'failure':
      case 'error':
      case 'skipped':
      case 'flakyFailure':
      case 'flakyError':
      case 'rerunFailure':
      case 'rerunError': {
        const current = this.currentCase
        if (!current) return
        if (name === 'failure' || name === 'rerunFailure') current.failed = true
        else if (name === 'error' || name === 'rerunError') current.errored = true
        else if (name === 'skipped') {
          current.skipped = true
          const attributes = parseAttributes(tag)
          if (attributes.get('type') === 'pytest.xfail') current.expectation = 'xfail'
          else if (attributes.get('message') === 'xfail-marked test passes unexpectedly')
            current.expectation = 'xpass-strict'
        } else current.flaky = true
        if ((name === 'failure' || name === 'error') && current.message === undefined) {
          const message = parseAttributes(tag).get('message')
          if (message !== undefined) current.message = message.slice(0, MAX_MESSAGE_CHARS)
        }
        return
      }
      default:
        return
    }
  }

  private closeElement(name: string): void {
    if (name === 'testcase') this.finishCase()
    else if (name === 'testsuite') this.finishSuite()
  }

  private normalize(path: string): string {
    return normalizeFileId(path, this.options)
  }

  /** Works out a test case's file and id from its attributes and enclosing suites. */
  private startCase(attributes: Map<string, string>): CaseFrame {
    const name = attributes.get('name') ?? ''
    const classname = attributes.get('classname') ?? attributes.get('class') ?? ''
    const seconds = parseSeconds(attributes.get('time'))
    const scopes: string[] = []
    let file: string | undefined
    const own = attributes.get('file') ?? attributes.get('filepath')
    if (own) file = this.normalize(own)
    const innermost = this.suites[this.suites.length - 1]
    file ??= innermost?.inheritedFile
    file ??= innermost?.inheritedPathLike
    // A describe block can look like a path ("test/it errors", "config .cjs"); a class name
    // with white space is a title, not a file.
    const classnameIsPath = classname !== '' && !/\s/.test(classname) && isPathLike(classname)
    if (file === undefined && classnameIsPath) file = this.normalize(classname)

    if (classname !== '' && !(classnameIsPath && file === this.normalize(classname))) {
      const python = this.pythonModule(classname)
      if (python && (file === undefined || file === python.file)) {
        file = python.file
        scopes.push(...python.scopes)
      } else if (file === undefined) {
        // A class name with no path (Java, C#) is itself the unit a runner selects.
        file = classname
      } else if (!this.isModuleOf(classname, file)) {
        scopes.push(classname) // a describe block
      } else if (python) {
        scopes.push(...python.scopes)
      }
    }
    if (file === undefined) file = innermost && innermost.name !== '' ? innermost.name : '(unnamed)'
    // A nameless case keeps its place as the test `file::` (the id runners' own reports give it).
    if (name === '') this.unnamedCases++
    return {
      file,
      id: joinTestId(file, scopes, name),
      seconds,
      failed: false,
      errored: false,
      skipped: false,
      flaky: false,
      message: undefined,
      expectation: undefined,
    }
  }

  /** `tests.test_x.TestY` → `tests/test_x.py` with scope `TestY`, for Python-shaped names. */
  private pythonModule(classname: string): { file: string; scopes: string[] } | undefined {
    if (!DOTTED_NAME.test(classname)) return undefined
    const segments = classname.split('.')
    let moduleEnd = -1
    if (this.pytestReport) {
      const firstClass = segments.findIndex((s) => /^[A-Z]/.test(s))
      moduleEnd = firstClass < 0 ? segments.length : firstClass
    } else {
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] ?? ''
        if (PYTHON_TEST_MODULE.test(segment) && segment === segment.toLowerCase()) moduleEnd = i + 1
      }
    }
    if (moduleEnd <= 0) return undefined
    return {
      file: `${segments.slice(0, moduleEnd).join('/')}.py`,
      scopes: segments.slice(moduleEnd),
    }
  }

  private isModuleOf(classname: string, file: string): boolean {
    const dotted = file.replace(/\.[^./]+$/, '').replace(/\//g, '.')
    return classname === dotted || classname === file
  }

  private finishCase(): void {
    const current = this.currentCase
    if (!current) return
    this.currentCase = undefined
    const status: CaseStatus = current.errored
      ? 'error'
      : current.failed
        ? 'failed'
        : current.skipped
          ? 'skipped'
          : 'passed'
    this.cases++
    this.counts[status]++
    // The innermost suite only: it hands its cases to its parent when it closes.
    const suite = this.suites[this.suites.length - 1]
    if (suite) {
      suite.files = withFile(suite.files, current.file)
      suite.cases++
    }
    if (status !== 'skipped' && current.seconds !== undefined) {
      this.testSeconds.set(current.id, (this.testSeconds.get(current.id) ?? 0) + current.seconds)
    } else if (!this.testSeconds.has(current.id)) {
      this.untimedTests.add(current.id)
    }
    this.options.onCase?.({
      id: current.id,
      file: current.file,
      seconds: current.seconds,
      status,
      flaky: current.flaky && status === 'passed',
      message: current.message,
      ...(current.expectation !== undefined && status === 'skipped'
        ? { expectation: current.expectation }
        : {}),
    })
  }

  private finishSuite(): void {
    const suite = this.suites.pop()
    if (!suite) return
    if (suite.declaredTests !== undefined && suite.declaredTests !== suite.cases) {
      this.countMismatches++
    }
    // The file a suite stands for: named explicitly, or the one file all its cases share.
    const onlyFile = suite.files.kind === 'one' ? suite.files.file : undefined
    const file = suite.explicitFile ?? suite.pathLikeName ?? onlyFile
    const recorded = suite.fileTimes
    if (file !== undefined && suite.time !== undefined && suite.time > 0) {
      // The outermost timed suite of a file wins: nested describe-suites are inside its time.
      const inner = recorded.get(file) ?? 0
      this.fileSeconds.set(file, (this.fileSeconds.get(file) ?? 0) - inner + suite.time)
      recorded.set(file, suite.time)
    }
    const parent = this.suites[this.suites.length - 1]
    if (parent) {
      parent.cases += suite.cases
      parent.files = joinFiles(parent.files, suite.files)
      // The smaller map goes into the larger (this suite is closed: its map can be reused),
      // so that a deep chain of suites does not copy a growing map at every level.
      let into = parent.fileTimes
      let from = recorded
      if (into.size < from.size) [into, from] = [from, into]
      for (const [f, seconds] of from) into.set(f, (into.get(f) ?? 0) + seconds)
      parent.fileTimes = into
    }
  }

  /** Ends the document and returns what it held. */
  end(): JunitSummary {
    let partial: string | undefined
    if (!this.scanner.rootSeen) {
      this.fail(
        this.scanner.written === 0 ? 'the file is empty' : 'no <testsuites> or <testsuite> element',
      )
    }
    if (this.scanner.unfinished) {
      const open = this.scanner.openElement ?? 'a tag'
      partial = `${this.source}: the report ends inside <${open}> (truncated?); kept ${this.cases} complete test cases`
      // A case cut off mid-way has no outcome; suites still open have no trustworthy time.
      this.currentCase = undefined
    }
    for (const [id, seconds] of this.testSeconds) this.builder.addNormalized(id, seconds)
    for (const [file, seconds] of this.fileSeconds) this.builder.addNormalized(file, seconds)
    for (const id of this.untimedTests) {
      if (!this.testSeconds.has(id)) this.builder.addUntimed(id)
    }
    const warnings = [...this.builder.warnings()]
    if (partial) warnings.push(partial)
    if (this.countMismatches > 0) {
      warnings.push(
        `${this.source}: ${this.countMismatches} suites declare a tests= count that differs from the test cases they contain; the cases were counted`,
      )
    }
    if (this.unnamedCases > 0) {
      warnings.push(`${this.source}: ${this.unnamedCases} test cases have no name`)
    }
    return {
      run: this.builder.build(),
      cases: this.cases,
      statusCounts: { ...this.counts },
      partial,
      warnings,
    }
  }
}

/** Parses a whole JUnit document held in memory (tests, small files). */
export function parseJunit(source: string, text: string, options: JunitOptions = {}): JunitSummary {
  const parser = new JunitParser(source, options)
  parser.write(text)
  return parser.end()
}

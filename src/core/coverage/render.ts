import {
  cleanName,
  compareStrings,
  type BranchCoverage,
  type CoverageModel,
  type FileCoverage,
  type FunctionCoverage,
} from './model.js'
import {
  summarizeCoverage,
  summarizeFile,
  type CoverageCounts,
  type CoverageSummary,
  type CoverageTotals,
} from './summary.js'

/** The writers of a merged model: lcov and Cobertura XML, both deterministic. */

function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b) || compareStrings(a, b)
  return compareStrings(a, b)
}

function sortedBranches(file: FileCoverage): BranchCoverage[] {
  return [...file.branches.values()].sort(
    (x, y) => x.line - y.line || compareIds(x.block, y.block) || compareIds(x.branch, y.branch),
  )
}

function sortedFunctions(file: FileCoverage): [string, FunctionCoverage][] {
  return [...file.functions].sort(([a, x], [b, y]) => x.line - y.line || compareStrings(a, b))
}

function sortedLines(file: FileCoverage): [number, number][] {
  return [...file.lines].sort(([a], [b]) => a - b)
}

/** Paths that lcov or XML cannot carry (a line break) are left out of the writers' output. */
function writablePaths(model: CoverageModel): string[] {
  return [...model.keys()]
    .filter((path) => !/[\r\n]/.test(path) && !path.includes('\0'))
    .sort(compareStrings)
}

/**
 * One lcov record per file (sorted by path; functions, branches and lines sorted), for writing
 * a large merge without building one giant string. Counts are written as numbers (never `-`).
 */
export function* renderLcovRecords(model: CoverageModel): Generator<string> {
  for (const path of writablePaths(model)) {
    const file = model.get(path)
    if (!file) continue
    const out: string[] = ['TN:', `SF:${path}`]
    const functions = sortedFunctions(file)
    for (const [name, fn] of functions) out.push(`FN:${fn.line},${cleanName(name)}`)
    for (const [name, fn] of functions) out.push(`FNDA:${fn.hits},${cleanName(name)}`)
    const summary = summarizeFile(file)
    out.push(`FNF:${summary.functions.found}`, `FNH:${summary.functions.hit}`)
    for (const outcome of sortedBranches(file)) {
      out.push(`BRDA:${outcome.line},${outcome.block},${outcome.branch},${outcome.taken}`)
    }
    out.push(`BRF:${summary.branches.found}`, `BRH:${summary.branches.hit}`)
    for (const [line, hits] of sortedLines(file)) out.push(`DA:${line},${hits}`)
    out.push(`LF:${summary.lines.found}`, `LH:${summary.lines.hit}`, 'end_of_record', '')
    yield out.join('\n')
  }
}

/** The model as an lcov tracefile; deterministic for equal models. */
export function renderLcov(model: CoverageModel): string {
  return [...renderLcovRecords(model)].join('')
}

const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these even as references
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** An attribute value: markup escaped, white space kept by reference, illegal characters as U+FFFD. */
function xmlAttribute(value: string): string {
  return value.replace(XML_INVALID, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      case "'":
        return '&apos;'
      default:
        return `&#${c.charCodeAt(0)};`
    }
  })
}

function xmlText(value: string): string {
  return value
    .replace(XML_INVALID, '\ufffd')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

function rate(counts: CoverageCounts): string {
  return counts.found === 0 ? '1' : String(Math.round((counts.hit / counts.found) * 10000) / 10000)
}

export interface CoberturaOptions {
  /** `<source>` directories that file names are relative to; default `.` (the repository). */
  readonly sources?: readonly string[]
  /** Written as `timestamp`; default 0 so that equal models give identical output. */
  readonly timestampMs?: number
}

function conditionCoverage(outcomes: readonly BranchCoverage[]): string {
  const covered = outcomes.filter((outcome) => outcome.taken > 0).length
  const total = outcomes.length
  return `${Math.floor((covered * 100) / total)}% (${covered}/${total})`
}

/** One file as a Cobertura `<class>`: its methods, then its lines with their conditions. */
function coberturaClass(path: string, file: FileCoverage, summary: CoverageSummary): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const out = [
    `        <class name="${xmlAttribute(name)}" filename="${xmlAttribute(path)}" line-rate="${rate(summary.lines)}" branch-rate="${rate(summary.branches)}" complexity="0">`,
    '          <methods>',
  ]
  for (const [fnName, fn] of sortedFunctions(file)) {
    out.push(
      `            <method name="${xmlAttribute(fnName)}" signature="" line-rate="${fn.hits > 0 ? 1 : 0}" branch-rate="1" complexity="0">`,
      `              <lines><line number="${fn.line}" hits="${fn.hits}" branch="false"/></lines>`,
      '            </method>',
    )
  }
  out.push('          </methods>', '          <lines>')
  const byLine = new Map<number, BranchCoverage[]>()
  for (const outcome of file.branches.values()) {
    const list = byLine.get(outcome.line)
    if (list) list.push(outcome)
    else byLine.set(outcome.line, [outcome])
  }
  for (const [line, hits] of sortedLines(file)) {
    const outcomes = byLine.get(line)
    out.push(
      outcomes
        ? `            <line number="${line}" hits="${hits}" branch="true" condition-coverage="${conditionCoverage(outcomes)}"/>`
        : `            <line number="${line}" hits="${hits}" branch="false"/>`,
    )
  }
  out.push('          </lines>', '        </class>')
  return out
}

/**
 * The model as Cobertura XML: one `<package>` per directory, one `<class>` per file (name = the
 * base name, `filename` = the repo path), methods from functions, lines with
 * `condition-coverage` from the branch outcomes on that line. Branch outcomes on a line that is
 * not instrumented cannot be expressed in Cobertura and are left out. Deterministic.
 */
export function renderCobertura(model: CoverageModel, options: CoberturaOptions = {}): string {
  const paths = writablePaths(model)
  const packages = new Map<string, string[]>()
  for (const path of paths) {
    const slash = path.lastIndexOf('/')
    const directory = slash < 0 ? '.' : path.slice(0, slash)
    const list = packages.get(directory)
    if (list) list.push(path)
    else packages.set(directory, [path])
  }
  const summarize = (list: readonly string[]): CoverageTotals => {
    const subset = new Map<string, FileCoverage>()
    for (const path of list) {
      const file = model.get(path)
      if (file) subset.set(path, file)
    }
    return summarizeCoverage(subset)
  }
  const { total } = summarize(paths)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<coverage line-rate="${rate(total.lines)}" branch-rate="${rate(total.branches)}" lines-covered="${total.lines.hit}" lines-valid="${total.lines.found}" branches-covered="${total.branches.hit}" branches-valid="${total.branches.found}" complexity="0" version="shardwise" timestamp="${Math.trunc(options.timestampMs ?? 0)}">`,
    '  <sources>',
    ...(options.sources ?? ['.']).map((source) => `    <source>${xmlText(source)}</source>`),
    '  </sources>',
    '  <packages>',
  ]
  for (const directory of [...packages.keys()].sort(compareStrings)) {
    const list = packages.get(directory) ?? []
    const packageTotals = summarize(list)
    out.push(
      `    <package name="${xmlAttribute(directory)}" line-rate="${rate(packageTotals.total.lines)}" branch-rate="${rate(packageTotals.total.branches)}" complexity="0">`,
      '      <classes>',
    )
    for (const path of list) {
      const file = model.get(path)
      const summary = packageTotals.files.get(path)
      if (file && summary) out.push(...coberturaClass(path, file, summary))
    }
    out.push('      </classes>', '    </package>')
  }
  out.push('  </packages>', '</coverage>', '')
  return out.join('\n')
}

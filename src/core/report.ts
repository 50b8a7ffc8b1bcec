import type { Combined, CombinedTest } from './combine.js'
import type { Plan } from './plan.js'
import type { RunTime } from './store.js'

/**
 * The combined report as Markdown (job summary, PR comment) and as JSON. Test names come from
 * the pull request's code, so every name is rendered inside a code span: it cannot break a
 * table, mention people, link issues or inject HTML. The Markdown stays within a character
 * budget (a PR comment may hold 65,536) by cutting tables, never the verdict.
 */

export interface CoverageReport {
  readonly linesFound: number
  readonly linesHit: number
  readonly percent: number
  readonly threshold: number | undefined
  readonly passed: boolean
  readonly diff:
    { readonly found: number; readonly hit: number; readonly percent: number } | undefined
  readonly warnings: readonly string[]
}

export interface FallbackReport {
  /** Items run again serially and why. */
  readonly items: readonly { readonly id: string; readonly why: string }[]
  readonly passed: number
  readonly failed: number
  /** Set when the fallback was skipped (too many failures: systemic). */
  readonly skipped: string | undefined
}

export interface ReportInput {
  readonly combined: Combined
  readonly plan: Plan
  readonly coverage: CoverageReport | undefined
  readonly fallback: FallbackReport | undefined
  /** Planned items that had no timing history (from the plan). */
  readonly unknownItems: number
  /** Some or all of them, by id. */
  readonly estimatedItems?: readonly string[]
  /** A hidden marker to find the comment again (issue 5's sticky comment). */
  readonly marker?: string
  /** Where the full JSON report is, for truncated tables. */
  readonly fullReportHint?: string
  /** What the shards took, and what one job would have taken (from the shard results). */
  readonly time?: RunTime | undefined
}

/** GitHub's comment limit is 65,536 characters; leave room for the marker and a footer. */
export const DEFAULT_BUDGET = 60_000
const NAME_LIMIT = 200
const MESSAGE_LIMIT = 300

/**
 * A name as an inline code span: white space collapsed, length capped, a backtick fence longer
 * than any backtick run inside, and (in table cells) `|` escaped.
 */
export function codeSpan(name: string, inTable = true): string {
  let text = name.replace(/\s+/g, ' ').trim()
  if (text.length > NAME_LIMIT) text = `${text.slice(0, NAME_LIMIT - 1)}…`
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text
  const body = inTable ? padded.replace(/\|/g, '\\|') : padded
  return `${fence}${body}${fence}`
}

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–'
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(2)} h`
  if (seconds >= 120) return `${(seconds / 60).toFixed(1)} min`
  return `${seconds.toFixed(1)} s`
}

const STATE_ICON: Readonly<Record<string, string>> = {
  passed: '✅',
  empty: '➖',
  failed: '❌',
  incomplete: '⚠️',
  missing: '❓',
  error: '❌',
}

/**
 * The shard count to use next time: the fewest shards whose predicted wall time is within 10%
 * of the best any count could reach (which the longest test file bounds), with each shard's
 * start-up included.
 */
export function suggestShardCount(
  totalSeconds: number,
  longestItemSeconds: number,
  setupSeconds: number,
  maxShards = 256,
): { shards: number; wallSeconds: number; bestSeconds: number } {
  const wall = (k: number) => Math.max(totalSeconds / k, longestItemSeconds) + setupSeconds
  const best = wall(maxShards)
  for (let k = 1; k <= maxShards; k++) {
    if (wall(k) <= best * 1.1) return { shards: k, wallSeconds: wall(k), bestSeconds: best }
  }
  return { shards: maxShards, wallSeconds: best, bestSeconds: best }
}

function testsTable(tests: readonly CombinedTest[], limit: number, withMessage: boolean): string[] {
  const lines = [
    withMessage ? '| test | shard | message |' : '| test | shard | time |',
    '| --- | ---: | --- |',
  ]
  for (const test of tests.slice(0, limit)) {
    const detail = withMessage
      ? test.message === undefined
        ? ''
        : codeSpan(
            test.message.length > MESSAGE_LIMIT
              ? `${test.message.slice(0, MESSAGE_LIMIT)}…`
              : test.message,
          )
      : formatSeconds(test.seconds)
    lines.push(`| ${codeSpan(test.id)} | ${test.shard} | ${detail} |`)
  }
  return lines
}

function more(count: number, limit: number, hint: string | undefined): string[] {
  return count > limit ? [`…and ${count - limit} more${hint ? ` (see ${hint})` : ''}.`] : []
}

/**
 * What the run took, in sentences each checkable against the shard table and the shard
 * results: the longest shard (the wall time on CI with one job per shard) against its
 * prediction; one job's time, measured or labelled as estimated, and the speed-up over it; the
 * balance (the longest shard against the average shard); and a bound claim only where the
 * bound of the model fitted to this run is below every shard that ran.
 */
export function timingSentences(input: ReportInput): string[] {
  const { plan, time } = input
  if (!time) return []
  const out: string[] = []
  const estimated = plan.timings.runs === 0 ? ', estimated without timing history' : ''
  out.push(
    `Longest shard **${formatSeconds(time.makespanSeconds)}** — the wall time with one job per shard (predicted ${formatSeconds(plan.predictedMakespanSeconds)}${estimated}).`,
  )
  const allComplete = input.combined.shards.every(
    (s) => s.state === 'passed' || s.state === 'failed' || s.state === 'empty',
  )
  if (time.shards > 1 && allComplete) {
    out.push(
      time.serialBasis === 'measured'
        ? `One job (every file in one shard) took ${formatSeconds(time.serialSeconds)}: ${(time.serialSeconds / time.makespanSeconds).toFixed(2)}× the longest shard.`
        : `One job (every file in one shard) would take about ${formatSeconds(time.serialSeconds)} (estimated: this run's file costs plus one ${formatSeconds(time.overheadSeconds)} start-up), so ${time.shards} shards ran ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster.`,
    )
  }
  if (time.shards > 1) {
    const above = time.makespanSeconds / Math.max(time.meanShardSeconds, 0.001) - 1
    out.push(
      `Balance: the longest shard is ${(above * 100).toFixed(0)}% above the average shard (${formatSeconds(time.meanShardSeconds)}); ${((1 / (1 + above)) * 100).toFixed(0)}% of the runner time paid for was used.`,
    )
  }
  const shortest = input.combined.shards
    .filter((s) => s.wallSeconds !== undefined && s.state !== 'empty')
    .reduce((m, s) => Math.min(m, s.wallSeconds ?? Infinity), Infinity)
  if (time.shards > 1 && time.lowerBoundSeconds > 0 && shortest >= time.lowerBoundSeconds) {
    out.push(
      `No split of these files into ${time.shards} shards could finish below ${formatSeconds(time.lowerBoundSeconds)} (start-up plus the longest file or an equal share of the work, as measured in this run).`,
    )
  }
  return out
}

/** Where a table is cut: `rows` rows, then a line saying how many more and where they are. */
interface Cut {
  readonly rows: number
  readonly hint: string | undefined
}

/** The verdict, the counts and what the run took. */
function headline(input: ReportInput): string[] {
  const { combined, plan } = input
  const ok = combined.verdict === 'passed'
  const coverageFailed = input.coverage !== undefined && !input.coverage.passed
  const c = combined.counts
  // pytest's expected failures and unexpected passes are outcomes of their own.
  const expected = [
    ...(c.xfailed > 0 ? [`**${c.xfailed}** xfailed`] : []),
    ...(c.xpassed > 0 ? [`**${c.xpassed}** xpassed`] : []),
  ]
  const out = [
    `## ${ok && !coverageFailed ? '✅' : '❌'} Shardwise: tests ${ok ? 'passed' : 'failed'}${ok && coverageFailed ? ', coverage below the threshold' : ''}`,
    '',
    `**${c.passed}** passed, **${combined.failed.length}** failed, **${c.flaky}** flaky, **${c.skipped}** skipped, ${expected.map((e) => `${e}, `).join('')}**${combined.quarantined.length}** quarantined in ${plan.shards.length} shards.`,
  ]
  const timing = timingSentences(input)
  if (timing.length > 0) out.push('', timing.join(' '))
  return out
}

function problemsSection(input: ReportInput, cut: Cut): string[] {
  const { problems } = input.combined
  if (problems.length === 0) return []
  return [
    '',
    '### Problems',
    ...problems.slice(0, cut.rows).map((problem) => `- ${codeSpan(problem.message, false)}`),
    ...more(problems.length, cut.rows, cut.hint),
  ]
}

function fallbackSection(input: ReportInput, cut: Cut): string[] {
  const f = input.fallback
  if (!f) return []
  const out = [
    '',
    f.skipped
      ? `> [!WARNING]\n> Serial fallback skipped: ${f.skipped}`
      : `> [!NOTE]\n> Serial fallback ran ${f.items.length} items again in one process: ${f.passed} passed, ${f.failed} failed.`,
  ]
  if (!f.skipped && f.items.length > 0) {
    out.push('', '| item | why |', '| --- | --- |')
    for (const item of f.items.slice(0, cut.rows))
      out.push(`| ${codeSpan(item.id)} | ${item.why} |`)
    out.push(...more(f.items.length, cut.rows, cut.hint))
  }
  return out
}

/** The shard table (at least 32 rows: it is never cut below that) and the shards' Gantt chart. */
function shardsSection(input: ReportInput, cut: Cut): string[] {
  const { shards } = input.combined
  const rows = Math.max(cut.rows, 32)
  const out = [
    '',
    '### Shards',
    '',
    '| shard | status | tests | failed | flaky | predicted | actual | attempts |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const shard of shards.slice(0, rows)) {
    out.push(
      `| ${shard.index} | ${STATE_ICON[shard.state] ?? ''} ${shard.state} | ${shard.tests} | ${shard.failed} | ${shard.flaky} | ${formatSeconds(shard.predictedSeconds)} | ${formatSeconds(shard.wallSeconds)} | ${shard.attempts} |`,
    )
  }
  out.push(...more(shards.length, rows, cut.hint))
  const timed = shards.filter((s) => s.wallSeconds !== undefined)
  if (timed.length === 0 || timed.length > 64) return out
  out.push('', '```mermaid', 'gantt', '  title Shard wall time (seconds)')
  out.push('  dateFormat X', '  axisFormat %s')
  for (const shard of timed) {
    // Outside the files: process start-up and reporting, where the runner timed its files.
    const setup = Math.max(0, Math.round(input.time?.startupByShard[shard.index] ?? 0))
    const total = Math.max(1, Math.round(shard.wallSeconds ?? 0))
    out.push(`  section Shard ${shard.index}`)
    if (setup > 0 && setup < total) out.push(`  start-up :done, s${shard.index}a, 0, ${setup}`)
    const tag = shard.state === 'passed' ? '' : 'crit, '
    out.push(`  tests :${tag}s${shard.index}b, ${setup < total ? setup : 0}, ${total}`)
  }
  out.push('```')
  return out
}

/** Failed, flaky, quarantined and slowest tests. */
function testsSections(input: ReportInput, cut: Cut): string[] {
  const { combined } = input
  const { rows, hint } = cut
  const out: string[] = []
  if (combined.failed.length > 0) {
    out.push('', `### Failed tests (${combined.failed.length})`, '')
    out.push(
      ...testsTable(combined.failed, rows, true),
      ...more(combined.failed.length, rows, hint),
    )
  }
  if (combined.flaky.length > 0) {
    out.push(
      '',
      `### Flaky tests (${combined.flaky.length})`,
      '',
      '| test | seen |',
      '| --- | --- |',
    )
    for (const f of combined.flaky.slice(0, rows)) {
      out.push(
        `| ${codeSpan(f.id)} | ${f.source === 'run' ? 'failed, then passed on retry in this run' : `flaky in ${((f.rate ?? 0) * 100).toFixed(0)}% of recent runs`} |`,
      )
    }
    out.push(...more(combined.flaky.length, rows, hint))
  }
  if (combined.quarantined.length > 0 || combined.expiredQuarantine.length > 0) {
    out.push('', `### Quarantined (${combined.quarantined.length})`, '')
    out.push('These failed or flaked but do not fail the build.', '')
    out.push(...testsTable(combined.quarantined, rows, true))
    out.push(...more(combined.quarantined.length, rows, hint))
    if (combined.expiredQuarantine.length > 0) {
      out.push(
        '',
        `Expired quarantine entries (they apply no more): ${combined.expiredQuarantine
          .slice(0, rows)
          .map((q) => `${codeSpan(q.id, false)} (until ${q.until})`)
          .join(', ')}`,
      )
    }
  }
  const slowest = [...combined.tests]
    .filter((t) => t.seconds !== undefined)
    .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || (a.id < b.id ? -1 : 1))
  if (slowest.length > 0)
    out.push('', '### Slowest tests', '', ...testsTable(slowest, Math.min(10, rows), false))
  return out
}

function coverageSection(input: ReportInput): string[] {
  const cov = input.coverage
  if (!cov) return []
  const out = [
    '',
    '### Coverage',
    '',
    `${cov.passed ? '✅' : '❌'} **${cov.percent.toFixed(2)}%** of lines (${cov.linesHit}/${cov.linesFound}) across all shards${cov.threshold === undefined ? '' : `; threshold ${cov.threshold}%`}.`,
  ]
  if (cov.diff)
    out.push(
      `Changed lines covered: **${cov.diff.percent.toFixed(2)}%** (${cov.diff.hit}/${cov.diff.found}).`,
    )
  return out
}

/** The estimated items, and the shard count to use next time. */
function notesSection(input: ReportInput, cut: Cut): string[] {
  const notes: string[] = []
  if (input.unknownItems > 0) {
    const named = (input.estimatedItems ?? []).slice(0, Math.min(cut.rows, 20))
    notes.push(
      `${input.unknownItems} planned items had no timing history and were estimated; their times are recorded now${
        named.length > 0
          ? `: ${named.map((id) => codeSpan(id, false)).join(', ')}${input.unknownItems > named.length ? ', …' : ''}`
          : ''
      }.`,
    )
  }
  const time = input.time
  if (time && time.workSeconds > 0) {
    const suggestion = suggestShardCount(
      time.workSeconds / Math.max(0.5, time.workers),
      input.plan.granularity === 'file' ? time.longestFileSeconds : 0,
      time.overheadSeconds,
    )
    notes.push(
      `Suggested shard count for next time: **${suggestion.shards}** (about ${formatSeconds(suggestion.wallSeconds)} per shard including ${formatSeconds(time.overheadSeconds)} start-up; more shards cannot get below ${formatSeconds(suggestion.bestSeconds)}).`,
    )
  }
  return notes.length > 0 ? ['', ...notes] : []
}

/** Renders the report with tables cut to `rows` each. */
function renderWithRows(input: ReportInput, rows: number): string {
  const { plan } = input
  const cut: Cut = { rows, hint: input.fullReportHint }
  const out = [
    ...(input.marker ? [input.marker] : []),
    ...headline(input),
    ...problemsSection(input, cut),
    ...fallbackSection(input, cut),
    ...shardsSection(input, cut),
    ...testsSections(input, cut),
    ...coverageSection(input),
    ...notesSection(input, cut),
    '',
    `<sub>Shardwise · plan ${plan.shards.length} shards, ${plan.itemCount} items, ${plan.granularity} granularity</sub>`,
  ]
  return `${out.join('\n')}\n`
}

/**
 * Renders the Markdown report within `budget` characters: tables are cut to fewer rows until it
 * fits; the verdict, the counts and the shard table always stay.
 */
export function renderReportMarkdown(input: ReportInput, budget = DEFAULT_BUDGET): string {
  for (const rows of [50, 25, 10, 5, 2, 0]) {
    const text = renderWithRows(input, rows)
    if (text.length <= budget) return text
  }
  const text = renderWithRows(input, 0)
  const notice = `\n…report cut at ${budget} characters${input.fullReportHint ? `; see ${input.fullReportHint}` : ''}.\n`
  return `${text.slice(0, budget - notice.length)}${notice}`
}

/** The machine-readable report: everything, untruncated. */
export function reportJson(input: ReportInput): Record<string, unknown> {
  const { combined, plan } = input
  return {
    version: 1,
    tool: 'shardwise',
    kind: 'report',
    verdict: combined.verdict,
    counts: combined.counts,
    wallSeconds: combined.wallSeconds,
    /** The sum of the shards' wall times (each paying its own start-up): runner time used. */
    shardSecondsTotal: combined.serialSeconds,
    time: input.time ?? null,
    lowerBoundSeconds: plan.lowerBoundSeconds,
    predictedMakespanSeconds: plan.predictedMakespanSeconds,
    shards: combined.shards,
    problems: combined.problems,
    failed: combined.failed,
    flaky: combined.flaky,
    quarantined: combined.quarantined,
    expiredQuarantine: combined.expiredQuarantine,
    unaccounted: combined.unaccounted,
    coverage: input.coverage ?? null,
    fallback: input.fallback ?? null,
    tests: combined.tests,
  }
}

import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { diffCoverage } from '../core/coverage/diff.js'
import { mergeCoverageModels } from '../core/coverage/merge.js'
import type { CoverageModel } from '../core/coverage/model.js'
import { renderCobertura, renderLcov } from '../core/coverage/render.js'
import { checkThreshold, summarizeCoverage } from '../core/coverage/summary.js'
import { describeError } from '../core/errors.js'
import type { CoverageReport } from '../core/report.js'
import { loadCoverage, readGoModulePath } from './coverage-files.js'
import { changedLines } from './git-diff.js'
import type { Log } from './log.js'

/**
 * The coverage of the whole run for combine: every shard's coverage files read, merged, written
 * as one lcov and one Cobertura report, and checked against the threshold.
 */

export interface CoverageOptions {
  readonly root: string
  readonly threshold: number | undefined
  /** With a base ref, the coverage of the lines changed since it is reported too. */
  readonly baseRef: string | undefined
  /** Where the merged lcov and Cobertura files go (default `<root>/coverage-merged`). */
  readonly outDir?: string
  readonly log: Log
}

interface ShardCoverage {
  readonly dir: string
  readonly workspace: string
  readonly files: readonly string[]
}

/** Each shard's coverage, read relative to its own workspace; problems become warnings. */
async function loadShards(
  shards: readonly ShardCoverage[],
  root: string,
  warnings: string[],
): Promise<CoverageModel[]> {
  const goModule = await readGoModulePath(root).catch(() => undefined)
  const models: CoverageModel[] = []
  for (const shard of shards) {
    try {
      // Names come from an untrusted shard result: only files inside its own directory.
      const inside = shard.files
        .map((f) => resolve(shard.dir, f))
        .filter((path) => path.startsWith(`${resolve(shard.dir)}${sep}`))
      if (inside.length < shard.files.length)
        warnings.push(`coverage of ${shard.dir}: names outside the shard's directory ignored`)
      const loaded = await loadCoverage(inside, {
        workspace: shard.workspace,
        roots: [root],
        ...(goModule ? { goModule } : {}),
      })
      models.push(loaded.coverage)
      warnings.push(...loaded.warnings)
    } catch (error) {
      warnings.push(`coverage of ${shard.dir}: ${describeError(error)}`)
    }
  }
  return models
}

/** The coverage of the lines changed since `baseRef`, when git can tell them. */
async function diffReport(
  model: CoverageModel,
  root: string,
  baseRef: string,
  log: Log,
): Promise<CoverageReport['diff']> {
  const changed = await changedLines(root, baseRef, log)
  if (!changed) return undefined
  const result = diffCoverage(model, changed)
  return {
    found: result.total.instrumented,
    hit: result.total.hit,
    percent: result.total.percent ?? 100,
  }
}

/**
 * Merges the coverage files every shard collected — each shard's paths relative to its own
 * workspace — writes the merged lcov and Cobertura reports, and checks the threshold on the
 * merged total: the check that fails every shard when each checks only its own part.
 */
export async function coverageReport(
  shards: readonly ShardCoverage[],
  options: CoverageOptions,
): Promise<CoverageReport | undefined> {
  const { log } = options
  const withFiles = shards.filter((s) => s.files.length > 0)
  if (withFiles.length === 0) {
    if (options.threshold !== undefined) {
      log.warning(
        'a coverage threshold is set, but no shard collected coverage files (give the run step `coverage` globs)',
      )
      return {
        linesFound: 0,
        linesHit: 0,
        percent: 0,
        threshold: options.threshold,
        passed: false,
        diff: undefined,
        warnings: ['no coverage files'],
      }
    }
    return undefined
  }
  const warnings: string[] = []
  const merged = mergeCoverageModels(await loadShards(withFiles, options.root, warnings))
  warnings.push(...merged.warnings)
  for (const warning of warnings.slice(0, 20)) log.warning(warning)
  const { total } = summarizeCoverage(merged.files)
  const outDir = options.outDir ?? join(options.root, 'coverage-merged')
  await mkdir(outDir, { recursive: true })
  await writeFile(join(outDir, 'lcov.info'), renderLcov(merged.files))
  await writeFile(
    join(outDir, 'cobertura.xml'),
    renderCobertura(merged.files, { sources: [options.root] }),
  )
  log.info(
    `merged coverage of ${merged.files.size} files from ${withFiles.length} shards written to ${outDir}`,
  )

  let passed = true
  if (options.threshold !== undefined) {
    const verdict = checkThreshold(total, options.threshold)
    passed = verdict.kind === 'passed'
    if (!passed) log.warning(verdict.message)
  }
  return {
    linesFound: total.lines.found,
    linesHit: total.lines.hit,
    percent: total.percent ?? 0,
    threshold: options.threshold,
    passed,
    diff:
      options.baseRef === undefined
        ? undefined
        : await diffReport(merged.files, options.root, options.baseRef, log),
    warnings,
  }
}

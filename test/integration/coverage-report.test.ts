import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coverageReport } from '../../src/adapters/coverage-report.js'
import type { Log } from '../../src/adapters/log.js'

/**
 * The merged coverage of a run (adapters/coverage-report.ts) and its diff coverage, with the
 * changed lines taken from a real `git diff` of a real repository (adapters/git-diff.ts).
 */

const git = async (cwd: string, ...args: string[]) =>
  promisify(execFile)(
    'git',
    ['-c', 'user.name=Shardwise', '-c', 'user.email=shardwise@example.invalid', ...args],
    { cwd },
  )

function recordingLog(): Log & { readonly warnings: string[] } {
  const warnings: string[] = []
  return {
    warnings,
    info: () => undefined,
    notice: () => undefined,
    warning: (m) => warnings.push(m),
  }
}

let root: string
let shardDir: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'shardwise-coverage-report-'))
  await mkdir(join(root, 'src'))
  await git(root, 'init', '-q')
  await writeFile(join(root, 'src', 'a.js'), 'one\ntwo\nthree\nfour\n')
  await git(root, 'add', '.')
  await git(root, 'commit', '-q', '-m', 'base')
  // Two lines added on top of the base: the changed lines.
  await writeFile(join(root, 'src', 'a.js'), 'one\ntwo\nthree\nfour\nfive\nsix\n')
  await git(root, 'commit', '-q', '-am', 'change')
  shardDir = join(root, 'results', 'shard-1')
  await mkdir(shardDir, { recursive: true })
  const hits = [1, 1, 0, 1, 1, 0].map((hit, i) => `DA:${i + 1},${hit}`)
  await writeFile(
    join(shardDir, 'lcov.info'),
    ['TN:', 'SF:src/a.js', ...hits, 'end_of_record', ''].join('\n'),
  )
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('coverageReport', () => {
  it('merges the shards, writes lcov and Cobertura, and reports the changed lines covered', async () => {
    const log = recordingLog()
    const outDir = join(root, 'merged')
    const report = await coverageReport(
      [{ dir: shardDir, workspace: root, files: ['lcov.info'] }],
      { root, threshold: 70, baseRef: 'HEAD~1', outDir, log },
    )
    expect(report).toMatchObject({ linesFound: 6, linesHit: 4, threshold: 70, passed: false })
    expect(report?.diff).toEqual({ found: 2, hit: 1, percent: 50 })
    expect(await readFile(join(outDir, 'lcov.info'), 'utf8')).toContain('SF:src/a.js')
    expect(await readFile(join(outDir, 'cobertura.xml'), 'utf8')).toContain('filename="src/a.js"')
    expect(log.warnings.join('\n')).toContain('below')
  })

  it('skips diff coverage with a warning naming git diff when the base ref does not exist', async () => {
    const log = recordingLog()
    const report = await coverageReport(
      [{ dir: shardDir, workspace: root, files: ['lcov.info'] }],
      { root, threshold: undefined, baseRef: 'no-such-ref', outDir: join(root, 'merged-2'), log },
    )
    expect(report).toMatchObject({ linesFound: 6, linesHit: 4, passed: true, diff: undefined })
    expect(log.warnings).toEqual([
      expect.stringContaining('diff coverage skipped: `git diff no-such-ref...HEAD` failed'),
    ])
  })
})

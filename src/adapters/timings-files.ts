import { createReadStream } from 'node:fs'
import { lstat, open, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TextDecoder } from 'node:util'
import { UsageError, describeError } from '../core/errors.js'
import { detectSyntax, parseTimingsText } from '../core/formats/detect.js'
import { JunitError, JunitParser } from '../core/formats/junit.js'
import { TimingsFormatError } from '../core/formats/text-formats.js'
import type { NormalizeOptions } from '../core/ids.js'
import type { FormatName, TimingRun } from '../core/types.js'
import type { Log } from './log.js'

/** JSON and log formats are read whole; anything larger than this is not a timings file. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024
/** A directory is searched this deep for reports. */
const MAX_DEPTH = 8
const REPORT_NAME = /\.(?:xml|json|jsonl|log|txt|test_durations)$/i

export interface LoadedSource {
  readonly path: string
  readonly format: FormatName | undefined
  readonly runs: number
  readonly error: string | undefined
}

export interface LoadedTimings {
  readonly runs: readonly TimingRun[]
  readonly sources: readonly LoadedSource[]
}

/** Lists the report files under a path: the file itself, or the report-like files of a tree. */
async function expand(path: string): Promise<string[]> {
  let info
  try {
    info = await lstat(path)
  } catch (error) {
    throw new UsageError(`--timings ${path}: cannot read it (${describeError(error)})`)
  }
  if (info.isFile()) return [path]
  if (info.isSymbolicLink()) {
    throw new UsageError(`--timings ${path}: is a symbolic link; give the file it points to`)
  }
  if (!info.isDirectory()) throw new UsageError(`--timings ${path}: is not a file or directory`)
  const found: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = join(dir, entry.name)
      if (entry.isDirectory() && depth < MAX_DEPTH && entry.name !== 'node_modules') {
        await walk(full, depth + 1)
      } else if (entry.isFile() && REPORT_NAME.test(entry.name)) {
        found.push(full)
      }
    }
  }
  await walk(path, 0)
  return found
}

/** Decodes UTF-8 or, when a byte-order mark says so, UTF-16. */
function decoderFor(head: Buffer): { decoder: TextDecoder; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { decoder: new TextDecoder('utf-8'), skip: 3 }
  }
  return { decoder: new TextDecoder('utf-8'), skip: 0 }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Streams a JUnit report through the parser, a megabyte at a time. */
export async function streamJunit(path: string, parser: JunitParser): Promise<void> {
  const head = await readHead(path)
  const { decoder, skip } = decoderFor(head)
  const stream = createReadStream(path, { start: skip, highWaterMark: 1 << 20 })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }))
  }
  parser.write(decoder.decode())
}

/** The file's text; its bytes are garbage once this returns (a timings file may be 100 MB). */
async function readText(path: string, decoder: TextDecoder, skip: number): Promise<string> {
  const bytes = await readFile(path)
  return decoder.decode(bytes.subarray(skip))
}

async function loadFile(
  path: string,
  options: NormalizeOptions,
  log: Log,
): Promise<{ format: FormatName; runs: TimingRun[] }> {
  const head = await readHead(path)
  const { decoder, skip } = decoderFor(head)
  const syntax = detectSyntax(decoder.decode(head.subarray(skip, Math.min(head.length, 512))))
  if (syntax === 'xml') {
    const parser = new JunitParser(path, options)
    await streamJunit(path, parser)
    const summary = parser.end()
    for (const warning of summary.warnings) log.warning(warning)
    const run = summary.run
    return {
      format: 'junit',
      runs: run.files.size + run.tests.size + run.untimed.size > 0 ? [run] : [],
    }
  }
  const info = await lstat(path)
  if (info.size > MAX_TEXT_BYTES) {
    throw new TimingsFormatError(
      `${path}: ${info.size} bytes is more than the ${MAX_TEXT_BYTES} a JSON or log timings file may have`,
    )
  }
  const parsed = parseTimingsText(path, await readText(path, decoder, skip), options)
  for (const warning of parsed.warnings) log.warning(warning)
  return { format: parsed.format, runs: [...parsed.runs] }
}

/**
 * Reads every timings path given. A path that does not exist is the user's mistake (a
 * `UsageError`); a file whose content is corrupt or of no known format is a warning, and the
 * plan goes on without it: timings are advice, never a reason to fail a build.
 */
export async function loadTimings(
  paths: readonly string[],
  options: NormalizeOptions,
  log: Log,
): Promise<LoadedTimings> {
  const runs: TimingRun[] = []
  const sources: LoadedSource[] = []
  for (const path of paths) {
    const files = await expand(path)
    if (files.length === 0) log.warning(`--timings ${path}: the directory holds no report files`)
    for (const file of files) {
      try {
        const loaded = await loadFile(file, options, log)
        runs.push(...loaded.runs)
        sources.push({
          path: file,
          format: loaded.format,
          runs: loaded.runs.length,
          error: undefined,
        })
      } catch (error) {
        if (!(error instanceof JunitError || error instanceof TimingsFormatError)) {
          if (error instanceof Error && 'code' in error) {
            log.warning(`${file}: cannot be read (${error.message}); ignored`)
            sources.push({ path: file, format: undefined, runs: 0, error: error.message })
            continue
          }
          throw error
        }
        log.warning(`${error.message}; the file is ignored`)
        sources.push({ path: file, format: undefined, runs: 0, error: error.message })
      }
    }
  }
  return { runs, sources }
}

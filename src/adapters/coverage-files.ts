import { constants } from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TextDecoder } from 'node:util'
import {
  SUPPORTED_COVERAGE_FORMATS,
  createCoverageParser,
  detectCoverageFormat,
} from '../core/coverage/detect.js'
import { mergeCoverageModels } from '../core/coverage/merge.js'
import {
  CoverageFormatError,
  type CoverageFormat,
  type CoverageModel,
  type ParsedCoverage,
} from '../core/coverage/model.js'
import { UsageError, describeError } from '../core/errors.js'

/**
 * Reads coverage reports from disk for `shardwise combine`: files or directories, formats told
 * from content, each file streamed through its parser in 1 MiB chunks under a size cap. A
 * malformed or hostile report is a warning naming the file, never a failed build (THREATS E4);
 * only a path that does not exist at all is a usage error. Only the reports themselves are
 * opened: the source files they name are never read (THREATS E1), and symbolic links are not
 * followed (an artifact is untrusted data).
 */

/** A coverage file larger than this is refused with a clear message rather than risking OOM. */
export const DEFAULT_MAX_COVERAGE_FILE_BYTES = 512 * 1024 * 1024
/**
 * Istanbul JSON must be parsed whole, and a V8 string stops at about 512 M characters; half
 * that leaves room for the parsed objects.
 */
const MAX_JSON_BYTES = 256 * 1024 * 1024
const HEAD_BYTES = 64 * 1024
const CHUNK_BYTES = 1 << 20
/** A directory is searched this deep for reports. */
const MAX_DEPTH = 8
/** Names worth opening in a directory scan: `lcov.info`, `coverage-final.json`, `cover.out`… */
const CANDIDATE_NAME =
  /(?:\.(?:info|lcov|json|xml|out|cov|coverprofile|profile|txt)|^lcov[^/]*|^coverprofile[^/]*)$/i
/** When one directory holds the same run in several formats, the first of these is read. */
const FORMAT_PREFERENCE: readonly CoverageFormat[] = ['lcov', 'istanbul', 'cobertura', 'go']

/** The handle calls the loader makes. */
export interface CoverageFileHandle {
  stat(): Promise<{ isFile(): boolean; readonly size: number }>
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>
  close(): Promise<void>
}

/**
 * The few file-system calls the loader makes, so that a test can record every path it touches
 * (THREATS E1: no referenced source file is ever opened).
 */
export interface CoverageFileSystem {
  lstat(path: string): Promise<{
    isFile(): boolean
    isDirectory(): boolean
    isSymbolicLink(): boolean
  }>
  readdir(
    path: string,
  ): Promise<readonly { readonly name: string; isFile(): boolean; isDirectory(): boolean }[]>
  open(path: string, flags: number): Promise<CoverageFileHandle>
}

export const nodeCoverageFileSystem: CoverageFileSystem = {
  lstat: (path) => fsPromises.lstat(path),
  readdir: (path) => fsPromises.readdir(path, { withFileTypes: true }),
  open: (path, flags) => fsPromises.open(path, flags),
}

export interface CoverageLoadOptions {
  /** The shard's workspace (its `GITHUB_WORKSPACE`): stripped from absolute paths. */
  readonly workspace?: string
  /** More absolute roots to strip; default: the current directory (the repository root). */
  readonly roots?: readonly string[]
  /** Go module path, stripped from Go profiles' import paths (see `readGoModulePath`). */
  readonly goModule?: string
  readonly maxFileBytes?: number
  readonly fileSystem?: CoverageFileSystem
}

/**
 * What happened to one file: `parsed` cleanly, `partial` (parsed, with warnings: bad records
 * skipped, truncated), `rejected` (unusable: the warning says why), `duplicate` (the same run
 * as another report of the directory in a preferred format), `not-coverage` (a file a
 * directory scan opened that is no coverage report, e.g. JUnit XML: silently passed over).
 */
export type CoverageFileStatus = 'parsed' | 'partial' | 'rejected' | 'duplicate' | 'not-coverage'

export interface LoadedCoverageFile {
  readonly path: string
  readonly format: CoverageFormat | undefined
  readonly status: CoverageFileStatus
  /** Files inside the repository that the report covers. */
  readonly files: number
  /** Files it names outside the repository (excluded). */
  readonly outside: number
  /** This file's warnings, each naming it. */
  readonly warnings: readonly string[]
}

export interface LoadedCoverage {
  /** Every usable report merged (hits summed), sorted by path. */
  readonly coverage: CoverageModel
  readonly sources: readonly LoadedCoverageFile[]
  /** All warnings: the files' and the merge's. */
  readonly warnings: readonly string[]
}

interface Candidate {
  readonly path: string
  /** Named by the user (a warning when it is no coverage) or found in a directory (silent). */
  readonly explicit: boolean
}

async function expand(path: string, fileSystem: CoverageFileSystem): Promise<Candidate[]> {
  let info
  try {
    info = await fileSystem.lstat(path)
  } catch (error) {
    throw new UsageError(`coverage path ${path}: cannot read it (${describeError(error)})`)
  }
  if (info.isSymbolicLink()) {
    throw new UsageError(`coverage path ${path}: is a symbolic link; give the file it points to`)
  }
  if (info.isFile()) return [{ path, explicit: true }]
  if (!info.isDirectory()) throw new UsageError(`coverage path ${path}: is not a file or directory`)
  const found: Candidate[] = []
  const walk = async (directory: string, depth: number): Promise<void> => {
    const entries = [...(await fileSystem.readdir(directory))].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )
    for (const entry of entries) {
      const full = join(directory, entry.name)
      // Dirent reports a symbolic link as neither file nor directory: never followed.
      if (entry.isDirectory() && depth < MAX_DEPTH && entry.name !== 'node_modules') {
        await walk(full, depth + 1)
      } else if (entry.isFile() && CANDIDATE_NAME.test(entry.name)) {
        found.push({ path: full, explicit: false })
      }
    }
  }
  await walk(path, 0)
  return found
}

/** UTF-8, or UTF-16 when a byte-order mark says so; the mark is skipped. */
function decoderFor(head: Uint8Array): { decoder: TextDecoder; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { decoder: new TextDecoder('utf-8'), skip: 3 }
  }
  return { decoder: new TextDecoder('utf-8'), skip: 0 }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${bytes} bytes`
}

type FileOutcome =
  | { readonly kind: 'parsed'; readonly parsed: ParsedCoverage }
  | {
      readonly kind: 'rejected'
      readonly format: CoverageFormat | undefined
      readonly reason: string
    }
  | { readonly kind: 'not-coverage' }

interface ReadSettings {
  readonly roots: readonly string[]
  readonly goModule: string | undefined
  readonly maxFileBytes: number
  readonly fileSystem: CoverageFileSystem
}

async function readReport(candidate: Candidate, settings: ReadSettings): Promise<FileOutcome> {
  const { path } = candidate
  // O_NOFOLLOW: the path was a regular file when listed; a link swapped in since is refused.
  const flags = constants.O_RDONLY | ((constants.O_NOFOLLOW as number | undefined) ?? 0)
  const handle = await settings.fileSystem.open(path, flags)
  let format: CoverageFormat | undefined
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { kind: 'rejected', format: undefined, reason: 'not a regular file' }
    if (info.size > settings.maxFileBytes) {
      return {
        kind: 'rejected',
        format: undefined,
        reason: `${info.size} bytes is more than the ${sizeText(settings.maxFileBytes)} a coverage file may have`,
      }
    }
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(info.size, HEAD_BYTES)))
    const first = await handle.read(buffer, 0, Math.min(HEAD_BYTES, buffer.length), 0)
    const head = buffer.subarray(0, first.bytesRead)
    if (head.length === 0) {
      return candidate.explicit
        ? { kind: 'rejected', format: undefined, reason: 'the file is empty' }
        : { kind: 'not-coverage' }
    }
    const { decoder, skip } = decoderFor(head)
    format = detectCoverageFormat(new TextDecoder(decoder.encoding).decode(head.subarray(skip)))
    if (format === undefined) {
      return candidate.explicit
        ? {
            kind: 'rejected',
            format: undefined,
            reason: `not a coverage report of a known format (${SUPPORTED_COVERAGE_FORMATS})`,
          }
        : { kind: 'not-coverage' }
    }
    if (format === 'istanbul' && info.size > MAX_JSON_BYTES) {
      return {
        kind: 'rejected',
        format,
        reason: `${info.size} bytes of Istanbul JSON is more than the ${sizeText(MAX_JSON_BYTES)} that can be parsed whole; write lcov instead (coverageReporters: ['lcovonly'])`,
      }
    }
    const parser = createCoverageParser(format, {
      roots: settings.roots,
      source: path,
      ...(settings.goModule === undefined ? {} : { goModule: settings.goModule }),
    })
    let position = skip
    let total = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      if (bytesRead === 0) break
      position += bytesRead
      total += bytesRead
      // The file may grow while we read it (a shard still writing): the cap holds regardless.
      if (total > settings.maxFileBytes) {
        return {
          kind: 'rejected',
          format,
          reason: `grew past the ${sizeText(settings.maxFileBytes)} a coverage file may have while being read`,
        }
      }
      parser.write(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }))
    }
    parser.write(decoder.decode())
    return { kind: 'parsed', parsed: parser.end() }
  } catch (error) {
    if (error instanceof CoverageFormatError) {
      return { kind: 'rejected', format, reason: error.message }
    }
    throw error
  } finally {
    await handle.close()
  }
}

function isFileSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}

function shares(a: CoverageModel, b: CoverageModel): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const path of small.keys()) if (large.has(path)) return true
  return false
}

/** Every file to read, each once, in the order given; an empty directory is a warning. */
async function listCandidates(
  paths: readonly string[],
  fileSystem: CoverageFileSystem,
  warnings: string[],
): Promise<Candidate[]> {
  const candidates: Candidate[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const found = await expand(path, fileSystem)
    if (found.length === 0) warnings.push(`${path}: the directory holds no coverage report files`)
    for (const candidate of found) {
      if (seen.has(candidate.path)) continue
      seen.add(candidate.path)
      candidates.push(candidate)
    }
  }
  return candidates
}

async function readCandidate(candidate: Candidate, settings: ReadSettings): Promise<FileOutcome> {
  try {
    return await readReport(candidate, settings)
  } catch (error) {
    if (!isFileSystemError(error)) throw error
    return { kind: 'rejected', format: undefined, reason: `cannot be read (${error.message})` }
  }
}

/** What the loader reports about one file, its warnings added to `warnings`. */
function describeOutcome(
  path: string,
  outcome: FileOutcome,
  warnings: string[],
): LoadedCoverageFile {
  if (outcome.kind === 'not-coverage') {
    return { path, format: undefined, status: 'not-coverage', files: 0, outside: 0, warnings: [] }
  }
  if (outcome.kind === 'rejected') {
    const reason = outcome.reason.startsWith(path) ? outcome.reason : `${path}: ${outcome.reason}`
    const warning = `${reason}; the file is ignored`
    warnings.push(warning)
    return {
      path,
      format: outcome.format,
      status: 'rejected',
      files: 0,
      outside: 0,
      warnings: [warning],
    }
  }
  const { parsed } = outcome
  warnings.push(...parsed.warnings)
  return {
    path,
    format: parsed.format,
    status: parsed.warnings.length > 0 ? 'partial' : 'parsed',
    files: parsed.files.size,
    outside: parsed.outside.length,
    warnings: parsed.warnings,
  }
}

interface ParsedSource {
  /** Where the file is in the loader's list of sources. */
  readonly index: number
  readonly parsed: ParsedCoverage
}

/**
 * The models of one directory's reports that are merged: a report sharing files with a report
 * of another, preferred format is the same run written twice, and is marked `duplicate` in
 * `sources` instead.
 */
function acceptedModels(
  group: readonly ParsedSource[],
  sources: LoadedCoverageFile[],
  warnings: string[],
): CoverageModel[] {
  const ordered = [...group].sort(
    (a, b) =>
      FORMAT_PREFERENCE.indexOf(a.parsed.format) - FORMAT_PREFERENCE.indexOf(b.parsed.format) ||
      a.index - b.index,
  )
  const accepted: { readonly path: string; readonly parsed: ParsedCoverage }[] = []
  for (const { index, parsed } of ordered) {
    const twin = accepted.find(
      (other) => other.parsed.format !== parsed.format && shares(other.parsed.files, parsed.files),
    )
    const source = sources[index]
    if (!source) continue
    if (twin) {
      const warning = `${source.path}: covers the same files as ${twin.path} in another format (the same run written twice?); not merged, so hits are not counted twice`
      warnings.push(warning)
      sources[index] = { ...source, status: 'duplicate', warnings: [...source.warnings, warning] }
      continue
    }
    accepted.push({ path: source.path, parsed })
  }
  return accepted.map(({ parsed }) => parsed.files)
}

/**
 * Reads every coverage path given (files, or directories searched for report-like names) and
 * merges the usable reports by summing hits. A nonexistent path is a `UsageError`; anything wrong
 * with a file's content is a warning naming the file, and the file's good records are kept.
 *
 * One directory holding the same run in several formats (jest writes `lcov.info` next to
 * `coverage-final.json`) would count every hit twice: a report sharing files with a report of
 * another, preferred format in the same directory (lcov, then Istanbul, Cobertura, Go) is
 * listed as `duplicate` and not merged. Reports of one format add up (unit + integration).
 */
export async function loadCoverage(
  paths: readonly string[],
  options: CoverageLoadOptions = {},
): Promise<LoadedCoverage> {
  const fileSystem = options.fileSystem ?? nodeCoverageFileSystem
  const settings: ReadSettings = {
    roots: [
      ...(options.roots ?? [process.cwd()]),
      ...(options.workspace === undefined ? [] : [options.workspace]),
    ],
    goModule: options.goModule,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_COVERAGE_FILE_BYTES,
    fileSystem,
  }
  const warnings: string[] = []
  const sources: LoadedCoverageFile[] = []
  const parsedByDirectory = new Map<string, ParsedSource[]>()
  for (const candidate of await listCandidates(paths, fileSystem, warnings)) {
    const outcome = await readCandidate(candidate, settings)
    if (outcome.kind === 'parsed') {
      const directory = dirname(candidate.path)
      const group = parsedByDirectory.get(directory) ?? []
      group.push({ index: sources.length, parsed: outcome.parsed })
      parsedByDirectory.set(directory, group)
    }
    sources.push(describeOutcome(candidate.path, outcome, warnings))
  }
  const models: CoverageModel[] = []
  for (const group of parsedByDirectory.values()) {
    models.push(...acceptedModels(group, sources, warnings))
  }
  const merged = mergeCoverageModels(models)
  warnings.push(...merged.warnings)
  return { coverage: merged.files, sources, warnings }
}

/**
 * The module path of the `go.mod` in `directory`, or `undefined` when there is none; pass it
 * as `goModule` so that `example.com/m/pkg/x.go` becomes `pkg/x.go`.
 */
export async function readGoModulePath(directory: string): Promise<string | undefined> {
  let text: string
  try {
    const handle = await fsPromises.open(join(directory, 'go.mod'), constants.O_RDONLY)
    try {
      const buffer = new Uint8Array(64 * 1024)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      text = new TextDecoder().decode(buffer.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (isFileSystemError(error) && error.code === 'ENOENT') return undefined
    throw error
  }
  return /^\s*module\s+("?)([^"\s]+)\1\s*$/m.exec(text)?.[2]
}

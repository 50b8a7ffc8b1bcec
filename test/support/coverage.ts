/**
 * Whole-text forms of the streaming coverage readers, and the pairwise merge, for tests: the
 * product reads files in chunks (`createCoverageParser`) and merges shard after shard
 * (`CoverageMerger`).
 */
import { CoberturaParser } from '../../src/core/coverage/cobertura.js'
import {
  SUPPORTED_COVERAGE_FORMATS,
  createCoverageParser,
  detectCoverageFormat,
} from '../../src/core/coverage/detect.js'
import { GoCoverParser } from '../../src/core/coverage/go.js'
import { IstanbulParser } from '../../src/core/coverage/istanbul.js'
import { LcovParser } from '../../src/core/coverage/lcov.js'
import { sumInto } from '../../src/core/coverage/merge.js'
import {
  CoverageFormatError,
  copyFile,
  type CoverageModel,
  type CoverageParseOptions,
  type CoverageParser,
  type FileCoverage,
  type ParsedCoverage,
} from '../../src/core/coverage/model.js'

function parseWhole(parser: CoverageParser, text: string): ParsedCoverage {
  parser.write(text)
  return parser.end()
}

/** Parses an lcov tracefile. See `LcovParser`. */
export function parseLcov(text: string, options: CoverageParseOptions): ParsedCoverage {
  return parseWhole(new LcovParser(options), text)
}

/** Parses Istanbul `coverage-final.json`. See `IstanbulParser`. */
export function parseIstanbulJson(text: string, options: CoverageParseOptions): ParsedCoverage {
  return parseWhole(new IstanbulParser(options), text)
}

/** Parses a Cobertura XML report. See `CoberturaParser`. */
export function parseCobertura(text: string, options: CoverageParseOptions): ParsedCoverage {
  return parseWhole(new CoberturaParser(options), text)
}

/** Parses a Go cover profile. See `GoCoverParser`. */
export function parseGoCoverProfile(text: string, options: CoverageParseOptions): ParsedCoverage {
  return parseWhole(new GoCoverParser(options), text)
}

/**
 * Detects the format and parses a whole report, as the loader does file by file. Throws
 * `CoverageFormatError` for content of no supported format or unusable as a whole.
 */
export function parseCoverage(text: string, options: CoverageParseOptions): ParsedCoverage {
  const source = options.source ?? 'coverage'
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new CoverageFormatError(`${source}: the file is empty`)
  }
  const format = detectCoverageFormat(text.slice(0, 65536))
  if (format === undefined) {
    throw new CoverageFormatError(
      `${source}: not a coverage report of a known format (${SUPPORTED_COVERAGE_FORMATS})`,
    )
  }
  return parseWhole(createCoverageParser(format, options), text)
}

/** The sum of two files' coverage (`sumInto` on a copy). Neither argument is changed. */
export function mergeFileCoverage(a: FileCoverage, b: FileCoverage): FileCoverage {
  const merged = copyFile(a)
  sumInto(merged, b)
  return merged
}

/**
 * Merges two models by summing, pairwise: the reference that `CoverageMerger` must agree with.
 * Neither argument is changed.
 */
export function mergeCoverage(a: CoverageModel, b: CoverageModel): CoverageModel {
  const merged = new Map<string, FileCoverage>(a)
  for (const [path, file] of b) {
    const previous = merged.get(path)
    merged.set(path, previous ? mergeFileCoverage(previous, file) : file)
  }
  return merged
}

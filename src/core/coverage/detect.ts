import { CoberturaParser } from './cobertura.js'
import { GoCoverParser } from './go.js'
import { IstanbulParser } from './istanbul.js'
import { LcovParser } from './lcov.js'
import type { CoverageFormat, CoverageParseOptions, CoverageParser } from './model.js'

/**
 * Tells the coverage format from the first few KiB of a file, or `undefined` for none
 * (JUnit XML, timings JSON, Clover XML…). A Cobertura DOCTYPE counts as Cobertura so that a
 * hostile one is rejected by the parser with a reason rather than ignored as "unknown".
 */
export function detectCoverageFormat(head: string): CoverageFormat | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('<')) {
    const withoutComments = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    const root = /<([A-Za-z_][\w.:-]*)/.exec(withoutComments.replace(/<[?!][^>]*>?/g, ''))
    if (root?.[1] === 'coverage') {
      return /<coverage\b[^>]*\bclover\s*=/.test(withoutComments) ? undefined : 'cobertura'
    }
    if (root === null && /<!DOCTYPE\s+coverage\b/.test(withoutComments)) return 'cobertura'
    return undefined
  }
  if (text.startsWith('{')) {
    // Jest's `--json` results hold a `coverageMap` when run with `--coverage`: that run's
    // coverage is read from its coverage directory, never a second time from here.
    if (
      /^\{\s*"(?:num(?:Failed|Passed|Pending|Total|RuntimeError)\w*|testResults)"\s*:/.test(text)
    ) {
      return undefined
    }
    if (/"(?:statementMap|fnMap|branchMap)"\s*:/.test(text) || /^\{\s*\}\s*$/.test(text)) {
      return 'istanbul'
    }
    return undefined
  }
  const first = text.split('\n', 1)[0]?.replace(/\r$/, '') ?? ''
  if (/^mode:\s*(?:set|count|atomic)\s*$/.test(first)) return 'go'
  if (/^(?:TN|SF|VER|FN|FNDA|DA|BRDA):/.test(first)) return 'lcov'
  return undefined
}

/** A parser for a format, ready to be fed chunks. */
export function createCoverageParser(
  format: CoverageFormat,
  options: CoverageParseOptions,
): CoverageParser {
  switch (format) {
    case 'lcov':
      return new LcovParser(options)
    case 'istanbul':
      return new IstanbulParser(options)
    case 'cobertura':
      return new CoberturaParser(options)
    case 'go':
      return new GoCoverParser(options)
  }
}

export const SUPPORTED_COVERAGE_FORMATS =
  'lcov, Istanbul JSON (coverage-final.json), Cobertura XML, Go cover profiles'

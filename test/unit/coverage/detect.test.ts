import { describe, expect, it } from 'vitest'
import { detectCoverageFormat } from '../../../src/core/coverage/detect.js'
import { parseCoverage } from '../../support/coverage.js'
import { formatError } from '../../support/coverage-data.js'

describe('detectCoverageFormat', () => {
  it.each([
    ['TN:\nSF:a.js\n', 'lcov'],
    ['\uFEFFSF:a.js\r\nDA:1,1\r\n', 'lcov'],
    ['mode: atomic\nm/a.go:1.1,1.2 1 1', 'go'],
    ['{"/x/a.js": {"path": "/x/a.js", "statementMap": {', 'istanbul'],
    ['{}', 'istanbul'],
    [
      '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage lines-valid="1">',
      'cobertura',
    ],
    ['<?xml version="1.0"?><!-- Based on coverage-04.dtd --><coverage version="7.4">', 'cobertura'],
    ['<!DOCTYPE coverage [<!ENTITY a "', 'cobertura'],
    ['<coverage generated="1" clover="4.4.1"><project>', undefined],
    ['<testsuites><testsuite name="a">', undefined],
    ['{"version": 1, "files": {}}', undefined],
    ['{"numTotalTests": 3, "testResults": []}', undefined],
    ['{"numFailedTestSuites":0,"coverageMap":{"/r/a.js":{"statementMap":{}}}}', undefined],
    ['tests/test_a.py::test_x 0.5', undefined],
    ['', undefined],
  ])('%j → %s', (head, expected) => {
    expect(detectCoverageFormat(head)).toBe(expected)
  })

  it('parseCoverage dispatches on content and refuses unknown content', () => {
    expect(parseCoverage('SF:a.js\nDA:1,1\nend_of_record\n', { roots: [] }).format).toBe('lcov')
    expect(
      formatError(() => parseCoverage('hello', { roots: [], source: 'x.txt' })).message,
    ).toMatch(/^x\.txt: not a coverage report of a known format/)
    expect(formatError(() => parseCoverage(' \n', { roots: [], source: 'x.txt' })).message).toBe(
      'x.txt: the file is empty',
    )
  })
})

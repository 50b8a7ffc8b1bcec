import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  JunitError,
  JunitParser,
  parseJunit,
  type JunitCase,
} from '../../../src/core/formats/junit.js'
import { DATASETS_DIR, fixturePath, plainSummary } from '../../support/timings.js'

type Outcome = { ok: Record<string, unknown>; cases: JunitCase[] } | { error: string }

/** Parses `chunks` one write each; an error's offset is left out (it is where the buffer began). */
function parseChunks(source: string, chunks: readonly string[]): Outcome {
  const cases: JunitCase[] = []
  const parser = new JunitParser(source, { onCase: (c) => void cases.push(c) })
  try {
    for (const chunk of chunks) parser.write(chunk)
    return { ok: plainSummary(parser.end()), cases }
  } catch (error) {
    if (!(error instanceof JunitError)) throw error
    // The quoted stray text is whatever the chunk held, so only its start is compared.
    const message = error.message
      .replace(/ \(at character \d+\)$/, '')
      .replace(/(text before the root element: "\S?).*/, '$1')
    return { error: message }
  }
}

function codeUnits(text: string): string[] {
  const units: string[] = []
  for (let i = 0; i < text.length; i++) units.push(text.charAt(i))
  return units
}

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const chunks: string[] = []
  let from = 0
  for (const point of points) {
    chunks.push(text.slice(from, point))
    from = point
  }
  chunks.push(text.slice(from))
  return chunks
}

const junitFixtures = readdirSync(fixturePath('junit'))
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map((name) => [name, readFileSync(join(fixturePath('junit'), name), 'utf8')] as const)

/** A document that puts every token kind next to every other, so cuts land everywhere. */
const TRICKY = [
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>',
  '<!-- a comment with <testcase> and -- dashes and ]]> in it -->',
  '<testsuites name="pytest">',
  "<testsuite name='tests/test_a.py' time='1,234.5' file=\"tests/test_a.py\">",
  '<testcase classname="tests.test_a.TestX" name="test_&lt;&#x1F600;&gt;[a b]" time="0.5" >',
  '<system-out><![CDATA[ ]] ]> <not-a-tag> ]]]]><![CDATA[> ]]></system-out>',
  '<failure message="a &quot;quoted&quot; &amp; &apos;apos&apos; &#65; > still attr">trace &lt;here&gt;</failure>',
  '</testcase >',
  '<testcase classname="tests.test_a" name="caf\u00e9 \u{1F600}" time="1"><skipped/></testcase>',
  '<?pi with <testcase name="x"/> inside ?>',
  '<testcase name="ok" time="2"/>',
  '</testsuite>',
  '</testsuites>',
  '<!---->',
  '\n',
].join('\n')

describe('JUnit chunk boundaries', () => {
  it.each([...junitFixtures, ['tricky.xml', TRICKY] as const])(
    '%s: one character at a time gives what one write gives',
    (name, text) => {
      const whole = parseChunks(name, [text])
      const byChar = parseChunks(name, Array.from(text))
      // Code units, so that a write may end between the two halves of a surrogate pair.
      const byCodeUnit = parseChunks(name, codeUnits(text))
      expect(byChar).toEqual(whole)
      expect(byCodeUnit).toEqual(whole)
    },
  )

  it('the tricky document is itself read correctly', () => {
    const result = parseChunks('tricky.xml', [TRICKY])
    expect('ok' in result).toBe(true)
    if (!('ok' in result)) return
    expect(result.cases.map((c) => [c.id, c.status, c.message])).toEqual([
      [
        'tests/test_a.py::TestX::test_<\u{1F600}>[a b]',
        'failed',
        'a "quoted" & \'apos\' A > still attr',
      ],
      ['tests/test_a.py::caf\u00e9 \u{1F600}', 'skipped', undefined],
      ['tests/test_a.py::ok', 'passed', undefined],
    ])
    expect(result.ok.run).toEqual({
      files: [['tests/test_a.py', 1234.5]],
      tests: [
        ['tests/test_a.py::TestX::test_<\u{1F600}>[a b]', 0.5],
        ['tests/test_a.py::ok', 2],
      ],
      untimed: ['tests/test_a.py::caf\u00e9 \u{1F600}'],
    })
  })

  it('random chunk sizes give what one write gives (fast-check)', () => {
    const documents = [...junitFixtures.map(([, text]) => text), TRICKY]
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.array(fc.nat(), { maxLength: 40 }),
        (text, cuts) => {
          expect(parseChunks('doc.xml', splitAt(text, cuts))).toEqual(
            parseChunks('doc.xml', [text]),
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('empty writes change nothing', () => {
    const text = junitFixtures.find(([name]) => name === 'nested-suites.xml')?.[1] ?? ''
    const interleaved = Array.from(text).flatMap((c) => ['', c, ''])
    expect(parseChunks('n.xml', interleaved)).toEqual(parseChunks('n.xml', [text]))
  })

  it.each([
    'dorny__test-reporter__jest-test-results.xml',
    'dorny__test-reporter__pulsar-test-report.xml',
  ])('the real report %s gives the same result in random chunks as in one write', (name) => {
    const text = readFileSync(join(DATASETS_DIR, name), 'utf8')
    const whole = parseChunks(name, [text])
    expect('ok' in whole).toBe(true)
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: text.length }), { minLength: 1, maxLength: 300 }),
        (cuts) => {
          expect(parseChunks(name, splitAt(text, cuts))).toEqual(whole)
        },
      ),
      { numRuns: 20 },
    )
  })

  it('the pulsar report read one character at a time matches one write', () => {
    const name = 'dorny__test-reporter__pulsar-test-report.xml'
    const text = readFileSync(join(DATASETS_DIR, name), 'utf8')
    expect(parseChunks(name, Array.from(text))).toEqual(parseChunks(name, [text]))
  })

  it('parseJunit is one write followed by end()', () => {
    const text = junitFixtures.find(([name]) => name === 'surefire.xml')?.[1] ?? ''
    const parsed = parseJunit('s.xml', text)
    const result = parseChunks('s.xml', [text])
    expect('ok' in result && result.ok).toEqual(plainSummary(parsed))
  })
})

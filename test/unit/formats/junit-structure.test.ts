import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  JunitError,
  JunitParser,
  parseJunit,
  type JunitCase,
} from '../../../src/core/formats/junit.js'
import { planShards } from '../../../src/core/plan.js'
import { buildTimingModel } from '../../../src/core/timings.js'
import { caseCollector, plainRun, readFixture, sum } from '../../support/timings.js'

function parseFixture(name: string): ReturnType<typeof parseJunit> & { caseList: JunitCase[] } {
  const collected = caseCollector()
  const summary = parseJunit(name, readFixture(`junit/${name}`), { onCase: collected.onCase })
  return { ...summary, caseList: collected.cases }
}

function rejection(name: string, text: string): string {
  try {
    parseJunit(name, text)
  } catch (error) {
    expect(error).toBeInstanceOf(JunitError)
    return (error as JunitError).message
  }
  throw new Error(`${name} parsed, but it should have been rejected`)
}

describe('JUnit ids from the common writers (DESIGN "Test ids")', () => {
  it('jest-junit: the suite name is the file, a describe-block classname becomes a scope', () => {
    const summary = parseFixture('jest-junit.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [
        ['src/math/add.test.ts', 1.25],
        ['src/math/sub.test.ts', 2],
      ],
      tests: [
        ['src/math/add.test.ts::add overflow::wraps', 0.125],
        ['src/math/add.test.ts::add::handles <negative> numbers', 0.5],
        ['src/math/add.test.ts::adds small numbers', 0.25],
        ['src/math/sub.test.ts::subtracts', 1.5],
      ],
      untimed: [],
    })
    expect(summary.cases).toBe(4)
    expect(summary.statusCounts).toEqual({ passed: 3, failed: 1, error: 0, skipped: 0 })
    expect(summary.caseList[2]).toEqual({
      id: 'src/math/add.test.ts::add overflow::wraps',
      file: 'src/math/add.test.ts',
      seconds: 0.125,
      status: 'failed',
      flaky: false,
      message: 'expected 1 to be 2',
    })
    expect(summary.warnings).toEqual([])
  })

  it('vitest: a classname equal to the file adds no scope; a skipped case is untimed', () => {
    const summary = parseFixture('vitest.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [
        ['test/unit/format.test.ts', 0.5],
        ['test/unit/parse.test.ts', 0.4],
      ],
      tests: [
        ['test/unit/format.test.ts::formats', 0.45],
        ['test/unit/parse.test.ts::parse > reads a number', 0.3],
      ],
      untimed: ['test/unit/parse.test.ts::parse > reads a date'],
    })
    expect(summary.statusCounts).toEqual({ passed: 2, failed: 0, error: 0, skipped: 1 })
  })

  it('playwright: a bare spec file name is path-like by its extension; CDATA output is skipped', () => {
    const summary = parseFixture('playwright.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [['example.spec.ts', 6.25]],
      tests: [
        ['example.spec.ts::get started link', 3.5],
        ['example.spec.ts::home page › has title', 2.5],
      ],
      untimed: [],
    })
  })

  it('pytest xunit1 and xunit2 give the same pytest node ids, with and without file=', () => {
    const expected = [
      ['tests/test_models.py::TestUser::test_create[admin-1]', 0.25],
      ['tests/test_models.py::test_module_level', 0.5],
      ['tests/unit/test_api.py::TestClient::TestNested::test_get', 0.75],
    ]
    const xunit1 = parseFixture('pytest-xunit1.xml')
    const xunit2 = parseFixture('pytest-xunit2.xml')
    expect(plainRun(xunit1.run).tests).toEqual(expected)
    expect(plainRun(xunit2.run).tests).toEqual(expected)
    // The one "pytest" suite spans two files: its time belongs to neither.
    expect(xunit1.run.files.size).toBe(0)
    expect(xunit2.run.files.size).toBe(0)
    expect(xunit2.caseList.map((c) => c.file)).toEqual([
      'tests/test_models.py',
      'tests/test_models.py',
      'tests/unit/test_api.py',
    ])
  })

  it('derives a Python file from a dotted classname outside a pytest report when a segment is a test module', () => {
    const summary = parseJunit(
      'nose.xml',
      '<testsuite name="nosetests" time="3"><testcase classname="pkg.tests.test_views.TestIndex" name="test_get" time="1"/><testcase classname="pkg.tests.views_test" name="test_post" time="2"/></testsuite>',
    )
    expect(plainRun(summary.run).tests).toEqual([
      ['pkg/tests/test_views.py::TestIndex::test_get', 1],
      ['pkg/tests/views_test.py::test_post', 2],
    ])
  })

  it('Java (Surefire): the class name is the file; flakyFailure then pass is flaky; rerunFailure stays failed', () => {
    const summary = parseFixture('surefire.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [['com.example.CalculatorTest', 1.75]],
      tests: [
        ['com.example.CalculatorTest::adds', 0.5],
        ['com.example.CalculatorTest::divides', 0.75],
        ['com.example.CalculatorTest::multiplies', 0.25],
      ],
      untimed: ['com.example.CalculatorTest::ignored'],
    })
    expect(summary.caseList.map((c) => [c.id.split('::')[1], c.status, c.flaky])).toEqual([
      ['adds', 'passed', false],
      ['divides', 'passed', true],
      ['multiplies', 'failed', false],
      ['ignored', 'skipped', false],
    ])
  })

  it('prefers a testcase file= over the suite, and a suite file= over its name', () => {
    const summary = parseJunit(
      'files.xml',
      [
        '<testsuites>',
        '<testsuite name="Login flow" file="./e2e/login.spec.ts" time="4">',
        '<testcase classname="Login flow" name="logs in" time="1"/>',
        '<testcase classname="Login flow" name="elsewhere" file="e2e/other.spec.ts" time="2"/>',
        '</testsuite>',
        '<testsuite name="Checkout" filepath="/home/runner/work/shop/shop/e2e/checkout.spec.ts" time="3">',
        '<testcase classname="Checkout" name="pays" time="3"/>',
        '</testsuite>',
        '</testsuites>',
      ].join(''),
    )
    expect(plainRun(summary.run)).toEqual({
      files: [
        ['e2e/checkout.spec.ts', 3],
        ['e2e/login.spec.ts', 4],
      ],
      tests: [
        ['e2e/checkout.spec.ts::Checkout::pays', 3],
        ['e2e/login.spec.ts::Login flow::logs in', 1],
        ['e2e/other.spec.ts::Login flow::elsewhere', 2],
      ],
      untimed: [],
    })
  })

  it('takes a path-like classname as the file, but not a describe title that merely contains a slash', () => {
    const summary = parseJunit(
      'classnames.xml',
      [
        '<testsuites><testsuite name="unit" time="9">',
        '<testcase classname="src/parse.test.ts" name="parses" time="1"/>',
        '<testcase classname="src\\win.test.ts" name="windows" time="2"/>',
        '</testsuite>',
        '<testsuite name="lib/a.test.js" time="3">',
        '<testcase classname="test/it errors" name="throws" time="1"/>',
        '<testcase classname="config .cjs" name="loads" time="1"/>',
        '</testsuite></testsuites>',
      ].join(''),
    )
    expect(plainRun(summary.run).tests).toEqual([
      ['lib/a.test.js::config .cjs::loads', 1],
      ['lib/a.test.js::test/it errors::throws', 1],
      ['src/parse.test.ts::parses', 1],
      ['src/win.test.ts::windows', 2],
    ])
    // "unit" spans two files, so its 9 s are nobody's.
    expect(plainRun(summary.run).files).toEqual([['lib/a.test.js', 3]])
  })

  it('strips the caller-given roots and runner roots from every path', () => {
    const xml =
      '<testsuite name="C:\\ws\\app\\a.test.ts" time="2"><testcase classname="C:\\ws\\app\\a.test.ts" name="x" time="1"/></testsuite>'
    const summary = parseJunit('roots.xml', xml, { roots: ['C:\\ws'] })
    expect(plainRun(summary.run)).toEqual({
      files: [['app/a.test.ts', 2]],
      tests: [['app/a.test.ts::x', 1]],
      untimed: [],
    })
  })

  it('keeps a nameless case as the test `file::` and says how many there were', () => {
    const summary = parseJunit(
      'unnamed.xml',
      '<testsuite name="a.test.ts"><testcase time="1"/><testcase name="" time="2"/><testcase classname="Outer" name="" time="4"/></testsuite>',
    )
    expect(plainRun(summary.run).tests).toEqual([
      ['a.test.ts::', 3],
      ['a.test.ts::Outer::', 4],
    ])
    expect(summary.warnings).toContain('unnamed.xml: 3 test cases have no name')
  })

  it('plans a nameless case as an item of its own at test granularity', () => {
    const summary = parseJunit(
      'unnamed.xml',
      '<testsuite name="a.test.ts"><testcase name="" time="2"/><testcase name="named" time="1"/></testsuite>',
    )
    const plan = planShards({
      items: undefined,
      model: buildTimingModel([summary.run]),
      shards: { kind: 'fixed', count: 2 },
      granularity: 'test',
      shardOverheadSeconds: 0,
    })
    expect(plan.shards.flatMap((s) => s.items).sort()).toEqual(['a.test.ts::', 'a.test.ts::named'])
  })
})

describe('JUnit structure variants (THREATS D8)', () => {
  it('visits each test case of nested suites exactly once and does not double-count the file time', () => {
    const summary = parseFixture('nested-suites.xml')
    expect(summary.cases).toBe(9)
    expect(summary.caseList).toHaveLength(9)
    expect(new Set(summary.caseList.map((c) => c.id)).size).toBe(9)
    expect(plainRun(summary.run).files).toEqual([
      ['spec/a.test.ts', 5],
      ['spec/b.test.ts', 4],
    ])
    expect(summary.run.tests.size).toBe(9)
    expect(summary.run.tests.get('spec/a.test.ts::a nested describe::four')).toBe(0.5)
    expect(sum(summary.run.tests.values())).toBe(8)
    expect(summary.warnings).toEqual([])
  })

  it('keeps the inner suite times of a file when the outer suite has no time', () => {
    const summary = parseJunit(
      'inner.xml',
      [
        '<testsuites><testsuite name="wrapper">',
        '<testsuite name="describe one" time="2"><testcase classname="x.test.ts" name="a" time="1"/></testsuite>',
        '<testsuite name="describe two" time="3"><testcase classname="x.test.ts" name="b" time="1"/></testsuite>',
        '</testsuite></testsuites>',
      ].join(''),
    )
    expect(plainRun(summary.run).files).toEqual([['x.test.ts', 5]])
  })

  it('reads 20,000 nested suites, a class at each level: every case once, counts checked at every level', () => {
    const levels = 20_000
    const open: string[] = ['<testsuites>']
    for (let i = 0; i < levels; i++) {
      open.push(
        `<testsuite name="Level${i}" time="${levels - i}" tests="${levels - i}"><testcase classname="org.example.Class${i}" name="case${i}" time="0.5"/>`,
      )
    }
    const xml = [...open, '</testsuite>'.repeat(levels), '</testsuites>'].join('')
    for (const chunk of [xml.length, 4096]) {
      const parser = new JunitParser('deep.xml')
      for (let at = 0; at < xml.length; at += chunk) parser.write(xml.slice(at, at + chunk))
      const summary = parser.end()
      expect(summary.cases).toBe(levels)
      expect(summary.run.tests.size).toBe(levels)
      expect(summary.run.tests.get('org.example.Class0::case0')).toBe(0.5)
      expect(summary.run.tests.get('org.example.Class19999::case19999')).toBe(0.5)
      // Only the innermost suite holds the cases of one class alone: its time is that file's.
      expect(plainRun(summary.run).files).toEqual([['org.example.Class19999', 1]])
      expect(summary.warnings).toEqual([])
    }
  })

  it('reads a root <testsuite> without <testsuites>', () => {
    const summary = parseFixture('root-testsuite.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [['src/only.test.js', 3]],
      tests: [
        ['src/only.test.js::only::first', 1],
        ['src/only.test.js::only::second', 1.5],
      ],
      untimed: [],
    })
  })

  it('reads an empty <testsuites> as a report with no cases', () => {
    for (const xml of [
      '<testsuites/>',
      '<testsuites></testsuites>',
      '<?xml version="1.0"?>\n<testsuites>\n</testsuites>\n',
    ]) {
      const summary = parseJunit('empty-suites.xml', xml)
      expect(summary.cases).toBe(0)
      expect(summary.partial).toBeUndefined()
      expect(summary.run.files.size + summary.run.tests.size + summary.run.untimed.size).toBe(0)
    }
  })

  it('counts cases itself and warns when tests= disagrees', () => {
    const summary = parseJunit(
      'counts.xml',
      '<testsuite name="a.test.ts" tests="5"><testcase name="x" time="1"/><testcase name="y" time="1"/><testcase name="z" time="1"/></testsuite>',
    )
    expect(summary.cases).toBe(3)
    expect(summary.warnings).toEqual([
      'counts.xml: 1 suites declare a tests= count that differs from the test cases they contain; the cases were counted',
    ])
  })

  it('ignores comments, processing instructions and CDATA that look like test cases', () => {
    const summary = parseJunit(
      'hidden.xml',
      [
        '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?>',
        '<!-- <testcase name="in a comment" time="1"/> -->',
        '<testsuite name="a.test.ts" time="2">',
        '<![CDATA[<testcase name="in cdata" time="1"/>]]>',
        '<testcase name="real" time="2"><system-out><![CDATA[</testcase></testsuite>]]></system-out></testcase>',
        '<?pi <testcase name="in a pi"/> ?>',
        '</testsuite>',
      ].join('\n'),
    )
    expect(summary.cases).toBe(1)
    expect([...summary.run.tests.keys()]).toEqual(['a.test.ts::real'])
  })
})

describe('JUnit statuses (THREATS D10)', () => {
  it('applies error > failure > skipped > passed and reports flakyFailure before a pass as flaky', () => {
    const summary = parseFixture('statuses.xml')
    expect(summary.caseList.map((c) => [c.id, c.status, c.flaky])).toEqual([
      ['status.test.ts::error and failure', 'error', false],
      ['status.test.ts::failure then error', 'error', false],
      ['status.test.ts::skipped and failure', 'failed', false],
      ['status.test.ts::skipped only', 'skipped', false],
      ['status.test.ts::passed', 'passed', false],
      ['status.test.ts::no status child', 'passed', false],
      ['status.test.ts::flaky then passed', 'passed', true],
    ])
    expect(summary.statusCounts).toEqual({ passed: 3, failed: 1, error: 2, skipped: 1 })
    // Failed and errored runs took time; the skipped one did not run.
    expect(summary.run.tests.get('status.test.ts::error and failure')).toBe(1)
    expect(summary.run.untimed.has('status.test.ts::skipped only')).toBe(true)
    expect(summary.run.tests.has('status.test.ts::skipped only')).toBe(false)
  })

  it('never reports a failed case as flaky, even with a flakyFailure child', () => {
    const collected = caseCollector()
    parseJunit(
      'flaky.xml',
      '<testsuite name="a.test.ts"><testcase name="x" time="1"><flakyFailure/><failure message="still"/></testcase></testsuite>',
      { onCase: collected.onCase },
    )
    expect(collected.cases.map((c) => [c.status, c.flaky])).toEqual([['failed', false]])
  })
})

describe('JUnit duplicate ids (THREATS D9, DESIGN "Test ids")', () => {
  it('adds up the durations of one id seen several times, without the skipped occurrences', () => {
    const summary = parseFixture('duplicates.xml')
    expect(summary.cases).toBe(5)
    expect(summary.caseList.map((c) => c.status)).toEqual([
      'passed',
      'failed',
      'passed',
      'skipped',
      'skipped',
    ])
    expect(plainRun(summary.run)).toEqual({
      files: [['dup.test.ts', 9]],
      tests: [['dup.test.ts::same', 4]],
      untimed: ['dup.test.ts::only skipped'],
    })
  })

  it('keeps the same name in two files apart', () => {
    const summary = parseJunit(
      'two-files.xml',
      '<testsuites><testsuite name="a.test.ts"><testcase name="works" time="1"/></testsuite><testsuite name="b.test.ts"><testcase name="works" time="2"/></testsuite></testsuites>',
    )
    expect(plainRun(summary.run).tests).toEqual([
      ['a.test.ts::works', 1],
      ['b.test.ts::works', 2],
    ])
  })

  it('adds the times of one file reported by two sibling suites', () => {
    const summary = parseJunit(
      'siblings.xml',
      '<testsuites><testsuite name="a.test.ts" time="1.5"><testcase name="x" time="1"/></testsuite><testsuite name="a.test.ts" time="2"><testcase name="y" time="1"/></testsuite></testsuites>',
    )
    expect(summary.run.files.get('a.test.ts')).toBe(3.5)
  })
})

describe('JUnit time values (THREATS D7)', () => {
  it('uses only strict decimal seconds; anything else makes the case untimed', () => {
    const summary = parseFixture('time-variants.xml')
    expect(plainRun(summary.run)).toEqual({
      files: [['times.test.ts', 14029.255]],
      tests: [
        ['times.test.ts::plain', 2.5],
        ['times.test.ts::thousands', 1234.5],
      ],
      untimed: [
        'times.test.ts::decimal comma',
        'times.test.ts::empty',
        'times.test.ts::hex',
        'times.test.ts::infinity',
        'times.test.ts::microseconds',
        'times.test.ts::missing',
        'times.test.ts::ms as s',
        'times.test.ts::nan',
        'times.test.ts::negative',
        'times.test.ts::overflow',
        'times.test.ts::plus',
      ],
    })
    expect(
      summary.caseList.find((c) => c.id === 'times.test.ts::decimal comma')?.seconds,
    ).toBeUndefined()
  })

  it('treats 0 s cases as unknown and says how many there were', () => {
    const summary = parseJunit(
      'zero.xml',
      '<testsuite name="a.test.ts" time="0"><testcase name="x" time="0"/><testcase name="y" time="0.000"/><testcase name="z" time="1"/></testsuite>',
    )
    expect(plainRun(summary.run)).toEqual({
      files: [],
      tests: [['a.test.ts::z', 1]],
      untimed: ['a.test.ts::x', 'a.test.ts::y'],
    })
    expect(summary.warnings).toEqual(['zero.xml: 2 entries of 0 s treated as unknown'])
  })

  it('keeps a suite time when no case has one', () => {
    const summary = parseJunit(
      'suite-only.xml',
      '<testsuite name="a.test.ts" time="7.5"><testcase name="x"/><testcase name="y"/></testsuite>',
    )
    expect(plainRun(summary.run)).toEqual({
      files: [['a.test.ts', 7.5]],
      tests: [],
      untimed: ['a.test.ts::x', 'a.test.ts::y'],
    })
  })

  it('never puts NaN, a negative or more than six hours into a run, whatever the time attributes say', () => {
    const time = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double().map(String),
      fc.constantFrom('1,234.5', '0,160', '1e309', '-0'),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(time, time), { minLength: 1, maxLength: 6 }), (pairs) => {
        const escape = (s: string): string =>
          s
            .replace(/&/g, '&amp;')
            .replace(/"/g, '&quot;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
        const xml = `<testsuites>${pairs
          .map(
            ([suiteTime, caseTime], i) =>
              `<testsuite name="s${i}.test.ts" time="${escape(suiteTime)}"><testcase name="c" time="${escape(caseTime)}"/></testsuite>`,
          )
          .join('')}</testsuites>`
        const summary = parseJunit('prop.xml', xml)
        for (const seconds of [...summary.run.files.values(), ...summary.run.tests.values()]) {
          expect(Number.isFinite(seconds)).toBe(true)
          expect(seconds).toBeGreaterThan(0)
          expect(seconds).toBeLessThanOrEqual(21600)
        }
        expect(summary.cases).toBe(pairs.length)
      }),
      { numRuns: 300 },
    )
  })
})

describe('JUnit malformed documents (THREATS D6)', () => {
  it('keeps the complete cases of a truncated report and says it is partial', () => {
    const summary = parseFixture('truncated.xml')
    expect(summary.partial).toMatch(
      /^truncated\.xml: the report ends inside <testcase> \(truncated\?\); kept 2 complete test cases$/,
    )
    expect(summary.warnings).toContain(summary.partial)
    expect(summary.cases).toBe(2)
    expect(plainRun(summary.run)).toEqual({
      files: [],
      tests: [
        ['src/killed.test.ts::finished one', 1],
        ['src/killed.test.ts::finished two', 2],
      ],
      untimed: [],
    })
  })

  it('keeps only complete cases whatever the point of truncation', () => {
    const full = readFixture('junit/jest-junit.xml')
    const complete = parseJunit('full.xml', full)
    const allIds = new Set(complete.run.tests.keys())
    // Until the root's start tag is complete there is no report at all.
    const rootTagEnd = full.indexOf('>', full.indexOf('<testsuites'))
    for (let cut = 0; cut < full.length; cut++) {
      const prefix = full.slice(0, cut)
      if (cut <= rootTagEnd) {
        expect(() => parseJunit('cut.xml', prefix)).toThrow(JunitError)
        continue
      }
      const summary = parseJunit('cut.xml', prefix)
      const rest = full.slice(cut)
      // Only the closing tag and white space may be missing for the report to count as whole.
      if (rest.trim() === '') expect(summary.partial).toBeUndefined()
      else expect(summary.partial).toContain('cut.xml: the report ends inside')
      expect(summary.cases).toBeLessThanOrEqual(complete.cases)
      for (const [id, seconds] of summary.run.tests) {
        expect(allIds.has(id)).toBe(true)
        expect(seconds).toBe(complete.run.tests.get(id))
      }
    }
  })

  it('rejects an empty file', () => {
    expect(rejection('empty.xml', readFixture('junit/empty.xml'))).toMatch(
      /^empty\.xml: the file is empty/,
    )
  })

  it('rejects a file of white space or only a prolog', () => {
    expect(rejection('blank.xml', ' \n\t')).toMatch(
      /^blank\.xml: no <testsuites> or <testsuite> element/,
    )
    expect(rejection('prolog.xml', '<?xml version="1.0"?>\n')).toMatch(
      /no <testsuites> or <testsuite> element/,
    )
  })

  it('rejects an HTML error page, naming its root element', () => {
    expect(rejection('html.xml', readFixture('junit/html-page.xml'))).toMatch(
      /^html\.xml: the root element is <html>, not <testsuites> or <testsuite>/,
    )
    expect(rejection('html-doctype.xml', readFixture('junit/html-doctype.xml'))).toMatch(
      /^html-doctype\.xml: DTD/,
    )
  })

  it('rejects two concatenated documents', () => {
    expect(rejection('cat.xml', readFixture('junit/concatenated.xml'))).toMatch(
      /^cat\.xml: a second XML document follows the first/,
    )
    expect(rejection('cat2.xml', readFixture('junit/concatenated-no-prolog.xml'))).toMatch(
      /^cat2\.xml: a second root element follows the first/,
    )
  })

  it('rejects text before the root element, quoting it', () => {
    expect(rejection('log.xml', readFixture('junit/text-before-root.xml'))).toMatch(
      /^log\.xml: text before the root element: "npm WARN deprecated something"/,
    )
  })

  it('rejects text after the root element', () => {
    expect(rejection('after.xml', '<testsuite name="a"/>\ntrailing garbage')).toMatch(
      /text after the root element/,
    )
  })

  it('rejects mismatched and malformed tags', () => {
    expect(rejection('mismatch.xml', '<testsuites><testsuite name="a"></testsuites>')).toMatch(
      /<\/testsuites> closes <testsuite>/,
    )
    expect(
      rejection('lt.xml', '<testsuites><testsuite name="a" <testcase/></testsuite></testsuites>'),
    ).toMatch(/"<" inside a tag/)
    expect(
      rejection(
        'nested-case.xml',
        '<testsuite name="a"><testcase name="x"><testcase name="y"/></testcase></testsuite>',
      ),
    ).toMatch(/<testcase> inside <testcase>/)
  })

  it('accepts ANSI escapes and other control characters inside text and attributes', () => {
    const summary = parseJunit(
      'ansi.xml',
      '<testsuite name="a.test.ts"><testcase name="colour \x1b[31mred\x1b[0m" time="1"><failure message="\x1b[31mboom\x07">\x00\x1b[2K</failure></testcase></testsuite>',
    )
    expect(summary.statusCounts.failed).toBe(1)
    expect([...summary.run.tests.keys()]).toEqual(['a.test.ts::colour \x1b[31mred\x1b[0m'])
  })

  it('does not call a complete report that ends with a short comment truncated', () => {
    for (const tail of ['<!---->', '<!--x-->', '\n<!-- generated by jest-junit -->\n']) {
      const summary = parseJunit(
        'tail.xml',
        `<testsuite name="a.test.ts"><testcase name="x" time="1"/></testsuite>${tail}`,
      )
      expect(summary.partial).toBeUndefined()
      expect(summary.run.tests.get('a.test.ts::x')).toBe(1)
    }
  })

  it('calls a report cut inside a comment or CDATA partial', () => {
    const head =
      '<testsuite name="a.test.ts"><testcase name="x" time="1"/><testcase name="y" time="2"><system-out>'
    for (const tail of ['<!-- cut', '<![CDATA[ cut', '<!', '<']) {
      const summary = parseJunit('cut.xml', head + tail)
      expect(summary.partial).toContain('kept 1 complete test cases')
      expect([...summary.run.tests.keys()]).toEqual(['a.test.ts::x'])
    }
  })

  it('accepts a BOM and leading white space before the prolog', () => {
    const summary = parseJunit(
      'bom.xml',
      '\uFEFF\n  <?xml version="1.0"?><testsuite name="a.test.ts"><testcase name="x" time="1"/></testsuite>',
    )
    expect(summary.run.tests.get('a.test.ts::x')).toBe(1)
  })
})

import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Log } from '../../src/adapters/log.js'
import { loadTimings, streamJunit } from '../../src/adapters/timings-files.js'
import { UsageError } from '../../src/core/errors.js'
import { JunitParser, type JunitCase } from '../../src/core/formats/junit.js'
import type { FormatName } from '../../src/core/types.js'
import { DATASETS_DIR, fixturePath, onlyRun, plainRun, sum } from '../support/timings.js'

interface CollectingLog extends Log {
  readonly infos: string[]
  readonly warnings: string[]
  readonly notices: string[]
}

function collectingLog(): CollectingLog {
  const infos: string[] = []
  const warnings: string[] = []
  const notices: string[] = []
  return {
    infos,
    warnings,
    notices,
    info: (m) => void infos.push(m),
    warning: (m) => void warnings.push(m),
    notice: (m) => void notices.push(m),
  }
}

let scratch = ''

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shardwise-timings-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** A fresh directory under the scratch directory. */
async function dir(name: string): Promise<string> {
  const path = join(scratch, name)
  await mkdir(path, { recursive: true })
  return path
}

/** |a − b| within half a unit of the last digit the README prints. */
function expectWithinRounding(actual: number, readme: number, decimals: number): void {
  expect(Math.abs(actual - readme)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9)
}

const JUNIT_OK =
  '<testsuites><testsuite name="src/a.test.ts" time="2"><testcase name="works" time="1.5"/></testsuite></testsuites>'

describe('loadTimings on the real-world datasets (test/fixtures/datasets)', () => {
  interface Expected {
    file: string
    format: FormatName
    /** pytest-split: tests and their files; others: files. */
    tests?: number
    files: number
    total: number
    max: number
  }
  const flat: Expected[] = [
    {
      file: 'baserow__baserow__.test_durations',
      format: 'pytest-split',
      tests: 10006,
      files: 659,
      total: 2620.2,
      max: 59.89,
    },
    {
      file: 'OneGov__onegov-cloud__.test_durations',
      format: 'pytest-split',
      tests: 3592,
      files: 509,
      total: 5580.8,
      max: 77.61,
    },
    {
      file: 'iterative__dvc__.test_durations',
      format: 'pytest-split',
      tests: 2793,
      files: 207,
      total: 1279.3,
      max: 81.52,
    },
    {
      file: 'pgmpy__pgmpy__.test_durations',
      format: 'pytest-split',
      tests: 1196,
      files: 65,
      total: 530.4,
      max: 221.07,
    },
    {
      file: 'equinor__ecalc__.test_durations',
      format: 'pytest-split',
      tests: 1096,
      files: 143,
      total: 76.4,
      max: 7.95,
    },
    {
      file: 'Swiss-Armed-Forces__Loom__.test_durations',
      format: 'pytest-split',
      tests: 478,
      files: 46,
      total: 11091.7,
      max: 2574.0,
    },
    {
      file: 'Parallel-in-Time__pySDC__.test_durations',
      format: 'pytest-split',
      tests: 116,
      files: 35,
      total: 1057.3,
      max: 425.12,
    },
    {
      file: '18F__identity-idp__knapsack_rspec_report.json',
      format: 'knapsack',
      files: 1122,
      total: 6919.4,
      max: 338.05,
    },
    {
      file: 'ideacrew__enroll__parallel_runtime_rspec.log',
      format: 'parallel-tests',
      files: 792,
      total: 4776.9,
      max: 700.05,
    },
    {
      file: 'sanger__sequencescape__knapsack_rspec_report.json',
      format: 'knapsack',
      files: 313,
      total: 916.9,
      max: 207.42,
    },
    {
      file: 'sanger__sequencescape__knapsack_cucumber_report.json',
      format: 'knapsack',
      files: 230,
      total: 2756.4,
      max: 196.72,
    },
    {
      file: 'inspec__inspec__knapsack_minitest_report.json',
      format: 'knapsack',
      files: 258,
      total: 1104.2,
      max: 141.82,
    },
    {
      file: 'rubygems__bundler__parallel_runtime_rspec.log',
      format: 'parallel-tests',
      files: 156,
      total: 5441.6,
      max: 473.42,
    },
  ]

  it.each(flat)('$file is $format with the README counts and totals', async (expected) => {
    const path = join(DATASETS_DIR, expected.file)
    const log = collectingLog()
    const loaded = await loadTimings([path], {}, log)
    expect(loaded.sources).toEqual([{ path, format: expected.format, runs: 1, error: undefined }])
    expect(log.warnings).toEqual([])
    const run = onlyRun(loaded)
    expect(run.untimed.size).toBe(0)
    if (expected.tests !== undefined) {
      expect(run.files.size).toBe(0)
      expect(run.tests.size).toBe(expected.tests)
      expect(new Set([...run.tests.keys()].map((id) => id.split('::')[0])).size).toBe(
        expected.files,
      )
      expectWithinRounding(sum(run.tests.values()), expected.total, 1)
      expectWithinRounding(Math.max(...run.tests.values()), expected.max, 2)
    } else {
      expect(run.tests.size).toBe(0)
      expect(run.files.size).toBe(expected.files)
      expectWithinRounding(sum(run.files.values()), expected.total, 1)
      expectWithinRounding(Math.max(...run.files.values()), expected.max, 2)
    }
  })

  it.each(flat.filter((e) => e.format !== 'parallel-tests'))(
    '$file keeps every id as written in the file',
    async ({ file }) => {
      const path = join(DATASETS_DIR, file)
      const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, number>
      const run = onlyRun(await loadTimings([path], {}, collectingLog()))
      const ids = new Set([...run.tests.keys(), ...run.files.keys()])
      for (const [id, seconds] of Object.entries(raw)) {
        expect(ids.has(id)).toBe(true)
        expect(run.tests.get(id) ?? run.files.get(id)).toBe(seconds)
      }
    },
  )

  it('keeps pytest ids with brackets, quotes, spaces and escapes intact (Loom, OneGov)', async () => {
    const loom = onlyRun(
      await loadTimings(
        [join(DATASETS_DIR, 'Swiss-Armed-Forces__Loom__.test_durations')],
        {},
        collectingLog(),
      ),
    )
    expect(
      loom.tests.has(
        'integrationtest/tests/archive_test.py::test_archive_extraction[".zip-2-expected_archive_content13]',
      ),
    ).toBe(true)
    const onegov = onlyRun(
      await loadTimings(
        [join(DATASETS_DIR, 'OneGov__onegov-cloud__.test_durations')],
        {},
        collectingLog(),
      ),
    )
    expect(
      onegov.tests.has(
        'tests/onegov/agency/test_import.py::test_parse_address_bs[Rg 16, PS 1532, 4001 Basel-Rg 16<br>PS 1532<br>4001 Basel]',
      ),
    ).toBe(true)
    expect(
      onegov.tests.has(
        'tests/onegov/core/test_utils.py::test_normalize_for_filename[invalid<>:"/\\\\|?*chars.txt-None-invalid_________chars.txt]',
      ),
    ).toBe(true)
  })

  it('mermaid: 90 entries, 73 unique specs; a repeated spec is a second observation run', async () => {
    const path = join(DATASETS_DIR, 'mermaid-js__mermaid__timings.json')
    const loaded = await loadTimings([path], {}, collectingLog())
    expect(loaded.sources).toEqual([{ path, format: 'cypress-split', runs: 2, error: undefined }])
    const [first, second] = loaded.runs
    if (!first || !second) throw new Error('expected two runs')
    expect(first.files.size).toBe(73)
    expect(second.files.size).toBe(17)
    for (const spec of second.files.keys()) expect(first.files.has(spec)).toBe(true)
    const everything = [...first.files.values(), ...second.files.values()]
    expectWithinRounding(sum(everything), 2147.7, 1)
    expectWithinRounding(Math.max(...everything), 258.29, 2)
    // README's "unique, last entry wins" total.
    const lastWins = [...first.files].map(([spec, seconds]) => second.files.get(spec) ?? seconds)
    expectWithinRounding(sum(lastWins), 1803.5, 1)
  })

  it('jest JUnit: 400 test files, 4239 test cases, suite times 655.0 s, case times 592.6 s', async () => {
    const path = join(DATASETS_DIR, 'dorny__test-reporter__jest-test-results.xml')
    const log = collectingLog()
    const loaded = await loadTimings([path], {}, log)
    expect(loaded.sources).toEqual([{ path, format: 'junit', runs: 1, error: undefined }])
    const run = onlyRun(loaded)
    expect(run.files.size).toBe(400)
    expectWithinRounding(sum(run.files.values()), 655.0, 1)
    expectWithinRounding(Math.max(...run.files.values()), 28.29, 2)
    expectWithinRounding(sum(run.tests.values()), 592.6, 1)
    for (const id of [...run.tests.keys(), ...run.untimed])
      expect(run.files.has(id.split('::')[0] ?? '')).toBe(true)
    expect(log.warnings).toEqual([
      `${path}: 1691 entries of 0 s treated as unknown`,
      `${path}: 1 test cases have no name`,
    ])

    const cases: JunitCase[] = []
    const parser = new JunitParser(path, { onCase: (c) => void cases.push(c) })
    await streamJunit(path, parser)
    const summary = parser.end()
    expect(summary.cases).toBe(4239)
    expect(cases.filter((c) => c.seconds === 0)).toHaveLength(1760)
    expect(summary.statusCounts.failed).toBe(2)
    expect(summary.partial).toBeUndefined()
  })

  it('pulsar JUnit: 176 test classes, 808 test cases, 1 failure, 14 skipped, 2126.5 s', async () => {
    const path = join(DATASETS_DIR, 'dorny__test-reporter__pulsar-test-report.xml')
    const loaded = await loadTimings([path], {}, collectingLog())
    expect(loaded.sources).toEqual([{ path, format: 'junit', runs: 1, error: undefined }])
    const run = onlyRun(loaded)
    expect(run.files.size).toBe(176)
    expect([...run.files.keys()].every((file) => /^org\.apache\.pulsar\.[\w.]+$/.test(file))).toBe(
      true,
    )
    expectWithinRounding(sum(run.files.values()), 2126.5, 1)
    expectWithinRounding(Math.max(...run.files.values()), 148.2, 2)

    const parser = new JunitParser(path)
    await streamJunit(path, parser)
    const summary = parser.end()
    expect(summary.cases).toBe(808)
    expect(summary.statusCounts).toEqual({ passed: 793, failed: 1, error: 0, skipped: 14 })
  })

  it('loads the whole directory: every data file once, README.md left out', async () => {
    const log = collectingLog()
    const loaded = await loadTimings([DATASETS_DIR], {}, log)
    expect(loaded.sources).toHaveLength(16)
    expect(loaded.sources.some((s) => s.path.endsWith('README.md'))).toBe(false)
    expect(loaded.sources.every((s) => s.error === undefined)).toBe(true)
    const formats: Record<string, number> = {}
    for (const source of loaded.sources)
      formats[source.format ?? 'none'] = (formats[source.format ?? 'none'] ?? 0) + 1
    expect(formats).toEqual({
      'pytest-split': 7,
      knapsack: 4,
      'parallel-tests': 2,
      'cypress-split': 1,
      junit: 2,
    })
    // mermaid contributes two runs.
    expect(loaded.runs).toHaveLength(17)
  })
})

describe('loadTimings: encodings (THREATS D6, F1)', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-16"?>\n<testsuite name="src/caf\u00e9.test.ts" time="2"><testcase name="\u00fcber \u{1F600}" time="1.5"/></testsuite>\n'
  const expectedRun = {
    files: [['src/caf\u00e9.test.ts', 2]],
    tests: [['src/caf\u00e9.test.ts::\u00fcber \u{1F600}', 1.5]],
    untimed: [],
  }

  function utf16be(text: string): Buffer {
    const le = Buffer.from(text, 'utf16le')
    for (let i = 0; i < le.length; i += 2) {
      const low = le[i] ?? 0
      le[i] = le[i + 1] ?? 0
      le[i + 1] = low
    }
    return le
  }

  it.each([
    ['utf8.xml', Buffer.from(xml, 'utf8')],
    ['utf8-bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['utf16le.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])],
    ['utf16be.xml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(xml)])],
  ])('reads the JUnit file %s', async (name, bytes) => {
    const path = join(await dir('encodings'), name)
    await writeFile(path, bytes)
    const log = collectingLog()
    const loaded = await loadTimings([path], {}, log)
    expect(loaded.sources).toEqual([{ path, format: 'junit', runs: 1, error: undefined }])
    expect(plainRun(onlyRun(loaded))).toEqual(expectedRun)
    expect(log.warnings).toEqual([])
  })

  it('streams UTF-16 whose characters straddle the 1 MiB read chunks', async () => {
    const padding = `<!--${'\u00e9'.repeat(700_000)}-->`
    const big = xml.replace('<testsuite', `${padding}<testsuite`)
    const path = join(await dir('encodings'), 'straddle-utf16le.xml')
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(big, 'utf16le')]))
    expect(plainRun(onlyRun(await loadTimings([path], {}, collectingLog())))).toEqual(expectedRun)
  })

  it.each([
    [
      'utf8-bom.json',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('{"spec/caf\u00e9_spec.rb": 2.5}'),
      ]),
    ],
    [
      'utf16le.json',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('{"spec/caf\u00e9_spec.rb": 2.5}', 'utf16le'),
      ]),
    ],
    [
      'utf16be.json',
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('{"spec/caf\u00e9_spec.rb": 2.5}')]),
    ],
    [
      'utf16le.log',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('spec/caf\u00e9_spec.rb:2.5\r\n', 'utf16le'),
      ]),
    ],
  ])('reads the text timings file %s', async (name, bytes) => {
    const path = join(await dir('encodings'), name)
    await writeFile(path, bytes)
    const loaded = await loadTimings([path], {}, collectingLog())
    expect(Object.fromEntries(onlyRun(loaded).files)).toEqual({ 'spec/caf\u00e9_spec.rb': 2.5 })
  })

  it('reads a Latin-1 file that claims ISO-8859-1 without failing, replacing the undecodable byte', async () => {
    const path = join(await dir('encodings'), 'latin1.xml')
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from(
          '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="a.test.ts"><testcase name="caf',
        ),
        Buffer.from([0xe9]),
        Buffer.from('" time="1"/></testsuite>'),
      ]),
    )
    expect([...onlyRun(await loadTimings([path], {}, collectingLog())).tests.keys()]).toEqual([
      'a.test.ts::caf\uFFFD',
    ])
  })
})

describe('loadTimings: corrupt files become warnings (THREATS F1, D6)', () => {
  it('warns about each bad file, names it, and still loads the good ones', async () => {
    const root = await dir('corrupt')
    const files: Record<string, string | Buffer> = {
      'a-good.xml': JUNIT_OK,
      'b-truncated.json': '{"files":{"a":1',
      'c-empty.json': '',
      'd-zero-bytes.xml': Buffer.alloc(0),
      'e-garbage.log': Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0xff, 0xd8,
      ]),
      'f-html.xml': '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>',
      'g-store-v999.json': '{"tool":"shardwise","version":999,"files":{}}',
      'h-good.test_durations': '{"tests/test_x.py::test_y": 0.5}',
      'i-array.json': '[1, 2, 3]',
      'j-unknown.json': '{"name": "pkg", "dependencies": {}}',
      'k-truncated.xml':
        '<testsuites><testsuite name="k.test.ts"><testcase name="done" time="1"/><testcase name="cut" ti',
      'l-xxe.xml':
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuites><testsuite name="x"><testcase name="&x;"/></testsuite></testsuites>',
    }
    for (const [name, content] of Object.entries(files)) await writeFile(join(root, name), content)
    const log = collectingLog()
    const loaded = await loadTimings([root], {}, log)

    const byName = Object.fromEntries(loaded.sources.map((s) => [s.path.slice(root.length + 1), s]))
    expect(Object.keys(byName).sort()).toEqual(Object.keys(files).sort())
    expect(byName['a-good.xml']).toMatchObject({ format: 'junit', runs: 1, error: undefined })
    expect(byName['h-good.test_durations']).toMatchObject({
      format: 'pytest-split',
      runs: 1,
      error: undefined,
    })
    expect(byName['k-truncated.xml']).toMatchObject({ format: 'junit', runs: 1, error: undefined })
    const rejected = {
      'b-truncated.json': /not valid JSON/,
      'c-empty.json': /the file is empty/,
      'd-zero-bytes.xml': /the file is empty/,
      'e-garbage.log': /no line has the form "path:seconds"/,
      'f-html.xml': /DTD declarations/,
      'g-store-v999.json': /version 999 is not supported/,
      'i-array.json': /expected a JSON object, got an array/,
      'j-unknown.json': /no known timings format/,
      'l-xxe.xml': /DTD declarations/,
    }
    for (const [name, reason] of Object.entries(rejected)) {
      const source = byName[name]
      expect(source?.format).toBeUndefined()
      expect(source?.runs).toBe(0)
      expect(source?.error).toMatch(reason)
      expect(source?.error).toContain(join(root, name))
      expect(
        log.warnings.filter(
          (w) => w.startsWith(join(root, name)) && w.endsWith('; the file is ignored'),
        ),
      ).toHaveLength(1)
    }
    expect(log.warnings.join('\n')).not.toMatch(/root:x:0/)
    expect(log.warnings.filter((w) => w.includes('k-truncated.xml'))).toEqual([
      `${join(root, 'k-truncated.xml')}: the report ends inside <testsuite> (truncated?); kept 1 complete test cases`,
    ])
    expect(loaded.runs.map(plainRun)).toEqual([
      { files: [['src/a.test.ts', 2]], tests: [['src/a.test.ts::works', 1.5]], untimed: [] },
      { files: [], tests: [['tests/test_x.py::test_y', 0.5]], untimed: [] },
      { files: [], tests: [['k.test.ts::done', 1]], untimed: [] },
    ])
    expect(log.infos).toEqual([])
    expect(log.notices).toEqual([])
  })

  it('warns about a file it cannot read and goes on', async () => {
    // Reading a process's own memory at address 0 fails with EIO, even for root (Linux).
    const unreadable = '/proc/self/mem'
    const good = join(await dir('unreadable'), 'b.json')
    await writeFile(good, '{"spec/b_spec.rb": 1}')
    const log = collectingLog()
    const loaded = await loadTimings([unreadable, good], {}, log)
    expect(loaded.sources).toEqual([
      {
        path: unreadable,
        format: undefined,
        runs: 0,
        error: expect.stringMatching(/EIO/) as unknown,
      },
      { path: good, format: 'knapsack', runs: 1, error: undefined },
    ])
    expect(log.warnings).toEqual([
      expect.stringMatching(/^\/proc\/self\/mem: cannot be read \(EIO.*\); ignored$/),
    ])
    expect(Object.fromEntries(onlyRun(loaded).files)).toEqual({ 'spec/b_spec.rb': 1 })
  })

  it('never requests an external entity while loading, and warns naming the file', async () => {
    const hits: string[] = []
    const server = createServer((request, response) => {
      hits.push(request.url ?? '')
      response.end('leaked')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const path = join(await dir('xxe'), 'junit-3.xml')
      await writeFile(
        path,
        `<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY % p SYSTEM "${base}/param"> %p; <!ENTITY x SYSTEM "${base}/entity">]>\n<testsuites><testsuite name="a.test.ts"><testcase name="&x;" time="1"/></testsuite></testsuites>`,
      )
      const log = collectingLog()
      const loaded = await loadTimings([path], {}, log)
      expect(loaded.runs).toEqual([])
      expect(log.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: DTD declarations .* the file is ignored$`,
          ),
        ),
      ])
      expect(await (await fetch(`${base}/sentinel`)).text()).toBe('leaked')
      expect(hits).toEqual(['/sentinel'])
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    }
  })
})

describe('loadTimings: paths and directories', () => {
  it('walks nested directories in name order, ignores README.md, other names and node_modules', async () => {
    const root = await dir('tree')
    await mkdir(join(root, 'shard-1', 'junit'), { recursive: true })
    await mkdir(join(root, 'shard-2'), { recursive: true })
    await mkdir(join(root, 'node_modules', 'pkg'), { recursive: true })
    await writeFile(join(root, 'README.md'), '# not a report\nspec/readme_spec.rb:99\n')
    await writeFile(join(root, 'notes.md'), 'spec/x_spec.rb:1')
    await writeFile(join(root, 'shard-1', 'junit', 'report.xml'), JUNIT_OK)
    await writeFile(join(root, 'shard-1', 'junit', 'image.png'), Buffer.from([0x89, 0x50]))
    await writeFile(
      join(root, 'shard-2', 'report.XML'),
      '<testsuite name="src/b.test.ts" time="3"><testcase name="other" time="2.5"/></testsuite>',
    )
    await writeFile(join(root, 'shard-2', 'durations.test_durations'), '{"t/test_a.py::test_b": 4}')
    await writeFile(
      join(root, 'node_modules', 'pkg', 'junit.xml'),
      '<testsuite name="vendored.test.js" time="50"/>',
    )
    await copyFile(fixturePath('text/parallel_runtime_rspec.log'), join(root, 'runtime.log'))
    await symlink(join(root, 'shard-2', 'report.XML'), join(root, 'link.xml'))

    const log = collectingLog()
    const loaded = await loadTimings([root], {}, log)
    expect(loaded.sources.map((s) => [s.path.slice(root.length + 1), s.format])).toEqual([
      ['runtime.log', 'parallel-tests'],
      [join('shard-1', 'junit', 'report.xml'), 'junit'],
      [join('shard-2', 'durations.test_durations'), 'pytest-split'],
      [join('shard-2', 'report.XML'), 'junit'],
    ])
    expect(loaded.runs.map((r) => r.source)).toEqual(loaded.sources.map((s) => s.path))
    const allIds = loaded.runs.flatMap((r) => [...r.files.keys(), ...r.tests.keys(), ...r.untimed])
    expect(allIds).not.toContain('spec/readme_spec.rb')
    expect(allIds).not.toContain('vendored.test.js')
    expect(allIds).toContain('src/b.test.ts::other')
  })

  it('reads several paths, files and directories, in the order given', async () => {
    const a = join(await dir('order'), 'a.json')
    const b = join(await dir('order'), 'b.xml')
    await writeFile(a, '{"spec/a_spec.rb": 1}')
    await writeFile(b, JUNIT_OK)
    const loaded = await loadTimings([b, a, b], {}, collectingLog())
    expect(loaded.sources.map((s) => s.path)).toEqual([b, a, b])
    expect(loaded.runs).toHaveLength(3)
  })

  it('reads a file given by name whatever its extension', async () => {
    const path = join(await dir('names'), 'timings-from-ci')
    await writeFile(path, '{"spec/a_spec.rb": 1}')
    expect(
      onlyRun(await loadTimings([path], {}, collectingLog())).files.get('spec/a_spec.rb'),
    ).toBe(1)
  })

  it('applies the roots to the ids of every file', async () => {
    const root = await dir('roots')
    await writeFile(join(root, 'a.xml'), '<testsuite name="/ci/w/src/a.test.ts" time="1"/>')
    await writeFile(join(root, 'b.log'), '/ci/w/spec/b_spec.rb:2\n')
    const loaded = await loadTimings([root], { roots: ['/ci/w'] }, collectingLog())
    expect(loaded.runs.flatMap((r) => [...r.files.keys()])).toEqual([
      'src/a.test.ts',
      'spec/b_spec.rb',
    ])
  })

  it('fails with a UsageError naming a path that does not exist', async () => {
    const missing = join(scratch, 'no-such-dir', 'timings.json')
    const attempt = loadTimings([missing], {}, collectingLog())
    await expect(attempt).rejects.toThrow(UsageError)
    await expect(loadTimings([missing], {}, collectingLog())).rejects.toThrow(
      `--timings ${missing}: cannot read it`,
    )
  })

  it('fails on a missing path even after good ones', async () => {
    const good = join(await dir('missing-after'), 'a.json')
    await writeFile(good, '{"a_spec.rb": 1}')
    await expect(loadTimings([good, join(scratch, 'gone')], {}, collectingLog())).rejects.toThrow(
      /--timings .*gone: cannot read it/,
    )
  })

  it('refuses a symbolic link given as the path', async () => {
    const root = await dir('symlink')
    await writeFile(join(root, 'real.json'), '{"a_spec.rb": 1}')
    await symlink(join(root, 'real.json'), join(root, 'link.json'))
    await expect(loadTimings([join(root, 'link.json')], {}, collectingLog())).rejects.toThrow(
      `--timings ${join(root, 'link.json')}: is a symbolic link; give the file it points to`,
    )
  })

  it('warns about a directory with no report files', async () => {
    const root = await dir('empty-dir')
    await writeFile(join(root, 'README.md'), 'nothing here')
    const log = collectingLog()
    const loaded = await loadTimings([root], {}, log)
    expect(loaded).toEqual({ runs: [], sources: [] })
    expect(log.warnings).toEqual([`--timings ${root}: the directory holds no report files`])
  })
})

describe('loadTimings: large JUnit files (THREATS D5)', () => {
  const CDATA_MB = 50

  /** ~50 MB: a case, then a 50 MB CDATA <system-out>, then cases after it. */
  async function writeHugeCdata(path: string): Promise<void> {
    const out = createWriteStream(path)
    // `once` also rejects on 'error', and takes its listeners off again either way.
    const write = async (text: string): Promise<void> => {
      if (!out.write(text)) await once(out, 'drain')
    }
    await write('<?xml version="1.0"?>\n<testsuites><testsuite name="src/big.test.ts" time="12.5">')
    await write(
      '<testcase name="before" time="1"/><testcase name="noisy" time="2"><system-out><![CDATA[',
    )
    const line = '<testcase name="fake" time="999"/> ]] ]> &lt; \u00e9\u{1F600} log line '.padEnd(
      100,
      '.',
    )
    const megabyte = `${line}\n`.repeat(10_000)
    for (let i = 0; i < CDATA_MB; i++) await write(megabyte)
    await write(
      ']]></system-out></testcase><testcase name="after" time="3"/></testsuite></testsuites>\n',
    )
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => {
        if (error) reject(error)
        else resolve()
      }),
    )
  }

  it('parses a 50 MB CDATA <system-out> streamed, keeping the cases around it', async () => {
    const path = join(await dir('huge'), 'huge-cdata.xml')
    await writeHugeCdata(path)
    const log = collectingLog()
    const loaded = await loadTimings([path], {}, log)
    expect(plainRun(onlyRun(loaded))).toEqual({
      files: [['src/big.test.ts', 12.5]],
      tests: [
        ['src/big.test.ts::after', 3],
        ['src/big.test.ts::before', 1],
        ['src/big.test.ts::noisy', 2],
      ],
      untimed: [],
    })
    expect(log.warnings).toEqual([])
  })

  it('parses it with a 64 MB heap, so memory does not grow with the output', async () => {
    const path = join(await dir('huge-heap'), 'huge-cdata.xml')
    await writeHugeCdata(path)
    const script = join(scratch, 'load-huge.mts')
    const moduleUrl = pathToFileURL(join(process.cwd(), 'src/adapters/timings-files.ts')).href
    await writeFile(
      script,
      [
        `import { loadTimings } from ${JSON.stringify(moduleUrl)}`,
        'const warnings = []',
        `const loaded = await loadTimings([${JSON.stringify(path)}], {}, { info() {}, notice() {}, warning: (m) => warnings.push(m) })`,
        'const run = loaded.runs[0]',
        'console.log(JSON.stringify({ tests: [...run.tests.keys()].sort(), warnings, rssMb: process.memoryUsage().rss / 2 ** 20 }))',
      ].join('\n'),
    )
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', script],
      {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(child.stderr).not.toMatch(/heap out of memory/i)
    expect(child.status).toBe(0)
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      tests: string[]
      warnings: string[]
      rssMb: number
    }
    expect(result.tests).toEqual([
      'src/big.test.ts::after',
      'src/big.test.ts::before',
      'src/big.test.ts::noisy',
    ])
    expect(result.warnings).toEqual([])
    expect(result.rssMb).toBeLessThan(512)
  })

  it('parses 100,000 test cases', async () => {
    const path = join(await dir('many'), 'many.xml')
    const out = createWriteStream(path)
    out.write('<testsuites>')
    for (let file = 0; file < 1000; file++) {
      const cases = Array.from(
        { length: 100 },
        (_, i) => `<testcase classname="c${i % 7}" name="t${i}" time="0.01${i}"/>`,
      )
      out.write(
        `<testsuite name="tests/f${file}.test.ts" tests="100" time="${(file % 50) + 1}">${cases.join('')}</testsuite>\n`,
      )
    }
    out.write('</testsuites>')
    await new Promise<void>((resolve) => out.end(resolve))
    const run = onlyRun(await loadTimings([path], {}, collectingLog()))
    expect(run.tests.size).toBe(100_000)
    expect(run.files.size).toBe(1000)
    expect(sum(run.files.values())).toBe((20 * (50 * 51)) / 2)
  })
})

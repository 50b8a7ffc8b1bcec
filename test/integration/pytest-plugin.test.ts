import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pytest } from '../../src/adapters/runners/pytest.js'
import { removeDir } from '../support/runner-workspace.js'

const PLUGIN_DIR = resolve(import.meta.dirname, '../../src/reporters')

interface PluginReport {
  collectSeconds: Record<string, number>
  importSeconds: Record<string, number>
  runSeconds: Record<string, number>
}

// The plugin with the real pytest: what a module's collection spends importing other modules
// (paid once per process, by whichever module imports first) is kept apart from the module's
// own cost, which it would otherwise inflate on every shard that happens to import it first.
describe('the pytest plugin (shardwise_pytest)', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'shardwise-pytest-plugin-'))
    await mkdir(join(root, 'tests', 'helpers'), { recursive: true })
    await writeFile(join(root, 'tests', '__init__.py'), '')
    await writeFile(join(root, 'tests', 'helpers', '__init__.py'), '')
    await writeFile(
      join(root, 'tests', 'helpers', 'slow.py'),
      'import time\ntime.sleep(1.0)\n\ndef one():\n    return 1\n',
    )
    const importer =
      'from tests.helpers.slow import one\n\n\ndef test_one():\n    assert one() == 1\n'
    await writeFile(join(root, 'tests', 'test_a.py'), importer)
    await writeFile(join(root, 'tests', 'test_b.py'), importer)
    await writeFile(
      join(root, 'tests', 'test_body.py'),
      'import time\ntime.sleep(0.3)\n\n\ndef test_body():\n    assert True\n',
    )
  })
  afterAll(async () => {
    await removeDir(root)
  })

  it('keeps the import of a shared helper out of the module that imported it first, and a module body’s own cost in', async () => {
    const report = join(root, 'plugin.json')
    const run = await promisify(execFile)(
      'python3',
      ['-m', 'pytest', '-q', '-p', 'shardwise_pytest', '-p', 'no:cacheprovider', 'tests'],
      {
        cwd: root,
        env: { ...process.env, PYTHONPATH: PLUGIN_DIR, SHARDWISE_PYTEST_REPORT: report },
      },
    )
    expect(run.stdout).toContain('3 passed')
    const plugin = JSON.parse(await readFile(report, 'utf8')) as PluginReport
    expect(Object.keys(plugin.collectSeconds).sort()).toEqual([
      'tests/test_a.py',
      'tests/test_b.py',
      'tests/test_body.py',
    ])
    // test_a is collected first and pays the helper's one-second import; test_b finds it cached.
    expect(plugin.importSeconds['tests/test_a.py']).toBeGreaterThanOrEqual(1)
    expect(plugin.collectSeconds['tests/test_a.py']).toBeLessThan(1)
    expect(plugin.importSeconds['tests/test_b.py']).toBeLessThan(1)
    // A module's own body (module-level work) is its cost, not an import of another module.
    expect(plugin.collectSeconds['tests/test_body.py']).toBeGreaterThanOrEqual(0.3)
  })

  it('charges each file what the run loop spent on its tests, pytest’s own work per test included, which JUnit times leave out, and the session’s tail to none', async () => {
    const dir = join(root, 'overhead')
    await mkdir(join(dir, 'tests'), { recursive: true })
    // Work pytest does around every test (here a reporting hook, as plugins and output do):
    // 20 ms a test, outside any test's setup, call or teardown; and 0.42 s after the last
    // test (as a plugin's summary takes), which is the session's and no file's.
    await writeFile(
      join(dir, 'conftest.py'),
      [
        'import time',
        '',
        'def pytest_runtest_logreport(report):',
        '    if report.when == "teardown":',
        '        time.sleep(0.02)',
        '',
        'def pytest_sessionfinish(session):',
        '    time.sleep(0.42)',
        '',
      ].join('\n'),
    )
    const tests = Array.from({ length: 20 }, (_, i) => `def test_${i}():\n    pass\n`).join('\n\n')
    await writeFile(join(dir, 'tests', 'test_many.py'), tests)
    await writeFile(join(dir, 'tests', 'test_one.py'), 'def test_only():\n    pass\n')
    const input = {
      command: ['python3', '-m', 'pytest', '-q'],
      items: ['tests/test_many.py', 'tests/test_one.py'],
      reportDir: join(dir, 'reports'),
      cwd: dir,
    }
    await mkdir(input.reportDir)
    const [invocation] = pytest.invocations(input)
    if (!invocation) throw new Error('no invocation')
    const [program = '', ...args] = invocation.argv
    await promisify(execFile)(program, args, {
      cwd: dir,
      env: { ...process.env, ...invocation.env },
    })
    const plugin = JSON.parse(
      await readFile(invocation.env?.SHARDWISE_PYTEST_REPORT ?? '', 'utf8'),
    ) as PluginReport
    expect(plugin.runSeconds['tests/test_many.py']).toBeGreaterThanOrEqual(0.4)
    expect(plugin.runSeconds['tests/test_many.py']).toBeLessThan(0.4 + 0.42)
    expect(plugin.runSeconds['tests/test_one.py']).toBeGreaterThanOrEqual(0.02)
    expect(plugin.runSeconds['tests/test_one.py']).toBeLessThan(0.42)
    const outcomes = await pytest.readOutcomes(invocation, input, { exitCode: 0 })
    const junitSum = outcomes.tests
      .filter((t) => t.file === 'tests/test_many.py')
      .reduce((total, t) => total + (t.seconds ?? 0), 0)
    expect(junitSum).toBeLessThan(0.2)
    const many = outcomes.files?.find((f) => f.file === 'tests/test_many.py')?.seconds ?? 0
    expect(many).toBeGreaterThanOrEqual(0.4)
    expect(many).toBeGreaterThanOrEqual(plugin.runSeconds['tests/test_many.py'] ?? Infinity)
  })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('signs in', async () => {
  assert.equal(await work(120), 120)
})

test('refreshes a token', async () => {
  assert.equal(await work(90), 90)
})

// A deliberately flaky test, off by default. With SHARDWISE_DEMO_FLAKY set to a file path it
// fails the first time (creating the file) and passes the next, so `--retries 1` reports it
// as flaky rather than failed.
test('keeps a session alive across a restart', async () => {
  const marker = process.env.SHARDWISE_DEMO_FLAKY
  if (marker) {
    const { existsSync, writeFileSync } = await import('node:fs')
    if (!existsSync(marker)) {
      writeFileSync(marker, 'failed once\n')
      assert.fail('the session was lost (this test is flaky on purpose)')
    }
  }
  assert.equal(await work(150), 150)
})

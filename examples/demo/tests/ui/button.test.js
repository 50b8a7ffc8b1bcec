import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('renders its label', async () => {
  assert.equal(await work(40), 40)
})

test('fires on click', async () => {
  assert.equal(await work(60), 60)
})

// Broken on purpose when SHARDWISE_DEMO_BROKEN is set: shows how a real failure is reported.
test('keeps its focus ring', async () => {
  assert.equal(process.env.SHARDWISE_DEMO_BROKEN ? 'lost' : 'kept', 'kept')
  assert.equal(await work(30), 30)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('reuses connections', async () => {
  assert.equal(await work(220), 220)
})

test('recovers from a dropped connection', async () => {
  assert.equal(await work(480), 480)
})

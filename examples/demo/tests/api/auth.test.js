import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('signs in', async () => {
  assert.equal(await work(120), 120)
})

test('refreshes a token', async () => {
  assert.equal(await work(90), 90)
})

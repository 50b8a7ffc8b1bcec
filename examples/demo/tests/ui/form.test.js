import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('validates required fields', async () => {
  assert.equal(await work(210), 210)
})

test('submits once', async () => {
  assert.equal(await work(330), 330)
})

test('shows server errors', async () => {
  assert.equal(await work(160), 160)
})

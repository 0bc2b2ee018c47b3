import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import { DECLARATION_VERSION, type Action, type EvidenceDescriptor, type Product } from '@ipr/validators';
import { createIprClient, errorFromProblem, importLinks, IprApiError, unwrap, type IprClient } from '../src/index.js';
import { BASE, clientOn, countRequests, startApi, TOKENS, type AppFetch, type TestApi } from './support/api.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

const client = clientOn(() => api);

const counting = <T>(run: () => Promise<T>) => countRequests(api, run);

function png(bytes: number): Blob {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes; i++) data[i] = (i * 31) & 0xff;
  return new Blob([data], { type: 'image/png' });
}

const products: Product[] = [];
async function catalogue(): Promise<Product[]> {
  if (products.length) return products;
  for (const q of ['lamp', 'toy', 'mug', 'bag']) {
    const page = unwrap(await client().products.search({ q, pageSize: 50 }));
    products.push(...page.items.filter((p) => p.listed && !products.some((x) => x.id === p.id)));
  }
  assert.ok(products.length >= 5, 'the seeded catalogue has products');
  return products;
}

async function uploadEvidence(c: IprClient = client()): Promise<EvidenceDescriptor> {
  return unwrap(await c.evidence.upload(png(2048), { name: 'original.png' }));
}

async function validDraft(links: string[], evidence: EvidenceDescriptor) {
  const account = unwrap(await client().account.get());
  return {
    type: 'trademark_infringement' as const,
    productLinks: links,
    description: 'These listings use our registered trademark.',
    contact: account.contact,
    isIprHolder: true,
    evidence: [{ id: evidence.id }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
  };
}

describe('calls against the reference API', () => {
  test('account and products', async () => {
    const account = await client().account.get();
    assert.equal(account.data?.id, 'acc_complainant_a');
    assert.equal(account.response?.status, 200);
    const found = await client().products.search({ q: (await catalogue())[0]!.name.split(' ')[0] });
    assert.ok((found.data?.items.length ?? 0) > 0);
    const byLink = await client().products.search({ link: products[1]!.url });
    assert.equal(byLink.data?.items[0]?.id, products[1]!.id);
  });

  test('a missing or unknown token is auth.unauthorized (401), as a value', async () => {
    const noToken = await createIprClient({ baseUrl: BASE, fetch: api.fetch as typeof fetch }).account.get();
    assert.equal(noToken.error?.code, 'auth.unauthorized');
    assert.equal(noToken.error?.status, 401);
    assert.ok(noToken.error?.message);
    assert.throws(
      () => unwrap(noToken),
      (e: unknown) => e instanceof IprApiError && e.code === 'auth.unauthorized' && e.status === 401,
    );
    // Given the call's promise (as a @lit/task does), unwrap rejects with the same IprApiError.
    await assert.rejects(
      unwrap(createIprClient({ baseUrl: BASE, fetch: api.fetch as typeof fetch }).account.get()),
      (e: unknown) =>
        e instanceof IprApiError && e.code === 'auth.unauthorized' && e.status === 401 && e.response?.status === 401,
    );
    assert.equal((await unwrap(client().account.get())).id, 'acc_complainant_a');
  });

  test('getToken is called again once after a 401', async () => {
    const given: string[] = [];
    const tokens = ['expired-token', TOKENS.complainantA];
    const c = createIprClient({
      baseUrl: BASE,
      fetch: api.fetch as typeof fetch,
      getToken: () => {
        const t = tokens.shift() ?? 'never';
        given.push(t);
        return t;
      },
    });
    const answer = await c.account.get();
    assert.equal(answer.data?.id, 'acc_complainant_a');
    assert.deepEqual(given, ['expired-token', TOKENS.complainantA]);
    let calls = 0;
    const stale = createIprClient({
      baseUrl: BASE,
      fetch: api.fetch as typeof fetch,
      getToken: async () => {
        calls++;
        return 'stale';
      },
    });
    const { value, requests } = await counting(() => stale.account.get());
    assert.equal(value.error?.code, 'auth.unauthorized');
    assert.equal(calls, 2, 'once, then once more: no loop');
    assert.equal(requests, 2);
  });

  test('a getToken that throws is auth.unauthorized and sends nothing', async () => {
    const c = createIprClient({
      baseUrl: BASE,
      fetch: api.fetch as typeof fetch,
      getToken: () => {
        throw new Error('signed out');
      },
    });
    const { value, requests } = await counting(() => c.account.get());
    assert.equal(value.error?.code, 'auth.unauthorized');
    assert.equal(requests, 0);
  });

  test('problem+json keeps the server issue codes; messages follow the locale', async () => {
    const missing = await client().complaints.get('cmp_does_not_exist');
    assert.equal(missing.error?.code, 'resource.not_found');
    assert.equal(missing.error?.status, 404);
    const zh = await client(TOKENS.complainantA, { locale: 'zh-CN' }).complaints.get('cmp_does_not_exist');
    assert.equal(zh.error?.code, 'resource.not_found');
    assert.match(zh.error!.message, /[\u4e00-\u9fff]/);
  });

  test('resolveLinks answers one item per input', async () => {
    const [p] = await catalogue();
    const r = await client().products.resolveLinks([p!.url, 'https://market.example/product/zz-not-there-999', 'nope']);
    assert.deepEqual(
      r.data?.items.map((i) => i.status),
      ['found', 'not_found', 'not_url'],
    );
    assert.equal(r.data?.items[0]?.product?.id, p!.id);
  });
});

describe('evidence', () => {
  test('upload reports progress (bytes sent / total) and the file comes back', async () => {
    const events: { loaded: number; total: number }[] = [];
    const file = png(600 * 1024);
    const up = await client().evidence.upload(file, { name: 'logo.png', onProgress: (p) => events.push(p) });
    assert.ok(up.data, JSON.stringify(up.error));
    assert.equal(up.data.name, 'logo.png');
    assert.equal(up.data.kind, 'image');
    assert.ok(events.length > 3, `several progress events (${events.length})`);
    const last = events.at(-1)!;
    assert.equal(last.loaded, last.total);
    assert.ok(last.total > file.size, 'total counts the multipart body');
    assert.ok(
      events.every((e, i) => i === 0 || e.loaded >= events[i - 1]!.loaded),
      'monotonic',
    );
    const list = unwrap(await client().evidence.list());
    assert.ok(list.items.some((e) => e.id === up.data!.id));
    const back = await client().evidence.download(up.data.id);
    assert.ok(back.data instanceof Blob);
    assert.deepEqual(new Uint8Array(await back.data.arrayBuffer()), new Uint8Array(await file.arrayBuffer()));
  });

  test('a bad file never costs a request: type, size, content by magic bytes', async () => {
    const c = client();
    const cases: [Blob, string, string, number][] = [
      [new Blob(['MZ\x90\x00binary']), 'tool.exe', 'evidence.type_not_allowed', 422],
      [new Blob(['%PDF-1.7 not a picture']), 'photo.png', 'evidence.content_mismatch', 422],
      [png(5 * 1024 * 1024 + 1), 'huge.png', 'evidence.too_large', 413],
      [new Blob([]), 'empty.pdf', 'evidence.empty', 422],
    ];
    for (const [blob, name, code, status] of cases) {
      const { value, requests } = await counting(() => c.evidence.upload(blob, { name }));
      assert.equal(value.error?.code, code, name);
      assert.equal(value.error?.status, status, name);
      assert.equal(requests, 0, `${name}: no request`);
    }
  });

  test('upload can be cancelled', async () => {
    const ac = new AbortController();
    const up = await client().evidence.upload(png(1024 * 1024), {
      name: 'big.png',
      signal: ac.signal,
      onProgress: (p) => {
        if (p.loaded > 0 && p.loaded < p.total) ac.abort();
      },
    });
    assert.equal(up.error?.code, 'request.aborted');
    assert.equal(up.error?.status, 0);
  });
});

describe('complaints', () => {
  test("an invalid draft is refused before the network with the validators' codes", async () => {
    const { value, requests } = await counting(() =>
      client().complaints.create({ type: 'patent_infringement', productLinks: ['not a link'], description: '' }),
    );
    assert.equal(requests, 0);
    assert.equal(value.error?.status, 422);
    const codes = value.error!.issues.map((i) => i.code);
    for (const code of ['links.not_url', 'field.required', 'declaration.required'])
      assert.ok(codes.includes(code as never), `${code} in ${codes}`);
    assert.ok(
      value.error!.issues.some((i) => i.path[0] === 'evidence'),
      'evidence is required',
    );
  });

  test('create sends an Idempotency-Key; a lost response is retried with the same key and creates one complaint', async () => {
    const [a, b] = await catalogue();
    const evidence = await uploadEvidence();
    const draft = await validDraft([a!.url, b!.url], evidence);
    let lost = 0;
    const keys: string[] = [];
    // Fault injector: the first create reaches the API, then its response is lost.
    const flaky: AppFetch = async (input, init) => {
      const req = input instanceof Request ? input : new Request(input, init);
      if (req.method === 'POST' && new URL(req.url).pathname === '/v1/complaints') {
        keys.push(req.headers.get('Idempotency-Key') ?? '');
        const res = await api.fetch(req);
        if (lost++ === 0) {
          await res.body?.cancel();
          throw new TypeError('fetch failed');
        }
        return res;
      }
      return api.fetch(req);
    };
    const before = unwrap(await client().complaints.list({ limit: 100 })).total;
    const created = await createIprClient({
      baseUrl: BASE,
      token: TOKENS.complainantA,
      fetch: flaky as typeof fetch,
      retry: { baseDelayMs: 1 },
    }).complaints.create(draft, { idempotencyKey: 'test-key-' + Date.now(), evidence: [evidence] });
    assert.ok(created.data, JSON.stringify(created.error));
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.equal(created.response?.headers.get('Idempotent-Replayed'), 'true');
    assert.match(created.data.number, /^IPR-\d{4}-\d{6}$/);
    const afterCount = unwrap(await client().complaints.list({ limit: 100 })).total;
    assert.equal(afterCount, before + 1, 'exactly one complaint');
    // The same key with another body is refused by the server.
    const other = await client().complaints.create(
      { ...draft, description: 'Something else entirely.' },
      { idempotencyKey: keys[0], evidence: [evidence] },
    );
    assert.equal(other.error?.code, 'idempotency.key_reused');
  });

  test('the whole lifecycle through act() and the named methods', async () => {
    const all = await catalogue();
    const mine = all.find((p) => p.supplierId === 'acc_supplier_a')!;
    assert.ok(mine, 'a product of supplier A');
    const evidence = await uploadEvidence();
    const created = unwrap(
      await client().complaints.create(await validDraft([mine.url], evidence), { evidence: [evidence] }),
    );
    assert.equal(created.status, 'submitted');
    const platform = client(TOKENS.platform);
    const supplier = client(TOKENS.supplierA);
    const forbidden = await supplier.complaints.forward(created.id);
    assert.ok(forbidden.error && [403, 404].includes(forbidden.error.status));
    assert.equal(unwrap(await platform.complaints.forward(created.id)).status, 'awaiting_supplier');
    const seen = unwrap(await supplier.complaints.get(created.id));
    assert.equal(seen.contact, null, 'no disclosure without consent');
    assert.equal(
      unwrap(
        await supplier.complaints.respond(created.id, {
          products: [{ productId: mine.id, response: 'not_infringing', statement: 'Our own design.' }],
        }),
      ).status,
      'supplier_responded',
    );
    // The response and result rules load on first use (checks.ts): a body they refuse costs no request.
    const noStatement = await counting(() =>
      supplier.complaints.respond(created.id, { products: [{ productId: mine.id, response: 'not_infringing' }] }),
    );
    assert.equal(noStatement.value.error?.code, 'response.statement_required');
    assert.equal(noStatement.requests, 0);
    const checked = unwrap(await client().complaints.checkNow(created.id));
    assert.equal(checked.products[0]?.status, 'declared_non_infringing');
    const noReason = await counting(() => client().complaints.requestArbitration(created.id, { reason: ' ' }));
    assert.equal(noReason.value.error?.code, 'transition.reason_required');
    assert.equal(noReason.value.error?.status, 422);
    assert.equal(noReason.requests, 0);
    // A JS caller's unknown action (JSON.parse stands in for one) is refused as the server would.
    const reopen: Action = JSON.parse('"reopen"');
    const unknown = await counting(() => client().complaints.act(created.id, reopen));
    assert.equal(unknown.value.error?.code, 'field.invalid_choice');
    assert.equal(unknown.value.error?.status, 422);
    assert.equal(unknown.requests, 0);
    assert.equal(
      unwrap(await client().complaints.act(created.id, 'request_arbitration', { reason: 'They copied the logo.' }))
        .status,
      'in_arbitration',
    );
    const noDecision = await counting(() =>
      platform.complaints.act(created.id, 'issue_result', { decision: 'maybe', notice: 'The listing is removed.' }),
    );
    assert.equal(noDecision.value.error?.status, 422);
    assert.equal(noDecision.requests, 0);
    const result = unwrap(
      await platform.complaints.issueResult(created.id, { decision: 'upheld', notice: 'The listing is removed.' }),
    );
    assert.equal(result.status, 'arbitrated');
    const again = await client().complaints.cancel(created.id);
    assert.equal(again.error?.code, 'transition.not_allowed');
    assert.equal(again.error?.status, 409);
  });

  test('list with a cursor', async () => {
    const first = unwrap(await client(TOKENS.platform).complaints.list({ limit: 2 }));
    assert.ok(first.items.length <= 2);
    if (first.nextCursor) {
      const next = unwrap(await client(TOKENS.platform).complaints.list({ limit: 2, cursor: first.nextCursor }));
      assert.ok(next.items.every((i) => !first.items.some((f) => f.id === i.id)));
    }
  });
});

describe('transport: retries, aborts, network failures', () => {
  function injector(plan: (n: number, req: Request) => 'fail' | '503' | '502html' | 'pass') {
    let n = 0;
    const fetch: AppFetch = async (input, init) => {
      const req = input instanceof Request ? input : new Request(input, init);
      const what = plan(n++, req);
      if (what === 'fail') throw new TypeError('fetch failed');
      if (what === '503')
        return new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'down',
            status: 503,
            code: 'server.error',
            issues: [{ code: 'server.error', path: [], message: 'down' }],
          }),
          { status: 503, headers: { 'content-type': 'application/problem+json' } },
        );
      if (what === '502html')
        return new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
      return api.fetch(req);
    };
    return { fetch, calls: () => n };
  }

  test('a safe call retries a network error and a 5xx, then succeeds', async () => {
    const inj = injector((n) => (n === 0 ? 'fail' : n === 1 ? '503' : 'pass'));
    const r = await client(TOKENS.complainantA, { fetch: inj.fetch as typeof fetch }).account.get();
    assert.equal(r.data?.id, 'acc_complainant_a');
    assert.equal(inj.calls(), 3);
  });

  test('after the retries: network.error with status 0', async () => {
    const inj = injector(() => 'fail');
    const r = await client(TOKENS.complainantA, { fetch: inj.fetch as typeof fetch }).account.get();
    assert.equal(r.error?.code, 'network.error');
    assert.equal(r.error?.status, 0);
    assert.equal(inj.calls(), 3);
  });

  test('an unsafe call without a key is not retried', async () => {
    const inj = injector(() => 'fail');
    const r = await client(TOKENS.complainantA, { fetch: inj.fetch as typeof fetch }).complaints.cancel('cmp_x');
    assert.equal(r.error?.code, 'network.error');
    assert.equal(inj.calls(), 1);
  });

  test('a non-problem error page is mapped by its status', async () => {
    const inj = injector(() => '502html');
    const r = await client(TOKENS.complainantA, { fetch: inj.fetch as typeof fetch, retry: false }).account.get();
    assert.equal(r.error?.code, 'server.error');
    assert.equal(r.error?.status, 502);
    // Any body without issues: the code the validators' status table gives its status.
    const codes = [400, 401, 403, 404, 409, 413, 422, 429, 503, 418].map((s) => errorFromProblem('<h1>x</h1>', s).code);
    assert.deepEqual(codes, [
      'request.invalid_json',
      'auth.unauthorized',
      'auth.forbidden',
      'resource.not_found',
      'transition.not_allowed',
      'request.too_large',
      'field.invalid_type',
      'request.rate_limited',
      'server.unavailable',
      'server.error',
    ]);
  });

  test('abort: before, during a back-off, and in flight → request.aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const { value, requests } = await counting(() => client().account.get({ signal: ac.signal }));
    assert.equal(value.error?.code, 'request.aborted');
    assert.equal(requests, 0);
    const slow = new AbortController();
    const inj = injector(() => '503');
    const pending = client(TOKENS.complainantA, {
      fetch: inj.fetch as typeof fetch,
      retry: { retries: 5, baseDelayMs: 200 },
    }).account.get({ signal: slow.signal });
    setTimeout(() => slow.abort(), 50);
    const r = await pending;
    assert.equal(r.error?.code, 'request.aborted');
    assert.equal(r.error?.status, 0);
    assert.equal(inj.calls(), 1);
  });
});

describe('importLinks with the API', () => {
  test('valid links are resolved in ONE call; unknown products become not_found', async () => {
    const all = await catalogue();
    const rows = [
      ['Product link'],
      ...all.slice(0, 4).map((p) => [p.url]),
      ['https://market.example/product/zz-unknown-1'],
      [all[0]!.url],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
    const file = new File([XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], 'links.xlsx');
    const phases = new Set<string>();
    const { value, requests } = await counting(() =>
      importLinks(file, { client: client(), onProgress: (p) => phases.add(p.phase) }),
    );
    assert.equal(requests, 1);
    assert.ok(phases.has('resolve'));
    assert.ok(value.ok);
    assert.equal(value.summary.valid, 4);
    assert.deepEqual(value.summary.byStatus, { ok: 4, not_found: 1, duplicate: 1 });
    assert.equal(value.valid[0]!.product?.id, all[0]!.id);
    const nf = value.rows.find((r) => r.row === 6)!;
    assert.equal(nf.status, 'not_found');
    assert.equal(nf.issue?.code, 'links.not_found');
  });

  test('resolving offline keeps the local classification and reports resolveError', async () => {
    const all = await catalogue();
    const rows = [['链接'], [all[0]!.url], ['oops']];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
    const file = new File([XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], 'links.xlsx');
    const offline = createIprClient({
      baseUrl: BASE,
      token: TOKENS.complainantA,
      retry: false,
      fetch: (async () => {
        throw new TypeError('offline');
      }) as typeof fetch,
    });
    const result = await importLinks(file, { client: offline });
    assert.ok(result.ok);
    assert.equal(result.resolveError?.code, 'network.error');
    assert.deepEqual(result.summary.byStatus, { ok: 1, not_url: 1 });
  });

  test('a refused file costs no request', async () => {
    const { value, requests } = await counting(() =>
      importLinks(new File(['%PDF-1.4'], 'links.xlsx'), { client: client() }),
    );
    assert.equal(requests, 0);
    assert.equal(!value.ok && value.issues[0]!.code, 'sheet.corrupt');
  });
});

describe('uploads when the account has too many in flight (429)', () => {
  /** The API, answering the first `busy` uploads 429 with `retryAfter` seconds. */
  function busyFetch(busy: number, retryAfter: string) {
    let sent = 0;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/evidence' && sent++ < busy)
        return new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Too Many Requests',
            status: 429,
            code: 'request.rate_limited',
            issues: [],
          }),
          { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': retryAfter } },
        );
      return api.fetch(request);
    }) as typeof globalThis.fetch;
    return { fetch, sent: () => sent };
  }

  test('waits as long as Retry-After says and sends again, so every picked file is uploaded', async () => {
    const busy = busyFetch(2, '0');
    const c = createIprClient({ baseUrl: BASE, token: TOKENS.complainantA, fetch: busy.fetch });
    const result = await c.evidence.upload(png(1024), { name: 'busy.png' });
    assert.ok(result.data, JSON.stringify(result.error));
    assert.equal(busy.sent(), 3);
  });

  test('gives up after a few tries with the 429, and stops waiting when cancelled', async () => {
    const always = busyFetch(1000, '0');
    const c = createIprClient({ baseUrl: BASE, token: TOKENS.complainantA, fetch: always.fetch });
    const refused = await c.evidence.upload(png(1024), { name: 'busy.png' });
    assert.equal(refused.error?.code, 'request.rate_limited');
    assert.equal(refused.error?.status, 429);
    assert.equal(always.sent(), 9);
    const slow = busyFetch(1000, '30');
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 50);
    const cancelled = await createIprClient({
      baseUrl: BASE,
      token: TOKENS.complainantA,
      fetch: slow.fetch,
    }).evidence.upload(png(1024), { name: 'busy.png', signal: abort.signal });
    assert.equal(cancelled.error?.code, 'request.aborted');
    assert.ok(Date.now() - started < 5000);
  });
});

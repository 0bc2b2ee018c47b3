// Fuzzing every route of the table with fast-check: arbitrary path ids, queries (unknown keys,
// numbers in every spelling, repeated keys), bodies (any JSON, valid bodies with one part replaced
// by anything, strings with NUL, RTL marks, lone surrogates and huge lengths, garbage text,
// multipart with random parts) under wrong and right content types, as any caller. The answer is
// never a 500: always 2xx, or 4xx problem+json whose `code` (and every issue's) is a known code, answered
// with the status STATUS_BY_CODE gives it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ISSUE_CODES, type IssueCode, STATUS_BY_CODE, TRANSITIONS, type Role } from '@ipr/validators';
import { createApp } from '../../src/index.js';
import { createSharpPictures } from '../../src/pictures/sharp-engine.js';
import type { RouteDef } from '../../src/route.js';
import { ROUTES } from '../../src/routes.js';
import { draftA, link, newKey, TOKENS, type Api } from '../helpers.js';

const CODES = new Set<string>(ISSUE_CODES);
const ROLE_OF: Record<string, Role> = {
  a: 'complainant',
  b: 'complainant',
  supA: 'supplier',
  supB: 'supplier',
  platform: 'platform',
};

export const nasty = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\u0000',
        '\u202e',
        '\u200b',
        '\ufeff',
        '\ud800',
        '\udfff',
        'a',
        '<',
        '>',
        '"',
        "'",
        '\\',
        '%',
        '/',
        '.',
        ' ',
        '\n',
        '😀',
        '台',
        '$',
        '{',
        '*',
      ),
      maxLength: 40,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u202egnp.exe',
      'a'.repeat(70_000),
      '😀'.repeat(5_000),
      '\ud800',
      "'; drop table complaints; --",
      '../../etc/passwd',
      '__proto__',
      'constructor',
      'toString',
      '%00',
      '%',
      'IPR-2026-%',
      '_',
      'null',
      'undefined',
      '-1',
      '1e309',
      'NaN',
      link(1),
      link(2),
      `${link(3)}\u0000`,
    ),
  },
);
const numberish = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '1.5',
    '1e3',
    '0x10',
    '99999999999999999999',
    '9007199254740993',
    '-1',
    ' 2',
    '2 ',
    '+3',
    'Infinity',
    'NaN',
    '',
  ),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nasty,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        nasty,
        fc.constantFrom('type', 'links', 'reason', 'products', 'holder', 'label', '__proto__', 'constructor'),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** A valid body per schema (the fuzzer replaces one part of it), so the fuzz reaches past the shape checks. */
const SAMPLES: Record<string, () => unknown> = {
  ResolveLinksBody: () => ({ links: [link(11), link(12), 'not a link'] }),
  ComplaintDraft: () => draftA({ productLinks: [link(1901), link(1902)] }),
  ReasonBody: () => ({ reason: 'A reason.' }),
  SupplierResponseBody: () => ({
    products: [{ productId: 'p000001', response: 'not_infringing', statement: 'Ours.' }],
  }),
  ArbitrationResultBody: () => ({ decision: 'upheld', notice: 'The notice.' }),
  HolderProfileInput: () => ({
    label: 'L',
    holder: {
      name: 'H',
      identificationType: 'business_registration',
      identificationNumber: 'N',
      identificationAttachments: ['ev_seed_a_certificate'],
      powerOfAttorney: ['ev_seed_a_poa'],
      powerOfAttorneyExpiresAt: null,
    },
  }),
};

/** Every path inside a JSON value, for replacing one part. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

/** A draft keeping the sample's links gets unused ones, so a valid draft is a new complaint rather than a duplicate. */
let nextProduct = 1001;
function freshLinks(value: unknown): unknown {
  if (
    !value ||
    typeof value !== 'object' ||
    !Array.isArray((value as any).productLinks) ||
    (value as any).productLinks[0] !== link(1901)
  )
    return value;
  nextProduct = nextProduct >= 1999 ? 1001 : nextProduct + 1;
  return { ...(value as object), productLinks: [link(nextProduct)] };
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/jsonx',
];

interface Request_ {
  method: string;
  path: string;
  who: string | null;
  headers: Record<string, string>;
  body?: BodyInit;
  describe: string;
}

const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

function requestFor(route: RouteDef, ids: Record<string, string[]>): fc.Arbitrary<Request_> {
  const idArb = fc.oneof(
    fc.constantFrom(...(ids[route.path] ?? ['x'])),
    nasty.map(encode),
    fc.constantFrom('%00', '%ZZ', '..%2F..%2Fetc', '%2e%2e', 'a%20b'),
  );
  const queryKeys = fc.oneof(
    fc.constantFrom('q', 'link', 'page', 'pageSize', 'status', 'type', 'cursor', 'limit', 'after', 'format', 'locale'),
    nasty,
  );
  const query = fc
    .array(
      fc.tuple(queryKeys, fc.oneof(nasty, numberish, fc.constantFrom('submitted', 'closed', 'trademark_infringement'))),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));
  // Mostly a caller the route admits (for an action, the role that takes it), so the fuzz gets past the gate.
  const role = route.action ? TRANSITIONS[route.action].role : route.roles === 'public' ? null : route.roles[0]!;
  const proper = (['a', 'b', 'supA', 'supB', 'platform'] as const).filter((w) => ROLE_OF[w] === role);
  const who = fc.oneof(
    ...(proper.length ? [{ weight: 5, arbitrary: fc.constantFrom<string | null>(...proper) }] : []),
    { weight: 4, arbitrary: fc.constantFrom<string | null>('a', 'b', 'supA', 'supB', 'platform', null, 'bad') },
  );
  const keyHeader = fc.oneof(
    { weight: 3, arbitrary: fc.constant('fresh') },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 300 }) },
  );
  const sample = route.body?.kind === 'json' ? (SAMPLES[route.body.schema] ?? (() => ({})))() : {};
  const samplePaths = paths(sample);
  const textPaths = samplePaths.filter((p) => typeof p.reduce<any>((v, k) => v?.[k], sample) === 'string');
  const jsonBody = fc.oneof(
    // One text of a valid body made nasty: the likeliest way for NUL and friends to reach the database.
    ...(textPaths.length
      ? [
          {
            weight: 5,
            arbitrary: fc
              .tuple(fc.constantFrom(...textPaths), nasty)
              .map(([p, v]) => JSON.stringify(freshLinks(replaceAt(sample, p, v)))),
          },
        ]
      : []),
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...samplePaths), json)
        .map(([p, v]) => JSON.stringify(freshLinks(replaceAt(sample, p, v)))),
    },
    { weight: 2, arbitrary: json.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: nasty },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '[',
        '{"a":'.repeat(3000),
        '['.repeat(50_000),
        'null',
        '"x"',
        '1',
        JSON.stringify(sample).slice(0, -1),
        '\ufeff' + JSON.stringify(sample),
      ),
    },
  );
  const multipartBody = fc.oneof(
    fc
      .tuple(
        fc.array(
          fc.tuple(fc.constantFrom('file', 'name', 'x', 'file'), nasty, fc.boolean(), fc.uint8Array({ maxLength: 64 })),
          { maxLength: 3 },
        ),
        fc.oneof(
          fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
          fc.uint8Array({ maxLength: 200 }),
        ),
      )
      .map(([parts, head]) => {
        const f = new FormData();
        for (const [field, text, asFile, bytes] of parts) {
          if (asFile)
            f.append(
              field,
              new File([head, bytes], text.slice(0, 300) || 'f', {
                type: text.slice(0, 20).replace(/[^\x20-\x7e]/g, ''),
              }),
            );
          else f.append(field, text);
        }
        return f as BodyInit;
      }),
    nasty.map(
      (s) => `--x\r\nContent-Disposition: form-data; name="file"; filename="${s}"\r\n\r\n${s}\r\n--x--\r\n` as BodyInit,
    ),
  );
  const body =
    route.method === 'get'
      ? fc.constant<[BodyInit | undefined, string | undefined]>([undefined, undefined])
      : fc.oneof(
          // FormData sets its own multipart type; JSON mostly goes with the right type, so the fuzz reaches the rules.
          {
            weight: 6,
            arbitrary: fc.tuple(
              route.body?.kind === 'multipart' ? multipartBody : jsonBody,
              route.body?.kind === 'multipart'
                ? fc.constant(undefined)
                : fc.oneof(
                    { weight: 4, arbitrary: fc.constant('application/json') },
                    { weight: 1, arbitrary: fc.constant(undefined) },
                  ),
            ),
          },
          {
            weight: 2,
            arbitrary: fc.tuple(
              fc.oneof(jsonBody, multipartBody),
              fc.constantFrom<string | undefined>(...CONTENT_TYPES),
            ),
          },
          { weight: 1, arbitrary: fc.constant<[BodyInit | undefined, string | undefined]>([undefined, undefined]) },
        );
  const lastEventId = fc.option(fc.oneof(numberish, fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), {
    nil: undefined,
  });
  return fc
    .record({ id: idArb, query, who, key: keyHeader, body, lastEventId })
    .map(({ id, query: q, who: w, key, body: [b, type], lastEventId: last }) => {
      const path = route.path.replace(/\{\w+\}/g, id) + (q ? `?${q}` : '');
      const headers: Record<string, string> = {};
      if (w === 'bad') headers.authorization = 'Bearer nope';
      else if (w) headers.authorization = `Bearer ${TOKENS[w as keyof typeof TOKENS]}`;
      if (type !== undefined) headers['content-type'] = type;
      if (key !== undefined) headers['idempotency-key'] = key === 'fresh' ? newKey() : key;
      if (last !== undefined) headers['last-event-id'] = last;
      const shown =
        typeof b === 'string' ? b.slice(0, 200) : b instanceof FormData ? `FormData(${[...b.keys()].join(',')})` : '';
      return {
        method: route.method.toUpperCase(),
        path,
        who: w,
        headers,
        ...(b !== undefined ? { body: b } : {}),
        describe: `${route.method.toUpperCase()} ${path.slice(0, 200)} as ${w} [${type}] ${shown}`,
      };
    });
}

/** The suite, against any database: `open` makes a seeded API. */
export function fuzzSuite(open: () => Promise<Api>, options: { runs?: number } = {}) {
  const runs = options.runs ?? Number(process.env.FUZZ_RUNS ?? 100);
  let api: Api;
  let app: ReturnType<typeof createApp>;
  let unexpected: unknown[] = [];
  const ids: Record<string, string[]> = {};
  let total = 0;
  const byStatus: Record<number, number> = {};
  before(async () => {
    api = await open();
    app = createApp({
      db: api.db,
      files: api.files,
      pictures: createSharpPictures(),
      onError: (e) => {
        unexpected.push(e);
      },
    });
    const made = await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(1951)] }), {
      'idempotency-key': newKey(),
    });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    const complaintIds = [made.data.id, (await api.get('/v1/complaints?limit=1', 'platform')).data.items[0].id];
    for (const r of ROUTES) {
      if (r.path.startsWith('/v1/complaints/{id}')) ids[r.path] = complaintIds;
      else if (r.path.startsWith('/v1/evidence/{id}')) ids[r.path] = ['ev_seed_a_certificate', 'ev_seed_b_patent'];
      else if (r.path.startsWith('/v1/holder-profiles/{id}')) {
        const p = await api.post('/v1/holder-profiles', 'a', SAMPLES.HolderProfileInput!());
        ids[r.path] = p.status === 201 ? [p.data.id] : ['hp_x'];
      }
    }
  });
  after(async () => {
    console.log(
      `# fuzz: ${ROUTES.length} routes × ${runs} runs = ${total} requests; answers by status ${JSON.stringify(byStatus)}`,
    );
    await api.close();
  });

  test('lone surrogates in JSON texts (contact, holder, profile, reasons) are stored as U+FFFD, never a 500', async () => {
    const holder = {
      ...(SAMPLES.HolderProfileInput!() as any).holder,
      name: 'Holder \ud800',
      identificationNumber: 'N\udfff',
    };
    const profile = await api.post('/v1/holder-profiles', 'a', { label: 'L\udbff', holder });
    assert.equal(profile.status, 201, JSON.stringify(profile.data));
    assert.equal(profile.data.holder.name, 'Holder \ufffd');
    assert.equal(profile.data.label, 'L\ufffd');
    const draft = draftA({
      productLinks: [link(1953)],
      description: 'Lone \udc00 surrogate',
      isIprHolder: false,
      holder,
    }) as any;
    draft.contact = { ...draft.contact, name: 'Lin \ud800', company: '\udfffCo' };
    const made = await api.post('/v1/complaints', 'a', draft, { 'idempotency-key': newKey() });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    assert.equal(made.data.contact.name, 'Lin \ufffd');
    assert.equal(made.data.holder.identificationNumber, 'N\ufffd');
    assert.equal(made.data.description, 'Lone \ufffd surrogate');
    const cancelled = await api.post(`/v1/complaints/${made.data.id}/cancel`, 'a', { reason: 'Wrong \ud83d listing' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.data));
    assert.equal(cancelled.data.history.at(-1).reason, 'Wrong \ufffd listing');
    // A well-formed pair is kept.
    const emoji = await api.post('/v1/holder-profiles', 'a', { label: 'L\ud83d\ude00', holder });
    assert.equal(emoji.data.label, 'L😀');
  });

  for (const route of ROUTES) {
    test(`fuzz ${route.method.toUpperCase()} ${route.path}: never a 500, every refusal a known code`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(route, ids), async (r) => {
          total++;
          unexpected = [];
          const controller = new AbortController();
          const res = await app.fetch(
            new Request(`http://api.test${r.path}`, {
              method: r.method,
              headers: r.headers,
              body: r.body ?? null,
              signal: controller.signal,
            }),
          );
          const type = res.headers.get('content-type') ?? '';
          let data: any = null;
          if (type.startsWith('text/event-stream')) {
            controller.abort();
            await res.body?.cancel().catch(() => {});
          } else {
            const text = await res.text();
            try {
              data = JSON.parse(text);
            } catch {
              data = text.slice(0, 200);
            }
          }
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
          assert.ok(
            res.status < 500,
            `${r.describe} → ${res.status} ${JSON.stringify(data)?.slice(0, 300)} ${unexpected.map(String).join('; ')}`,
          );
          assert.deepEqual(unexpected.map(String), []);
          assert.ok((res.status >= 200 && res.status < 300) || res.status >= 400, `status ${res.status}`);
          if (res.status >= 400) {
            assert.match(type, /^application\/problem\+json/, `${r.describe} → ${res.status} not a problem`);
            assert.ok(CODES.has(data.code), `${r.describe} → unknown code ${data.code}`);
            assert.ok(
              Array.isArray(data.issues) && data.issues.length > 0 && data.issues.every((i: any) => CODES.has(i.code)),
              `${r.describe}: issues ${JSON.stringify(data.issues)}`,
            );
            assert.equal(data.status, res.status);
            // The status is the one table's (shared with the client), whoever refused.
            assert.equal(res.status, STATUS_BY_CODE[data.code as IssueCode], `${r.describe} → ${data.code}`);
          }
        }),
        { numRuns: runs },
      );
    });
  }
}

// Picture matching figures (run by bench/run.mjs, or alone:
// `node --conditions=source --import tsx bench/pictures.mjs`): perceptual hashes per second
// through sharp, and the matches of a draft listing 800 products against 20 originals, cold (every
// product picture rendered and hashed, then kept) and warm (hashes read back), through the API on
// embedded PGlite. Prints one JSON line starting with `[pictures-bench]`.
import { cpus } from 'node:os';
import { createInMemoryApi } from '../packages/server/src/index.ts';
import { hashPicture } from '../packages/server/src/pictures/decode.ts';
import { cataloguePictures } from '../packages/server/src/pictures/engine.ts';
import { createSharpPictures } from '../packages/server/src/pictures/sharp-engine.ts';
import { encodePicture, originalPicture } from '../packages/server/src/pictures/synth.ts';
import { DEMO_TOKENS } from '../packages/server/src/demo-accounts.ts';
import { DECLARATION_VERSION } from '@ipr/validators';

const PRODUCTS = 800;
const ORIGINALS = 20;

// ── hashes per second: 256 × 256 JPEGs, four at a time (the server's parallelism) ──
const pictures = await Promise.all(Array.from({ length: 200 }, (_, i) => encodePicture(50_000 + i)));
await hashPicture(pictures[0], 'warm-up');
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < pictures.length) await hashPicture(pictures[next++], 'bench');
  }),
);
const hashSeconds = (performance.now() - t0) / 1000;
const hashesPerSecond = Math.round(pictures.length / hashSeconds);

// ── 800 products × 20 originals through POST /v1/pictures/match ──
const api = await createInMemoryApi({ seed: { catalogueSize: 2000 }, pictures: createSharpPictures() });
const token = DEMO_TOKENS.acc_complainant_a;
const call = (method, path, body) =>
  api.fetch(
    new Request(`http://bench.local${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    }),
  );
const originals = [];
for (let k = 0; k < ORIGINALS; k++) {
  const form = new FormData();
  form.append('file', new File([await originalPicture(k)], `original-${k}.jpg`));
  const res = await call('POST', '/v1/evidence', form);
  originals.push((await res.json()).id);
}
const productLinks = Array.from(
  { length: PRODUCTS },
  (_, i) => `https://market.example/product/p${String(i + 1).padStart(6, '0')}`,
);
/** Per band: products in it, and how many of them truly copy an original (the catalogue knows). */
const bandTruth = (products) => {
  const out = {};
  for (const p of products) {
    const copies = cataloguePictures(p.productId).some((c) => 'original' in c);
    out[p.band] ??= { products: 0, copies: 0 };
    const b = out[p.band];
    b.products++;
    if (copies) b.copies++;
  }
  return out;
};
const timed = async () => {
  const t = performance.now();
  const res = await call('POST', '/v1/pictures/match', { productLinks, originals });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`match answered ${res.status}: ${JSON.stringify(body)}`);
  return {
    ms: performance.now() - t,
    summary: body.summary,
    bands: bandTruth(body.products),
    pictures: body.products.reduce((n, p) => n + p.pictures.length, 0),
  };
};
const cold = await timed();
const warm = [];
for (let i = 0; i < 5; i++) warm.push((await timed()).ms);
warm.sort((a, b) => a - b);

// ── the platform's list sorted by match: 200 filed picture complaints of 4 products each ──
const COMPLAINTS = 200;
const PER_COMPLAINT = 4;
for (let c = 0; c < COMPLAINTS; c++) {
  const links = Array.from(
    { length: PER_COMPLAINT },
    (_, i) => `https://market.example/product/p${String(PRODUCTS + 1 + c * PER_COMPLAINT + i).padStart(6, '0')}`,
  );
  const res = await api.fetch(
    new Request('http://bench.local/v1/complaints', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${c}`,
      },
      body: JSON.stringify({
        type: 'picture_embezzlement',
        productLinks: links,
        description: 'These listings use our product photographs.',
        contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
        discloseContactToSupplier: false,
        isIprHolder: true,
        holder: null,
        evidence: [{ id: originals[c % ORIGINALS], original: true }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      }),
    }),
  );
  if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${await res.text()}`);
}
const sorted = async () => {
  const t = performance.now();
  const res = await api.fetch(
    new Request('http://bench.local/v1/complaints?sort=match&limit=100', {
      headers: { authorization: `Bearer ${DEMO_TOKENS.acc_platform}` },
    }),
  );
  const body = await res.json();
  if (res.status !== 200) throw new Error(`sort=match answered ${res.status}: ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, total: body.total };
};
// Cold: the first request hashes at most 64 missing pictures (the rest count as not comparable).
const sortFirst = await sorted();
// Every picture hashed (each complaint's own matches compute them), then warm.
const listed = await api.fetch(
  new Request('http://bench.local/v1/complaints?type=picture_embezzlement&limit=100', {
    headers: { authorization: `Bearer ${DEMO_TOKENS.acc_platform}` },
  }),
);
let page = await listed.json();
for (;;) {
  for (const s of page.items) {
    await api.fetch(
      new Request(`http://bench.local/v1/complaints/${s.id}/picture-matches`, {
        headers: { authorization: `Bearer ${DEMO_TOKENS.acc_platform}` },
      }),
    );
  }
  if (!page.nextCursor) break;
  page = await (
    await api.fetch(
      new Request(`http://bench.local/v1/complaints?type=picture_embezzlement&limit=100&cursor=${page.nextCursor}`, {
        headers: { authorization: `Bearer ${DEMO_TOKENS.acc_platform}` },
      }),
    )
  ).json();
}
const sortWarm = [];
let sortTotal = 0;
for (let i = 0; i < 5; i++) {
  const r = await sorted();
  sortWarm.push(r.ms);
  sortTotal = r.total;
}
sortWarm.sort((a, b) => a - b);
await api.close();

console.log(
  `[pictures-bench] ${JSON.stringify({
    cpus: cpus().length,
    hashesPerSecond,
    hashed: pictures.length,
    products: PRODUCTS,
    originals: ORIGINALS,
    productPictures: cold.pictures,
    coldMs: Math.round(cold.ms),
    warmMedianMs: Math.round(warm[2]),
    summary: cold.summary,
    bands: cold.bands,
    sortMatch: { complaints: sortTotal, firstMs: Math.round(sortFirst.ms), warmMedianMs: Math.round(sortWarm[2]) },
  })}`,
);

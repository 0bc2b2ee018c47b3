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
  })}`,
);

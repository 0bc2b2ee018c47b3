import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import {
  createApp,
  createMemoryFileStore,
  createPgliteDb,
  dumpPglite,
  migrate,
  seed,
  DEMO_TOKENS,
  type AppOptions,
  type Db,
  type FileStore,
} from '../src/index.js';
import { createSharpPictures } from '../src/pictures/sharp-engine.js';
import { pgliteTemplate } from '../src/db/pglite-template.js';
import type { ComplaintDraftInput } from '@ipr/validators';
import { demoDraftOfA } from '../src/demo-accounts.js';

export const TOKENS = {
  a: DEMO_TOKENS.acc_complainant_a!,
  b: DEMO_TOKENS.acc_complainant_b!,
  supA: DEMO_TOKENS.acc_supplier_a!,
  supB: DEMO_TOKENS.acc_supplier_b!,
  platform: DEMO_TOKENS.acc_platform!,
};
export type Who = keyof typeof TOKENS;

let snapshot: Promise<{ dump: Blob; files: FileStore }> | undefined;

/** A seeded database (catalogue of 2,000) made once per test file, then copied for each caller. */
export async function seededApi(options: ApiOptions = {}) {
  snapshot ??= (async () => {
    const db = await createPgliteDb({ loadDataDir: await pgliteTemplate() });
    const files = createMemoryFileStore();
    await migrate(db);
    await seed(db, files, { catalogueSize: 2000 });
    const dump = await dumpPglite(db);
    await db.close();
    return { dump, files };
  })();
  const { dump, files: seedFiles } = await snapshot;
  const db = await createPgliteDb({ loadDataDir: dump });
  const files = createMemoryFileStore();
  for (const key of [
    'seed_ev_seed_a_original',
    'seed_ev_seed_a_certificate',
    'seed_ev_seed_a_poa',
    'seed_ev_seed_b_original',
    'seed_ev_seed_b_patent',
  ]) {
    const bytes = await seedFiles.get(key);
    if (bytes) await files.put(key, bytes);
  }
  return makeApi(db, files, options);
}

const pictures = createSharpPictures();

/** What a test may set of the app: the clock, webhooks (private receivers on loopback). */
export type ApiOptions = { now?: () => Date; webhooks?: AppOptions['webhooks'] };

export function makeApi(db: Db, files: FileStore, options: ApiOptions = {}) {
  const app = createApp({
    db,
    files,
    pictures,
    ...options,
    onError: (e) => {
      throw e;
    },
  });
  const call = async (
    method: string,
    path: string,
    who?: Who | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const h: Record<string, string> = { ...headers };
    if (who) h.authorization = `Bearer ${TOKENS[who]}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const response = await app.fetch(new Request(`http://api.test${path}`, { method, headers: h, body: payload }));
    const type = response.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, data: data as any, headers: response.headers };
  };
  return {
    app,
    db,
    files,
    call,
    get: (path: string, who?: Who | null) => call('GET', path, who),
    post: (path: string, who: Who | null, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, who, body, headers),
    close: () => db.close(),
  };
}
export type Api = ReturnType<typeof makeApi>;

export const link = (n: number) => `https://market.example/product/p${String(n).padStart(6, '0')}`;

/** A valid draft for complainant A with seeded evidence (two catalogue products by default). */
export const draftA = (overrides: Partial<ComplaintDraftInput> = {}): ComplaintDraftInput =>
  demoDraftOfA({ productLinks: [link(101), link(102)], ...overrides });

let keyCounter = 0;
export const newKey = () => `test-key-${Date.now()}-${++keyCounter}`;

export function pngFile(name = 'photo.png', size?: number): File {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const bytes = new Uint8Array(size ?? png.length);
  bytes.set(png.subarray(0, Math.min(png.length, bytes.length)));
  return new File([bytes], name, { type: 'image/png' });
}

export function form(file: Blob, name?: string): FormData {
  const f = new FormData();
  f.append('file', file, name ?? (file as File).name ?? 'file');
  return f;
}

/** A webhook delivery as a receiver got it. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1:<ephemeral>; `answer` picks the status of each request (in order). */
export async function receiver(answer: (n: number) => number = () => 204) {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answer(got.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/ipr`,
    got,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { DEMO_TOKENS, TOKENS } from '@ipr/server/demo-accounts';
import { createIprClient } from '@ipr/client';
import type { IprClient } from '../../src/api.js';
import type { Complaint, EvidenceDescriptor, Product } from '@ipr/validators';

export { TOKENS } from '@ipr/server/demo-accounts';

/** A real client against the reference API (same origin: /v1 is proxied by the test server). */
export function clientFor(token: string): IprClient {
  return createIprClient({ baseUrl: location.origin, token }) as IprClient;
}

/** A real PNG, drawn on a canvas. */
export async function pngFile(name = 'original.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 8;
  canvas.height = 8;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#c00';
  ctx.fillRect(0, 0, 8, 8);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

export function pdfFile(name = 'evidence.pdf', extra = 0): File {
  const body = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n' + ' '.repeat(extra) + '%%EOF\n';
  return new File([body], name, { type: 'application/pdf' });
}

export async function ok<T>(call: Promise<{ data?: T; error?: { code: string; message: string } }>): Promise<T> {
  const result = await call;
  if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

/** Listed products of the seeded catalogue, found by a search the seed answers. */
export async function someProducts(client: IprClient, n: number): Promise<Product[]> {
  for (const q of ['lamp', 'light', 'toy', 'led', 'a', 'e']) {
    const page = await ok(client.products.search({ q, pageSize: 50 }));
    const listed = page.items.filter((p) => p.listed);
    if (listed.length >= n) return listed.slice(0, n);
  }
  throw new Error('the seeded catalogue has too few products for the test');
}

/**
 * Listed products in none of the caller's open complaints: filing them never meets the
 * duplicate rule (409 `complaint.duplicate`), however many complaints earlier tests filed.
 */
export async function freshProducts(client: IprClient, n: number): Promise<Product[]> {
  const seen = new Map<string, Product>();
  for (const q of ['lamp', 'light', 'toy', 'led', 'a', 'e']) {
    const page = await ok(client.products.search({ q, pageSize: 50 }));
    for (const p of page.items) if (p.listed && !seen.has(p.url)) seen.set(p.url, p);
    const candidates = [...seen.values()];
    const resolved = await ok(client.products.resolveLinks(candidates.map((p) => p.url)));
    const open = new Set(resolved.items.filter((r) => r.openComplaint).map((r) => r.url));
    const fresh = candidates.filter((p) => !open.has(p.url));
    if (fresh.length >= n) return fresh.slice(0, n);
  }
  throw new Error('the seeded catalogue has too few products outside open complaints for the test');
}

export async function uploadPdf(client: IprClient, name = 'evidence.pdf'): Promise<EvidenceDescriptor> {
  return ok(client.evidence.upload(pdfFile(name)));
}

/** Files a complaint through the API (as complainant A unless told otherwise). */
export async function fileComplaint(
  client: IprClient,
  over: Record<string, unknown> = {},
  products?: Product[],
): Promise<Complaint> {
  const items = products ?? (await freshProducts(client, 1));
  const evidence = await uploadPdf(client);
  const draft = {
    type: 'trademark_infringement',
    productLinks: items.map((p) => p.url),
    description: 'Counterfeit goods using our registered trademark.',
    contact: { name: 'Lin Mei', email: 'lin.mei@aurora.example', phone: '+86 20 1234 5678' },
    discloseContactToSupplier: false,
    isIprHolder: true,
    holder: null,
    evidence: [{ id: evidence.id }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: '2026-11' },
    ...over,
  };
  return ok(client.complaints.create(draft, { idempotencyKey: crypto.randomUUID(), evidence: [evidence] }));
}

/** The demo token of a seeded account, by account id (e.g. a product's supplier). */
export const tokenOf = (accountId: string): string => DEMO_TOKENS[accountId]!;

/** Moves a complaint to `supplier_responded`: the platform forwards it, each supplier responds. */
export async function toSupplierResponded(
  complaint: Complaint,
  response: 'removed' | 'not_infringing' = 'removed',
): Promise<Complaint> {
  await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'forward_to_supplier'));
  let last = complaint;
  const bySupplier = new Map<string, string[]>();
  for (const p of complaint.products)
    bySupplier.set(p.supplierId, [...(bySupplier.get(p.supplierId) ?? []), p.productId]);
  for (const [supplier, ids] of bySupplier) {
    last = await ok(
      clientFor(tokenOf(supplier)).complaints.act(complaint.id, 'respond', {
        products: ids.map((productId) => ({
          productId,
          response,
          statement: response === 'not_infringing' ? 'Our own design.' : undefined,
        })),
      }),
    );
  }
  return last;
}

export async function until<T>(
  check: () => T | undefined | null | false,
  timeout = 8000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `querySelector` inside a chain of shadow roots: `deep(form, 'ipr-product-picker', '#q')`. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let current: Element | null = root;
  for (const selector of selectors) {
    const scope: ParentNode | null | undefined = current?.shadowRoot ?? current;
    current = scope?.querySelector(selector) ?? null;
    if (!current) throw new Error(`not found: ${selectors.join(' >> ')} (at ${selector})`);
  }
  return current as T;
}

export function deepAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<T>(selector)];
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
}

export function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function check(box: HTMLInputElement, on = true) {
  if (box.checked !== on) box.click();
}

let keys = 0;
/** A draft key no other test uses. */
export const uniqueKey = () => `test-${Date.now()}-${++keys}`;

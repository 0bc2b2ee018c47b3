// Helpers of the live-status stories: a complaint filed now (so the story never changes the
// seeded ones other stories show) and a wait that gives up quietly.
import { DECLARATION_VERSION, type Complaint } from '@ipr/validators';
import { clientFor, ok, pdfFile, TOKENS, type InMemoryApi } from './api';

/** Files a new complaint through the API on catalogue products that are in no open complaint. */
export async function fileFreshComplaint(api: InMemoryApi, token: string = TOKENS.complainantA): Promise<Complaint> {
  const { rows } = await api.db.query<{ url: string }>(
    `select p.url from products p where p.listed and not exists (
       select 1 from complaint_products cp join complaints c on c.id = cp.complaint_id
        where cp.product_id = p.id and c.status not in ('closed', 'cancelled', 'arbitrated'))
     order by random() limit 1`,
  );
  const client = clientFor(api, token);
  const evidence = await ok(client.evidence.upload(pdfFile('trademark-registration.pdf')));
  return ok(
    client.complaints.create(
      {
        type: 'trademark_infringement',
        productLinks: rows.map((r) => r.url),
        description: 'Counterfeit goods carrying our registered trademark AURORA.',
        contact: { name: 'Lin Mei', email: 'lin.mei@aurora.example', phone: '+86 20 1234 5678' },
        discloseContactToSupplier: false,
        isIprHolder: true,
        holder: null,
        evidence: [{ id: evidence.id }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      },
      { idempotencyKey: crypto.randomUUID(), evidence: [evidence] },
    ),
  );
}

/** Waits until `check` holds (at most `timeout` ms); a story still renders when it never does. */
export async function waitUntil(check: () => unknown, timeout = 8000): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The platform forwards a complaint to its suppliers (what a live view then shows). */
export async function forwardAsPlatform(api: InMemoryApi, id: string): Promise<void> {
  await ok(clientFor(api, TOKENS.platform).complaints.act(id, 'forward_to_supplier'));
}

// Evidence files and complaints made through the client, for the suites that run against the
// reference API (holder profiles, the status export, live events).
import { DECLARATION_VERSION, type EvidenceDescriptor } from '@ipr/validators';
import { unwrap, type IprClient } from '../../src/index.js';

/** A small valid PDF. */
export function pdf(label: string): Blob {
  return new Blob([`%PDF-1.7\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });
}

/** A PNG by its signature (the client and the server judge the type by the content). */
export function png(): Blob {
  const data = new Uint8Array(1024);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([data], { type: 'image/png' });
}

/** Uploads a PNG (a name ending in .png) or a PDF as `c`'s evidence. */
export async function upload(c: IprClient, name: string): Promise<EvidenceDescriptor> {
  return unwrap(await c.evidence.upload(name.endsWith('.png') ? png() : pdf(name), { name }));
}

/** Files a trademark complaint for `links` as `c` (its account's contact, one original picture). */
export async function fileComplaint(
  c: IprClient,
  links: string[],
  description = 'These listings copy our registered trademark.',
) {
  const evidence = await upload(c, 'proof.png');
  const account = unwrap(await c.account.get());
  return unwrap(
    await c.complaints.create(
      {
        type: 'trademark_infringement',
        productLinks: links,
        description,
        contact: account.contact,
        isIprHolder: true,
        evidence: [{ id: evidence.id }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      },
      { evidence: [evidence] },
    ),
  );
}

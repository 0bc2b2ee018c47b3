// Stored XSS, end to end: a complaint filed through the REAL API carries markup and `javascript:`
// payloads in every text field (description, contact name and company, holder name and number,
// supplier statements, the arbitration reason and notice, evidence file names) over products whose
// names are markup (inserted by web-test-runner.config.mjs afterStart; one has a javascript: URL).
// Every element renders it, and nothing may come alive: no element made from the data (no script,
// no img/svg from the payload, no on* attribute anywhere), window.__xss never set, no href or src
// starting with javascript:, and the payloads are shown as text.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type {
  IprComplaintDetail,
  IprComplaintForm,
  IprComplaintList,
  IprEvidencePicker,
  IprHolderProfiles,
  IprProductPicker,
} from '../../src/index.js';
import { createDraftStore } from '@ipr/client';
import { DECLARATION_VERSION, type Complaint, type EvidenceDescriptor } from '@ipr/validators';
import { TOKENS, clientFor, deep, deepAll, ok, pdfFile, text, uniqueKey, until } from '../support/helpers.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '"><script>window.__xss=1</script>';
const SVG = "'><svg onload=window.__xss=1>";
const JS = 'javascript:window.__xss=1';
/** A field's payload, tagged so each field can be found in the rendered text. */
const F = (tag: string) => `${IMG}${SCRIPT}${SVG}[${tag}] ${JS}`;
/** File names cannot hold '/': no closing tags. */
const FILE = (tag: string) => `${IMG}${SVG}[${tag}].pdf`;

const complainant = clientFor(TOKENS.complainantA);
const supplierA = clientFor(TOKENS.supplierA);
const supplierB = clientFor(TOKENS.supplierB);
const platform = clientFor(TOKENS.platform);

const link = (id: string) => `https://market.example/product/${id}`;
const PRODUCTS = { img: 'xss000010', script: 'xss000011', svg: 'xss000012' };

let complaint: Complaint;
let evidence: EvidenceDescriptor;
let idDoc: EvidenceDescriptor;
let poaDoc: EvidenceDescriptor;

/** Every element under `root`, through shadow roots. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** The text of `root` through shadow roots (style text left out), whitespace collapsed. */
function deepText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLStyleElement) return;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

const startsWithJs = (value: string | null) =>
  !!value && /^[\u0000-\u0020]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(value);

/** Nothing of the payload came alive inside `el`. */
async function assertInert(el: Element, label: string) {
  // An <img src=x onerror> fires its handler once the image fails: give it the time to.
  await new Promise((r) => setTimeout(r, 300));
  expect(window.__xss, `${label}: window.__xss`).to.equal(undefined);
  const problems: string[] = [];
  for (const e of allElements(el)) {
    const tag = e.localName;
    if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) problems.push(`<${tag}> element`);
    if (tag === 'img' && ['x', ''].includes(e.getAttribute('src') ?? ''))
      problems.push(`<img src="${e.getAttribute('src')}">`);
    if (tag === 'svg' && e.closest('[part]') && e.getAttribute('onload') !== null) problems.push('<svg onload>');
    for (const attr of Array.from(e.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`<${tag} ${attr.name}="${attr.value}">`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name.toLowerCase()) &&
        startsWithJs(attr.value)
      ) {
        problems.push(`<${tag} ${attr.name}="${attr.value}">`);
      }
    }
    if (e instanceof HTMLAnchorElement && startsWithJs(e.href)) problems.push(`<a href=${e.href}>`);
  }
  expect(problems, `${label}: elements made from data`).to.deep.equal([]);
}

function assertShown(el: Element, tags: string[], label: string) {
  const shown = deepText(el);
  for (const tag of tags) {
    const payload = tag.endsWith('.pdf') ? tag : F(tag);
    expect(shown, `${label}: the ${tag} payload is shown as text`).to.contain(payload);
  }
}

function assertNotShown(el: Element, tags: string[], label: string) {
  const shown = deepText(el);
  for (const tag of tags) expect(shown, `${label}: ${tag} must not be shown`).not.to.contain(`[${tag}]`);
}

before(async () => {
  window.__xss = undefined;
  evidence = await ok(complainant.evidence.upload(pdfFile(FILE('evidence'))));
  idDoc = await ok(complainant.evidence.upload(pdfFile(FILE('id-document'))));
  poaDoc = await ok(complainant.evidence.upload(pdfFile(FILE('poa'))));
  expect(evidence.name).to.equal(FILE('evidence'));
  complaint = await ok(
    complainant.complaints.create(
      {
        type: 'trademark_infringement',
        productLinks: Object.values(PRODUCTS).map(link),
        description: F('description'),
        contact: { name: F('contact'), email: 'xss@aurora.example', phone: '+86 20 1234 5678', company: F('company') },
        discloseContactToSupplier: true,
        isIprHolder: false,
        holder: {
          name: F('holder'),
          identificationType: 'business_registration',
          identificationNumber: `${IMG}[idnumber]`,
          identificationAttachments: [idDoc.id],
          powerOfAttorney: [poaDoc.id],
          powerOfAttorneyExpiresAt: null,
        },
        evidence: [{ id: evidence.id }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      },
      { idempotencyKey: crypto.randomUUID(), evidence: [evidence] },
    ),
  );
  await ok(platform.complaints.act(complaint.id, 'forward_to_supplier'));
  await ok(
    supplierA.complaints.act(complaint.id, 'respond', {
      products: [PRODUCTS.img, PRODUCTS.script].map((productId) => ({
        productId,
        response: 'not_infringing',
        statement: F('statement-a'),
      })),
    }),
  );
  await ok(
    supplierB.complaints.act(complaint.id, 'respond', {
      products: [{ productId: PRODUCTS.svg, response: 'not_infringing', statement: F('statement-b') }],
    }),
  );
  await ok(complainant.complaints.act(complaint.id, 'request_arbitration', { reason: F('arbitration-reason') }));
  complaint = await ok(
    platform.complaints.act(complaint.id, 'issue_result', { decision: 'partially_upheld', notice: F('notice') }),
  );
});

afterEach(() => {
  expect(window.__xss, 'window.__xss after the test').to.equal(undefined);
});

describe('stored XSS: the detector', () => {
  it('catches a payload that came alive (markup set as HTML in a shadow root)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    // (data:, rather than src=x: the same failing image without a request to the test server)
    root.innerHTML = `<p><img src="data:," onerror=window.__xss=1>${SCRIPT}${SVG}[live]</p><a href="${JS}">x</a>`;
    let caught: unknown;
    try {
      await assertInert(host, 'live');
    } catch (error) {
      caught = error;
    }
    expect(window.__xss, 'the payload ran').to.equal(1);
    window.__xss = undefined;
    expect(String(caught)).to.match(/window.__xss|elements made from data/);
    // The same markup set as text is inert.
    root.textContent = F('inert');
    await assertInert(host, 'inert');
    assertShown(host, ['inert'], 'inert');
  });
});

describe('stored XSS: every element shows hostile data as text', () => {
  const openDetail = async (client: typeof complainant) => {
    const el = await fixture<IprComplaintDetail>(
      html`<ipr-complaint-detail .client=${client} complaint-id=${complaint.id}></ipr-complaint-detail>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part=header], [role=alert]'), 8000, 'the complaint');
    await el.updateComplete;
    return el;
  };

  it('<ipr-complaint-detail> as the complainant', async () => {
    const el = await openDetail(complainant);
    await assertInert(el, 'detail (complainant)');
    assertShown(
      el,
      [
        'description',
        'contact',
        'holder',
        'statement-a',
        'statement-b',
        'arbitration-reason',
        'notice',
        FILE('evidence'),
      ],
      'detail (complainant)',
    );
    for (const p of ['xsswidget-img', 'xsswidget-script', 'xsswidget-svg']) expect(deepText(el)).to.contain(p);
    expect(deepText(el)).to.contain(`${IMG}xsswidget-img`);
    expect(deepText(el)).to.contain(`"><script>window.__xss=1</script>xsswidget-script`);
  });

  it('<ipr-complaint-detail> as the supplier of two of the products (contact disclosed)', async () => {
    const el = await openDetail(supplierA);
    await assertInert(el, 'detail (supplier)');
    assertShown(el, ['description', 'statement-a', 'notice'], 'detail (supplier)');
    assertNotShown(el, ['statement-b', 'idnumber', 'id-document', 'poa'], 'detail (supplier)');
    expect(deepText(el)).to.contain(`${IMG}xsswidget-img`);
    expect(deepText(el)).not.to.contain('xsswidget-svg');
  });

  it('<ipr-complaint-detail> as the platform', async () => {
    const el = await openDetail(platform);
    await assertInert(el, 'detail (platform)');
    assertShown(
      el,
      ['description', 'contact', 'statement-a', 'statement-b', 'arbitration-reason', 'notice', FILE('evidence')],
      'detail (platform)',
    );
  });

  it('<ipr-complaint-list> as the complainant, a supplier and the platform', async () => {
    for (const [client, label] of [
      [complainant, 'complainant'],
      [supplierA, 'supplier'],
      [platform, 'platform'],
    ] as const) {
      const el = await fixture<IprComplaintList>(
        html`<ipr-complaint-list .client=${client} q=${complaint.number}></ipr-complaint-list>`,
      );
      await until(() => el.shadowRoot?.querySelector(`tr.data[data-id="${complaint.id}"]`), 8000, `the row (${label})`);
      await el.updateComplete;
      await assertInert(el, `list (${label})`);
      expect(text(deep(el, `tr.data[data-id="${complaint.id}"]`))).to.contain(complaint.number);
      fixtureCleanup();
    }
  });

  it('<ipr-product-picker>: markup names and a javascript: URL from the catalogue', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${complainant}></ipr-product-picker>`);
    const input = deep<HTMLInputElement>(el, '#q');
    input.value = 'xsswidget';
    input.dispatchEvent(new Event('input'));
    deep<HTMLButtonElement>(el, 'form.search button[type=submit]').click();
    await until(() => deepAll(el, '.results .name').length >= 4, 8000, 'the hostile products');
    await el.updateComplete;
    await assertInert(el, 'picker results');
    const names = deepAll(el, '.results .name').map(text);
    expect(names).to.include.members([
      `${IMG}xsswidget-img`,
      `"><script>window.__xss=1</script>xsswidget-script`,
      `'><svg onload=window.__xss=1>xsswidget-svg`,
      '<a href="javascript:window.__xss=1">xsswidget-link</a>',
    ]);
    for (const add of deepAll<HTMLButtonElement>(el, '.results button.add')) add.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    await assertInert(el, 'picker added');
    expect(deepText(el)).to.contain(`${IMG}xsswidget-img`);
    // Links typed or pasted with payloads are shown as text too.
    el.value = [`${JS}`, `${link('xss000010')}?${IMG}`, `https://market.example/product/${SCRIPT}`];
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await assertInert(el, 'picker with hostile links');
  });

  it('<ipr-evidence-picker>: saved and uploading files with markup names', async () => {
    const el = await fixture<IprEvidencePicker>(
      html`<ipr-evidence-picker .client=${complainant}></ipr-evidence-picker>`,
    );
    await until(() => deepText(el).includes('[evidence].pdf'), 8000, 'the saved evidence');
    deep<HTMLDetailsElement>(el, 'details[part=saved]').open = true;
    el.value = [{ id: evidence.id }];
    await el.updateComplete;
    await el.addFiles([pdfFile(FILE('upload'))]);
    await el.updateComplete;
    await assertInert(el, 'evidence picker');
    assertShown(el, [FILE('evidence'), FILE('id-document'), FILE('upload')], 'evidence picker');
  });

  it('<ipr-holder-profiles>: a saved holder whose label and name are markup, listed and opened for editing', async () => {
    // Saved over plain HTTP (the route of the contract), whatever the client's surface.
    const saved = await fetch('/v1/holder-profiles', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.complainantA}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        label: `${IMG}${SVG}[profile-label]`,
        holder: {
          name: F('profile-holder'),
          identificationType: 'business_registration',
          identificationNumber: `${IMG}[profile-id]`,
          identificationAttachments: [idDoc.id],
          powerOfAttorney: [poaDoc.id],
          powerOfAttorneyExpiresAt: null,
        },
      }),
    });
    expect(saved.status, await saved.clone().text()).to.equal(201);
    const profile = await saved.json();
    const el = await fixture<IprHolderProfiles>(
      html`<ipr-holder-profiles .client=${complainant}></ipr-holder-profiles>`,
    );
    await until(() => el.shadowRoot!.querySelector(`li.profile[data-id="${profile.id}"]`), 8000, 'the profile');
    await el.updateComplete;
    await assertInert(el, 'holder profiles');
    expect(deepText(el)).to.contain(`${IMG}${SVG}[profile-label]`);
    expect(deepText(el)).to.contain(F('profile-holder'));
    deep<HTMLButtonElement>(el, `li.profile[data-id="${profile.id}"] button.edit`).click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    await assertInert(el, 'holder profile editor');
    const values = allElements(el)
      .filter((e): e is HTMLInputElement => e instanceof HTMLInputElement)
      .map((e) => e.value);
    expect(values).to.include(F('profile-holder'));
    await fetch(`/v1/holder-profiles/${profile.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKENS.complainantA}` },
    });
  });

  it('<ipr-complaint-form>: a restored draft full of payloads, on every step', async () => {
    const key = uniqueKey();
    // The form keeps drafts per account: `<draft-key>:<account id>`.
    const { id: accountId } = await ok(complainant.account.get());
    await createDraftStore({ key: `${key}:${accountId}`, storage: 'indexeddb' }).save({
      draft: {
        type: 'trademark_infringement',
        productLinks: [link(PRODUCTS.img), link(PRODUCTS.script), `${JS}`],
        description: F('form-description'),
        contact: {
          name: F('form-contact'),
          email: 'xss@aurora.example',
          phone: '+86 20 1234 5678',
          company: F('form-company'),
        },
        discloseContactToSupplier: false,
        isIprHolder: false,
        holder: {
          name: F('form-holder'),
          identificationType: 'business_registration',
          identificationNumber: `${IMG}[form-idnumber]`,
          identificationAttachments: [idDoc.id],
          powerOfAttorney: [poaDoc.id],
          powerOfAttorneyExpiresAt: null,
        },
        evidence: [{ id: evidence.id }],
      },
      evidence: [evidence, idDoc, poaDoc],
      step: 'review',
    });
    const el = await fixture<IprComplaintForm>(
      html`<ipr-complaint-form .client=${complainant} draft-key=${key} draft-storage="indexeddb"></ipr-complaint-form>`,
    );
    await el.draftReady;
    await el.updateComplete;
    expect(el.draftStoreKey).to.equal(`${key}:${accountId}`);
    expect(el.draft.description).to.equal(F('form-description'));
    for (const step of ['review', 'evidence', 'basics'] as const) {
      el.step = step;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      await el.updateComplete;
      await assertInert(el, `form (${step})`);
    }
    // On the basics step the payloads are the inputs' values, as typed.
    const values = allElements(el)
      .filter(
        (e): e is HTMLInputElement | HTMLTextAreaElement =>
          e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement,
      )
      .map((e) => e.value);
    expect(values).to.include(F('form-description'));
    expect(values).to.include(F('form-contact'));
    el.step = 'review';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const review = deepText(el);
    expect(review, 'the review shows the description as text').to.contain(F('form-description'));
    await el.reset();
  });
});

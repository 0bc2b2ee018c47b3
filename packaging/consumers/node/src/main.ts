// A strict NodeNext program with the headless packages: check a draft with @ipr/validators (no
// network), then talk to the API with @ipr/client. IPR_API_BASE and IPR_TOKEN say where and as whom.
import { createIprClient, unwrap } from '@ipr/client';
import { type ComplaintDraftInput, localizeIssue, validateComplaintDraft } from '@ipr/validators';

const draft: ComplaintDraftInput = {
  type: 'trademark_infringement',
  productLinks: ['https://market.example/product/p000001', 'not a link'],
  description: '',
  contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
  evidence: [],
};

// Every rule at once, never throws: issues carry a stable code, a path and a message per locale.
const checked = validateComplaintDraft(draft, { requireDeclaration: false });
if (!checked.ok) {
  for (const issue of checked.issues) {
    console.log(
      `${issue.code} at ${issue.path.join('.')}: ${localizeIssue(issue, 'en')} / ${localizeIssue(issue, 'zh-CN')}`,
    );
  }
}

const client = createIprClient({
  baseUrl: process.env.IPR_API_BASE ?? 'http://127.0.0.1:8787',
  getToken: () => process.env.IPR_TOKEN ?? '',
});
// Each call answers { data } or { error } (an ApiError with issues); unwrap throws the error instead.
const account = unwrap(await client.account.get());
const { data: page, error } = await client.complaints.list({ limit: 5 });
if (error) throw new Error(`${error.code}: ${error.message}`);
console.log(JSON.stringify({ account: account.displayName, role: account.role, complaints: page.total }));

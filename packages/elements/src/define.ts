// Registers every `ipr-*` tag (a side effect). Safe to import twice, or from two copies of the SDK.
import { define } from './base/define.js';
import { IprProvider } from './components/provider/provider.component.js';
import { IprProductPicker } from './components/product-picker/product-picker.component.js';
import { IprEvidencePicker } from './components/evidence-picker/evidence-picker.component.js';
import { IprComplaintForm } from './components/complaint-form/complaint-form.component.js';
import { IprComplaintList } from './components/complaint-list/complaint-list.component.js';
import { IprComplaintDetail } from './components/complaint-detail/complaint-detail.component.js';
import { IprHolderProfiles } from './components/holder-profiles/holder-profiles.component.js';
import { IprWebhooks } from './components/webhooks/webhooks.component.js';
import { IprTransparencyReport } from './components/transparency-report/transparency-report.component.js';

export * from './index.js';

// The provider first, so elements inside it find it by context when they upgrade.
define('ipr-provider', IprProvider);
define('ipr-product-picker', IprProductPicker);
define('ipr-evidence-picker', IprEvidencePicker);
define('ipr-complaint-form', IprComplaintForm);
define('ipr-complaint-list', IprComplaintList);
define('ipr-complaint-detail', IprComplaintDetail);
define('ipr-holder-profiles', IprHolderProfiles);
define('ipr-webhooks', IprWebhooks);
define('ipr-transparency-report', IprTransparencyReport);

declare global {
  interface HTMLElementTagNameMap {
    'ipr-provider': IprProvider;
    'ipr-product-picker': IprProductPicker;
    'ipr-evidence-picker': IprEvidencePicker;
    'ipr-complaint-form': IprComplaintForm;
    'ipr-complaint-list': IprComplaintList;
    'ipr-complaint-detail': IprComplaintDetail;
    'ipr-holder-profiles': IprHolderProfiles;
    'ipr-webhooks': IprWebhooks;
    'ipr-transparency-report': IprTransparencyReport;
  }
}

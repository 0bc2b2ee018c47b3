// The single-file CDN bundle's entry (`<script type="module" src=".../ipr-elements.js">`).
// It registers `<ipr-provider>`, `<ipr-complaint-list>` and `<ipr-complaint-detail>` at once;
// `<ipr-complaint-form>`, `<ipr-product-picker>`, `<ipr-evidence-picker>` and `<ipr-holder-profiles>`
// (about a third of the code) come from a chunk beside the bundle, registered as soon as one of those tags is in
// the document, and in any case once the page is idle (tags used inside another shadow root
// are not seen by the observer). Elements in the page before their definition upgrade when it
// arrives, keeping the properties already set on them. Bundlers use `@ipr/elements/define`
// instead, which registers everything synchronously.
import { define } from './base/define.js';
import { IprProvider } from './components/provider/provider.component.js';
import { IprComplaintList } from './components/complaint-list/complaint-list.component.js';
import { IprComplaintDetail } from './components/complaint-detail/complaint-detail.component.js';

export { IprElement } from './base/ipr-element.js';
export { IprApiElement } from './base/api-element.js';
export { define } from './base/define.js';
export { IprProvider, IprComplaintList, IprComplaintDetail };
export * from './events/index.js';
export { clientContext, localeContext } from './context.js';
export { en as messagesEn, loadMessages } from './i18n/index.js';
export { theme as themeStyles } from './styles/theme.js';

const LAZY_TAGS = 'ipr-complaint-form, ipr-product-picker, ipr-evidence-picker, ipr-holder-profiles';

let loading: Promise<typeof import('./form-elements.js')> | undefined;

/**
 * Loads and registers `<ipr-product-picker>`, `<ipr-evidence-picker>`, `<ipr-complaint-form>` and `<ipr-holder-profiles>`
 * (once; later calls share the same promise) and resolves to their classes.
 */
export function loadFormElements(): Promise<typeof import('./form-elements.js')> {
  loading ??= import('./form-elements.js').then(
    (m) => {
      define('ipr-product-picker', m.IprProductPicker);
      define('ipr-evidence-picker', m.IprEvidencePicker);
      define('ipr-complaint-form', m.IprComplaintForm);
      define('ipr-holder-profiles', m.IprHolderProfiles);
      return m;
    },
    (error: unknown) => {
      // A failed fetch (offline, CDN hiccup) may be retried by the next call.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function loadQuietly() {
  loadFormElements().catch((error: unknown) => console.warn('[ipr] the form elements could not be loaded', error));
}

// The provider first, so elements inside it find it by context when they upgrade.
define('ipr-provider', IprProvider);
define('ipr-complaint-list', IprComplaintList);
define('ipr-complaint-detail', IprComplaintDetail);

if (typeof document !== 'undefined') {
  if (document.querySelector(LAZY_TAGS)) loadQuietly();
  else {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(LAZY_TAGS)) return;
      observer.disconnect();
      loadQuietly();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const whenIdle = (run: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200);
    whenIdle(() => {
      observer.disconnect();
      loadQuietly();
    });
  }
}

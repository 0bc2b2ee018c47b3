// The single-file CDN bundle's entry (`<script type="module" src=".../ipr-elements.js">`).
// It registers `<ipr-provider>` at once. Four chunks beside the bundle come on demand:
// `<ipr-complaint-list>` (the list chunk), `<ipr-complaint-form>`, `<ipr-product-picker>`,
// `<ipr-evidence-picker>` and `<ipr-holder-profiles>` (the form chunk), and `<ipr-complaint-detail>`
// (the detail chunk); `<ipr-webhooks>` and `<ipr-transparency-report>` (the partner chunk, fetched only
// when one of its tags appears or `loadPartnerElements()` is called: few pages use them). Each is fetched and registered as soon as one of its tags is in the document,
// and in any case once the page is idle (tags used inside another shadow root are not seen by the
// observer). Elements in the page before their definition upgrade when it arrives, keeping the
// properties already set on them. Bundlers use `@ipr/elements/define` instead, which registers
// everything at once.
import {
  DETAIL_TAGS,
  FORM_TAGS,
  LIST_TAGS,
  PARTNER_TAGS,
  detailChunk,
  formChunk,
  listChunk,
  partnerChunk,
} from './cdn-early.js';
import { define } from './base/define.js';
import { IprProvider } from './components/provider/provider.component.js';

export { define } from './base/define.js';
export { IprProvider };
export * from './events/index.js';
export { clientContext, localeContext } from './context.js';
export { en as messagesEn, loadMessages } from './i18n/index.js';

/** Loads a chunk once (later calls share the promise; a failed fetch may be retried by the next call). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * Loads and registers `<ipr-product-picker>`, `<ipr-evidence-picker>`, `<ipr-complaint-form>` and `<ipr-holder-profiles>`
 * (once; later calls share the same promise) and resolves to their classes.
 */
export const loadFormElements = once(() =>
  formChunk().then((m) => {
    define('ipr-product-picker', m.IprProductPicker);
    define('ipr-evidence-picker', m.IprEvidencePicker);
    define('ipr-complaint-form', m.IprComplaintForm);
    define('ipr-holder-profiles', m.IprHolderProfiles);
    return m;
  }),
);

/** Loads and registers `<ipr-complaint-detail>` (once) and resolves to its class. */
export const loadDetailElement = once(() =>
  detailChunk().then((m) => {
    define('ipr-complaint-detail', m.IprComplaintDetail);
    return m;
  }),
);

/** Loads and registers `<ipr-complaint-list>` (once) and resolves to its class. */
export const loadListElement = once(() =>
  listChunk().then((m) => {
    define('ipr-complaint-list', m.IprComplaintList);
    return m;
  }),
);

/**
 * Loads and registers `<ipr-webhooks>` and `<ipr-transparency-report>` (once) and resolves to their
 * classes. Call it when those tags are used inside another shadow root: this chunk is not loaded on idle.
 */
export const loadPartnerElements = once(() =>
  partnerChunk().then((m) => {
    define('ipr-webhooks', m.IprWebhooks);
    define('ipr-transparency-report', m.IprTransparencyReport);
    return m;
  }),
);

/** Loads and registers every on-demand element. */
export function loadAllElements(): Promise<unknown> {
  return Promise.all([loadListElement(), loadFormElements(), loadDetailElement(), loadPartnerElements()]);
}

/** The on-demand groups; `idle: false` ones load only when their tags appear (or on an explicit call). */
const LAZY: Array<{ tags: string; load: () => Promise<unknown>; what: string; idle: boolean }> = [
  { tags: LIST_TAGS, load: loadListElement, what: 'the complaint list', idle: true },
  { tags: FORM_TAGS, load: loadFormElements, what: 'the form elements', idle: true },
  { tags: DETAIL_TAGS, load: loadDetailElement, what: 'the complaint detail', idle: true },
  { tags: PARTNER_TAGS, load: loadPartnerElements, what: 'the partner elements', idle: false },
];

// The provider first, so elements inside it find it by context when they upgrade.
define('ipr-provider', IprProvider);

if (typeof document !== 'undefined') {
  const waiting = new Set(LAZY);
  const loading: Array<Promise<unknown>> = [];
  const loadQuietly = (group: (typeof LAZY)[number]) => {
    waiting.delete(group);
    loading.push(
      group.load().catch((error: unknown) => console.warn(`[ipr] ${group.what} could not be loaded`, error)),
    );
  };
  const scan = () => {
    for (const group of [...waiting]) if (document.querySelector(group.tags)) loadQuietly(group);
    if (!waiting.size) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  scan();
  if (waiting.size) {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const whenIdle = (run: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200);
    // The rest once the page is idle and the chunks its tags asked for have arrived: the browser
    // is often idle while it waits for them, and a chunk nobody asked for yet should not compete.
    whenIdle(
      () =>
        void Promise.allSettled(loading).then(() =>
          whenIdle(() => {
            for (const group of [...waiting]) if (group.idle) loadQuietly(group);
            if (!waiting.size) observer.disconnect();
          }),
        ),
    );
  }
}

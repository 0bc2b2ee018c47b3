import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Issue } from '@ipr/validators';
import {
  baseLocale,
  en,
  isLoaded,
  issueMessage,
  loadFailed,
  loadMessages,
  localeChanges,
  messagesFor,
  resolveUiLocale,
  type Locale,
  type Messages,
} from '../i18n/index.js';
import { localeContext, themeContext, type Theme } from '../context.js';

/**
 * The base of every `ipr-*` element: locale handling (own attribute, then the provider's,
 * then the nearest `lang`), lazily loaded strings with English fallback, the theme
 * attribute and a typed `emit()`.
 */
export class IprElement extends LitElement {
  /**
   * UI language: `en`, `zh-CN`, or a tag registered with `registerLocale()` (every Chinese tag,
   * `zh-TW` and `zh-HK` included, shows Simplified Chinese unless registered; others fall back to English).
   */
  @property({ reflect: true }) locale?: string;

  /** `light` (default), `dark`, or `auto` to follow `prefers-color-scheme`; otherwise `<ipr-provider theme>`'s. */
  @property({ reflect: true }) theme?: Theme;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected inheritedLocale?: string;

  @consume({ context: themeContext, subscribe: true })
  @state()
  protected inheritedTheme?: Theme;

  /** The strings in use (English until a lazily loaded locale has arrived). */
  @state() protected t: Messages = en;

  /** The built-in locale behind the shown strings (dates, sizes, complaint type names). */
  protected shownLocale: Locale = 'en';
  /** The UI locale the shown strings belong to (a registered tag, or `shownLocale`). */
  protected shownUiLocale = 'en';
  private wantedLocale = 'en';
  private localeLoad?: Promise<unknown>;
  private readonly onLocalesChanged = () => {
    // A locale was registered or strings overridden: look the strings up again.
    this.wantedLocale = '';
    this.requestUpdate();
  };

  /** The UI locale asked for by attribute, provider or page (a registered tag, `zh-CN` or `en`). */
  get uiLocale(): string {
    const tag =
      this.locale ||
      this.inheritedLocale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang;
    return resolveUiLocale(tag);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    localeChanges.addEventListener('change', this.onLocalesChanged);
  }

  /**
   * An element not displayed when it first renders (in a hidden view of the page, or inside such an
   * element) renders in a task of its own, after the work already queued: a chunk that upgrades
   * several such elements at once (the form chunk: a hidden form with its pickers, the saved
   * holders) then makes a few short tasks instead of one long one, and the displayed page's work
   * goes first. A displayed element renders at once, as before.
   */
  protected override scheduleUpdate(): ReturnType<LitElement['scheduleUpdate']> {
    if (!this.hasUpdated && typeof this.checkVisibility === 'function' && !this.checkVisibility())
      return new Promise((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate());
    return super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    localeChanges.removeEventListener('change', this.onLocalesChanged);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The theme: the element's own, else the provider's (the styles read `data-ipr-theme`).
    const theme = this.theme ?? this.inheritedTheme;
    if (theme) this.setAttribute('data-ipr-theme', theme);
    else this.removeAttribute('data-ipr-theme');
    const wanted = this.uiLocale;
    if (wanted === this.wantedLocale && this.shownUiLocale === wanted) return;
    this.wantedLocale = wanted;
    const show = (messages: Messages, ok: boolean) => {
      this.t = messages;
      this.shownUiLocale = ok ? wanted : 'en';
      this.shownLocale = ok ? baseLocale(wanted) : 'en';
    };
    if (isLoaded(wanted)) {
      show(messagesFor(wanted), true);
      return;
    }
    this.localeLoad = loadMessages(wanted).then((messages) => {
      if (this.wantedLocale !== wanted) return;
      show(messages, !loadFailed(wanted));
    });
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A lazily loaded locale re-renders once it arrives; callers awaiting updateComplete see that.
    while (this.localeLoad) {
      const load = this.localeLoad;
      await load;
      if (this.localeLoad === load) this.localeLoad = undefined;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** An issue's message in the shown locale. */
  protected issueText(issue: Issue): string {
    return issueMessage(issue, this.shownUiLocale);
  }

  /** Dispatches one of the SDK's event classes (they bubble and are composed). */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}

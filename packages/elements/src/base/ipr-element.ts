import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localizeIssue, type Issue } from '@ipr/validators';
import { en, isLoaded, loadMessages, messagesFor, resolveLocale, type Locale, type Messages } from '../i18n/index.js';
import { localeContext } from '../context.js';

/**
 * The base of every `ipr-*` element: locale handling (own attribute, then the provider's,
 * then the nearest `lang`), lazily loaded strings with English fallback, the theme
 * attribute and a typed `emit()`.
 */
export class IprElement extends LitElement {
  /** UI language: `en` or `zh-CN` (other tags are mapped; unknown ones fall back to English). */
  @property({ reflect: true }) locale?: string;

  /** `light` (default), `dark`, or `auto` to follow `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected inheritedLocale?: string;

  /** The strings in use (English until a lazily loaded locale has arrived). */
  @state() protected t: Messages = en;

  /** The locale the shown strings belong to. */
  protected shownLocale: Locale = 'en';
  private wantedLocale: Locale = 'en';
  private localeLoad?: Promise<unknown>;

  /** The locale asked for by attribute, provider or page. */
  get uiLocale(): Locale {
    const tag =
      this.locale ||
      this.inheritedLocale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang;
    return resolveLocale(tag);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const wanted = this.uiLocale;
    if (wanted === this.wantedLocale && this.shownLocale === wanted) return;
    this.wantedLocale = wanted;
    if (isLoaded(wanted)) {
      this.t = messagesFor(wanted);
      this.shownLocale = wanted;
      return;
    }
    this.localeLoad = loadMessages(wanted).then((messages) => {
      if (this.wantedLocale !== wanted) return;
      this.t = messages;
      this.shownLocale = messages === en ? 'en' : wanted;
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
    return localizeIssue(issue, this.shownLocale);
  }

  /** Dispatches one of the SDK's event classes (they bubble and are composed). */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}

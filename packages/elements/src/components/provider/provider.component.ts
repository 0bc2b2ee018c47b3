import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { createIprClient } from '@ipr/client';
import { styles } from './provider.styles.js';
import { baseLocale, resolveUiLocale } from '../../i18n/index.js';
import { clientContext, localeContext, themeContext, type Theme } from '../../context.js';
import type { IprClient } from '../../api.js';

/**
 * Configures the elements inside it once: creates an `@ipr/client` from `api-base` and
 * `token` / `getToken` (or takes a `client`), and hands it and the locale down by context.
 *
 * @tagname ipr-provider
 * @slot - The `ipr-*` elements (and anything else) that share this configuration.
 */
export class IprProvider extends LitElement {
  static override styles = styles;

  /** Base URL of the complaint API, e.g. `https://ipr.example.com`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** A bearer token (prefer `getToken` so the host can refresh it). */
  @property() token?: string;
  /** UI language of every element inside: `en`, `zh-CN` or a tag registered with `registerLocale()`. */
  @property({ reflect: true }) locale?: string;
  /** Theme of every element inside: `light`, `dark` or `auto` (an element's own `theme` wins). */
  @property({ reflect: true }) theme?: Theme;
  /** Called before each request for the bearer token. */
  @property({ attribute: false }) getToken?: () => string | Promise<string>;
  /** A ready client; wins over `api-base`. */
  @property({ attribute: false }) client?: IprClient;

  private clientProvider = new ContextProvider(this, { context: clientContext });
  private localeProvider = new ContextProvider(this, { context: localeContext });
  private themeProvider = new ContextProvider(this, { context: themeContext });

  /** The client handed down (the given one, or the one made from `api-base`). */
  get currentClient(): IprClient | undefined {
    return this.clientProvider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('apiBase') || changed.has('token') || changed.has('getToken')) {
      // The locale is not part of the client's identity: elements re-localise errors by code.
      const client =
        this.client ??
        (this.apiBase
          ? (createIprClient({
              baseUrl: this.apiBase,
              token: this.token,
              getToken: this.getToken,
              locale: baseLocale(resolveUiLocale(this.locale)),
            }) as IprClient)
          : undefined);
      if (client !== this.clientProvider.value) this.clientProvider.setValue(client);
    }
    if (changed.has('locale')) this.localeProvider.setValue(this.locale);
    if (changed.has('theme')) this.themeProvider.setValue(this.theme);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

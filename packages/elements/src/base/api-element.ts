import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { createIprClient } from '@ipr/client';
import { html, type TemplateResult } from 'lit';
import { clientContext } from '../context.js';
import { isApiError, type ApiError, type IprClient } from '../api.js';
import { IprElement } from './ipr-element.js';
import { baseLocale } from '../i18n/index.js';

/**
 * An element that talks to the API: through its own `client` property, its own `api-base`
 * (with `token` or `getToken`), or the client of the nearest `<ipr-provider>`, in that order.
 */
export class IprApiElement extends IprElement {
  /** Base URL of the complaint API (the `/v1` prefix is added by the client). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A bearer token for `api-base` (prefer `getToken` so the host can refresh it). */
  @property() token?: string;

  /** Called before each request for the bearer token. */
  @property({ attribute: false }) getToken?: () => string | Promise<string>;

  /** An `@ipr/client` instance (or anything with the same surface). */
  @property({ attribute: false }) client?: IprClient;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient?: IprClient;

  private ownClient?: { apiBase: string; token?: string; getToken?: () => string | Promise<string>; client: IprClient };

  /** The client in use, or undefined when not configured. */
  get api(): IprClient | undefined {
    if (this.client) return this.client;
    if (this.apiBase) {
      const own = this.ownClient;
      if (!own || own.apiBase !== this.apiBase || own.token !== this.token || own.getToken !== this.getToken) {
        const { apiBase, token, getToken } = this;
        this.ownClient = {
          apiBase,
          token,
          getToken,
          client: createIprClient({ baseUrl: apiBase, token, getToken, locale: baseLocale(this.uiLocale) }),
        };
      }
      return this.ownClient!.client;
    }
    return this.contextClient;
  }

  /** An API error's message in the shown locale. */
  errorText(error: ApiError): string {
    return error.issues?.[0] ? this.issueText(error.issues[0]) : error.message || this.t.actionFailed;
  }

  /** The shared error view of a failed task: the message, announced, with a retry button. */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const text =
      isApiError(error) && error.issues?.[0]
        ? this.issueText(error.issues[0])
        : isApiError(error)
          ? error.message
          : this.t.loadFailed;
    return html`<div class="notice danger" role="alert" part="error">
      <p>${text}</p>
      <button type="button" @click=${retry}>${this.t.retry}</button>
    </div>`;
  }

  protected renderNoClient(): TemplateResult {
    return html`<p class="notice" role="status">${this.t.noClient}</p>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<p role="status" part="loading">${this.t.loading}</p>`;
  }
}

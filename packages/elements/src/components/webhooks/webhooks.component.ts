import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { WEBHOOK_EVENT_TYPES, type WebhookDelivery, type WebhookEndpoint } from '@ipr/validators';
import { IprApiElement } from '../../base/api-element.js';
import { type ApiError, unwrap } from '../../api.js';
import { formatDate } from '../../i18n/index.js';
import { partnerMessages } from '../../i18n/partner-en.js';
import { styles } from './webhooks.styles.js';

/**
 * A complainant's webhook endpoints (a partner integration): add one (URL, events), see its signing
 * secret once, follow each endpoint's delivery log (state, attempts, the receiver's last answer),
 * send a delivery again, disable or enable an endpoint, give it a new secret (after a second click;
 * shown once, the previous one signing too for a day), remove an endpoint after a second click. The
 * URL rule is the validators' (checked by the client before the network and by the server).
 *
 * @tagname ipr-webhooks
 * @csspart list - The list of endpoints.
 * @csspart log - An endpoint's delivery log (a table).
 * @csspart form - The form that adds an endpoint.
 * @csspart secret - A new signing secret (a new endpoint's, or a rotated one), shown once.
 * @csspart error - Error messages.
 * @cssprop --ipr-color-success - A delivered delivery.
 * @cssprop --ipr-color-danger - A failed (dead-lettered) delivery.
 */
export class IprWebhooks extends IprApiElement {
  static override styles = styles;

  /** This element's strings in the shown locale (English where the locale leaves them out). */
  private get strings() {
    return partnerMessages(this.t).webhooks;
  }

  @state() private url = '';
  @state() private description = '';
  @state() private events = new Set<string>();
  @state() private busy = false;
  @state() private formError?: ApiError;
  @state() private secret?: { id: string; secret: string; previousUntil?: string | null };
  @state() private open = new Map<string, WebhookDelivery[] | 'loading' | ApiError>();
  /** The endpoint and action a first click armed; the second click does it. */
  @state() private confirming?: { id: string; action: 'remove' | 'rotate' };
  @state() private message = '';

  private listTask = new Task(this, {
    task: async ([api]: [IprWebhooks['api']], { signal }) => {
      if (!api?.webhooks) return undefined;
      return (await unwrap(api.webhooks.list({ signal }))).items;
    },
    args: () => [this.api] as [IprWebhooks['api']],
  });

  /** The endpoints as last loaded. */
  get endpoints(): WebhookEndpoint[] {
    return this.listTask.value ?? [];
  }

  /** Loads the endpoints again (and the open logs). */
  async refresh(): Promise<void> {
    await this.listTask.run();
    for (const id of this.open.keys()) await this.loadLog(id);
  }

  private async loadLog(id: string) {
    const hooks = this.api?.webhooks;
    if (!hooks) return;
    this.open = new Map(this.open).set(id, 'loading');
    const r = await hooks.deliveries(id);
    this.open = new Map(this.open).set(id, r.error ?? r.data.items);
  }

  private toggleLog(id: string) {
    if (this.open.has(id)) {
      const next = new Map(this.open);
      next.delete(id);
      this.open = next;
    } else void this.loadLog(id);
  }

  private async add(e: SubmitEvent) {
    e.preventDefault();
    const hooks = this.api?.webhooks;
    if (!hooks || this.busy) return;
    this.busy = true;
    this.formError = undefined;
    this.message = '';
    const r = await hooks.create({
      url: this.url,
      ...(this.description.trim() ? { description: this.description.trim() } : {}),
      ...(this.events.size ? { events: [...this.events] } : {}),
    });
    this.busy = false;
    if (r.error) {
      this.formError = r.error;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#wh-url')?.focus();
      return;
    }
    this.secret = { id: r.data.id, secret: r.data.secret };
    this.url = '';
    this.description = '';
    this.events = new Set();
    await this.listTask.run();
  }

  /** Whether a first click armed `action` on `id`. */
  private armed(id: string, action: 'remove' | 'rotate'): boolean {
    return this.confirming?.id === id && this.confirming.action === action;
  }

  /** Whether this click confirms `action` on `id` (a first click only arms it; any other click disarms). */
  private confirmed(id: string, action: 'remove' | 'rotate'): boolean {
    if (this.armed(id, action)) {
      this.confirming = undefined;
      return true;
    }
    this.confirming = { id, action };
    return false;
  }

  private async removeEndpoint(id: string) {
    if (!this.confirmed(id, 'remove')) return;
    const r = await this.api?.webhooks?.remove(id);
    if (r?.error) {
      this.message = this.errorText(r.error);
      return;
    }
    if (this.secret?.id === id) this.secret = undefined;
    this.message = this.strings.removed;
    await this.listTask.run();
  }

  private async setEnabled(id: string, enabled: boolean) {
    const r = await this.api?.webhooks?.setEnabled(id, enabled);
    this.message = r?.error ? this.errorText(r.error) : enabled ? this.strings.enabledDone : this.strings.disabledDone;
    await this.listTask.run();
  }

  /** A second click replaces the secret: the new one is shown once, as at registration. */
  private async rotateSecret(id: string) {
    if (!this.confirmed(id, 'rotate')) return;
    const r = await this.api?.webhooks?.rotateSecret(id);
    if (!r || r.error) {
      this.message = r?.error ? this.errorText(r.error) : '';
      return;
    }
    this.secret = { id, secret: r.data.secret, previousUntil: r.data.previousSecretExpiresAt };
    this.message = this.strings.rotated;
    await this.listTask.run();
  }

  private async redeliver(endpoint: string, delivery: string) {
    const r = await this.api?.webhooks?.redeliver(endpoint, delivery);
    this.message = r?.error ? this.errorText(r.error) : this.strings.queued;
    await this.loadLog(endpoint);
  }

  private async copySecret() {
    if (!this.secret) return;
    try {
      await navigator.clipboard.writeText(this.secret.secret);
      this.message = this.strings.copied;
    } catch {
      this.renderRoot.querySelector('.secret code')?.dispatchEvent(new Event('focus'));
    }
  }

  private toggleEvent(type: string, on: boolean) {
    const next = new Set(this.events);
    if (on) next.add(type);
    else next.delete(type);
    this.events = next;
  }

  override render() {
    if (!this.api) return this.renderNoClient();
    const t = this.strings;
    return html`<h2>${t.title}</h2>
      <p class="intro">${t.intro}</p>
      ${this.listTask.render({
        pending: () => this.renderLoading(),
        error: (error) => this.renderError(error, () => void this.listTask.run()),
        complete: (items) =>
          !items?.length
            ? html`<p class="hint">${t.none}</p>`
            : html`<ul class="endpoints" part="list">
                ${items.map((e) => this.renderEndpoint(e))}
              </ul>`,
      })}
      ${this.secret ? this.renderSecret() : nothing}
      <p class="status" role="status">${this.message}</p>
      ${this.renderForm()}`;
  }

  private renderEndpoint(e: WebhookEndpoint) {
    const t = this.strings;
    const log = this.open.get(e.id);
    return html`<li class="endpoint" data-id=${e.id} data-enabled=${e.enabled ? 'true' : 'false'}>
      <div class="line">
        <span class="url">${e.url}</span>
        <span class="sub">${e.description ? html`${e.description} · ` : nothing}${t.counts(e.pending, e.dead)}</span>
        ${e.enabled ? nothing : html`<span class="sub disabled">${t.disabled}</span>`}
        <span class="buttons">
          <button type="button" class="enable" aria-pressed=${e.enabled ? 'false' : 'true'} @click=${() => this.setEnabled(e.id, !e.enabled)}>
            ${e.enabled ? t.disable : t.enable}
          </button>
          <button type="button" class="rotate" @click=${() => this.rotateSecret(e.id)}>
            ${this.armed(e.id, 'rotate') ? t.confirmRotate : t.rotate}
          </button>
          <button type="button" class="log-toggle" aria-expanded=${log ? 'true' : 'false'} @click=${() => this.toggleLog(e.id)}>
            ${log ? t.hideLog : t.log}
          </button>
          <button type="button" class="remove" @click=${() => this.removeEndpoint(e.id)}>
            ${this.armed(e.id, 'remove') ? t.confirmRemove : t.remove}
          </button>
        </span>
      </div>
      ${
        log === undefined
          ? nothing
          : log === 'loading'
            ? this.renderLoading()
            : Array.isArray(log)
              ? this.renderLog(e.id, log)
              : html`<p class="notice danger" role="alert" part="error">${this.errorText(log)}</p>`
      }
    </li>`;
  }

  private renderLog(endpoint: string, items: WebhookDelivery[]) {
    const t = this.strings;
    if (!items.length) return html`<p class="hint">${t.noDeliveries}</p>`;
    return html`<table class="log" part="log">
      <thead>
        <tr><th scope="col">${t.event}</th><th scope="col">${t.state}</th><th scope="col">${t.action}</th></tr>
      </thead>
      <tbody>
        ${items.map((d) => {
          const last = d.lastAttempts[0];
          const answer = last ? (last.status === null ? (last.error ?? t.noAnswer) : `HTTP ${last.status}`) : null;
          return html`<tr data-id=${d.id} data-state=${d.state}>
            <td><code>${d.type}</code><div class="sub">${new Date(d.createdAt).toLocaleString(this.shownLocale)}</div></td>
            <td><span class="state">${t.states[d.state]}</span>
              <div class="sub">${t.attempts(d.attempts)}${answer ? html` · ${t.lastAnswer(answer)}` : nothing}</div></td>
            <td>${
              d.state === 'pending'
                ? nothing
                : html`<button type="button" class="redeliver" @click=${() => this.redeliver(endpoint, d.id)}>${t.redeliver}</button>`
            }</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderSecret() {
    const t = this.strings;
    return html`<div class="secret" part="secret" role="region" aria-label=${t.secretOnce}>
      <p>${t.secretOnce}</p>
      <code tabindex="0">${this.secret!.secret}</code>
      <button type="button" class="copy" @click=${this.copySecret}>${t.copy}</button>
      ${
        this.secret!.previousUntil
          ? html`<p class="hint">${t.oldSecretUntil(formatDate(this.secret!.previousUntil, this.shownLocale, true))}</p>`
          : nothing
      }
    </div>`;
  }

  private renderForm() {
    const t = this.strings;
    const error = this.formError;
    return html`<form class="add" part="form" @submit=${this.add} novalidate>
      <label for="wh-url">${t.url}</label>
      <input id="wh-url" type="url" required inputmode="url" placeholder="https://" .value=${this.url}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'wh-error' : nothing}
        @input=${(e: Event) => {
          this.url = (e.target as HTMLInputElement).value;
        }} />
      <label for="wh-description">${t.description}</label>
      <input id="wh-description" type="text" maxlength="200" .value=${this.description}
        @input=${(e: Event) => {
          this.description = (e.target as HTMLInputElement).value;
        }} />
      <fieldset>
        <legend>${t.events} (${this.events.size ? this.events.size : t.allEvents})</legend>
        ${WEBHOOK_EVENT_TYPES.map(
          (type) => html`<label><input type="checkbox" .checked=${this.events.has(type)}
            @change=${(e: Event) => this.toggleEvent(type, (e.target as HTMLInputElement).checked)} /> <code>${type}</code></label>`,
        )}
      </fieldset>
      ${error ? html`<p id="wh-error" class="notice danger" role="alert" part="error">${this.errorText(error)}</p>` : nothing}
      <div><button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.adding : t.add}</button></div>
    </form>`;
  }
}

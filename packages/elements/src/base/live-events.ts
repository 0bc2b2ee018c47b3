import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ComplaintEvent, IprClient, LiveState } from '../api.js';

interface Listener {
  onEvent(e: ComplaintEvent): void;
  onState(s: LiveState): void;
}

interface Hub {
  listeners: Set<Listener>;
  state: LiveState;
  stop: () => void;
}

// One stream per client: a list and a detail on the same page (same provider) share it.
const hubs = new WeakMap<IprClient, Hub>();

/**
 * Subscribes `listener` to the client's complaint events through one shared
 * `client.events.subscribe` per client; the stream closes when its last listener leaves.
 * Returns the unsubscribe function, or undefined when the client has no `events`.
 */
function subscribeLive(client: IprClient, listener: Listener): (() => void) | undefined {
  if (typeof client.events?.subscribe !== 'function') return undefined;
  let hub = hubs.get(client);
  if (!hub) {
    const created: Hub = { listeners: new Set(), state: 'connecting', stop: () => {} };
    hubs.set(client, created);
    const controller = new AbortController();
    const unsubscribe = client.events.subscribe(
      (e) => {
        for (const l of [...created.listeners]) l.onEvent(e);
      },
      {
        signal: controller.signal,
        onState: (s) => {
          created.state = s;
          for (const l of [...created.listeners]) l.onState(s);
        },
      },
    );
    created.stop = () => {
      controller.abort();
      unsubscribe();
    };
    hub = created;
  }
  const shared = hub;
  shared.listeners.add(listener);
  listener.onState(shared.state);
  return () => {
    if (!shared.listeners.delete(listener)) return;
    if (shared.listeners.size === 0) {
      if (hubs.get(client) === shared) hubs.delete(client);
      shared.stop();
    }
  };
}

export interface LiveHost extends ReactiveControllerHost {
  readonly api: IprClient | undefined;
  readonly live: boolean;
}

/**
 * Keeps a `live` element subscribed while it is connected, `live` is on and it has a client;
 * resubscribes when the client changes. `state` is the stream's state (undefined when not live).
 */
export class LiveController implements ReactiveController {
  state?: LiveState;
  /** The stream has been open at least once (for this client): later states are news worth announcing. */
  wasOpen = false;
  private client?: IprClient;
  private stop?: () => void;
  private connected = false;

  /**
   * `onResumed` runs when the stream opens again after a drop: events the server could not
   * replay (none seen yet, so no Last-Event-ID) would otherwise be missed.
   */
  constructor(
    private host: LiveHost,
    private onEvent: (e: ComplaintEvent) => void,
    private onResumed: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connected = true;
    this.sync();
  }

  hostUpdated() {
    this.sync();
  }

  hostDisconnected() {
    this.connected = false;
    this.sync();
  }

  private sync() {
    const want = this.connected && this.host.live ? this.host.api : undefined;
    if (want === this.client) return;
    this.stop?.();
    this.stop = undefined;
    this.client = want;
    const before = this.state;
    this.state = undefined;
    this.wasOpen = false;
    if (want) {
      this.stop = subscribeLive(want, {
        onEvent: (e) => this.onEvent(e),
        onState: (s) => {
          if (this.state === s) return;
          this.state = s;
          if (s === 'open') {
            if (this.wasOpen) queueMicrotask(() => this.onResumed());
            this.wasOpen = true;
          }
          this.host.requestUpdate();
        },
      });
    }
    if (this.state !== before) this.host.requestUpdate();
  }
}

/** The look of the live indicator (a dot and a word) shared by the list and the detail view. */
export const liveIndicatorStyles = css`
  .live { display: inline-flex; align-items: center; gap: 0.35em; font-size: 0.8em; color: var(--_muted); }
  .live .dot { width: 0.55em; height: 0.55em; border-radius: 50%; background: var(--_muted); }
  .live[data-state='open'] .dot { background: var(--_success); }
  .live[data-state='retrying'] .dot { background: var(--_danger); }
  @media (prefers-reduced-motion: no-preference) {
    .live[data-state='connecting'] .dot, .live[data-state='retrying'] .dot { animation: ipr-live-pulse 1.2s ease-in-out infinite; }
  }
  @keyframes ipr-live-pulse { 50% { opacity: 0.3; } }
`;

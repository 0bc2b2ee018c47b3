// `client.events`: live complaint events; the stream code loads on first use.
import type { ComplaintEvent } from '@ipr/validators';
import type { Caller } from '../call.js';
import { errorOf } from '../errors.js';
import type { SubscribeOptions } from '../events.js';
import type { EventsApi } from '../types.js';

export function eventsResource(caller: Caller): EventsApi {
  function subscribe(onEvent: (event: ComplaintEvent) => void, opts: SubscribeOptions = {}): () => void {
    // Unsubscribing before the stream code arrives still stops it.
    const stop = new AbortController();
    const outer = opts.signal;
    const end = () => stop.abort();
    if (outer?.aborted) stop.abort();
    else outer?.addEventListener('abort', end, { once: true });
    import('../events.js').then(
      (m) =>
        m.subscribeEvents(
          {
            url: `${caller.origin}/v1/events`,
            fetch: caller.baseFetch,
            token: caller.token,
            refreshable: caller.refreshable,
            locale: caller.locale,
          },
          onEvent,
          { ...opts, signal: stop.signal },
        ),
      () => {
        if (!stop.signal.aborted) opts.onError?.(errorOf('network.error', 0, caller.locale));
        opts.onState?.('closed');
      },
    );
    return () => {
      outer?.removeEventListener('abort', end);
      end();
    };
  }
  return { subscribe };
}

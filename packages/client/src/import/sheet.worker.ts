// Module Web Worker: parses a spreadsheet off the main thread with the same function the
// in-thread path uses, and writes the status export's .xlsx. Message in: { id, request }
// (or { id, warm: true }, or { id, write }); message out: { id, outcome } (or { id, warmed: true },
// or { id, bytes } / { id, failed: true }).
import { parseSheet, preloadParser, type ParseRequest } from './parse.js';
import type { SheetWriteRequest } from './write.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (
  event: MessageEvent<{ id: number; request?: ParseRequest; warm?: true; write?: SheetWriteRequest }>,
) => {
  const { id, request, write } = event.data;
  if (write) {
    try {
      const bytes = await (await import('./write.js')).writeXlsx(write);
      (scope.postMessage as (m: unknown, t: Transferable[]) => void)({ id, bytes }, [bytes]);
    } catch {
      scope.postMessage({ id, failed: true });
    }
    return;
  }
  // A warm-up (the import panel opened): compile SheetJS now, before a file is chosen.
  if (!request) {
    await preloadParser().catch(() => {});
    scope.postMessage({ id, warmed: true });
    return;
  }
  const outcome = await parseSheet(request);
  scope.postMessage({ id, outcome });
};

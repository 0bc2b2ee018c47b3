// Module Web Worker: parses a spreadsheet off the main thread with the same function the
// in-thread path uses. Message in: { id, request } (or { id, warm: true }); message out: { id, outcome } (or { id, warmed: true }).
import { parseSheet, preloadParser, type ParseRequest } from './parse.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (event: MessageEvent<{ id: number; request?: ParseRequest; warm?: true }>) => {
  const { id, request } = event.data;
  // A warm-up (the import panel opened): compile SheetJS now, before a file is chosen.
  if (!request) {
    await preloadParser().catch(() => {});
    scope.postMessage({ id, warmed: true });
    return;
  }
  const outcome = await parseSheet(request);
  scope.postMessage({ id, outcome });
};

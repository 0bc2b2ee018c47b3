// Module Web Worker: parses a spreadsheet off the main thread with the same function the
// in-thread path uses. Message in: { id, request }; message out: { id, outcome }.
import { parseSheet, type ParseRequest } from './parse.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (event: MessageEvent<{ id: number; request: ParseRequest }>) => {
  const { id, request } = event.data;
  const outcome = await parseSheet(request);
  scope.postMessage({ id, outcome });
};

// A server command for the browser picture engine's test: the hashes the Node server's engine
// (sharp) gives the same bytes, so the two engines are compared on identical input.
import { createSharpPictures } from '@ipr/server/node';

export function sharpHashPlugin() {
  const engine = createSharpPictures();
  return {
    name: 'ipr-sharp-hash',
    async executeCommand({ command, payload }) {
      if (command !== 'sharp-hash') return undefined;
      const result = await engine.hash(Buffer.from(payload.base64, 'base64'), 'test');
      return result.ok ? { hash: result.hash, mirror: result.mirror } : { code: result.issue.code };
    },
  };
}

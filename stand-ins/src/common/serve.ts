import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, sendJson } from './json-http';

export type Served = { url: string; close: () => Promise<void> };

/**
 * Serves a stand-in's handler on `host:port` (0: any free port): a body over the limit answers 413 and a thrown
 * error 500. `close` is idempotent, drops open connections and calls `onClose` (to release delayed answers).
 */
export async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host: string,
  onClose: () => void,
): Promise<Served> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { message: 'Request body too large' });
      sendJson(res, 500, { message: `stand-in error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        onClose();
      });
      return closing;
    },
  };
}

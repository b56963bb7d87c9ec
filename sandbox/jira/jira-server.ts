/**
 * Puts the Jira emulator on node:http at 127.0.0.1: start on a port (0 = any free one), get the
 * URL, stop. Also a request listener the sandbox's own server can mount for /rest/api/… and
 * /rest/servicedeskapi/… so everything can share one port.
 *
 * Only moves bytes between sockets and handleJiraRequest(); no Jira logic here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JiraModel } from './jira-model';
import { handleJiraRequest } from './jira-routes';

/** Jira refuses bodies this large; so does the emulator (protects the sandbox from runaway clients). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RangeError('Request body too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/**
 * A node:http request listener serving the emulated Jira APIs from `model`.
 *
 * @example http.createServer(createJiraRequestListener(model)).listen(3000)
 */
export function createJiraRequestListener(model: JiraModel): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    readBody(request)
      .then((body) => {
        const result = handleJiraRequest(model, {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          headers: request.headers,
          body,
        });
        response.writeHead(result.status, result.headers);
        response.end(result.body);
      })
      .catch((error: unknown) => {
        const tooLarge = error instanceof RangeError;
        if (!response.headersSent) {
          response.writeHead(tooLarge ? 413 : 500, { 'content-type': 'application/json;charset=UTF-8' });
        }
        response.end(
          JSON.stringify({
            errorMessages: [tooLarge ? 'The request body is too large.' : `Internal server error: ${error instanceof Error ? error.message : String(error)}`],
            errors: {},
          }),
        );
      });
  };
}

export interface JiraServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  server: Server;
  /** stops listening and closes open connections */
  stop(): Promise<void>;
}

export interface StartJiraServerOptions {
  model: JiraModel;
  /** default 0: an ephemeral port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** the base URL `self` links use; default the server's own URL (sets model.baseUrl) */
  publicUrl?: string;
}

/**
 * Starts the emulator and resolves once it listens.
 *
 * @example const jira = await startJiraServer({ model }); await fetch(`${jira.url}/rest/api/3/myself`); await jira.stop();
 */
export async function startJiraServer(options: StartJiraServerOptions): Promise<JiraServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(createJiraRequestListener(options.model));
  // keep-alive sockets would hold stop() open until their timeout
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The Jira emulator did not get a TCP address.');
  const port = (address satisfies AddressInfo).port;
  const url = `http://${host}:${port}`;
  options.model.baseUrl = options.publicUrl ?? url;
  return {
    url,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      }),
  };
}

import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo, Socket } from 'net';
import { loadDevOrg, OrgDataset } from './dataset';
import { Fault } from './faults';
import { MissingFields } from './query-api';
import { CallCounters, LocalOrg, Reply } from './local-org';
import { ClientCredentials, DEV_CREDENTIALS, TokenIssuer } from './oauth';

export { DEV_CREDENTIALS } from './oauth';
export type { CallCounters } from './local-org';

export interface LocalSalesforceOptions {
  /** Default: the recorded dev org, `loadDevOrg()`. */
  dataset?: OrgDataset;
  /** Default: DEV_CREDENTIALS. */
  credentials?: ClientCredentials;
  /** The largest page served; default 2000, Salesforce's largest. */
  pageSize?: number;
  /** Delay before answering each request; default 0. */
  latencyMs?: number;
  /** Default 0: any free port. */
  port?: number;
  /** Faults to inject from the start; `injectFaults` adds more later. */
  faults?: Fault[];
  /** Fields the org does not offer the integration user, by object. */
  missingFields?: MissingFields;
}

export interface LocalSalesforce {
  /** `http://127.0.0.1:<port>`, the instance URL. */
  url: string;
  /** Live counts of the requests answered so far. */
  calls: CallCounters;
  /** Invalidates every access token issued so far. */
  expireSessions(): void;
  /** Makes requests fail as the faults say, each until used up. */
  injectFaults(...faults: Fault[]): void;
  /** The faults injected so far. */
  injected: Fault[];
  /** Every access token issued, to check that none leaks. */
  issuedTokens: string[];
  /** Stops listening and closes keep-alive connections. */
  close(): Promise<void>;
}

/** Only the token endpoint reads a body, and a small one. */
const MAX_BODY_BYTES = 64 * 1024;
const DEV_ORG_ID = '00DDo000000rryBMAQ';

/**
 * Starts a server on 127.0.0.1 that answers the Salesforce OAuth token
 * and REST query endpoints over a dataset, as Salesforce would.
 */
export async function startLocalSalesforce(
  options: LocalSalesforceOptions = {},
): Promise<LocalSalesforce> {
  const dataset = options.dataset ?? loadDevOrg();
  const server = createServer();
  const sockets = trackConnections(server);
  const url = await listen(server, options.port ?? 0);
  const org = new LocalOrg(
    dataset,
    new TokenIssuer(options.credentials ?? DEV_CREDENTIALS, {
      instanceUrl: url,
      orgId: dataset.Organization?.[0]?.Id ?? DEV_ORG_ID,
      userId: dataset.User?.[0]?.Id ?? '',
    }),
    options.pageSize ?? 2000,
    options.missingFields,
  );
  org.faults.add(...(options.faults ?? []));
  const latencyMs = options.latencyMs ?? 0;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void answer(org, latencyMs, request, response);
  });
  return {
    url,
    calls: org.calls,
    expireSessions: () => org.tokens.expireAll(),
    injectFaults: (...faults) => org.faults.add(...faults),
    injected: org.faults.injected,
    issuedTokens: org.tokens.issued,
    close: () => close(server, sockets),
  };
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${bound}`);
    });
  });
}

/**
 * Tracks open sockets so close() can end idle keep-alive connections,
 * which would otherwise hold server.close() open.
 */
function trackConnections(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function close(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    sockets.forEach((socket) => socket.destroy());
  });
}

async function answer(
  org: LocalOrg,
  latencyMs: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let reply: Reply;
  try {
    const body = await readBody(request);
    if (latencyMs > 0) {
      await delay(latencyMs);
    }
    reply = org.handle(request, body);
  } catch (error) {
    reply = {
      status: 500,
      body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }],
    };
  }
  if (reply.drop === 'reset') {
    request.socket.destroy();
    return;
  }
  if (reply.drop === 'hang' || response.destroyed) {
    return;
  }
  response.writeHead(reply.status, {
    'Content-Type': reply.contentType ?? 'application/json;charset=UTF-8',
    ...reply.headers,
  });
  response.end(reply.raw ?? JSON.stringify(reply.body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

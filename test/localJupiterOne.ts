import http from 'http';
import { AddressInfo, Socket } from 'net';

interface GraphObject {
  _key: string;
  _type: string;
}

/** What the JupiterOne API received from one `j1-integration run`. */
export interface Received {
  /** The bodies that started synchronization jobs. */
  jobs: Record<string, unknown>[];
  entities: GraphObject[];
  relationships: GraphObject[];
  events: { name: string; description: string }[];
  /** The body of the job's finalize request, if it was finalized. */
  finalized?: { partialDatasets?: { types?: string[] } };
  aborted?: { reason?: string };
  /** Every request's headers and body as sent, to search for secrets. */
  requests: { path: string; headers: http.IncomingHttpHeaders; body: string }[];
}

export interface LocalJupiterOne {
  url: string;
  received: Received;
  close(): Promise<void>;
}

const JOB_ID = 'local-synchronization-job';

/**
 * A stand-in for the JupiterOne synchronization API on 127.0.0.1: what
 * `j1-integration run` calls to start a job, upload the graph, publish
 * events and finalize. It answers as the API does for a job that accepts
 * everything, and keeps what it was sent.
 */
export async function startLocalJupiterOne(
  misbehaviour: {
    /** Requests to this action (e.g. `finalize`) are never answered. */
    unanswered?: string;
    /** Requests to this action (e.g. `entities`) are refused with a 401. */
    refused?: string;
  } = {},
): Promise<LocalJupiterOne> {
  const received: Received = {
    jobs: [],
    entities: [],
    relationships: [],
    events: [],
    requests: [],
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '';
      received.requests.push({ path, headers: request.headers, body });
      const action = actionOf(path);
      if (action && action === misbehaviour.unanswered) return;
      if (action && action === misbehaviour.refused) {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: 'Unauthorized' }));
        return;
      }
      const answer = record(received, request.method, path, body);
      response.writeHead(answer ? 200 : 404, {
        'Content-Type': 'application/json',
      });
      response.end(JSON.stringify(answer ?? { error: `no route ${path}` }));
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Requests left unanswered on purpose would hold it open.
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}

const JOB_ROUTE =
  /^\/persister\/synchronization\/jobs(?:\/[^/]+(?:\/(\w+))?)?$/;

function actionOf(path: string): string | undefined {
  return JOB_ROUTE.exec(path)?.[1];
}

/** Keeps what one request carried; the answer, or none for an unknown route. */
function record(
  received: Received,
  method: string | undefined,
  path: string,
  body: string,
): object | undefined {
  const route = JOB_ROUTE.exec(path);
  if (!route) return undefined;
  const action = route[1];
  const payload = body ? JSON.parse(body) : {};
  if (method === 'GET') return jobAnswer('AWAITING_UPLOADS', received);
  if (path === '/persister/synchronization/jobs') {
    received.jobs.push(payload);
    return jobAnswer('AWAITING_UPLOADS', received);
  }
  switch (action) {
    case 'entities':
      received.entities.push(...payload.entities);
      return {};
    case 'relationships':
      received.relationships.push(...payload.relationships);
      return {};
    case 'events':
      received.events.push(...payload.events);
      return {};
    case 'finalize':
      received.finalized = payload;
      return jobAnswer('FINALIZE_PENDING', received);
    case 'abort':
      received.aborted = payload;
      return jobAnswer('ABORTED', received);
    default:
      return undefined;
  }
}

function jobAnswer(status: string, received: Received) {
  return {
    job: {
      id: JOB_ID,
      // Events are published only for a job that names its integration job.
      integrationJobId: 'local-integration-job',
      status,
      startTimestamp: Date.now(),
      // The CLI prints these once the job is finalized.
      numEntitiesUploaded: received.entities.length,
      numRelationshipsUploaded: received.relationships.length,
    },
  };
}

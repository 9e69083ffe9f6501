import { Fault } from './faults';
import { Reply } from './local-org';

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html><head><title>Maintenance</title><style>body{font-family:sans-serif}</style></head>
<body><h1>Salesforce is down for maintenance</h1>
<p>We're performing scheduled maintenance and will be back shortly.</p></body></html>`;

const restError = (
  status: number,
  errorCode: string,
  message: string,
): Reply => ({
  status,
  body: [{ errorCode, message }],
});

/** A reply that does not depend on the request: an error, or no reply. */
export function failureReply(
  fault: Fault,
  objectName: string,
): Reply | undefined {
  const retryAfter: Record<string, string> =
    fault.retryAfterSeconds === undefined
      ? {}
      : { 'Retry-After': String(fault.retryAfterSeconds) };
  switch (fault.kind) {
    case '429':
      return {
        ...restError(429, 'TOO_MANY_REQUESTS', 'Too many concurrent requests'),
        headers: retryAfter,
      };
    case '500':
      return restError(
        500,
        'UNKNOWN_EXCEPTION',
        'An unexpected error occurred.',
      );
    case '502':
    case '504':
      return {
        status: Number(fault.kind),
        raw: `<html><body><h1>${fault.kind} Gateway Error</h1></body></html>`,
        contentType: 'text/html',
      };
    case '503':
    case 'html':
      return {
        status: 503,
        raw: MAINTENANCE_PAGE,
        contentType: 'text/html',
        headers: retryAfter,
      };
    case 'reset':
    case 'hang':
      return { status: 0, drop: fault.kind };
    case 'invalid-locator':
      return restError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    case 'query-timeout':
      return restError(
        400,
        'QUERY_TIMEOUT',
        'Your query request was running for too long.',
      );
    case 'limit-exceeded':
      return {
        ...restError(
          403,
          'REQUEST_LIMIT_EXCEEDED',
          'TotalRequests Limit exceeded.',
        ),
        headers: { 'Sforce-Limit-Info': 'api-usage=15000/15000' },
      };
    case 'concurrent-limit':
      return restError(
        403,
        'REQUEST_LIMIT_EXCEEDED',
        'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
      );
    case 'insufficient-access':
      return restError(
        403,
        'INSUFFICIENT_ACCESS',
        'insufficient access rights on object id',
      );
    case 'invalid-type':
      return restError(
        400,
        'INVALID_TYPE',
        `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
      );
    default:
      return undefined;
  }
}

interface QueryBody {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: unknown[];
}

/** A successful query reply, altered as the fault says. */
export function alteredQueryReply(fault: Fault, reply: Reply): Reply {
  const body = reply.body as QueryBody;
  switch (fault.kind) {
    case 'truncated': {
      const text = JSON.stringify(body);
      return { ...reply, raw: text.slice(0, Math.floor(text.length / 2)) };
    }
    case 'not-a-page':
      return { ...reply, body: { status: 'ok' } };
    case 'duplicate-record':
      return {
        ...reply,
        body: { ...body, records: [...body.records, body.records[0]] },
      };
    case 'missing-next-url':
      return {
        ...reply,
        body: { ...body, done: false, nextRecordsUrl: undefined },
      };
    case 'short-total':
      return { ...reply, body: { ...body, totalSize: body.totalSize + 1 } };
    case 'foreign-next-url':
      return body.nextRecordsUrl
        ? {
            ...reply,
            body: {
              ...body,
              nextRecordsUrl: `http://attacker.invalid${body.nextRecordsUrl}`,
            },
          }
        : reply;
    case 'near-limit':
      return {
        ...reply,
        headers: {
          ...reply.headers,
          'Sforce-Limit-Info': 'api-usage=13800/15000',
        },
      };
    default:
      return reply;
  }
}

import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { FetchError } from 'node-fetch';
import { httpSend } from './http';

let server: Server;
let url: string;

beforeAll(async () => {
  // A gateway that refuses the request with a page quoting its token.
  server = createServer((request, response) => {
    if (request.url === '/trickle') {
      // Headers after 800 ms, then a byte of the body every 100 ms, and
      // the end of the body after 3 s.
      let drip: NodeJS.Timeout | undefined;
      const headers = setTimeout(() => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        drip = setInterval(() => response.write(' '), 100);
      }, 800);
      const end = setTimeout(() => response.end('{}'), 3_000);
      response.on('close', () => {
        [headers, drip, end].forEach(clearTimeout);
      });
      return;
    }
    response.writeHead(502, { 'Content-Type': 'text/html' });
    response.end(
      `<html><body><h1>Refused</h1><p>${'x'.repeat(60)} ${
        request.headers.authorization
      }</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

test('the excerpt of a page that is not JSON is cut from the page with its secrets redacted first', async () => {
  const secret = '00D000000000001!ARsecret';
  const response = await httpSend(
    {
      url,
      method: 'GET',
      headers: { Authorization: `Bearer ${secret}` },
      redact: (text) => text.split(secret).join('[REDACTED]'),
    },
    5_000,
  );
  expect(response.status).toBe(502);
  expect(response.excerpt).toContain('Bearer [REDACTED]');
  expect(response.excerpt).not.toContain('ARsecret');
});

test('one deadline covers the whole try, a body that trickles in included', async () => {
  const started = Date.now();
  const sent = httpSend(
    { url: `${url}trickle`, method: 'GET', headers: {} },
    1_000,
  );
  await expect(sent).rejects.toThrow(FetchError);
  await expect(sent).rejects.toMatchObject({ type: 'request-timeout' });
  // node-fetch's own timeout would end it at 1.8 s: 0.8 s, then 1 s again.
  expect(Date.now() - started).toBeLessThan(1_600);
});

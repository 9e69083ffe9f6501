import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { httpSend } from './http';

let server: Server;
let url: string;

beforeAll(async () => {
  // A gateway that refuses the request with a page quoting its token.
  server = createServer((request, response) => {
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

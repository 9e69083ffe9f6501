import { inspect } from 'util';
import { redactor } from './redact';

describe('redactor', () => {
  test('redacts every secret as the CLI may print it', () => {
    const secret = `k"e\`y'/\\ +&=`;
    const redact = redactor([secret]);
    const printed = [
      secret,
      JSON.stringify(secret),
      JSON.stringify(JSON.stringify(secret)),
      inspect(`Authorization: Bearer ${secret}\r\n`),
      encodeURIComponent(secret),
      new URLSearchParams({ client_secret: secret }).toString(),
    ];
    for (const text of printed) {
      expect(redact(text)).toContain('[REDACTED]');
      expect(redact(text)).not.toContain('e`y');
    }
  });

  test('a secret that begins another is not left to give away the rest', () => {
    const redact = redactor(['abc123', 'abc123-and-more']);
    expect(redact('token abc123-and-more')).toBe('token [REDACTED]');
  });

  test('secrets that overlap become one [REDACTED], hiding both whole', () => {
    const redact = redactor(['key-AAAA', 'AAAA-secret-BBBB']);
    expect(redact('Bearer key-AAAA-secret-BBBB end')).toBe(
      'Bearer [REDACTED] end',
    );
  });

  test('a secret far longer than any real one is redacted, not thrown on', () => {
    const long = 'k'.repeat(100_000);
    expect(redactor([long, 'other'])(`a ${long} b`)).toBe('a [REDACTED] b');
  });

  test('with no secret, text passes as it is', () => {
    expect(redactor([])('Bearer x')).toBe('Bearer x');
  });
});

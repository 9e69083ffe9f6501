import { inspect } from 'util';

/**
 * Replaces each secret with `[REDACTED]`, as written and in the forms it is
 * printed or sent in: escaped in JSON or in a logged string, URL- or
 * form-encoded.
 */
export function redactor(secrets: string[]): (text: string) => string {
  const forms = [
    ...new Set(secrets.filter(Boolean).flatMap(printedForms)),
  ].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, '[REDACTED]');
}

function printedForms(secret: string): string[] {
  const inJson = JSON.stringify(secret).slice(1, -1);
  return [
    secret,
    inJson,
    JSON.stringify(inJson).slice(1, -1),
    inspect(secret).slice(1, -1),
    secret.replace(/\\/g, '\\\\').replace(/['"`]/g, '\\$&'),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice('s='.length),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

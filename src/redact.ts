import { inspect } from 'util';

/**
 * Replaces each secret with `[REDACTED]`, as written and in the forms it is
 * printed or sent in: escaped in JSON or in a logged string, URL- or
 * form-encoded. Occurrences that overlap, of one secret or of two, become one
 * `[REDACTED]`, so that no part of either shows.
 */
export function redactor(secrets: string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter(Boolean).flatMap(printedForms))];
  if (forms.length === 0) return (text) => text;
  return (text) => replaceSpans(text, spansOf(text, forms));
}

/** A parsed JSON value with `redact` applied to every string in it. */
export function redactStrings(
  value: unknown,
  redact: (text: string) => string,
): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) {
    return value.map((item) => redactStrings(item, redact));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        redactStrings(item, redact),
      ]),
    );
  }
  return value;
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

/** Where the forms occur in the text, overlapping occurrences merged. */
function spansOf(text: string, forms: string[]): [number, number][] {
  const spans = forms.flatMap((form) => occurrencesOf(text, form));
  spans.sort((a, b) => a[0] - b[0]);
  return mergeOverlapping(spans);
}

/**
 * The spans one form covers, its overlapping occurrences merged as they are
 * found, so that a form repeating in the text costs one span, not one each.
 */
function occurrencesOf(text: string, form: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const last = spans[spans.length - 1];
    if (last && at <= last[1]) last[1] = at + form.length;
    else spans.push([at, at + form.length]);
  }
  return spans;
}

function mergeOverlapping(sorted: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function replaceSpans(text: string, spans: [number, number][]): string {
  let redacted = '';
  let from = 0;
  for (const [start, end] of spans) {
    redacted += `${text.slice(from, start)}[REDACTED]`;
    from = end;
  }
  return redacted + text.slice(from);
}

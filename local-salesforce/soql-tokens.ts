import { ApiError } from './api-error';

export type TokenKind = 'word' | 'string' | 'number' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text, or the unescaped value of a string literal. */
  text: string;
  offset: number;
  end: number;
}

/** A name, or a path through a lookup (`PermissionSet.IsOwnedByProfile`). */
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /[0-9]+/y;
const WHITESPACE = /\s*/y;
const SYMBOLS = ['!=', '<>', ',', '(', ')', '='];
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let offset = skipWhitespace(soql, 0);
  while (offset < soql.length) {
    const token = readToken(soql, offset);
    tokens.push(token);
    offset = skipWhitespace(soql, token.end);
  }
  tokens.push({ kind: 'end', text: '<EOF>', offset, end: offset });
  return tokens;
}

function skipWhitespace(soql: string, offset: number): number {
  return offset + (matchAt(WHITESPACE, soql, offset)?.length ?? 0);
}

function readToken(soql: string, offset: number): Token {
  if (soql[offset] === "'") {
    return readString(soql, offset);
  }
  const word = matchAt(WORD, soql, offset);
  if (word) {
    return { kind: 'word', text: word, offset, end: offset + word.length };
  }
  const number = matchAt(NUMBER, soql, offset);
  if (number) {
    return {
      kind: 'number',
      text: number,
      offset,
      end: offset + number.length,
    };
  }
  const symbol = SYMBOLS.find((s) => soql.startsWith(s, offset));
  if (symbol) {
    return {
      kind: 'symbol',
      text: symbol,
      offset,
      end: offset + symbol.length,
    };
  }
  throw malformedQuery(soql, offset, soql[offset]);
}

function matchAt(pattern: RegExp, text: string, offset: number) {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
}

function readString(soql: string, offset: number): Token {
  let text = '';
  for (let i = offset + 1; i < soql.length; i++) {
    if (soql[i] === "'") {
      return { kind: 'string', text, offset, end: i + 1 };
    }
    if (soql[i] === '\\' && i + 1 < soql.length) {
      i++;
      text += ESCAPES[soql[i]] ?? soql[i];
    } else {
      text += soql[i];
    }
  }
  throw malformedQuery(soql, offset, soql.slice(offset));
}

export function malformedQuery(
  soql: string,
  offset: number,
  unexpected: string,
): ApiError {
  return new ApiError(
    400,
    'MALFORMED_QUERY',
    pointAt(soql, offset, `unexpected token: '${unexpected}'`),
  );
}

/**
 * Salesforce echoes the query, puts a caret under the offending token and
 * names its row and column before the reason.
 */
export function pointAt(soql: string, offset: number, reason: string): string {
  const lines = soql.slice(0, offset).split('\n');
  const row = lines.length;
  const column = lines[lines.length - 1].length + 1;
  const echoed = soql.split('\n').slice(0, row).join('\n');
  return (
    `\n${echoed}\n${' '.repeat(column - 1)}^\n` +
    `ERROR at Row:${row}:Column:${column}\n${reason}`
  );
}

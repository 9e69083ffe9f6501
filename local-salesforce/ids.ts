/**
 * Salesforce record ids: a 3-character key prefix naming the object, then
 * pod and serial characters up to 15, then a 3-character suffix that makes
 * the id unique even where it is compared case-insensitively.
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/field_types.htm
 */

export const KEY_PREFIXES = {
  User: '005',
  UserRole: '00E',
  Profile: '00e',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
  Group: '00G',
  GroupMember: '011',
  Organization: '00D',
  PermissionSetGroup: '0PG',
  // Assumed: the key prefixes of these four were not recorded.
  PermissionSetGroupComponent: '0PH',
  MutingPermissionSet: '0QM',
  TwoFactorMethodsInfo: '0Kx',
  UserLogin: '060',
  QueryLocator: '01g',
  UserLicense: '100',
} as const;

export type KeyPrefixedObject = keyof typeof KEY_PREFIXES;

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const POD = 'Do';
const SERIAL_LENGTH = 10;
const SERIAL_OFFSET = 9_876_543_210;

export function caseSafeSuffix(id15: string): string {
  if (id15.length !== 15) {
    throw new Error(`A case-safe suffix needs a 15-character id: ${id15}`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    suffix +=
      SUFFIX_ALPHABET[uppercaseBits(id15.slice(chunk * 5, chunk * 5 + 5))];
  }
  return suffix;
}

function uppercaseBits(chunk: string): number {
  let bits = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] >= 'A' && chunk[i] <= 'Z') {
      bits |= 1 << i;
    }
  }
  return bits;
}

export function toCaseSafeId(id15: string): string {
  return id15 + caseSafeSuffix(id15);
}

export function isCaseSafeId(id: string): boolean {
  return /^[0-9A-Za-z]{18}$/.test(id) && toCaseSafeId(id.slice(0, 15)) === id;
}

/**
 * The id of the serial-th record of an object. Serials are offset so that
 * ids mix digits and both cases, as real ones do, which exercises the
 * case-safe suffix.
 */
export function makeId(object: KeyPrefixedObject, serial: number): string {
  const digits = toBase62(serial + SERIAL_OFFSET);
  return toCaseSafeId(
    KEY_PREFIXES[object] + POD + digits.padStart(SERIAL_LENGTH, '0'),
  );
}

function toBase62(value: number): string {
  let digits = '';
  let rest = Math.floor(value);
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return digits;
}

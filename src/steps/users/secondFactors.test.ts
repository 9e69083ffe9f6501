import { SalesforceTwoFactorMethodsInfo } from '../../salesforce/objects';
import { hasSecondFactor } from './secondFactors';

const none: SalesforceTwoFactorMethodsInfo = {
  Id: '0KxDoMF00000001KDA',
  UserId: '005Do000000PVvJIAW',
  HasTotp: false,
  HasU2F: false,
  HasSalesforceAuthenticator: false,
  HasSecurityKey: false,
  HasBuiltInAuthenticator: false,
};

test.each([
  'HasTotp',
  'HasU2F',
  'HasSalesforceAuthenticator',
  'HasSecurityKey',
  'HasBuiltInAuthenticator',
] as const)('%s is a second factor', (method) => {
  expect(hasSecondFactor({ ...none, [method]: true })).toBe(true);
});

test('no method, or only unknown ones (null), is no second factor', () => {
  expect(hasSecondFactor(none)).toBe(false);
  expect(
    hasSecondFactor({ ...none, HasTotp: null, HasSecurityKey: null }),
  ).toBe(false);
});

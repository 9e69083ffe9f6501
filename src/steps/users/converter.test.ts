import { devOrgRecords } from '../../../test/devOrg';
import { SalesforceUser, USER_FIELDS } from '../../salesforce/objects';
import { effectiveAccess } from '../../access';
import {
  accessProperties,
  createUserEntity,
  emailDomainOf,
  normalizedEmail,
  personLink,
  UserAccess,
} from './converter';

const INSTANCE_URL = 'https://example.my.salesforce.com';
const noAccess: UserAccess = { access: effectiveAccess([]) };
const users = devOrgRecords<SalesforceUser>('User', USER_FIELDS);

describe('createUserEntity', () => {
  test('converts every dev-org user, system users included', () => {
    const entities = users.map((user) =>
      createUserEntity(user, INSTANCE_URL, noAccess),
    );
    expect(entities.map((entity) => entity.userType)).toEqual([
      'Standard',
      'Standard',
      'AutomatedProcess',
      'CloudIntegrationUser',
      'AutomatedProcess',
      'CsnOnly',
      'Standard',
    ]);
    expect(entities).toMatchGraphObjectSchema({
      _class: ['User'],
      schema: {
        properties: {
          username: { type: 'string' },
          active: { type: 'boolean' },
        },
        required: ['username', 'active'],
      },
    });
  });

  test('maps the properties the J1 data model names', () => {
    const entity = createUserEntity(users[0], INSTANCE_URL, noAccess);
    expect(entity).toMatchObject({
      _key: '005Do000000PVvJIAW',
      _type: 'salesforce_user',
      _class: ['User'],
      id: '005Do000000PVvJIAW',
      username: 'morgan.lee@example.com',
      name: 'Morgan Lee',
      displayName: 'Morgan Lee',
      firstName: 'Morgan',
      lastName: 'Lee',
      email: 'morgan.lee@example.com',
      emailDomain: ['example.com'],
      shortLoginId: 'MLee',
      active: true,
      userType: 'Standard',
      profileId: '00eDo000000gtbIIAQ',
      roleId: '00EDo0000019yHaMAI',
      managerId: null,
      lastLoginOn: Date.parse('2023-04-28T13:10:51.000Z'),
      passwordChangedOn: Date.parse('2023-04-05T20:50:19.000Z'),
      createdOn: Date.parse('2023-04-05T20:43:59.000Z'),
      webLink: `${INSTANCE_URL}/005Do000000PVvJIAW`,
    });
  });

  test('keeps a user whose address has no dot in its domain', () => {
    const automatedProcess = users.find(
      (user) => user.UserType === 'AutomatedProcess',
    )!;
    const entity = createUserEntity(automatedProcess, INSTANCE_URL, noAccess);
    expect(entity.email).toBeUndefined();
    expect(entity.emailDomain).toEqual(['00ddo000000rrybmaq']);
    expect(entity._rawData?.[0].rawData).toMatchObject({
      Email: 'autoproc@00ddo000000rrybmaq',
    });
  });

  test('keeps an inactive user, marked inactive', () => {
    const entity = createUserEntity(
      { ...users[0], IsActive: false },
      INSTANCE_URL,
      noAccess,
    );
    expect(entity.active).toBe(false);
  });
});

describe('emailDomainOf', () => {
  test.each([
    ['a@Example.COM', ['example.com']],
    ['a@localdomain', ['localdomain']],
    [' a@Example.COM ', ['example.com']],
    ['not-an-address', undefined],
    [null, undefined],
  ])('%s', (email, domain) => {
    expect(emailDomainOf(email)).toEqual(domain);
  });
});

describe('normalizedEmail', () => {
  test.each([
    ['Morgan.Lee@Example.COM', 'morgan.lee@example.com'],
    ['autoproc@00ddo000000rrybmaq', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s', (email, normalized) => {
    expect(normalizedEmail(email)).toBe(normalized);
  });
});

describe('personLink', () => {
  const linkOf = (changes: Partial<SalesforceUser>) =>
    personLink({ ...users[0], ...changes });

  test.each([
    'noreply@example.com',
    'no-reply@example.com',
    'No_Reply@example.com',
    'donotreply@example.com',
    'do-not-reply@example.com',
  ])('%s is no person', (email) => {
    expect(linkOf({ Email: email })).toBeUndefined();
  });

  test('an address that merely contains "reply" is a person', () => {
    expect(linkOf({ Email: 'replyguy@example.com' })).toEqual({
      email: 'replyguy@example.com',
    });
  });

  test("a sandbox's copy of an address maps to the person at the address", () => {
    expect(linkOf({ Email: 'Jane.Doe@example.com.invalid ' })).toEqual({
      email: 'jane.doe@example.com',
    });
  });

  test.each(['Standard', 'CsnOnly'])(
    'a %s user, whose address the org vouches for, maps to the Person',
    (userType) => {
      expect(linkOf({ UserType: userType, Email: 'sam@example.com' })).toEqual({
        email: 'sam@example.com',
      });
    },
  );

  test.each([
    'PowerPartner',
    'PowerCustomerSuccess',
    'CustomerSuccess',
    'CspLitePortal',
    'SelfService',
  ])(
    'a %s user, whose address may be of their own choosing, does not, and says why',
    (userType) => {
      expect(linkOf({ UserType: userType, Email: 'ceo@example.com' })).toEqual({
        unlinked: expect.stringContaining('an external user'),
      });
    },
  );

  test.each([
    ['user@acme', 'Standard'],
    ['user@acme.invalid', 'Standard'],
    ['"quoted"@example.com', 'Standard'],
  ])(
    '%s of a %s user, an address the data model rejects, is not linked, and says why',
    (email, userType) => {
      expect(linkOf({ Email: email, UserType: userType })).toEqual({
        unlinked: 'an email address the J1 data model rejects',
      });
    },
  );

  test.each([
    ['', 'Standard'],
    ['noreply@localhost', 'Standard'],
    ['autoproc@00ddo000000rrybmaq', 'AutomatedProcess'],
  ])('%s of a %s user is no person: nothing to say', (email, userType) => {
    expect(linkOf({ Email: email, UserType: userType })).toBeUndefined();
  });

  test('only users who are people map to a Person', () => {
    expect(users.map(personLink)).toEqual([
      { email: 'morgan.lee@example.com' },
      undefined, // Integration User, noreply@
      undefined, // Automated Process
      undefined, // Platform Integration User
      undefined, // Data.com Clean
      undefined, // Chatter Expert, noreply@
      undefined, // Security User, noreply@
    ]);
  });
});

describe('accessProperties', () => {
  test('lists each permission held with the grants that give it', () => {
    const access = effectiveAccess([
      { path: 'Profile: Sales', mask: 0b1 },
      { path: 'Permission Set: Data Admin', mask: 0b11 },
    ]);
    expect(accessProperties(access)).toEqual({
      admin: true,
      privileged: true,
      privileges: ['ModifyAllData', 'ViewAllData'],
      modifyAllDataGrantedBy: ['Profile: Sales', 'Permission Set: Data Admin'],
      viewAllDataGrantedBy: ['Permission Set: Data Admin'],
    });
  });
});

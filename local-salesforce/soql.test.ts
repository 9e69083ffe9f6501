import { ApiError } from './api-error';
import { parseSoql } from './soql';

function parseError(soql: string): ApiError {
  try {
    parseSoql(soql);
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error(`Expected ${soql} to fail`);
}

describe('parseSoql', () => {
  test('reads fields, object, conditions, order and limit', () => {
    const query = parseSoql(
      "SELECT Id, Name FROM User WHERE ProfileId IN ('00eA', '00eB') " +
        "AND ManagerId = null AND UserRoleId != null AND Name = 'O\\'Brien' " +
        'ORDER BY Name DESC LIMIT 5',
    );

    expect(query).toEqual({
      objectName: 'User',
      fields: ['Id', 'Name'],
      where: [
        { field: 'ProfileId', operator: 'IN', values: ['00eA', '00eB'] },
        { field: 'ManagerId', operator: '=', values: [null] },
        { field: 'UserRoleId', operator: '!=', values: [null] },
        { field: 'Name', operator: '=', values: ["O'Brien"] },
      ],
      orderBy: { field: 'Name', descending: true },
      limit: 5,
    });
  });

  test('matches keywords, objects and fields in any case', () => {
    const query = parseSoql(
      'select id, isactive from user where isactive = TRUE order by id',
    );

    expect(query.objectName).toBe('User');
    expect(query.fields).toEqual(['Id', 'IsActive']);
    expect(query.where).toEqual([
      { field: 'IsActive', operator: '=', values: [true] },
    ]);
    expect(query.orderBy).toEqual({ field: 'Id', descending: false });
  });

  test('accepts <> as not equal and spans lines', () => {
    const query = parseSoql("SELECT Id\nFROM Group\nWHERE Type <> 'Role'");

    expect(query.where).toEqual([
      { field: 'Type', operator: '!=', values: ['Role'] },
    ]);
  });

  test('reads the Organization object', () => {
    expect(parseSoql('SELECT Id, Name FROM Organization').objectName).toBe(
      'Organization',
    );
  });
});

describe('parseSoql errors', () => {
  test.each([
    'PermissionSet.NoSuchField',
    'NoSuchLookup.IsOwnedByProfile',
    'PermissionSet.Profile.Name',
  ])('names %s, a path it cannot follow, as an unknown field', (path) => {
    const error = parseError(
      `SELECT Id FROM PermissionSetAssignment WHERE ${path} = false`,
    );
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain(`No such column '${path}'`);
  });

  test('names an unknown field as Salesforce does', () => {
    const error = parseError('SELECT Id, Foo FROM User');

    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      '\nSELECT Id, Foo FROM User\n           ^\nERROR at Row:1:Column:12\n' +
        "No such column 'Foo' on entity 'User'. If you are attempting to " +
        "use a custom field, be sure to append the '__c' after the custom " +
        'field name. Please reference your WSDL or the describe call for ' +
        'the appropriate names.',
    );
  });

  test('checks fields in WHERE and ORDER BY too', () => {
    expect(parseError("SELECT Id FROM User WHERE Nope = 'x'").errorCode).toBe(
      'INVALID_FIELD',
    );
    expect(parseError('SELECT Id FROM User ORDER BY Nope').message).toMatch(
      /Column:30\nNo such column 'Nope' on entity 'User'/,
    );
  });

  test('names an unknown object', () => {
    const error = parseError('SELECT Id, Foo FROM Foo');

    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toMatch(
      /^\nSELECT Id, Foo FROM Foo\n {20}\^\nERROR at Row:1:Column:21\n/,
    );
    expect(error.message).toMatch(/sObject type 'Foo' is not supported\. /);
  });

  test.each([
    ['SELECT FROM User', "unexpected token: 'FROM'"],
    ['SELECT Id FROM User WHERE', "unexpected token: '<EOF>'"],
    ['SELECT Id FROM User WHERE Id > 5', "unexpected token: '>'"],
    ["SELECT Id FROM User WHERE Id IN 'a'", "unexpected token: 'a'"],
    [
      "SELECT Id FROM User WHERE Id = 'a' OR Id = 'b'",
      "unexpected token: 'OR'",
    ],
    ['SELECT Id FROM User LIMIT many', "unexpected token: 'many'"],
    ["SELECT Id FROM User WHERE Name = 'open", "unexpected token: ''open'"],
    ['SELECT Id, FROM User', "unexpected token: 'FROM'"],
    ['DELETE FROM User', "unexpected token: 'DELETE'"],
    ['', "unexpected token: '<EOF>'"],
  ])('reports %j as MALFORMED_QUERY', (soql, reason) => {
    const error = parseError(soql);

    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message.endsWith(`\n${reason}`)).toBe(true);
  });

  test('points at the row and column of a token on a later line', () => {
    const error = parseError('SELECT Id\nFROM User\nWHERE Id ~ 1');

    expect(error.message).toBe(
      '\nSELECT Id\nFROM User\nWHERE Id ~ 1\n         ^\n' +
        "ERROR at Row:3:Column:10\nunexpected token: '~'",
    );
  });
});

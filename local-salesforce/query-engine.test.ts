import { SObjectRecord } from './dataset';
import { selectRecords, toApiRecord } from './query-engine';
import { parseSoql } from './soql';

const users: SObjectRecord[] = [
  { Id: '005Do000000PVvJIAW', Name: 'Morgan Lee', ManagerId: null },
  { Id: '005Do000001WSt0IAG', Name: 'integration', ManagerId: null },
  {
    Id: '005Do000001WSt6IAG',
    Name: 'Security User',
    ManagerId: '005Do000000PVvJIAW',
  },
];

function select(soql: string): string[] {
  return selectRecords(users, parseSoql(soql)).map((user) => user.Id);
}

describe('selectRecords', () => {
  test('tests a condition through a lookup on the record looked up', () => {
    const permissionSets: SObjectRecord[] = [
      { Id: '0PSDo000000PukaOAC', IsOwnedByProfile: false },
      { Id: '0PSDo000000PukbOAC', IsOwnedByProfile: true },
    ];
    const assignments: SObjectRecord[] = [
      { Id: '0PaDo0000000001', PermissionSetId: '0PSDo000000PukaOAC' },
      { Id: '0PaDo0000000002', PermissionSetId: '0PSDo000000Pukb' },
      { Id: '0PaDo0000000003', PermissionSetId: '0PSDo000000PukzOAC' },
    ];
    const selected = selectRecords(
      assignments,
      parseSoql(
        'SELECT Id FROM PermissionSetAssignment WHERE PermissionSet.IsOwnedByProfile = false',
      ),
      (objectName) => (objectName === 'PermissionSet' ? permissionSets : []),
    );
    // The third looks up no record: its fields read as null, and null
    // matches false.
    expect(selected.map((row) => row.Id)).toEqual([
      '0PaDo0000000001',
      '0PaDo0000000003',
    ]);
  });

  test('keeps records whose field is in the IN list', () => {
    expect(
      select(
        "SELECT Id FROM User WHERE Id IN ('005Do000000PVvJIAW', '005Do000001WSt6IAG')",
      ),
    ).toEqual(['005Do000000PVvJIAW', '005Do000001WSt6IAG']);
  });

  test('matches ids by their 15-character form, case-sensitively', () => {
    expect(select("SELECT Id FROM User WHERE Id = '005Do000001WSt0'")).toEqual([
      '005Do000001WSt0IAG',
    ]);
    expect(select("SELECT Id FROM User WHERE Id = '005do000001wst0'")).toEqual(
      [],
    );
  });

  test('compares text case-insensitively', () => {
    expect(select("SELECT Id FROM User WHERE Name = 'INTEGRATION'")).toEqual([
      '005Do000001WSt0IAG',
    ]);
  });

  test('tests for null and not null', () => {
    expect(select('SELECT Id FROM User WHERE ManagerId = null')).toHaveLength(
      2,
    );
    expect(select('SELECT Id FROM User WHERE ManagerId != null')).toEqual([
      '005Do000001WSt6IAG',
    ]);
  });

  test('orders with nulls first ascending and applies the limit after', () => {
    expect(select('SELECT Id FROM User ORDER BY ManagerId LIMIT 2')).toEqual([
      '005Do000000PVvJIAW',
      '005Do000001WSt0IAG',
    ]);
    expect(select('SELECT Id FROM User ORDER BY Name DESC')).toEqual([
      '005Do000001WSt6IAG',
      '005Do000000PVvJIAW',
      '005Do000001WSt0IAG',
    ]);
  });
});

describe('toApiRecord', () => {
  test('returns attributes, then the selected fields in order', () => {
    const record = toApiRecord(
      users[2],
      'User',
      ['Name', 'Id', 'Email'],
      '58.0',
    );

    expect(Object.keys(record)).toEqual(['attributes', 'Name', 'Id', 'Email']);
    expect(record).toEqual({
      attributes: {
        type: 'User',
        url: '/services/data/v58.0/sobjects/User/005Do000001WSt6IAG',
      },
      Name: 'Security User',
      Id: '005Do000001WSt6IAG',
      Email: null,
    });
  });
});

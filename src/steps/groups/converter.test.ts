import { devOrgRecords } from '../../../test/devOrg';
import { GROUP_FIELDS, SalesforceGroup } from '../../salesforce/objects';
import { createGroupEntity, groupName, roleIdOfGroup } from './converter';

const INSTANCE_URL = 'https://example.my.salesforce.com';
const groups = devOrgRecords<SalesforceGroup>('Group', GROUP_FIELDS);

describe('createGroupEntity', () => {
  test('names role groups, whose Name is null, by DeveloperName', () => {
    const roleGroups = groups.filter((group) => group.Type === 'Role');
    expect(roleGroups).toHaveLength(19);
    for (const group of roleGroups) {
      expect(group.Name).toBeNull();
      const entity = createGroupEntity(group, INSTANCE_URL);
      expect(entity.name).toBe(group.DeveloperName);
      expect(entity.displayName).toBe(group.DeveloperName);
    }
  });

  test('converts every dev-org group', () => {
    const entities = groups.map((group) =>
      createGroupEntity(group, INSTANCE_URL),
    );
    expect(entities).toMatchGraphObjectSchema({ _class: ['Group'] });
    expect(
      entities.find((entity) => entity._key === '00GDo000000JMyqMAG'),
    ).toMatchObject({
      _type: 'salesforce_group',
      name: 'group1',
      type: 'Regular',
      relatedId: null,
    });
  });

  test('falls back to the Id when a group has no name at all', () => {
    expect(groupName({ ...groups[0], Name: null, DeveloperName: null })).toBe(
      groups[0].Id,
    );
  });
});

describe('roleIdOfGroup', () => {
  test.each([
    ['Role', '00EDo0000019yHaMAI'],
    ['RoleAndSubordinates', '00EDo0000019yHaMAI'],
    ['RoleAndSubordinatesInternal', '00EDo0000019yHaMAI'],
    ['Manager', null],
    ['Regular', null],
  ])('%s groups', (Type, roleId) => {
    expect(
      roleIdOfGroup({ ...groups[0], Type, RelatedId: '00EDo0000019yHaMAI' }),
    ).toBe(roleId);
  });
});

import { Entity } from '@jupiterone/integration-sdk-core';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';
import { Assignment, GroupAssignment, GroupGrant } from '../../access';
import { DataKeys } from '../../constants';
import { loadExecutionConfig } from '../../execution';
import { buildUserPermissionSetGroupRelationships } from '.';

test('an assignment that expired after the users step judged it is not expired on its relationship either', async () => {
  const judgedAt = Date.parse('2026-01-01T00:00:00Z');
  // Expired by now, but not when the users step counted its privileges.
  const assignment: Assignment = {
    targetId: '0PGDo0000000001',
    group: true,
    expiresOn: judgedAt + 60_000,
    active: true,
  };
  const group: GroupGrant = {
    path: 'Permission Set Group: Admins (Admins)',
    mask: 1,
    activationRequired: false,
    status: 'Updated',
  };
  const instanceConfig = {
    instanceUrl: 'https://example.my.salesforce.com',
    clientId: 'id',
    clientSecret: 'secret',
  };
  const entity = (_key: string, _type: string) =>
    ({ _key, _type, _class: ['Entity'] } as Entity);
  const context = createMockStepExecutionContext({
    instanceConfig,
    entities: [
      entity('005Do0000000001', 'salesforce_user'),
      entity('0PGDo0000000001', 'salesforce_permission_set_group'),
    ],
    setData: {
      [DataKeys.GROUP_ASSIGNMENTS]: [
        ['005Do0000000001', assignment],
      ] as GroupAssignment[],
      [DataKeys.PERMISSION_SET_GROUP_GRANTS]: { '0PGDo0000000001': group },
      [DataKeys.ASSIGNMENTS_JUDGED_AT]: judgedAt,
    },
  });

  await buildUserPermissionSetGroupRelationships({
    ...context,
    executionConfig: loadExecutionConfig({ config: instanceConfig }),
  });

  expect(context.jobState.collectedRelationships).toEqual([
    expect.objectContaining({ expired: false }),
  ]);
});

import { loadDevOrg, OrgDataset } from '../local-salesforce/dataset';
import { startLocalSalesforce } from '../local-salesforce/server';
import { Graph, runJ1ql } from '../scripts/lib/j1ql';
import { loadQuestions } from '../scripts/lib/questions';
import { localInstanceConfig } from './localOrg';
import { runIntegration } from './runIntegration';

/**
 * What the managed questions find in collected graphs, read with the J1QL
 * subset of scripts/lib/j1ql.ts (this project's reading of J1QL, not
 * JupiterOne's engine).
 */

const QUESTIONS = loadQuestions();

const ALL_QUERIES = QUESTIONS.flatMap(({ id, queries }) =>
  queries.map(({ name }) => [id, name] as const),
);

/** The queries the tests have run: the last test wants every one. */
const run = new Set<string>();

function queryText(questionId: string, queryName: string): string {
  const query = QUESTIONS.find(({ id }) => id === questionId)?.queries.find(
    ({ name }) => name === queryName,
  );
  if (!query) throw new Error(`no query "${queryName}" in ${questionId}`);
  run.add(`${questionId} / ${queryName}`);
  return query.query;
}

/** The values of one returned column, sorted. */
function ask(
  graph: Graph,
  questionId: string,
  queryName: string,
  column: string,
): unknown[] {
  return runJ1ql(queryText(questionId, queryName), graph)
    .map((row) => row[column])
    .sort();
}

async function collectGraph(dataset: OrgDataset): Promise<Graph> {
  const org = await startLocalSalesforce({ dataset });
  try {
    const run = await runIntegration(
      localInstanceConfig(org),
      {},
      { keepGraph: true },
    );
    return run.graph!;
  } finally {
    await org.close();
  }
}

describe('on the dev org', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await collectGraph(loadDevOrg());
  });

  // Who holds what in the dev org: local-salesforce/data/dev-org/README.md.
  test.each([
    [
      'integration-salesforce-modify-all-data',
      'Users who can modify all data',
      'u.displayName',
      ['Chatter Expert', 'Morgan Lee'],
    ],
    [
      'integration-salesforce-frozen-privileged-users',
      'Frozen privileged users',
      'u.displayName',
      ['Chatter Expert'],
    ],
    [
      'integration-salesforce-admins-without-mfa',
      'Admins without MFA',
      'u.displayName',
      ['Chatter Expert'],
    ],
    [
      'integration-salesforce-never-logged-in-with-permission-sets',
      'Never logged in, with permission sets',
      'p.displayName',
      ['Data Admin', 'Data Admin Group'],
    ],
    [
      'integration-salesforce-dormant-privileged-users',
      'Privileged users dormant for 90 days',
      'u.displayName',
      ['Morgan Lee'],
    ],
    [
      'integration-salesforce-policies-granting-modify-all-data',
      'Profiles granting Modify All Data',
      'p.displayName',
      ['System Administrator'],
    ],
    [
      'integration-salesforce-policies-granting-modify-all-data',
      'Permission sets granting Modify All Data',
      'p.displayName',
      ['Data Admin'],
    ],
    [
      'integration-salesforce-privileged-users',
      'Privileged users',
      'u.displayName',
      ['Chatter Expert', 'Integration User', 'Morgan Lee'],
    ],
    [
      'integration-salesforce-user-and-permission-managers',
      'User and permission managers',
      'u.displayName',
      ['Morgan Lee'],
    ],
    [
      'integration-salesforce-groups-with-privileged-members',
      'Groups with privileged members',
      'u.displayName',
      ['Integration User', 'Morgan Lee'],
    ],
    [
      'integration-salesforce-groups-with-privileged-members',
      'Groups with privileged members through a nested group',
      'u.displayName',
      ['Integration User', 'Morgan Lee'],
    ],
    [
      'integration-salesforce-groups-with-privileged-members',
      "Role groups of privileged users' roles",
      'g.displayName',
      ['CEOA', 'CEOD'],
    ],
    [
      'integration-salesforce-access-of-people',
      'Salesforce access by person',
      'p.email',
      ['morgan.lee@example.com'],
    ],
    [
      'integration-salesforce-access-paths-of-people',
      'Profile of each person',
      'f.displayName',
      ['System Administrator'],
    ],
    [
      'integration-salesforce-access-paths-of-people',
      'Permission sets and permission set groups of each person',
      's.displayName',
      ['Experience Profile Manager'],
    ],
    [
      'integration-salesforce-access-paths-of-people',
      'Groups each person is a member of',
      'g.displayName',
      ['group1'],
    ],
    [
      'integration-salesforce-access-paths-of-people',
      'Role and role groups of each person',
      'g.displayName',
      ['CEOA', 'CEOD'],
    ],
  ])('%s / %s: %s', (id, name, column, expected) => {
    expect(ask(graph, id, name, column)).toEqual(expected);
  });
});

test('a permission set group granting Modify All Data is listed, and its aggregate permission set is not', async () => {
  const dataset = loadDevOrg();
  const aggregate = dataset.PermissionSet.find(
    ({ Id }) => Id === '0PSDo000000PukiOAC',
  );
  aggregate!.PermissionsModifyAllData = true;
  const graph = await collectGraph(dataset);
  const question = 'integration-salesforce-policies-granting-modify-all-data';

  expect(
    ask(
      graph,
      question,
      'Permission set groups granting Modify All Data',
      'g.displayName',
    ),
  ).toEqual(['SubscriptionManagementBillingOperations']);
  expect(
    ask(
      graph,
      question,
      'Permission sets granting Modify All Data',
      'p.displayName',
    ),
  ).toEqual(['Data Admin']);
});

test('a public group holding a role group, or All Internal Users, is among the groups holding privileged users', async () => {
  const dataset = loadDevOrg();
  const groupHasGroup = '00GDo000000JMz0MAG';
  const group1 = '00GDo000000JMyqMAG';
  const ceoRoleGroup = '00GDo000000d92bMAA';
  const allInternalUsers = '00GDo000000d92aMAA';
  const member = (Id: string, GroupId: string, UserOrGroupId: string) => ({
    ...dataset.GroupMember[0],
    Id,
    GroupId,
    UserOrGroupId,
  });
  dataset.GroupMember.push(
    member('011Do000000DEW1IAO', groupHasGroup, ceoRoleGroup),
    member('011Do000000DEW2IAO', group1, allInternalUsers),
  );
  const graph = await collectGraph(dataset);
  const question = 'integration-salesforce-groups-with-privileged-members';

  expect(
    runJ1ql(
      queryText(
        question,
        'Groups with privileged members through a nested role group',
      ),
      graph,
    ),
  ).toEqual([
    {
      'g.displayName': 'groupHasGroup',
      'g.type': 'Regular',
      'n.displayName': 'CEOA',
      'r.displayName': 'CEO',
      'u.displayName': 'Morgan Lee',
    },
  ]);
  expect(
    ask(graph, question, 'Groups holding every internal user', 'g.displayName'),
  ).toEqual(['group1']);
  // group1 holds All Internal Users, not the other way round: only
  // groupHasGroup, once for each of group1's two privileged users.
  expect(
    ask(
      graph,
      question,
      'Groups with privileged members through a nested group',
      'g.displayName',
    ),
  ).toEqual(['groupHasGroup', 'groupHasGroup']);
});

test('an assignment expiring within 30 days is listed, one expired or further off is not', async () => {
  const dataset = loadDevOrg();
  const inTenDays = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
  const chatterExpertsDataAdmin = dataset.PermissionSetAssignment.find(
    ({ Id }) => Id === '0PaDoAS00000003KDA',
  );
  chatterExpertsDataAdmin!.ExpirationDate = inTenDays
    .toISOString()
    .replace('Z', '+0000');
  const graph = await collectGraph(dataset);

  expect(
    runJ1ql(
      queryText(
        'integration-salesforce-grants-expiring-soon',
        'Grants expiring within 30 days',
      ),
      graph,
    ).map((row) => [row['u.displayName'], row['p.displayName']]),
  ).toEqual([['Chatter Expert', 'Data Admin']]);
});

test('a deactivated user who keeps privileges is among the inactive privileged users', async () => {
  const dataset = loadDevOrg();
  // Security User's only assignment (User Manager) has expired.
  dataset.User = dataset.User.map((user) =>
    ['Integration User', 'Security User'].includes(String(user.Name))
      ? { ...user, IsActive: false }
      : user,
  );
  const graph = await collectGraph(dataset);

  expect(
    ask(
      graph,
      'integration-salesforce-inactive-privileged-users',
      'Inactive privileged users',
      'u.displayName',
    ),
  ).toEqual(['Integration User']);
  expect(
    ask(
      graph,
      'integration-salesforce-inactive-privileged-users',
      'Inactive users still assigned permission sets or groups',
      'p.displayName',
    ),
  ).toEqual(['Data Admin Group']);
});

test("an expired assignment is not among a person's permission sets", async () => {
  const dataset = loadDevOrg();
  const expiredUserManager = dataset.PermissionSetAssignment.find(
    ({ ExpirationDate }) => ExpirationDate === '2024-01-31T00:00:00.000+0000',
  );
  dataset.PermissionSetAssignment.push({
    ...expiredUserManager,
    Id: '0PaDoAS00000008KDA',
    AssigneeId: '005Do000000PVvJIAW', // Morgan Lee
  });
  const graph = await collectGraph(dataset);

  expect(
    ask(
      graph,
      'integration-salesforce-access-paths-of-people',
      'Permission sets and permission set groups of each person',
      's.displayName',
    ),
  ).toEqual(['Experience Profile Manager']);
});

test('guest and external users holding security permissions are called out; users who never sign in are left out of the MFA and never-logged-in questions', async () => {
  const dataset = loadDevOrg();
  const morgan = dataset.User.find(({ Name }) => Name === 'Morgan Lee')!;
  // A guest profile as orgs kept them before Salesforce's guest user
  // security policies: API access and every user in view.
  const legacyGuestProfile = {
    ...dataset.Profile.find(
      ({ Name }) => Name === 'Minimum Access - Salesforce',
    )!,
    Id: '00eDoGU00000001IAA',
    Name: 'Acme Site Profile',
    UserType: 'Guest',
    PermissionsApiEnabled: true,
    PermissionsViewAllUsers: true,
  };
  dataset.Profile.push(legacyGuestProfile);
  const outsider = (
    Id: string,
    Name: string,
    UserType: string,
    ProfileId: string,
  ) => ({
    ...morgan,
    Id,
    Name,
    UserType,
    ProfileId,
    Username: `${Id}@example.com`,
    Email: `${Id}@example.com`,
    UserRoleId: null,
    LastLoginDate: null,
  });
  const guest = '005DoGU00000001IAA';
  const partner = '005DoPP00000001IAA';
  const automatedProcess = '005Do000001WSt1IAG';
  dataset.User.push(
    outsider(guest, 'Acme Site Guest User', 'Guest', legacyGuestProfile.Id),
    outsider(partner, 'Partner Admin', 'PowerPartner', '00eDo000000gtbZIAQ'),
  );
  const assignment = (
    Id: string,
    AssigneeId: string,
    PermissionSetId: string,
  ) => ({
    ...dataset.PermissionSetAssignment[0],
    Id,
    AssigneeId,
    PermissionSetId,
  });
  const dataAdmin = '0PSDoDA00000001ODA';
  const experienceProfileManager = '0PSDo000000HgJJOA0';
  dataset.PermissionSetAssignment.push(
    // The site's guest access, granted through a permission set.
    assignment('0PaDoGU00000001KDA', guest, experienceProfileManager),
    // Licences refuse most such grants to outsiders: what an org kept, or
    // a licence allowed, is what the question is for.
    assignment('0PaDoPP00000001KDA', partner, dataAdmin),
    assignment('0PaDoAP00000001KDA', automatedProcess, dataAdmin),
  );
  const graph = await collectGraph(dataset);
  const outsiders = (queryName: string) =>
    runJ1ql(
      queryText('integration-salesforce-external-privileged-users', queryName),
      graph,
    ).map((row) => [row['u.displayName'], row['u.userType']]);

  expect(
    outsiders('Guest and external users with privileged permissions'),
  ).toEqual([['Partner Admin', 'PowerPartner']]);
  expect(
    outsiders(
      'Guest and external users with API access, setup or user visibility, report export or passwords that never expire',
    ),
  ).toEqual([['Acme Site Guest User', 'Guest']]);
  expect(
    ask(
      graph,
      'integration-salesforce-admins-without-mfa',
      'Admins without MFA',
      'u.displayName',
    ),
  ).toEqual(['Chatter Expert', 'Partner Admin']);
  expect(
    ask(
      graph,
      'integration-salesforce-never-logged-in-with-permission-sets',
      'Never logged in, with permission sets',
      'u.displayName',
    ),
  ).toEqual(['Chatter Expert', 'Integration User', 'Partner Admin']);
  expect(
    ask(
      graph,
      'integration-salesforce-modify-all-data',
      'Users who can modify all data',
      'u.userType',
    ),
  ).toEqual(['AutomatedProcess', 'CsnOnly', 'PowerPartner', 'Standard']);
});

// Last, so that the tests above have run their queries; run on its own
// (jest -t), it has nothing to check.
test('every managed query is pinned by a test above', () => {
  if (run.size === 0) return;
  const unpinned = ALL_QUERIES.filter(
    ([id, name]) => !run.has(`${id} / ${name}`),
  );
  expect(unpinned).toEqual([]);
});

import http from 'http';
import fetch from 'node-fetch';
import { OrgDataset } from '../../local-salesforce/dataset';
import {
  GROUP_FIELDS,
  GROUP_MEMBER_FIELDS,
  MUTING_PERMISSION_SET_FIELDS,
  ORGANIZATION_FIELDS,
  PERMISSION_SET_FIELDS,
  PERMISSION_SET_GROUP_COMPONENT_FIELDS,
  PERMISSION_SET_GROUP_FIELDS,
  PROFILE_FIELDS,
  USER_FIELDS,
  USER_ROLE_FIELDS,
} from '../../src/salesforce/objects';
import { selectRecords } from '../../local-salesforce/query-engine';
import { parseSoql } from '../../local-salesforce/soql';
import { buildSelect, Query } from '../../src/salesforce/soql';
import {
  ASSIGNMENTS_QUERY,
  FROZEN_USERS_QUERY,
  SECOND_FACTORS_QUERY,
} from '../../src/steps/earlyReads';

const PAGE_SIZE = 2000;
const API_VERSION = '59.0';

/**
 * The objects the integration reads, each with the objects it must be
 * fetched after: those whose entities its records are linked to (every
 * entity hangs off the account, the Organization), and for users, all
 * that decides their privileges. A user's assignments, second factors
 * and frozen login describe them too, but those can be read together with
 * the users, all sorted by user, so none waits for another. Group members are read while
 * the users are and held until the users are linked: they follow only the
 * groups.
 */
const FETCH_AFTER: Record<string, { query: Query; after: string[] }> = {
  Organization: { query: all('Organization', ORGANIZATION_FIELDS), after: [] },
  UserRole: {
    query: all('UserRole', USER_ROLE_FIELDS),
    after: ['Organization'],
  },
  Profile: { query: all('Profile', PROFILE_FIELDS), after: ['Organization'] },
  PermissionSet: {
    query: all('PermissionSet', PERMISSION_SET_FIELDS),
    after: ['Organization', 'Profile'],
  },
  PermissionSetGroup: {
    query: all('PermissionSetGroup', PERMISSION_SET_GROUP_FIELDS),
    after: ['Organization'],
  },
  MutingPermissionSet: {
    query: all('MutingPermissionSet', MUTING_PERMISSION_SET_FIELDS),
    after: [],
  },
  PermissionSetGroupComponent: {
    query: all(
      'PermissionSetGroupComponent',
      PERMISSION_SET_GROUP_COMPONENT_FIELDS,
    ),
    after: ['PermissionSetGroup', 'PermissionSet', 'MutingPermissionSet'],
  },
  // The integration's own query: profile-owned assignments stay on the server.
  PermissionSetAssignment: {
    query: ASSIGNMENTS_QUERY,
    after: ['PermissionSet'],
  },
  // The integration's own query: rows naming no user stay on the server.
  TwoFactorMethodsInfo: { query: SECOND_FACTORS_QUERY, after: [] },
  // The integration's own query: only the frozen users' rows.
  UserLogin: { query: FROZEN_USERS_QUERY, after: [] },
  Group: {
    query: all('Group', GROUP_FIELDS),
    after: ['Organization', 'UserRole'],
  },
  User: {
    query: all('User', USER_FIELDS),
    after: [
      'Organization',
      'UserRole',
      'Profile',
      'PermissionSetGroupComponent',
    ],
  },
  GroupMember: {
    query: all('GroupMember', GROUP_MEMBER_FIELDS),
    after: ['Group'],
  },
};

function all(object: string, fields: string[]): Query {
  return { object, fields };
}

/** One token request, and one request per page of every object. */
export function minimumApiCalls(dataset: OrgDataset): number {
  return Object.values(FETCH_AFTER).reduce(
    (calls, { query }) =>
      calls + Math.max(1, Math.ceil(rowsServed(dataset, query) / PAGE_SIZE)),
    1,
  );
}

/** How many rows the local org answers the query with. */
export function rowsServed(dataset: OrgDataset, query: Query): number {
  return selectRecords(
    dataset[query.object] ?? [],
    parseSoql(buildSelect(query)),
    (objectName) => dataset[objectName] ?? [],
  ).length;
}

interface Credentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The wall time to fetch every page of every object and nothing else: a
 * token, then each object's pages one after another (each page's URL comes
 * from the one before), each object as soon as those it must follow are
 * done. No client can collect the org faster than this.
 */
export async function measureLatencyFloor(
  instanceUrl: string,
  credentials: Credentials,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  const started = Date.now();
  const token = await requestToken(instanceUrl, credentials, agent);
  const done = new Map<string, Promise<void>>();
  const fetchObject = (object: string): Promise<void> => {
    if (!done.has(object)) {
      const { query, after } = FETCH_AFTER[object];
      done.set(
        object,
        Promise.all(after.map(fetchObject)).then(() =>
          fetchAllPages(instanceUrl, token, buildSelect(query), agent),
        ),
      );
    }
    return done.get(object)!;
  };
  await Promise.all(Object.keys(FETCH_AFTER).map(fetchObject));
  agent.destroy();
  return Date.now() - started;
}

async function requestToken(
  instanceUrl: string,
  { clientId, clientSecret }: Credentials,
  agent: http.Agent,
): Promise<string> {
  const response = await fetch(`${instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    agent,
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

async function fetchAllPages(
  instanceUrl: string,
  token: string,
  soql: string,
  agent: http.Agent,
): Promise<void> {
  let path:
    | string
    | undefined = `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(
    soql,
  )}`;
  while (path) {
    const response = await fetch(`${instanceUrl}${path}`, {
      agent,
      headers: {
        Authorization: `Bearer ${token}`,
        'Sforce-Query-Options': `batchSize=${PAGE_SIZE}`,
      },
    });
    const page = (await response.json()) as { nextRecordsUrl?: string };
    path = page.nextRecordsUrl;
  }
}

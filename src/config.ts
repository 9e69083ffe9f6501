import {
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

/**
 * The instance configuration as a JupiterOne user enters it. The SDK reads
 * each field from the environment in UPPER_SNAKE form (`instanceUrl` from
 * `INSTANCE_URL`) when running locally.
 */
export interface IntegrationConfig extends IntegrationInstanceConfig {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
  loginUrl?: string;
  apiVersion?: string;
  userRoleFilter?: string;
  userProfileFilter?: string;
}

export const instanceConfigFields: IntegrationInstanceConfigFieldMap<IntegrationConfig> =
  {
    instanceUrl: { type: 'string' },
    clientId: { type: 'string' },
    clientSecret: { type: 'string', mask: true },
    refreshToken: { type: 'string', mask: true, optional: true },
    loginUrl: { type: 'string', optional: true },
    apiVersion: { type: 'string', optional: true },
    userRoleFilter: { type: 'string', optional: true },
    userProfileFilter: { type: 'string', optional: true },
  };

export const DEFAULT_API_VERSION = '59.0';

/** Everything the Salesforce client needs, validated and normalised. */
export interface SalesforceSettings {
  instanceUrl: string;
  loginUrl: string;
  apiVersion: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
  userRoleIds: string[];
  userProfileIds: string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
const API_VERSION = /^\d{2,3}\.0$/;

/** https://, or http:// to a loopback host (the local org, a proxy). */
export function isAllowedUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

export function isSalesforceId(value: string): boolean {
  return SALESFORCE_ID.test(value);
}

/**
 * Validates the whole configuration at once, so that a user fixing it sees
 * every problem in one error rather than one per attempt.
 */
export function parseIntegrationConfig(
  config: IntegrationConfig,
): SalesforceSettings {
  const problems: string[] = [];
  const instanceUrl = parseUrl('instanceUrl', config.instanceUrl, problems);
  const loginUrl = config.loginUrl?.trim()
    ? parseUrl('loginUrl', config.loginUrl, problems)
    : instanceUrl;
  const apiVersion = parseApiVersion(config.apiVersion, problems);
  const clientId = requireText('clientId', config.clientId, problems);
  const clientSecret = requireText(
    'clientSecret',
    config.clientSecret,
    problems,
  );
  const refreshToken = config.refreshToken?.trim() || undefined;
  const userRoleIds = parseIdList(
    config.userRoleFilter,
    ROLE_FILTER,
    PROFILE_FILTER,
    problems,
  );
  const userProfileIds = parseIdList(
    config.userProfileFilter,
    PROFILE_FILTER,
    ROLE_FILTER,
    problems,
  );

  if (problems.length > 0) {
    throw new IntegrationValidationError(
      `Invalid configuration: ${problems.join('; ')}`,
    );
  }
  return {
    instanceUrl,
    loginUrl,
    apiVersion,
    clientId,
    clientSecret,
    refreshToken,
    userRoleIds,
    userProfileIds,
  };
}

/** Users outside the role and profile filters are left out on purpose. */
export function filtersUsers(settings: SalesforceSettings): boolean {
  return settings.userRoleIds.length > 0 || settings.userProfileIds.length > 0;
}

function requireText(
  field: string,
  value: string | undefined,
  problems: string[],
): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    problems.push(`${field} is required`);
  }
  return trimmed;
}

function parseUrl(
  field: string,
  value: string | undefined,
  problems: string[],
): string {
  const text = requireText(field, value, problems);
  if (!text) {
    return text;
  }
  if (text.includes('@')) {
    // Not echoed: what comes before the "@" may be a password.
    problems.push(
      `${field} ${atSignProblem(
        text,
      )}: give the org's URL alone, such as https://name.my.salesforce.com`,
    );
    return text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${field} "${text}" is not a URL${schemeHint(text)}`);
    return text;
  }
  const myDomain = myDomainUrlOf(url.hostname);
  if (myDomain) {
    problems.push(
      `${field} "${text}" is the address of ${myDomain.pages} pages, not of the API: use the org's My Domain URL, ${myDomain.url}`,
    );
  } else if (!isAllowedUrl(url)) {
    problems.push(
      `${field} "${text}" must use https:// (http:// is allowed only for 127.0.0.1, localhost or [::1])`,
    );
  } else if (url.hostname === EXAMPLE_HOST) {
    problems.push(
      `${field} "${text}" is the placeholder from .env.example: set it to your org's My Domain URL`,
    );
  }
  // A page of the org pasted whole names its instance: only the origin
  // counts.
  return url.origin;
}

/**
 * An "@" before the path makes what comes before it a user name and
 * password, and hides the host the URL parser takes
 * (`https://acme.my.salesforce.com@elsewhere` goes to `elsewhere`, and so
 * do spellings with one slash); after it (a pasted search page, or a
 * backslash URL parsers read as a slash), the host is named so that it can
 * be checked. Refused either way: no URL the integration needs has one.
 */
function atSignProblem(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'has an "@"';
  }
  return authorityOf(text).includes('@')
    ? `has an "@" before its host, which would send the credentials to ${url.host}`
    : `has an "@" after its host, ${url.host}`;
}

/**
 * What a URL parser reads as the user and host: the text after the scheme
 * and its slashes (either way round, with tabs and line breaks dropped, as
 * URL parsers do) up to the path, query or fragment.
 */
function authorityOf(text: string): string {
  return text
    .replace(/[\t\n\r]/g, '')
    .replace(/^[a-z][a-z0-9+.-]*:[\\/]*/i, '')
    .split(/[/?#\\]/)[0];
}

/** `name.my.salesforce.com` and the like, pasted without `https://`. */
const HOST_WITHOUT_SCHEME = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** The placeholder .env.example ships, which must not receive the secret. */
const EXAMPLE_HOST = 'your-domain.my.salesforce.com';

/**
 * Hosts a browser shows for an org's pages, with no API: Lightning
 * Experience's (`name.lightning.force.com`) and Setup's
 * (`name.my.salesforce-setup.com`). Each names the My Domain host the API
 * answers on.
 */
const PAGE_DOMAINS = [
  {
    suffix: '.lightning.force.com',
    pages: 'Lightning Experience',
    myDomain: '.my.salesforce.com',
  },
  {
    suffix: '.salesforce-setup.com',
    pages: 'Setup',
    myDomain: '.salesforce.com',
  },
];

function myDomainUrlOf(
  hostname: string,
): { pages: string; url: string } | undefined {
  const page = PAGE_DOMAINS.find(({ suffix }) => hostname.endsWith(suffix));
  if (!page) return undefined;
  const name = hostname.slice(0, -page.suffix.length);
  return { pages: page.pages, url: `https://${name}${page.myDomain}` };
}

/** What to suggest for a host pasted without `https://`. */
function schemeHint(text: string): string {
  if (!HOST_WITHOUT_SCHEME.test(text)) return '';
  const myDomain = myDomainUrlOf(new URL(`https://${text}`).hostname);
  return ` (did you mean ${myDomain?.url ?? `https://${text}`}?)`;
}

/**
 * The oldest version whose documentation lists every field the queries
 * read (TwoFactorMethodsInfo.HasSecurityKey is the newest of them); an
 * older one would fail a query on a field it lacks.
 */
export const OLDEST_API_VERSION = '56.0';

function parseApiVersion(value: string | undefined, problems: string[]) {
  const version = value?.trim().replace(/^v/i, '') || DEFAULT_API_VERSION;
  if (!API_VERSION.test(version)) {
    problems.push(
      `apiVersion "${value}" must look like "${DEFAULT_API_VERSION}"`,
    );
  } else if (parseFloat(version) < parseFloat(OLDEST_API_VERSION)) {
    problems.push(
      `apiVersion "${value}" is older than ${OLDEST_API_VERSION}, the first with every field this integration reads; leave it unset for ${DEFAULT_API_VERSION}`,
    );
  }
  return version;
}

/**
 * Filter ids go into the query string of a GET request, which Salesforce
 * refuses past about 16 KB.
 */
const MAX_FILTER_IDS = 300;

interface FilterField {
  field: string;
  /** The key prefix of the object's ids. */
  prefix: string;
  object: string;
}

const ROLE_FILTER: FilterField = {
  field: 'userRoleFilter',
  prefix: '00E',
  object: 'UserRole',
};
const PROFILE_FILTER: FilterField = {
  field: 'userProfileFilter',
  prefix: '00e',
  object: 'Profile',
};

/**
 * Accepts one id, ids separated by commas (or semicolons, tabs or line
 * breaks, as spreadsheets copy them) or a JSON array of ids, as the public
 * Salesforce integration did. Ids end up in SOQL, so anything that is not a
 * Salesforce id of the right object is rejected here: a filter that matched
 * nobody would make JupiterOne delete every user.
 */
function parseIdList(
  value: string | undefined,
  { field, prefix, object }: FilterField,
  other: FilterField,
  problems: string[],
): string[] {
  const text = value?.trim();
  if (!text) {
    return [];
  }
  const values = text.startsWith('[')
    ? parseJsonArray(field, text, problems)
    : text.split(/[,;\t\r\n]/);
  const ids = values.map((id) => String(id).trim()).filter(Boolean);
  for (const id of ids) {
    if (!isSalesforceId(id)) {
      const separated = id.split(/\s+/).every(isSalesforceId);
      problems.push(
        `${field} value "${id}" is not a Salesforce id (15 or 18 letters and digits)${
          separated ? '; separate ids with commas' : ''
        }`,
      );
    } else if (id.startsWith(other.prefix)) {
      problems.push(
        `${field} value "${id}" is a ${other.object} id (${other.prefix}…), not a ${object} id (${prefix}…): put it in ${other.field}`,
      );
    } else if (!id.startsWith(prefix)) {
      problems.push(
        `${field} value "${id}" is not a ${object} id (those start with ${prefix})`,
      );
    }
  }
  if (ids.length > MAX_FILTER_IDS) {
    problems.push(
      `${field} has ${ids.length} ids; at most ${MAX_FILTER_IDS} fit in a query`,
    );
  }
  return ids;
}

function parseJsonArray(
  field: string,
  text: string,
  problems: string[],
): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) {
      return parsed;
    }
  } catch {
    // reported below
  }
  problems.push(`${field} "${text}" is not a JSON array of ids`);
  return [];
}

import { createHmac, randomBytes } from 'crypto';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Obviously fake credentials the local org accepts unless told otherwise. */
export const DEV_CREDENTIALS: ClientCredentials = {
  clientId: 'local-salesforce-client-id',
  clientSecret: 'local-salesforce-client-secret',
  refreshToken: 'local-salesforce-refresh-token',
};

export interface TokenResponse {
  access_token: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: 'Bearer';
  issued_at: string;
}

/** An OAuth failure, answered with status 400 and this body. */
export class OAuthError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(description);
    this.name = 'OAuthError';
  }

  toBody() {
    return { error: this.error, error_description: this.description };
  }
}

export interface OrgIdentity {
  instanceUrl: string;
  orgId: string;
  /** The user every issued token acts as. */
  userId: string;
}

/**
 * The token endpoint's rules for the client credentials and refresh token
 * flows, and the access tokens it has issued.
 */
export class TokenIssuer {
  private readonly sessions = new Set<string>();
  /** Every access token ever issued, expired ones included. */
  readonly issued: string[] = [];

  constructor(
    private credentials: ClientCredentials,
    private readonly identity: OrgIdentity,
  ) {}

  grant(form: URLSearchParams, authorization?: string): TokenResponse {
    const basic = parseBasicAuthorization(authorization);
    const clientId = form.get('client_id') ?? basic?.clientId;
    const clientSecret = form.get('client_secret') ?? basic?.clientSecret;
    const grantType = form.get('grant_type');
    if (grantType === 'client_credentials') {
      this.checkClient(clientId, clientSecret ?? '');
    } else if (grantType === 'refresh_token') {
      this.checkClient(clientId, clientSecret);
      this.checkRefreshToken(form.get('refresh_token'));
    } else {
      throw new OAuthError(
        'unsupported_grant_type',
        'grant type not supported',
      );
    }
    return this.issue();
  }

  isValid(accessToken: string): boolean {
    return this.sessions.has(accessToken);
  }

  expireAll(): void {
    this.sessions.clear();
  }

  /** Issues a new refresh token and revokes the old one, as rotation does. */
  rotateRefreshToken(): string {
    const refreshToken = `${
      this.credentials.refreshToken.split('~')[0]
    }~${randomBytes(6).toString('hex')}`;
    this.credentials = { ...this.credentials, refreshToken };
    return refreshToken;
  }

  /** A refresh may omit the secret; a secret that is sent must be right. */
  private checkClient(
    clientId: string | null | undefined,
    clientSecret: string | null | undefined,
  ): void {
    if (clientId !== this.credentials.clientId) {
      throw new OAuthError('invalid_client_id', 'client identifier invalid');
    }
    if (
      clientSecret !== undefined &&
      clientSecret !== null &&
      clientSecret !== this.credentials.clientSecret
    ) {
      throw new OAuthError('invalid_client', 'invalid client credentials');
    }
  }

  private checkRefreshToken(refreshToken: string | null): void {
    if (refreshToken !== this.credentials.refreshToken) {
      throw new OAuthError('invalid_grant', 'expired access/refresh token');
    }
  }

  private issue(): TokenResponse {
    const { instanceUrl, orgId, userId } = this.identity;
    const accessToken = newAccessToken(orgId);
    this.sessions.add(accessToken);
    this.issued.push(accessToken);
    const id = `${instanceUrl}/id/${orgId}/${userId}`;
    const issuedAt = String(Date.now());
    return {
      access_token: accessToken,
      signature: sign(id, issuedAt, this.credentials.clientSecret),
      scope: 'api',
      instance_url: instanceUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  }
}

/** Salesforce session ids start with the 15-character org id and `!`. */
function newAccessToken(orgId: string): string {
  const secret = randomBytes(81)
    .toString('base64')
    .replace(/\+/g, '.')
    .replace(/\//g, '_');
  return `${orgId.slice(0, 15)}!AQ${secret}`;
}

/** As Salesforce signs: HMAC-SHA256 of id and issued_at, keyed by the secret. */
function sign(id: string, issuedAt: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret)
    .update(id + issuedAt)
    .digest('base64');
}

function parseBasicAuthorization(header: string | undefined) {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) {
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) {
    return undefined;
  }
  return {
    clientId: safeDecode(decoded.slice(0, separator)),
    clientSecret: safeDecode(decoded.slice(separator + 1)),
  };
}

/** RFC 6749 form-encodes Basic credentials before base64; most clients don't. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/*
 * The parts of Sanity's platform the Studio asks about besides content (../shared/STUDIO-API.md
 * §3.1): who is logged in, the project, its grants and dataset ACL, features, user settings,
 * telemetry. The local lake has one editor, a local administrator, and no cloud features: each
 * answer is the one that makes the Studio show exactly that, and no error screen.
 */

export const LOCAL_USER_ID = 'p-local';

export const localUser = {
  id: LOCAL_USER_ID,
  name: 'Local Editor',
  email: 'editor@localhost',
  profileImage: null,
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator', description: 'Everything, on this machine' }],
  provider: 'local',
};

type Answer = { status: number; body: unknown };
const ok = (body: unknown): Answer => ({ status: 200, body });

const keyValues = new Map<string, unknown>();

/** `path` is without the `/v<version>` prefix. Undefined: not a platform route. */
export function platformAnswer(method: string, path: string, body: unknown, projectId: string, dataset: string): Answer | undefined {
  const project = /^\/projects\/([^/]+)(\/.*)?$/.exec(path);
  if (project) return projectAnswer(project[2] ?? '', projectId, dataset);
  if (path === '/users/me') return ok(localUser);
  if (path === '/users/me/keyvalue' && method === 'PUT') {
    const pairs = Array.isArray(body) ? (body as { key: string; value: unknown }[]) : [];
    for (const pair of pairs) keyValues.set(pair.key, pair.value);
    return ok(pairs);
  }
  const keys = /^\/users\/me\/keyvalue\/(.+)$/.exec(path);
  if (keys)
    return ok(
      decodeURIComponent(keys[1]!)
        .split(',')
        .map((key) => ({ key, value: keyValues.get(key) ?? null })),
    );
  const users = /^\/users\/([^/]+)$/.exec(path);
  if (users) {
    return ok(
      decodeURIComponent(users[1]!)
        .split(',')
        .map((id) => ({ id, displayName: id === LOCAL_USER_ID ? localUser.name : id, imageUrl: null })),
    );
  }
  switch (path) {
    case '/auth/id':
      return ok({ id: LOCAL_USER_ID });
    case '/auth/providers':
      return ok({ thirdPartyLogin: false, sso: { saml: false }, providers: [] });
    case '/auth/logout':
      return ok({});
    case '/check/cors':
      return ok({ result: { allowed: true, withCredentials: true } });
    case '/features':
      return ok([]);
    case '/ping':
      return ok('PONG');
    case '/geoip/country':
      return ok({ isoCode: null });
    case '/intake/telemetry-status':
      return ok({ status: 'denied' });
    case '/intake/batch':
      return ok({});
    case '/help':
      return ok({});
    case '/access/requests/me':
      return ok([]);
    case '/journey/announcements':
      return ok([]);
  }
  // Plan limits, trials and upsell banners: none on a local lake.
  if (path.startsWith('/journey/')) return ok({});
  if (/^\/(subscriptions|schedules|user-applications)\//.test(path)) return ok([]);
  if (/^\/data\/ping\//.test(path)) return ok({ ok: true });
  return undefined;
}

function projectAnswer(rest: string, projectId: string, dataset: string): Answer {
  switch (rest) {
    case '':
      return ok({
        id: projectId,
        displayName: 'NextMinuteNews (local)',
        studioHost: null,
        organizationId: null,
        isBlocked: false,
        isDisabled: false,
        isDisabledByUser: false,
        metadata: {},
        members: [{ id: LOCAL_USER_ID, isCurrentUser: true, isRobot: false, role: 'administrator', roles: localUser.roles }],
        features: [],
        pendingInvites: 0,
      });
    case '/grants':
      // No deployStudio grant: the Studio then makes no schema upload or manifest calls.
      return ok({});
    case `/datasets/${dataset}/acl`:
      return ok([{ filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history', 'editHistory'] }]);
    case '/datasets':
      return ok([{ name: dataset, aclMode: 'public' }]);
    case '/roles':
      return ok(localUser.roles);
    case '/features':
      return ok([]);
    default:
      return ok(rest.includes('user-applications') || rest.includes('new-content-release') ? [] : {});
  }
}

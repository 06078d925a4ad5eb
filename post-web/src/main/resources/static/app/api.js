// The app's two ways out: commands go to this app's own server (/cmd/...), which relays them to post-cmd
// with the user's token (the browser never sees a token); reads go straight to post-query, which is public.

let queryUrl = '';

export function configure(settings) {
  queryUrl = settings.queryUrl;
}

export function streamUrl() {
  return `${queryUrl}/api/v1/posts/stream`;
}

/** An answer that is not a success, with a sentence for a person. */
export class Problem extends Error {
  constructor(status, sentence, fields = {}, retryAfter = null, body = null) {
    super(sentence);
    this.status = status;
    this.fields = fields;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** GET /me: the user, or null when nobody is logged in. */
export async function whoAmI() {
  const response = await fetch('/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) return null;
  if (!response.ok) throw await problemOf(response, 'Your login could not be checked.');
  return response.json();
}

export async function settings() {
  const response = await fetch('/config.json', { credentials: 'same-origin' });
  if (!response.ok) throw await problemOf(response, 'The app could not load its settings.');
  return response.json();
}

/** Logs out here and at the identity provider: the server says where to go for the latter. */
export async function logOut() {
  const response = await fetch('/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
  });
  if (!response.ok) throw await problemOf(response, 'You could not be logged out.');
  const answer = await response.json();
  window.location.assign(answer.redirect || '/');
}

/**
 * A command: method and path under /api/v1/posts, an optional JSON body, an optional version for
 * If-Match. Resolves to {body, version}; rejects with a Problem.
 */
export async function command(method, path, body, ifMatchVersion) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatchVersion !== undefined) headers['If-Match'] = `"${ifMatchVersion}"`;
  let response;
  try {
    response = await fetch(`/cmd/api/v1/posts${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (networkError) {
    throw new Problem(0, 'The app cannot reach its server: check your connection and try again.');
  }
  if (!response.ok) throw await problemOf(response);
  const answer = await response.json();
  return { body: answer, version: answer.version };
}

/** A post as the read model has it; with minVersion, once it has applied at least that version. */
export async function post(id, minVersion) {
  const query = minVersion ? `?minVersion=${encodeURIComponent(minVersion)}` : '';
  return read(`/api/v1/posts/${encodeURIComponent(id)}${query}`);
}

/** A page of posts, newest first, with the filters. */
export async function posts({ page = 0, size = 10, author = '', withComments = false, minLikes = 0 }) {
  const query = new URLSearchParams({ page: String(page), size: String(size) });
  if (author) query.set('author', author);
  if (withComments) query.set('withComments', 'true');
  if (minLikes > 0) query.set('minLikes', String(minLikes));
  return read(`/api/v1/posts?${query}`);
}

async function read(path) {
  let response;
  try {
    response = await fetch(`${queryUrl}${path}`, { headers: { Accept: 'application/json' } });
  } catch (networkError) {
    throw new Problem(0, 'Posts cannot be read right now.');
  }
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

function seconds(response) {
  const value = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

const FIELD_NAMES = { message: 'The post', comment: 'The comment', author: 'The author', username: 'The user name' };

/** RFC 9457 problem details to a sentence a person reads, and the sentences per field. */
export async function problemOf(response, fallback) {
  let body = null;
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) body = await response.json();
  } catch (unreadable) {
    body = null;
  }
  const retryAfter = seconds(response);
  const fields = {};
  for (const error of (body && Array.isArray(body.errors) ? body.errors : [])) {
    if (error && error.field) fields[error.field] = `${FIELD_NAMES[error.field] || error.field} ${error.message}.`;
  }
  const detail = body && typeof body.detail === 'string' ? body.detail : '';
  const problem = new Problem(response.status, sentence(response.status, detail, fields, retryAfter, fallback), fields,
    retryAfter, body);
  // A 412 names the post's current version in its ETag: the version to read before trying again.
  const etag = Number.parseInt((response.headers.get('ETag') || '').replace(/\D/g, ''), 10);
  problem.currentVersion = Number.isFinite(etag) ? etag : null;
  return problem;
}

function sentence(status, detail, fields, retryAfter, fallback) {
  const wait = retryAfter === null ? 'in a few seconds' : `in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`;
  switch (status) {
    case 400: {
      const named = Object.values(fields);
      return named.length ? named.join(' ') : (detail || 'The request was not understood.');
    }
    case 401: return 'You are not logged in, or your login has expired: log in again.';
    case 403: return detail || 'You may not do this.';
    case 404: return 'This post or comment no longer exists.';
    case 410: return 'This post has been deleted.';
    case 412: return 'This post was changed by someone else in the meantime.';
    case 413: return 'The text is too long.';
    case 415: return 'The request was not understood.';
    case 429: return `You are making changes too quickly: try again ${wait}.`;
    case 503: return `The service is busy or cannot be reached: try again ${wait}.`;
    default: return detail || fallback || `Something went wrong (${status || 'no answer'}): try again.`;
  }
}

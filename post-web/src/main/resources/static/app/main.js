// The social app: the feed, the filters, the user's changes and the live updates from post-query.
import * as api from './api.js';
import { h, fill, uid, submitOnCtrlEnter } from './dom.js';
import { PostView } from './post-view.js';

const PAGE_SIZE = 10;
/** How often a read that the read model has not caught up with is tried again. */
const CATCH_UP_TRIES = 5;

const state = {
  me: null,
  posts: new Map(), // id → the newest version of the post seen
  views: new Map(), // id → PostView, for the posts on screen
  removed: new Set(), // ids of posts known to be deleted: a stale page must not bring them back
  liked: new Set(), // ids the user liked in this page (the read model does not say who liked)
  filters: { author: '', withComments: false, minLikes: 0 },
  page: -1,
  totalPages: 0,
  generation: 0, // bumped when the filters change: answers for older filters are dropped
};

const ui = {};
const context = { me: () => state.me, liked: state.liked, actions: {} };

// --- Showing posts ---------------------------------------------------------------------------------

/**
 * The one way a post reaches the screen: never older than what is shown (answers cross on the way,
 * and the read model may be behind the command's answer), never one known to be deleted.
 */
function accept(post) {
  if (state.removed.has(post.id)) return false;
  const current = state.posts.get(post.id);
  if (current && post.version < current.version) return false;
  state.posts.set(post.id, post);
  const view = state.views.get(post.id);
  if (view) view.update(post);
  return true;
}

function show(post, { atTop }) {
  if (!accept(post) && !state.posts.has(post.id)) return;
  if (state.views.has(post.id)) return;
  const view = new PostView(state.posts.get(post.id), context);
  state.views.set(post.id, view);
  if (atTop) ui.feed.prepend(view.article); else ui.feed.append(view.article);
  updateEmptyNote();
}

function removePost(id) {
  state.removed.add(id);
  state.posts.delete(id);
  const view = state.views.get(id);
  if (!view) return;
  const next = view.focusAfterRemoval();
  const hadFocus = view.article.contains(document.activeElement);
  view.article.remove();
  state.views.delete(id);
  if (hadFocus && next) next.querySelector('button')?.focus();
  updateEmptyNote();
}

/** The command's answer, at once: the post as it is at that version, from what the user just did. */
function applyLocally(id, version, change) {
  const current = state.posts.get(id);
  if (!current || version <= current.version) return;
  const changed = change(structuredClone(current));
  changed.version = version;
  accept(changed);
}

/** Reads the post once the read model has applied `version`, waiting for it while it lags. */
async function catchUp(id, version) {
  for (let attempt = 1; attempt <= CATCH_UP_TRIES; attempt += 1) {
    try {
      const post = await api.post(id, version);
      accept(post);
      feedIsBehind(false);
      return;
    } catch (problem) {
      if (problem.status === 404) { removePost(id); return; }
      feedIsBehind(true);
      await pause(Math.min((problem.retryAfter || 1) * 1000, 5000));
    }
  }
}

function pause(millis) {
  return new Promise((resolve) => { setTimeout(resolve, millis); });
}

function feedIsBehind(behind) {
  ui.behind.hidden = !behind;
}

function updateEmptyNote() {
  ui.empty.hidden = state.views.size > 0 || state.page < 0;
}

// --- The feed and its filters -----------------------------------------------------------------------

function unfiltered() {
  const { author, withComments, minLikes } = state.filters;
  return !author && !withComments && !minLikes;
}

async function loadPage(page, generation) {
  ui.feed.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.posts({ page, size: PAGE_SIZE, ...state.filters });
    if (generation !== state.generation) return;
    for (const post of answer.content) show(post, { atTop: false });
    state.page = answer.page.number;
    state.totalPages = answer.page.totalPages;
    feedIsBehind(false);
  } catch (problem) {
    if (generation !== state.generation) return;
    feedIsBehind(true);
    say(problem.message);
  } finally {
    ui.feed.setAttribute('aria-busy', 'false');
    ui.loadMore.hidden = state.page + 1 >= state.totalPages;
    updateEmptyNote();
  }
}

/** A new feed for new filters. */
function reload() {
  state.generation += 1;
  for (const [id, view] of state.views) { view.article.remove(); state.views.delete(id); }
  state.page = -1;
  state.totalPages = 0;
  return loadPage(0, state.generation);
}

/** The stream cannot vouch that nothing was missed: read again every page shown, in place. */
async function refetchShown() {
  const generation = state.generation;
  const pages = Math.max(state.page + 1, 1);
  try {
    const seen = new Set();
    for (let page = 0; page < pages; page += 1) {
      const answer = await api.posts({ page, size: PAGE_SIZE, ...state.filters });
      if (generation !== state.generation) return;
      for (const post of answer.content) { seen.add(post.id); show(post, { atTop: false }); }
      state.totalPages = answer.page.totalPages;
    }
    // Shown posts that no page holds any more: read each, which also tells whether it was deleted. At
    // least the version shown: a post the read model has not applied yet is not a deleted one.
    for (const id of [...state.views.keys()]) {
      if (!seen.has(id)) {
        const shown = state.posts.get(id);
        try { accept(await api.post(id, shown && shown.version)); } catch (problem) { if (problem.status === 404) removePost(id); }
      }
    }
    feedIsBehind(false);
  } catch (problem) {
    feedIsBehind(true);
  }
}

function readFilters() {
  const minLikes = Number.parseInt(ui.minLikes.value, 10);
  state.filters = {
    author: ui.author.value.trim(),
    withComments: ui.withComments.checked,
    minLikes: Number.isFinite(minLikes) && minLikes > 0 ? minLikes : 0,
  };
}

let filterTimer = null;
function filtersChanged() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => { readFilters(); reload(); }, 250);
}

context.actions.filterByAuthor = (author) => {
  ui.author.value = author;
  readFilters();
  reload();
  say(`Showing the posts of ${author}.`);
};

// --- The user's changes -----------------------------------------------------------------------------

function say(sentence) {
  fill(ui.status, sentence);
}

/** What a refused change means for the screen, besides the sentence next to the action. */
function afterProblem(problem, view, aboutAComment = false) {
  if (problem.status === 401) { state.me = null; renderSession(); }
  if (!view) return;
  if (problem.status === 410 || (problem.status === 404 && !aboutAComment)) removePost(view.id);
  // A comment that is gone: show the post as it is now.
  else if (problem.status === 404) showNewer(view);
}

async function createPost() {
  const message = ui.newPost.value;
  fill(ui.newPostError, '');
  if (!message.trim()) { fill(ui.newPostError, 'Write something first.'); ui.newPost.focus(); return; }
  ui.postButton.disabled = true;
  try {
    const { body, version } = await api.command('POST', '', { message });
    ui.newPost.value = '';
    show({ id: body.id, author: state.me.username, message, datePosted: new Date().toISOString(), likes: 0, version,
      comments: [] }, { atTop: true });
    say('Posted.');
    catchUp(body.id, version);
  } catch (problem) {
    fill(ui.newPostError, problem.fields.message || problem.message);
    afterProblem(problem, null);
  } finally {
    ui.postButton.disabled = false;
  }
}

context.actions.like = async (view) => {
  fill(view.error, '');
  try {
    const { version } = await api.command('POST', `/${view.id}/likes`, {});
    state.liked.add(view.id);
    applyLocally(view.id, version, (post) => ({ ...post, likes: post.likes + 1 }));
    view.update(state.posts.get(view.id));
    say('Liked.');
    catchUp(view.id, version);
  } catch (problem) {
    if (problem.status === 409) {
      // Already liked by this user: a like is once per user.
      state.liked.add(view.id);
      view.update(state.posts.get(view.id));
      return;
    }
    fill(view.error, problem.message);
    afterProblem(problem, view);
  }
};

context.actions.deletePost = async (view) => {
  fill(view.error, '');
  try {
    await api.command('DELETE', `/${view.id}`);
    removePost(view.id);
    say('Post deleted.');
  } catch (problem) {
    fill(view.error, problem.message);
    afterProblem(problem, view);
  }
};

context.actions.editPost = async (view, message, baseVersion) => {
  fill(view.editorError, '');
  if (!message.trim()) { fill(view.editorError, 'The post cannot be empty.'); return; }
  try {
    const { version } = await api.command('PUT', `/${view.id}/message`, { message }, baseVersion);
    view.stopEditing();
    applyLocally(view.id, version, (post) => ({ ...post, message }));
    say('Saved.');
    catchUp(view.id, version);
  } catch (problem) {
    if (problem.status === 412) {
      await showNewer(view, problem.currentVersion);
      view.showConflict();
      return;
    }
    fill(view.editorError, problem.fields.message || problem.message);
    afterProblem(problem, view);
  }
};

/** After a 412: the post as it is now, at least as new as what was shown. */
async function showNewer(view, currentVersion) {
  try {
    accept(await api.post(view.id, currentVersion || view.post.version));
  } catch (problem) {
    if (problem.status === 404) removePost(view.id);
  }
}

context.actions.comment = async (view) => {
  const comment = view.newCommentText.value;
  fill(view.newCommentError, '');
  if (!comment.trim()) { fill(view.newCommentError, 'Write a comment first.'); view.newCommentText.focus(); return; }
  try {
    const { body, version } = await api.command('POST', `/${view.id}/comments`, { comment });
    view.newCommentText.value = '';
    applyLocally(view.id, version, (post) => ({ ...post, comments: [...post.comments,
      { id: body.commentId, username: state.me.username, comment, commentDate: new Date().toISOString(), edited: false }] }));
    say('Comment added.');
    catchUp(view.id, version);
  } catch (problem) {
    fill(view.newCommentError, problem.fields.comment || problem.message);
    afterProblem(problem, view);
  }
};

context.actions.editComment = async (view, commentView, comment, baseVersion) => {
  fill(commentView.error, '');
  if (!comment.trim()) { fill(commentView.error, 'The comment cannot be empty.'); return; }
  const commentId = commentView.comment.id;
  try {
    const { version } = await api.command('PUT', `/${view.id}/comments/${commentId}`, { comment }, baseVersion);
    commentView.stopEditing();
    applyLocally(view.id, version, (post) => ({ ...post, comments: post.comments.map(
      (each) => (each.id === commentId ? { ...each, comment, edited: true } : each)) }));
    say('Comment saved.');
    catchUp(view.id, version);
  } catch (problem) {
    if (problem.status === 412) {
      await showNewer(view, problem.currentVersion);
      commentView.showConflict();
      return;
    }
    fill(commentView.error, problem.fields.comment || problem.message);
    afterProblem(problem, view, true);
  }
};

context.actions.removeComment = async (view, commentView) => {
  fill(commentView.error, '');
  const commentId = commentView.comment.id;
  try {
    const { version } = await api.command('DELETE', `/${view.id}/comments/${commentId}`);
    applyLocally(view.id, version, (post) => ({ ...post, comments: post.comments.filter((each) => each.id !== commentId) }));
    say('Comment removed.');
    view.commentsButton.focus();
    catchUp(view.id, version);
  } catch (problem) {
    fill(commentView.error, problem.message);
    afterProblem(problem, view, true);
  }
};

// --- Live updates -----------------------------------------------------------------------------------

async function onChange(change) {
  if (change.removed) { removePost(change.id); return; }
  const current = state.posts.get(change.id);
  if (current) {
    if (change.version > current.version) await catchUp(change.id, change.version);
    return;
  }
  if (!unfiltered() || state.removed.has(change.id)) return;
  // A post not on screen: a new one goes on top; an old one further down stays where it is, unread.
  try {
    const post = await api.post(change.id, change.version);
    const newest = ui.feed.querySelector('article');
    const newestPost = newest ? state.posts.get(newest.dataset.postId) : null;
    if (!newestPost || post.datePosted >= newestPost.datePosted) show(post, { atTop: true });
  } catch (problem) {
    feedIsBehind(problem.status !== 404);
  }
}

let stream = null;
function connectStream() {
  stream = new EventSource(api.streamUrl());
  stream.addEventListener('open', () => {
    document.body.dataset.stream = 'open';
    ui.live.hidden = true;
  });
  stream.addEventListener('error', () => {
    // EventSource reconnects by itself unless the server refused it outright (a 503 when full, post-query down).
    document.body.dataset.stream = 'closed';
    ui.live.hidden = false;
    if (stream.readyState === EventSource.CLOSED) {
      stream = null;
      setTimeout(() => { connectStream(); refetchShown(); }, 5000);
    }
  });
  stream.addEventListener('change', (event) => {
    try { onChange(JSON.parse(event.data)); } catch (malformed) { /* an event this app does not understand */ }
  });
  stream.addEventListener('refetch', () => { refetchShown(); });
}

// --- The page ---------------------------------------------------------------------------------------

function renderSession() {
  if (state.me) {
    fill(ui.session, 'Logged in as ', h('strong', { id: 'user' }, state.me.username), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: logOut }, 'Log out'));
  } else {
    fill(ui.session, h('button', { type: 'button', onclick: logIn }, 'Log in'));
  }
  ui.composer.hidden = !state.me;
  for (const view of state.views.values()) view.update(view.post);
}

function logIn() {
  window.location.assign('/oauth2/authorization/social');
}

async function logOut() {
  try { await api.logOut(); } catch (problem) { say(problem.message); }
}

function buildPage() {
  const newPostId = uid('new-post');
  ui.session = h('div', { class: 'session' });
  ui.status = h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  ui.newPost = h('textarea', { id: newPostId, rows: 3, maxlength: 5000, placeholder: 'What is on your mind?' });
  ui.newPostError = h('p', { class: 'error', 'aria-live': 'polite' });
  ui.postButton = h('button', { type: 'button', onclick: createPost }, 'Post');
  submitOnCtrlEnter(ui.newPost, createPost);
  ui.composer = h('section', { class: 'composer', 'aria-label': 'Write a post', hidden: true },
    h('label', { for: newPostId }, 'New post'), ui.newPost, ui.newPostError, ui.postButton);

  const authorId = uid('author');
  const commentsId = uid('with-comments');
  const likesId = uid('min-likes');
  ui.author = h('input', { id: authorId, type: 'search', autocomplete: 'off', oninput: filtersChanged });
  ui.withComments = h('input', { id: commentsId, type: 'checkbox', onchange: filtersChanged });
  ui.minLikes = h('input', { id: likesId, type: 'number', min: 0, step: 1, inputmode: 'numeric', oninput: filtersChanged });
  const clear = h('button', { type: 'button', class: 'secondary', onclick: () => {
    ui.author.value = ''; ui.withComments.checked = false; ui.minLikes.value = ''; readFilters(); reload();
  } }, 'Show all');
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
    h('div', { class: 'field' }, h('label', { for: authorId }, 'Author'), ui.author),
    h('div', { class: 'field check' }, ui.withComments, h('label', { for: commentsId }, 'Has comments')),
    h('div', { class: 'field' }, h('label', { for: likesId }, 'Minimum likes'), ui.minLikes),
    clear);

  ui.behind = h('p', { class: 'note', hidden: true },
    'The feed is behind: posts cannot be read right now, so what you see may be out of date. Your changes are still saved.');
  ui.live = h('p', { class: 'note subtle', hidden: true }, 'Live updates are paused; reconnecting…');
  ui.empty = h('p', { class: 'note subtle', hidden: true }, 'No posts to show.');
  ui.feed = h('div', { class: 'feed', role: 'feed', 'aria-label': 'Posts', 'aria-busy': 'false' });
  ui.loadMore = h('button', { type: 'button', class: 'secondary load-more', hidden: true,
    onclick: () => loadPage(state.page + 1, state.generation) }, 'Load more');

  document.body.replaceChildren(
    h('header', { class: 'top' }, h('h1', {}, 'Social'), ui.session),
    h('main', {}, ui.status, ui.composer, filters, ui.behind, ui.live, ui.empty, ui.feed, ui.loadMore));
}

async function start() {
  buildPage();
  document.body.dataset.stream = 'closed';
  try {
    api.configure(await api.settings());
    state.me = await api.whoAmI();
  } catch (problem) {
    say(problem.message);
  }
  renderSession();
  if (new URLSearchParams(window.location.search).get('login') === 'failed') {
    say('The login did not succeed: try again.');
    window.history.replaceState(null, '', '/');
  }
  connectStream();
  await reload();
}

start();

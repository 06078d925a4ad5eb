// One post on screen: an <article data-post-id data-version> whose parts are built once and updated in
// place, so that a live update never takes away what the user is typing or where the focus is.
import { h, fill, uid, formatDate, submitOnCtrlEnter } from './dom.js';

export class PostView {
  /**
   * @param post    the post as the read model has it
   * @param context {me, liked, actions}: who is logged in (or null), the ids they liked in this page,
   *                and what the buttons do (the app's functions)
   */
  constructor(post, context) {
    this.id = post.id;
    this.context = context;
    this.post = post;
    this.editing = null; // {baseVersion} while the message is being edited
    this.commentViews = new Map();
    this.commentsOpen = false;

    const editorId = uid('edit-post');
    const commentsId = uid('comments');
    const newCommentId = uid('new-comment');

    this.authorButton = h('button', { type: 'button', class: 'author link', title: 'Show only their posts',
      onclick: () => context.actions.filterByAuthor(this.post.author) });
    this.date = h('time', { class: 'date' });
    this.message = h('p', { class: 'message' });

    this.editorText = h('textarea', { id: editorId, rows: 3, maxlength: 5000 });
    this.editorError = h('p', { class: 'error', 'aria-live': 'polite' });
    this.conflict = h('div', { class: 'conflict', hidden: true });
    this.editor = h('div', { class: 'editor', hidden: true },
      h('label', { for: editorId }, 'Edit post'), this.editorText, this.editorError, this.conflict,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => this.save(this.editing && this.editing.baseVersion) }, 'Save'),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.stopEditing() }, 'Cancel')));

    this.likeButton = h('button', { type: 'button', class: 'like', 'aria-pressed': 'false',
      onclick: () => context.actions.like(this) }, 'Like');
    this.likes = h('span', { class: 'likes' });
    this.likesWord = h('span', { class: 'likes-word' });
    this.commentsButton = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': commentsId,
      onclick: () => this.toggleComments() }, 'Comments');
    this.commentCount = h('span', { class: 'comment-count' });
    this.editButton = h('button', { type: 'button', class: 'secondary', onclick: () => this.startEditing() }, 'Edit');
    this.deleteButton = h('button', { type: 'button', class: 'danger', onclick: () => context.actions.deletePost(this) },
      'Delete');
    this.ownControls = h('span', { class: 'own' }, this.editButton, this.deleteButton);
    this.likeControls = h('span', { class: 'like-controls' }, this.likeButton);
    this.error = h('p', { class: 'error', 'aria-live': 'polite' });

    this.commentList = h('ul', { class: 'comment-list' });
    this.newCommentText = h('textarea', { id: newCommentId, rows: 2, maxlength: 2000 });
    this.newCommentError = h('p', { class: 'error', 'aria-live': 'polite' });
    this.commentForm = h('div', { class: 'comment-form' },
      h('label', { for: newCommentId }, 'New comment'), this.newCommentText, this.newCommentError,
      h('button', { type: 'button', onclick: () => context.actions.comment(this) }, 'Comment'));
    submitOnCtrlEnter(this.editorText, () => this.save(this.editing && this.editing.baseVersion));
    submitOnCtrlEnter(this.newCommentText, () => context.actions.comment(this));
    this.comments = h('section', { id: commentsId, class: 'comments', hidden: true, 'aria-label': 'Comments' },
      this.commentList, this.commentForm);

    this.article = h('article', { class: 'post' },
      h('header', {}, this.authorButton, ' ', this.date),
      this.message, this.editor,
      h('div', { class: 'actions' },
        this.likeControls, h('span', { class: 'count' }, this.likes, ' ', this.likesWord),
        this.commentsButton, h('span', { class: 'count' }, this.commentCount),
        this.ownControls),
      this.error, this.comments);
    this.update(post);
  }

  /** Shows the post as given (the caller has made sure it is not older than what is shown). */
  update(post) {
    this.post = post;
    const me = this.context.me();
    const mine = me !== null && me.username === post.author;
    this.article.dataset.postId = post.id;
    this.article.dataset.version = String(post.version);
    this.article.setAttribute('aria-label', `Post by ${post.author}`);
    fill(this.authorButton, post.author);
    this.date.dateTime = post.datePosted;
    fill(this.date, formatDate(post.datePosted));
    fill(this.message, post.message);
    fill(this.likes, String(post.likes));
    fill(this.likesWord, post.likes === 1 ? 'like' : 'likes');
    const count = post.comments.length;
    fill(this.commentCount, count === 1 ? '1 comment' : `${count} comments`);

    const liked = this.context.liked.has(post.id);
    this.likeControls.hidden = me === null;
    this.likeButton.setAttribute('aria-pressed', String(liked));
    this.likeButton.disabled = liked;
    fill(this.likeButton, 'Like');
    this.likeButton.title = liked ? 'You like this post' : '';
    // Not while editing: "Edit" again would start over and lose the text being typed.
    this.ownControls.hidden = !mine || this.editing != null;
    this.commentForm.hidden = me === null;
    this.updateComments(post, me);
  }

  updateComments(post, me) {
    const seen = new Set();
    const items = [];
    for (const comment of post.comments) {
      seen.add(comment.id);
      let view = this.commentViews.get(comment.id);
      if (!view) {
        view = new CommentView(this, comment);
        this.commentViews.set(comment.id, view);
      }
      view.update(comment, me);
      items.push(view.item);
    }
    for (const [id] of this.commentViews) {
      if (!seen.has(id)) this.commentViews.delete(id);
    }
    // In the post's order; an element that is already in place is not moved, so focus stays put.
    items.forEach((item, index) => {
      if (this.commentList.children[index] !== item) this.commentList.insertBefore(item, this.commentList.children[index] || null);
    });
    while (this.commentList.children.length > items.length) this.commentList.lastElementChild.remove();
  }

  toggleComments(open = !this.commentsOpen) {
    this.commentsOpen = open;
    this.comments.hidden = !open;
    this.commentsButton.setAttribute('aria-expanded', String(open));
  }

  startEditing() {
    this.editing = { baseVersion: this.post.version };
    this.editorText.value = this.post.message;
    this.editorError.textContent = '';
    this.conflict.hidden = true;
    this.editor.hidden = false;
    this.message.hidden = true;
    this.ownControls.hidden = true;
    this.editorText.focus();
  }

  stopEditing() {
    this.editing = null;
    this.editor.hidden = true;
    this.message.hidden = false;
    this.conflict.hidden = true;
    this.ownControls.hidden = false;
    this.editButton.focus();
  }

  save(baseVersion) {
    if (!this.editing) return;
    this.context.actions.editPost(this, this.editorText.value, baseVersion);
  }

  /** The post changed since the edit began: the newer post is shown, the edit is kept, and can be applied to it. */
  showConflict() {
    // The newer message, above the editor that still holds the user's text: what "shows the newer version" promises.
    this.message.hidden = false;
    fill(this.conflict,
      h('p', {}, 'This post was changed while you were editing. It now shows the newer version;'
        + ' your text is still here.'),
      h('button', { type: 'button', onclick: () => this.save(this.post.version) }, 'Apply my edit again'));
    this.conflict.hidden = false;
  }

  focusAfterRemoval() {
    return this.article.nextElementSibling || this.article.previousElementSibling;
  }
}

/** One comment: <li data-comment-id>. */
class CommentView {
  constructor(postView, comment) {
    this.postView = postView;
    this.comment = comment;
    this.editing = null;
    const editorId = uid('edit-comment');
    this.author = h('span', { class: 'comment-author' });
    this.text = h('span', { class: 'comment-text' });
    this.edited = h('span', { class: 'edited' }, '(edited)');
    this.date = h('time', { class: 'date' });
    this.editButton = h('button', { type: 'button', class: 'secondary small', onclick: () => this.startEditing() },
      'Edit comment');
    this.removeButton = h('button', { type: 'button', class: 'danger small',
      onclick: () => postView.context.actions.removeComment(postView, this) }, 'Remove comment');
    this.own = h('span', { class: 'own' }, this.editButton, this.removeButton);
    this.editorText = h('textarea', { id: editorId, rows: 2, maxlength: 2000 });
    this.error = h('p', { class: 'error', 'aria-live': 'polite' });
    this.conflict = h('div', { class: 'conflict', hidden: true });
    this.editor = h('div', { class: 'editor', hidden: true },
      h('label', { for: editorId }, 'Comment text'), this.editorText, this.conflict,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => this.save(this.editing && this.editing.baseVersion) }, 'Save'),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.stopEditing() }, 'Cancel')));
    submitOnCtrlEnter(this.editorText, () => this.save(this.editing && this.editing.baseVersion));
    this.body = h('div', { class: 'comment-body' }, this.author, ' ', this.text, ' ', this.edited, ' ', this.date);
    this.item = h('li', { class: 'comment' }, this.body, this.editor, h('div', { class: 'actions' }, this.own), this.error);
  }

  update(comment, me) {
    this.comment = comment;
    this.item.dataset.commentId = comment.id;
    fill(this.author, comment.username);
    fill(this.text, comment.comment);
    this.edited.hidden = !comment.edited;
    this.date.dateTime = comment.commentDate;
    fill(this.date, formatDate(comment.commentDate));
    this.own.hidden = !(me !== null && me.username === comment.username);
  }

  startEditing() {
    this.editing = { baseVersion: this.postView.post.version };
    this.editorText.value = this.comment.comment;
    this.error.textContent = '';
    this.conflict.hidden = true;
    this.editor.hidden = false;
    this.body.hidden = true;
    this.own.hidden = true;
    this.editorText.focus();
  }

  stopEditing() {
    this.editing = null;
    this.editor.hidden = true;
    this.body.hidden = false;
    this.own.hidden = false;
    this.conflict.hidden = true;
    this.editButton.focus();
  }

  save(baseVersion) {
    if (!this.editing) return;
    this.postView.context.actions.editComment(this.postView, this, this.editorText.value, baseVersion);
  }

  showConflict() {
    // The comment as it is now, above the editor that still holds the user's text.
    this.body.hidden = false;
    fill(this.conflict,
      h('p', {}, 'This post changed while you were editing your comment: it now shows the newer version.'),
      h('button', { type: 'button', onclick: () => this.save(this.postView.post.version) }, 'Apply my edit again'));
    this.conflict.hidden = false;
  }
}

-- A lookup that brings a post it assembled earlier up to date reads only the comments changed
-- since (changed_version); without this index it walked every comment of the post to find them,
-- and a popular post has thousands.
create index post_comment_changed_idx on post_comment (post_id, changed_version);

-- The read model of posts. Strings are text, not varchar(n): the command side enforces lengths,
-- and a projection that refused a longer value would stall its partition for good.

-- One row per post, removed ones included: the version kept on the row is what turns a replayed
-- old event into a no-op, so the row must outlive the post (lookups filter on "not removed").
create table post (
    id            uuid        primary key,
    author        text        not null,
    message       text        not null,
    date_posted   timestamptz not null,
    likes         bigint      not null default 0,
    comment_count integer     not null default 0,
    version       bigint      not null,
    removed       boolean     not null default false
);

-- Every lookup lists visible posts newest first; each filter gets an index in that order.
create index post_newest_idx on post (date_posted desc, id desc) where not removed;
create index post_author_newest_idx on post (author, date_posted desc, id desc) where not removed;
create index post_commented_newest_idx on post (date_posted desc, id desc) where not removed and comment_count > 0;
create index post_likes_idx on post (likes) where not removed;

create table post_comment (
    id           uuid        primary key,
    post_id      uuid        not null references post (id),
    username     text        not null,
    comment      text        not null,
    comment_date timestamptz not null,
    edited       boolean     not null default false
);

-- The comments of a page of posts are read in one query, oldest first per post.
create index post_comment_by_post_idx on post_comment (post_id, comment_date, id);

-- Events that arrived before their predecessor, waiting for the gap to be filled.
create table parked_event (
    post_id   uuid        not null,
    version   bigint      not null,
    envelope  text        not null,
    parked_at timestamptz not null default now(),
    primary key (post_id, version)
);

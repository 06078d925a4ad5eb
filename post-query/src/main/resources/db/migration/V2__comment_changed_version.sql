-- The post version at which each comment was added or last edited. A lookup that holds a post
-- assembled at an older version reads only the comments changed since, instead of all of them
-- (a popular post has thousands). Rows from before this column never changed since: version 0.
alter table post_comment add column changed_version bigint not null default 0;

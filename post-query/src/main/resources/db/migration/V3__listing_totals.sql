-- How many posts the feed and its "with comments" filter hold, kept up to date by triggers as the
-- post table changes. A page carries the total of its listing; counting it on every page visited
-- the index entry of every visible post, and was most of the database's work per lookup.
-- Triggers rather than the projector's code: every way the table changes (the projection, a
-- truncate before a rebuild, a repair by hand) keeps the totals exact, in the same transaction.
-- Filters by author or likes still count, on their own partial indexes.
create table post_totals (
    single_row boolean primary key default true check (single_row),
    visible    bigint  not null,
    commented  bigint  not null
);

insert into post_totals (visible, commented)
select count(*) filter (where not removed), count(*) filter (where not removed and comment_count > 0) from post;

-- New posts: once per statement (the projection inserts a batch of posts as one statement).
create function post_totals_count_inserted() returns trigger language plpgsql as $$
begin
    update post_totals
    set visible   = visible + (select count(*) from inserted where not removed),
        commented = commented + (select count(*) from inserted where not removed and comment_count > 0);
    return null;
end $$;

create trigger post_totals_on_insert after insert on post
    referencing new table as inserted
    for each statement execute function post_totals_count_inserted();

-- Changed posts: only the rows that enter or leave a listing run the function at all (likes,
-- messages and further comments do not), so the projection's updates pay nothing for it.
create function post_totals_follow_row() returns trigger language plpgsql as $$
declare
    visible_change   bigint := 0;
    commented_change bigint := 0;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        visible_change := visible_change - (not old.removed)::int;
        commented_change := commented_change - (not old.removed and old.comment_count > 0)::int;
    end if;
    if tg_op = 'UPDATE' then
        visible_change := visible_change + (not new.removed)::int;
        commented_change := commented_change + (not new.removed and new.comment_count > 0)::int;
    end if;
    update post_totals set visible = visible + visible_change, commented = commented + commented_change;
    return null;
end $$;

create trigger post_totals_on_update after update on post
    for each row
    when (old.removed <> new.removed or (old.comment_count > 0) <> (new.comment_count > 0))
    execute function post_totals_follow_row();

create trigger post_totals_on_delete after delete on post
    for each row execute function post_totals_follow_row();

create function post_totals_reset() returns trigger language plpgsql as $$
begin
    update post_totals set visible = 0, commented = 0;
    return null;
end $$;

create trigger post_totals_on_truncate after truncate on post
    for each statement execute function post_totals_reset();

-- Numbers every change the projection applies to a post, for the live stream's event ids. Taken in
-- the projection's transaction, so every instance that hears the change names it alike; a rolled
-- back batch leaves a gap, which a stream client never needs to notice (ids only have to be unique
-- and recognisable, not dense).
create sequence post_change_sequence;

-- Administrators disable and re-enable people rather than delete them: a user who leaves keeps their name (and
-- whatever refers to it, e.g. campaign.updated_by) but can no longer sign in. changed_at is when an administrator
-- or the user last changed the row (role, enabled or password); null until the first change.
alter table users
    add column enabled    boolean not null default true,
    add column changed_at timestamptz;

-- The ledger of decided hours (issue 15, item 3): what the whole-flight check's solver decided for each distinct hour
-- problem it met, so that every instance, and an instance after a restart, answers a problem met before without
-- solving it again (docs/scheduling-model.md, "The ledger of decided hours").
--
-- A row is keyed by the problem's content: the first 16 bytes of the SHA-256 of a canonical encoding of every field
-- of the hour problem and of the solver's revision (budget and code revision, HourKey). A decision is a function of
-- its key (the solver is reproducible), so a row is never stale and any instance may write it, in any order, with no
-- lock: two writers of one key write the same decision. Acceptance is not decided here; it stays serialised by the
-- publication lock and version check of schedule_version.
create table hour_decision (
    decision_key bytea not null primary key check (length(decision_key) = 16),
    -- searched|score|campaign=plays/seconds,... (HourDecision): the contracted plays the hour leaves out, no plan
    decision     text  not null,
    -- the last day (UTC) an instance used or made the decision: the table is kept to the most recently used
    -- railcast.booking.ledger-capacity rows, and instances read back the most recent ones first
    last_used    date  not null
);

create index hour_decision_last_used_idx on hour_decision (last_used);

-- Proof of play is judged against what was scheduled (docs/agent-protocol.md, POST /agent/v1/plays): a play counts
-- only if it matches a spot of the version it names on that screen, near the spot's planned start, and only the
-- first play of each such slot counts. Every play an agent sends that can be stored is stored, so nothing is lost
-- and an operator can see why one did not count.

-- slot_start: the planned start of the spot the play was matched to (null when it matched none).
-- rejection: why the play does not count (not-scheduled, off-slot, duplicate-slot, unknown-version); null when it
-- counts. Plays stored before this migration were all counted, and stay so.
alter table play_record add column slot_start timestamptz, add column rejection text;

-- The slots already played, one row per counted play: its primary key is what makes "only the first play of a
-- slot counts" hold across batches, requests and instances. Partitioned by UTC day of the slot like play_record,
-- its partitions made by the server beside play_record's, so that old days are dropped whole. Plays counted before
-- this migration claimed no slot.
create table play_slot (
    screen_id  text        not null,
    slot_start timestamptz not null,
    play_id    uuid        not null,
    primary key (screen_id, slot_start)
) partition by range (slot_start);

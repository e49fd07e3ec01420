-- Plays that count for delivery (docs/agent-protocol.md: "a play counts for delivery if it ran its full length
-- within 0.5 s"), kept in the hourly rollup beside all plays reported, so that the delivery report reads only
-- play_rollup. A play counts when its creative is known and it ran at least the creative's duration less 500 ms;
-- a play the agent saw cut short, or one it reports with durationMillis 0 after a crash, does not.
alter table play_rollup add column delivered bigint not null default 0;

-- Plays stored before this migration: count them once from play_record (the rollup has no trigger, and each row
-- is recounted from all of its plays, so running this on any data gives the same answer).
update play_rollup r
set delivered = d.delivered
from (select p.campaign_id, p.screen_id, date_trunc('hour', p.started_at, 'UTC') as hour, count(*) as delivered
      from play_record p
               join creative c on c.id = p.creative_id
      where p.duration_millis >= c.duration_seconds * 1000 - 500
      group by 1, 2, 3) d
where r.campaign_id = d.campaign_id and r.screen_id = d.screen_id and r.hour = d.hour;

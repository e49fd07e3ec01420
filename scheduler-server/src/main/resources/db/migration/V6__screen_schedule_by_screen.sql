-- The agent side finds a screen's latest row on every schedule fetch (5,600 screens after each version).
create index screen_schedule_by_screen on screen_schedule (screen_id, version desc);

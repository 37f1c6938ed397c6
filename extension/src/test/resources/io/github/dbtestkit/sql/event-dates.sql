-- ISO literals, as a hand-written seed script has them
INSERT INTO events (id, event_day, happened_at) VALUES (1, '2000-09-07', '2000-09-07 10:15:30');
INSERT INTO events (id, event_day, happened_at) VALUES (2, '2000-09-08', '2000-09-08 08:00:00.250');

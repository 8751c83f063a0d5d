-- One chunk of benchmark download requests: sessions [:lo, :hi) of four requests each, for tenant :'tenant', between
-- :'period_start' and :'period_end'. Run by generate.sh as a superuser (row-level security does not apply to it).
-- Shape: :podcasts shows with :episodes episodes each; shows and episodes are drawn with power-law skew (a few hits, a
-- long tail); listeners likewise (some listen daily, most once); about 5 % of sessions are bots with real user agents
-- of the OPAWG bots list; 30 % of sessions start with a bytes=0-1 probe, 10 % with a HEAD; 15 % re-request their first
-- range instead of moving on (they may stay under the one-minute threshold); the fourth request repeats the third
-- (a client retry: a duplicate the IAB window must not count twice); 30 % of listeners are on IPv6.
WITH session AS (
    SELECT g AS id,
           floor(:podcasts * power(random(), 2.5))::int AS show,
           floor(:episodes * power(random(), 3))::int AS episode,
           floor(:listeners * power(random(), 1.5))::int AS listener,
           random() AS agent_draw, random() AS kind_draw, floor(8 * power(random(), 2))::int + 1 AS country,
           :'period_start'::timestamptz + random() * (:'period_end'::timestamptz - :'period_start'::timestamptz - interval '15 minutes') AS started_at
      FROM generate_series(:lo, :hi - 1) g
), agent AS (
    SELECT s.*, s.agent_draw < 0.05 AS bot,
           CASE WHEN s.agent_draw < 0.05 THEN floor(s.agent_draw / 0.05 * 6)::int + 1 ELSE floor((s.agent_draw - 0.05) / 0.95 * 8)::int + 1 END AS agent
      FROM session s
), request AS (
    SELECT a.*, i AS step,
           CASE WHEN i = 0 AND a.kind_draw >= 0.3 AND a.kind_draw < 0.4 THEN 'HEAD' ELSE 'GET' END AS method,
           CASE WHEN i = 0 AND a.kind_draw < 0.3 THEN 'bytes=0-1'
                WHEN i = 0 AND a.kind_draw < 0.4 THEN NULL
                WHEN i = 0 THEN 'bytes=0-65535'
                WHEN i = 1 THEN 'bytes=0-1048575'
                WHEN a.kind_draw >= 0.85 THEN 'bytes=0-1048575'
                ELSE 'bytes=1048576-5242879' END AS range_header,
           a.started_at + i * interval '40 seconds' + CASE WHEN i = 3 THEN interval '3 minutes' ELSE interval '0' END AS occurred_at
      FROM agent a CROSS JOIN generate_series(0, 3) i
)
INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id, range_header,
                                      referrer, user_agent, agent_kind, agent_name, app_name, device_type, bot, country_code, ip_hash,
                                      household_hash)
SELECT :'tenant'::uuid, gen_random_uuid(), r.occurred_at, r.method,
       'https://bench.example.test/' || r.show || '/' || r.episode || '.mp3',
       md5('bench-episode-' || r.show || '-' || r.episode)::uuid, md5('bench-podcast-' || r.show)::uuid, r.range_header, NULL,
       CASE WHEN r.bot THEN (ARRAY['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
                                   'Mozilla/5.0 (compatible; AhrefsBot/7.0; http://ahrefs.com/robot/)',
                                   'AirableBot-Podcast/1.0 (+https//www.airablenow.com)',
                                   'Mozilla/5.0 (compatible; archive.org_bot http://archive.org/details/archive.org_bot)',
                                   'Audiomack Podcast Processor/1.0 (https://audiomack.com/)',
                                   'acast-tester/1.0'])[r.agent]
            ELSE (ARRAY['Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0',
                        'Spotify/8.8.12 iOS/16.5 (iPhone15,2)',
                        'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)',
                        'Pocket Casts',
                        'PodcastAddict/v5 (+https://podcastaddict.com/; Android podcast app)',
                        'AntennaPod/3.1.0',
                        'CastBox/8.2.6-201226053 (Linux;Android 11) ExoPlayerLib/2.10.4',
                        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36'])[r.agent] END,
       CASE WHEN r.bot THEN 'bot' WHEN r.agent = 8 THEN 'browser' ELSE 'app' END,
       CASE WHEN r.bot THEN 'bot-' || r.agent ELSE (ARRAY['Apple Podcasts', 'Spotify', 'Overcast', 'Pocket Casts', 'Podcast Addict',
                                                          'AntennaPod', 'CastBox', 'Chrome'])[r.agent] END,
       CASE WHEN r.bot THEN NULL ELSE (ARRAY['Apple Podcasts', 'Spotify', 'Overcast', 'Pocket Casts', 'Podcast Addict',
                                             'AntennaPod', 'CastBox', NULL])[r.agent] END,
       CASE WHEN r.bot THEN NULL WHEN r.agent = 8 THEN 'computer' ELSE 'phone' END,
       r.bot, (ARRAY['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'BR', 'IN'])[r.country],
       md5(CASE WHEN r.listener % 10 < 3 THEN 'ipv6:' ELSE 'ipv4:' END || r.listener),
       md5('household:' || r.listener)
  FROM request r;

# Staff rails (issue 13 items 5–8): messages of the staff helper.

staff-private-only = 🔒 Send this command to me in a private chat: its answer holds readers' ids or the newsroom's figures, not for a group's eyes.
addfeed-refused = ⛔ I did not add this feed: I read the address and found no news feed there.
addfeed-refused-hint = Check the address (it often ends in <code>/feed</code> or <code>/rss.xml</code>) and send /addfeed again.

# Schedules: cron expressions in words, duplicates.
schedule-days-mon-fri = weekday (Monday to Friday)
schedule-days-sun-thu = working day (Sunday to Thursday)
schedule-days-range = day from { $from } to { $to }
schedule-cron-days = every { $days } at { $times }
schedule-cron-daily = every day at { $times }
schedule-every-hours = { $count ->
    [one] every hour at minute { $minute }
   *[other] every { $count } hours at minute { $minute }
}
schedule-every-minutes = every { $count } minutes
schedule-duplicate = Schedule <b>{ $id }</b> is this very schedule: { $when } · { $topic }. I did not add a second one: readers would get the digest twice.
schedule-days-list = { $list }

# Staff rails (issue 13 items 5–8): messages of the staff helper.

staff-private-only = 🔒 Send this command to me in a private chat: its answer holds readers' ids or the newsroom's figures, not for a group's eyes.
addfeed-refused = ⛔ I did not add this feed: I read the address and found no news feed there.
addfeed-refused-hint = Check the address (it often ends in <code>/feed</code> or <code>/rss.xml</code>) and send /addfeed again.

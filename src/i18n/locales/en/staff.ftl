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

# /grant and /roles
cmd-roles = Who has which role, and where it comes from
grant-username-unknown = I don't know a user called { $name }: I know people who wrote to me or in a group I am in. Ask them to send me /start, or use their numeric id.
grant-unseen = ⚠️ User <code>{ $user }</code> has never used the bot; the id may be mistyped. Make them { role-name } anyway?
button-grant-anyway = Yes, grant the role
grant-cancelled = No role was granted.
roles-title = 👥 <b>Newsroom roles</b> ({ $count }):
roles-line-config = • <code>{ $user }</code>: { $role ->
    [admin] admin
   *[editor] editor
} through <code>{ $variable }</code> in the configuration
roles-line-grant = • <code>{ $user }</code>: { $role ->
    [admin] admin
   *[editor] editor
}, granted by <code>{ $by }</code> on { $time }
roles-line-grant-unknown = • <code>{ $user }</code>: { $role ->
    [admin] admin
   *[editor] editor
}, granted on { $time }
roles-outro = /revoke takes a granted role back; a role from the configuration changes only with <code>ADMIN_IDS</code> or <code>EDITOR_IDS</code>.

# /alias and /unalias
cmd-unalias = Remove a name you gave a place
alias-confirm = ⚠️ “{ $alias }” is already the name of { $other }. If it also means { $topic }, readers who type it will be asked which place they mean, and articles naming it will be tagged with both. Add it anyway?
button-alias-anyway = Yes, add the name
alias-cancelled = The name was not added.
alias-gone = The places changed since this question; the name was not added. Send /alias again.
unalias-usage = Send the place and the name to remove separated by |, e.g. <code>/unalias دير الزور | ديرزور</code>, or the name alone when only one place has it.
unalias-done = 🗑 “{ $alias }” no longer means <b>{ $topic }</b>. { $count ->
    [0] No article of the last 30 days changed places.
    [one] One article of the last 30 days was tagged again.
   *[other] { $count } articles of the last 30 days were tagged again.
}
unalias-name = “{ $alias }” is { $topic }'s own name; it stays.
unalias-builtin = “{ $alias }” is one of { $topic }'s names in the bot's built-in list of places; it stays.
unalias-none = “{ $alias }” is not a name of { $topic }.
unalias-unknown = No place is called “{ $alias }”.
unalias-several = “{ $alias }” names more than one place ({ $names }): write the place first, like <code>/unalias Deir ez-Zor | { $alias }</code>.

# /stats
stats-readers-staff = <i>Readers are the chats news goes to; the newsroom staff's own private chats ({ $count }) are not counted.</i>

# Breaking items that wait for an editor (feeds without auto-alert, /post of «عاجل»)
breaking-offer-title = 🔴 { $count ->
    [one] A new breaking item
   *[other] { $count } new breaking items
} from <b>{ $feed }</b>, whose auto-alert is off:
breaking-offer-more = …and { $count } more in /latest.
breaking-offer-hint = “Send as alert” shows you the alert as readers will get it before you send it.
button-breaking-alert = 🔴 Send { $id } as alert
button-breaking-ignore = Ignore { $id }
toast-breaking-ignored = { $id } stays without an alert.
post-breaking-offer = 🔴 This item starts with “BREAKING”: send it as an alert to the readers of its places?

# /digestpreview follows the next run
digestpreview-heading-schedule = 👁 This is what schedule <b>{ $schedule }</b> ({ $when }) would send chat { $id } at its next run, { $next } ({ $count ->
    [one] 1 message
   *[other] { $count } messages
}), unless more news comes first. Nothing was sent to it.
digestpreview-empty-schedule = Schedule { $schedule } would send chat { $id } nothing if it ran now: nothing new in its places since its previous digest or since the schedule was made, or what is new reached it as an alert.
digestpreview-no-schedule = <i>There are no digest schedules yet: the chat gets this only once one is added with /schedule.</i>

# Quiet groups
group-member-private = { $name }, I answer that in private so the group stays quiet: open our chat with the button below.
button-open-private = Open the chat with Nashra
welcome-back-group = 👋 I'm back in the group. It still follows { $count ->
    [one] one place
   *[other] { $count } places
}: { $topics }. The group's admins change them with /topics.

# /renametopic
cmd-renametopic = Give a place new names
renametopic-usage = Send the place, then its new Arabic and English names, separated by |, e.g. <code>/renametopic Hajin | هجين البلدة | Hajin town</code>. Its old name still finds it; its articles and followers stay.
renametopic-done = ✅ “{ $old }” is now called <b>{ $topic }</b>. Its old name still finds it; its articles and followers stay. { $count ->
    [0] No article of the last 30 days changed places.
    [one] One article of the last 30 days was tagged again.
   *[other] { $count } articles of the last 30 days were tagged again.
}

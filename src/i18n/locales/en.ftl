# Nashra — English replies. Every key here exists in ar.ftl too (a test checks).
# Messages are Telegram HTML: arguments are escaped by the code, markup here is trusted.

## Welcome and help
welcome = 👋 Welcome to <b>Nashra</b>, { $name }!
    I send you the news of the places you follow: breaking alerts as they happen and digests on a schedule.
    Tap the places below to follow them, or send /subscribe with a name, e.g. <code>/subscribe Deir ez-Zor</code>.
welcome-group = 👋 Hello, <b>Nashra</b> is here. The group's admins choose what it follows with /topics or <code>/subscribe Deir ez-Zor</code>; /help lists every command.
start-link-unknown = That link names a place I don't know. Choose from the list below.
help-intro = <b>Nashra</b> sends the news of the places you follow.
help-intro-editor = <b>Nashra</b> — you are an <b>editor</b>: you can also publish articles and push breaking alerts.
help-intro-admin = <b>Nashra</b> — you are an <b>admin</b>: you can also schedule digests and manage places and editors.
help-outro = Following a place includes the places under it: Deir ez-Zor includes Mayadin and Al-Bukamal.

## Command menu
cmd-start = Welcome and place picker
cmd-topics = Choose places to follow
cmd-subscribe = Follow a place: /subscribe Deir ez-Zor
cmd-unsubscribe = Stop following a place
cmd-mytopics = Your places and settings
cmd-latest = Latest news of your places
cmd-search = Search the news
cmd-mute = Mute news that mentions a word: /mute football
cmd-unmute = Unmute a word
cmd-settings = Alerts, digests, language, time zone
cmd-help = What Nashra can do
cmd-stop = Stop following everything and delete your data
cmd-post = Publish an article
cmd-alert = Push a breaking alert
cmd-alerts = Recent alerts
cmd-feeds = News feeds
cmd-addfeed = Add an RSS/Atom feed
cmd-removefeed = Remove a feed
cmd-schedule = Schedule a digest
cmd-schedules = Digest schedules
cmd-unschedule = Delete a digest schedule
cmd-digestnow = Run a digest now
cmd-digestpreview = Preview a reader's digest
cmd-grant = Make a user an editor or admin
cmd-revoke = Take a user's role away
cmd-addtopic = Add a place
cmd-alias = Add another name for a place
cmd-stats = Readers, follows, deliveries

## Place picker
picker-text = <b>Choose the places you follow</b>
    Tap a governorate to see its towns and sites, or type the name of any place here to follow it at once.
picker-all-of = Follow all of { $name }
picker-previous = ‹ Previous
picker-next = Next ›
topic-gone = That place no longer exists.
toast-subscribed = ✓ Following { $topic }
toast-unsubscribed = No longer following { $topic }

## Subscribe and unsubscribe
subscribe-usage = Send a place after the command, e.g. <code>/subscribe Deir ez-Zor</code> or <code>/subscribe دير الزور</code>, or tap one below.
subscribe-too-many = That is more than { $max } places at once. Send fewer, separated by commas.
topic-ambiguous = “{ $input }” can mean several places. Which one?
topic-ambiguous-list = “{ $input }” can mean several places: { $names }.
topic-unknown-suggest = I don't know a place called “{ $input }”. Did you mean:
topic-unknown-suggest-list = I don't know a place called “{ $input }”. Did you mean: { $names }?
topic-unknown = I don't know a place called “{ $input }”. See /topics for the list.
subscribe-done = ✅ You now follow <b>{ $topic }</b>.
subscribe-done-with-children = ✅ You now follow <b>{ $topic }</b>, including { $children }.
subscribe-done-many = ✅ You now follow <b>{ $topics }</b>.
subscribe-already = You already follow <b>{ $topic }</b>.
unsubscribe-choose = Tap a place to stop following it:
unsubscribe-unknown = You don't follow anything called “{ $input }”. Your places:
unsubscribe-done = You no longer follow <b>{ $topic }</b>.
unsubscribe-via-parent = You don't follow <b>{ $topic }</b> on its own: you get its news because you follow <b>{ $parent }</b>, and will as long as you do. To stop its news alone, keep { $parent } except { $topic }, or stop following all of { $parent }.
unsubscribe-not-subscribed = You don't follow <b>{ $topic }</b>.

## The drill-down picker and what readers type (issue 13 items 3, 4)
picker-text-group = <b>Choose the places this { $chat ->
    [channel] channel
   *[group] group
} follows</b>
    Tap a governorate to see its towns and sites, or send <code>/subscribe</code> with a place's name.
picker-place-text = 📍 <b>{ $section }</b> and the places under it — tap a place to follow it, tap again to stop.
picker-neighbours-text = 🌍 <b>Neighbouring countries</b> — tap a country to follow it, or open it to see the places under it.
picker-page = Page { $page } of { $pages }
picker-legend = ✓ you follow it · (✓) its news reaches you through a wider place you follow
picker-legend-group = ✓ the { $chat ->
    [channel] channel
   *[group] group
} follows it · (✓) its news arrives through a wider place the { $chat ->
    [channel] channel
   *[group] group
} follows
picker-open = { $name } ›
picker-neighbours = 🌍 Neighbouring countries ›
subscribe-children-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
subscribe-covered = You already get <b>{ $topic }</b> news because you follow { $parent }.
subscribe-also-via = Its news already came through { $parent }, which you follow; now you follow { $topic } on its own too, so it stays if you stop following { $parent }.
subscribe-also-via-group = Its news already came through { $parent }, which the { $chat ->
    [channel] channel
   *[group] group
} follows; now it follows { $topic } on its own too, so it stays if { $parent } is dropped.
unsubscribe-done-still-via = You no longer follow <b>{ $topic }</b>, but its news will keep reaching you because you follow <b>{ $parent }</b>. To stop it alone, keep { $parent } except { $topic }, or stop following all of { $parent }.
unsubscribe-done-still-via-group = This { $chat ->
    [channel] channel
   *[group] group
} no longer follows <b>{ $topic }</b>, but its news will keep arriving because it follows <b>{ $parent }</b>. To stop it alone, keep { $parent } except { $topic }, or stop following all of { $parent }.
unsubscribe-via-parent-group = This { $chat ->
    [channel] channel
   *[group] group
} doesn't follow <b>{ $topic }</b> on its own: its news arrives because it follows <b>{ $parent }</b>, and will as long as it does. To stop its news alone, keep { $parent } except { $topic }, or stop following all of { $parent }.
unsubscribe-unknown-group = This { $chat ->
    [channel] channel
   *[group] group
} doesn't follow anything called “{ $input }”. Its places:
button-unsubscribe = Stop following { $topic }
toast-unsubscribed-still-via = No longer following { $topic }, but its news keeps reaching you through { $parent }. To stop it, stop following all of { $parent }.
toast-unsubscribed-still-via-group = No longer following { $topic }, but its news keeps arriving through { $parent }, which the { $chat ->
    [channel] channel
   *[group] group
} follows. To stop it, stop following all of { $parent }.
toast-covered-group = ✓ The { $chat ->
    [channel] channel
   *[group] group
} now follows { $topic } on its own too (it came through { $parent }): its news stays if { $parent } is dropped.
button-subscribe-own = Follow { $topic } on its own too
offer-subscribe-many = Do you want to follow <b>{ $topics }</b>? Tap the ones you want.
offer-follow-how = To follow <b>{ $topic }</b> news, tap the button below, or send <code>/subscribe { $topic }</code> any time.
offer-latest = Its latest news: <code>/latest { $topic }</code>.

## My places
mytopics-none = You don't follow any place yet. /topics to choose.
mytopics-list = { $count ->
    [one] <b>You follow one place:</b>
   *[other] <b>You follow { $count } places:</b>
}
mytopics-includes = { $count ->
    [one] (and one place under it)
   *[other] (and { $count } places under it)
}
button-choose-topics = 📍 Choose places
button-settings = ⚙️ Settings

## Settings
settings-title = <b>Settings</b>
settings-summary = 🔔 Breaking alerts: { $alerts }
    📰 Digests: { $digests }
    🌐 Language: { $language }
    🕒 Time zone: { $timezone } (now { $time })
state-on = on
state-off = off
language-ar = العربية
language-en = English
language-auto = Automatic (from Telegram)
button-alerts-turn-on = 🔔 Turn breaking alerts on
button-alerts-turn-off = 🔕 Turn breaking alerts off
button-digests-turn-on = 📰 Turn digests on
button-digests-turn-off = 📰 Turn digests off
button-language = 🌐 Language
button-timezone = 🕒 Time zone
button-back = ‹ Back
settings-choose-language = Choose the language of Nashra's messages:
settings-choose-timezone = Choose your time zone (times in digests and alerts are shown in it):
toast-alerts-on = Breaking alerts on
toast-alerts-off = Breaking alerts off
toast-digests-on = Digests on
toast-digests-off = Digests off
toast-language = Language changed

## Muted words (/mute and /unmute, and from the settings)
settings-muted = 🚫 Muted words: { $phrases }
settings-muted-none = 🚫 Muted words: none
button-mutes = 🚫 Muted words
mute-usage = Write a word or phrase whose news you do not want after the command, like <code>/mute football</code> or <code>/mute كرة القدم</code>; several can be given, separated by commas.
mute-usage-group = Write a word or phrase whose news this { $chat ->
    [channel] channel
   *[group] group
} does not want after the command, like <code>/mute football</code> or <code>/mute كرة القدم</code>; several can be given, separated by commas.
mute-how = Muting «مباراة» also mutes «المباراة», «ومباراة» and «بالمباراة», and no other word that merely contains it.
mute-done = 🚫 Muted «{ $phrase }»: breaking alerts and digests that mention it will not be sent here, and /latest will not show them.
mute-exists = «{ $phrase }» is muted already.
mute-limit = That is the limit: { $max } muted words. Unmute one with /unmute first.
mute-too-long = «{ $input }» is too long to mute: { $words } words and { $chars } characters at most.
mute-too-short = Write a word of at least two letters.
mute-list = 🚫 Muted words ({ $count } of { $max }):
mute-choose = Tap a word to unmute it.
mute-none = No muted words. Mute one with <code>/mute football</code>.
unmute-done = ✅ Unmuted «{ $phrase }»: its news will be sent here again.
unmute-unknown = «{ $input }» is not among the muted words.
toast-unmuted = Unmuted «{ $phrase }»
toast-timezone = Time zone: { $timezone }

## Stop
stop-confirm = This stops everything you follow and deletes your settings. Are you sure?
button-stop-confirm = Yes, delete everything
button-cancel = Cancel
stop-done = Done: nothing about you is stored any more. Send /start whenever you want to come back.
stop-cancelled = Nothing was deleted.

## Roles and errors
refused-editor = ⛔ This command is for the newsroom's editors.
refused-admin = ⛔ This command is for Nashra's admins.
group-admins-only = Only this group's admins can change what it follows.
group-buttons-admins-only = Only this chat's admins can use the buttons of this message.
unknown-command = I don't know the command { $command }. /help lists what I can do.
offer-subscribe = Do you want to follow <b>{ $topic }</b>?
button-subscribe = Follow { $topic }
plain-text-hint = Send the name of a place to follow it, or /topics to choose from the list. /help lists everything.
button-expired = This button has expired.
error-not-saved = Sorry, I could not save that just now, so nothing changed. Please try again in a few minutes.
slow-down = You are sending messages faster than I can answer. I will answer again in a minute.
error-generic = Sorry, something went wrong. Please try again.

## Latest and search
latest-mine = 📰 <b>Latest from your places</b> · page { $page }/{ $pages }
latest-topic = 📰 <b>Latest: { $topic }</b> · page { $page }/{ $pages }
latest-all = 📰 <b>Latest news</b> · page { $page }/{ $pages }
latest-empty = No articles yet.
latest-mention = <i>↪ names { $topic } only in passing</i>
latest-empty-topic = No articles about { $topic } yet.
latest-hint-subscribe = You don't follow any place yet, so this is everything. /topics to choose what you follow.
search-usage = Send the words to look for, e.g. <code>/search حقل العمر</code> or <code>/search Omar oil field</code>.
search-heading = 🔎 <b>“{ $query }”</b> · { $count ->
    [one] one article
   *[other] { $count } articles
} · page { $page }/{ $pages }
search-heading-many = 🔎 <b>“{ $query }”</b> · { $count } or more articles · page { $page }
search-none = 🔎 Nothing found for “{ $query }”.

# Search: a query of only common words (search, session 4)
search-common-words = 🔎 The words of “{ $query }” are too common to search for on their own. Add a word that sets apart what you are looking for, such as a place, a name or an event.

## Posting articles (editors)
post-usage = Send the article after the command: the first line is the title, the next lines the body, and a line that is only a link becomes the article's link. For example:
    <code>/post Rockets hit the Omar oil field
    Eight rockets hit the base this morning…
    https://example.org/omar</code>
post-stored = ✅ Article stored as <b>{ $id }</b>.
post-duplicate = This article is already stored as <b>{ $id }</b> (same link or same text); nothing was added.
post-topics = Places: { $topics }
post-no-topics = No place matched its text. /addtopic or /alias can teach me the place.

## Read in full, and /article (editors)
read-full = 📖 Read in full
button-read = 📖 Read in full
button-read-numbered = 📖 { $rank }
read-unknown = There is no article { $id }. The link may be cut short; /latest has the latest news.
read-deleted = The editors deleted article { $id }; it can no longer be read.
post-read-link = 📖 Link to read it in full: { $url }
cmd-article = Show an article and its places, and correct them
article-usage = Send the article's number after the command, like <code>/article 17</code>. /latest and /search show articles' numbers.
article-private-only = Open articles in your private chat with the bot: their buttons change what readers get.
article-unknown = There is no article { $id }.
article-deleted = 🗑 Article { $id } is deleted: it is not in search or /latest, and no digest or alert carries it.
article-heading = 📄 <b>Article { $id }</b>
article-about = <b>About:</b> { $topics }
article-mentions = <b>Mentions:</b> { $topics }
article-no-topics = No place matched its text.
article-chosen-legend = ✍ an editor's choice: it stays so when articles are tagged again.
article-changes = <b>Latest changes</b>
article-change-line = • { $when } · { $by }:
article-change-remove = removed { $topic }
article-change-add-about = added { $topic } (about)
article-change-add-mention = added { $topic } (mention)
article-change-about = made it about { $topic }
article-change-mention = made { $topic } a mention
article-change-delete = deleted the article
button-article-remove = ✖ { $topic }
button-article-to-mention = ↪ { $topic }: mention
button-article-to-about = ⬆ { $topic }: about
button-article-add = ➕ Add a place
button-article-delete = 🗑 Delete the article
button-article-delete-yes = 🗑 Yes, delete it
button-article-delete-no = No, keep it
article-add-prompt = Type the name of the place to add to article { $id }. Any other command cancels the question.
article-topic-added = ✅ { $topic } added to article { $id }.
article-topic-already = Article { $id } already has { $topic }.
article-topic-removed = { $topic } removed from the article.
article-topic-now-about = The article is now about { $topic }.
article-topic-now-mention = { $topic } is now a mention in the article.
article-unchanged = Nothing changed.
article-gone = This article is no longer there.
article-delete-confirm = 🗑 Delete article { $id } “{ $title }”? It leaves search and /latest, and no digest or alert will carry it from now on. What was sent already stays as it is.
article-deleted-done = 🗑 Article { $id } deleted.
article-delete-kept = The article stays as it is.

## Digest schedules (/schedule, /schedules, /unschedule, /digestnow, /digestpreview)
schedule-usage = Send when, then a place if you like, then a time zone if you like:
    <code>/schedule daily 08:00</code> — every day
    <code>/schedule weekly friday 07:30 Deir ez-Zor</code> — every week
    <code>/schedule "0 */6 * * *" tz=Asia/Damascus</code> — a cron expression of 5 or 6 fields, in quotes
    Without a place, the digest covers each reader's own places.
schedule-error-missing-when = You did not say when.
schedule-error-unknown-when = I can't read “{ $detail }” as a time: write daily, weekly, or a cron expression in quotes.
schedule-error-missing-time = The time is missing: write it as hours:minutes, like 08:00.
schedule-error-bad-time = “{ $detail }” is not a valid time: hours 00–23 and minutes 00–59, like 08:00.
schedule-error-missing-day = The day of the week is missing, like friday or الجمعة.
schedule-error-bad-day = “{ $detail }” is not a day of the week.
schedule-error-unquoted-cron = Put the cron expression in quotes, like "{ $detail }".
schedule-error-unclosed-quote = The cron expression has no closing quote.
schedule-error-cron-field-count = A cron expression needs 5 or 6 fields; this one has { $detail }.
schedule-error-bad-cron-field = The { $field } field of the cron expression is not valid: “{ $detail }”.
schedule-error-cron-never-runs = This cron expression never happens: “{ $detail }”.
schedule-error-too-frequent = “{ $detail }” runs more often than every { $minutes } minutes: digests that often would flood readers. Choose a longer interval, like <code>"0 */6 * * *"</code>.
schedule-error-unknown-zone = I don't know the time zone “{ $detail }”. Write a city, like tz=Damascus or tz=Berlin, or an IANA name, like tz=Asia/Damascus.
cron-field-second = seconds
cron-field-minute = minutes
cron-field-hour = hours
cron-field-day-of-month = day-of-month
cron-field-month = month
cron-field-day-of-week = day-of-week
schedule-own-topics = each reader's places
schedule-not-saved = The schedule was not saved.
schedule-added = ✅ Schedule <b>{ $id }</b>: { $when } · { $topic }
    First digest: { $next }
schedules-heading = 🗓 <b>Digest schedules</b>
schedules-none = No schedules yet. Add one, like <code>/schedule daily 08:00</code>.
schedules-line = <b>{ $id }</b> · { $when } · { $topic }
    Next: { $next }
unschedule-usage = Send the schedule's number, like <code>/unschedule 3</code>. /schedules lists them.
unschedule-done = 🗑 Schedule { $id } removed.
schedule-unknown = There is no schedule { $id }. /schedules lists them.
digestnow-usage = Send the schedule's number, like <code>/digestnow 3</code>. /schedules lists them.
digestnow-started = ⏳ Preparing the digest of schedule { $id }…
digestnow-done = ✅ Schedule { $id }: digests prepared for { $sent } of { $readers ->
    [one] 1 reader
   *[other] { $readers } readers
} and on their way (readers with nothing new get none).
digestnow-nothing = Schedule { $id }: nothing new for any reader, so nothing was sent.
digestnow-failed = ⚠️ The digest of schedule { $id } could not be prepared. The bot's log has the details.
digestnow-stopped = ⏸ The digest of schedule { $id } paused because the bot is stopping; it finishes at the next start, with no repeats.
digestpreview-usage = Send the chat's id, and a schedule's number if you like (else the one that runs next), like <code>/digestpreview 123456789</code> or <code>/digestpreview 123456789 #2</code>.
digestpreview-unknown = I don't know a chat with id { $id }.
digestpreview-empty = Nothing new for chat { $id } since its previous digest: it would get no digest now.
digestpreview-digests-off = Chat { $id } turned digests off in its settings: it would get none.
digestpreview-inactive = Chat { $id } blocked the bot or left: it gets no digest until it writes again.
digestpreview-heading = 👁 This is what chat { $id } would get now ({ $count ->
    [one] 1 message
   *[other] { $count } messages
}). Nothing was sent to it.

## Digests (what readers get)
digest-heading = 📰 <b>Your digest</b> · { $when }
digest-topic = <b>📍 { $topic }</b>
digest-topic-continued = <b>📍 { $topic }</b> (continued)
digest-more = { $count ->
    [one] …and 1 more article. See /latest
   *[other] …and { $count } more articles. See /latest
}

## Alerts (/alert, /alerts, what readers get)
alert-label = 🔴 <b>Breaking</b>
alert-private-only = Send /alert to me in a private chat: the preview and its Send button are not for a group's eyes.
alert-usage = Send the place, a colon, then the alert's text, for example:
    <code>/alert Deir ez-Zor: Power cut across the city</code>
    or the number of a stored article: <code>/alert 17</code>
alert-article-unknown = There is no article { $id }. /latest and /search show article numbers.
alert-article-no-topics = Article { $id } is not tagged with any place, so nobody follows it. Teach me the place with /addtopic or /alias, then try again.
alert-choose-topic = “{ $input }” matches more than one place. Whose followers should get the alert?
alert-no-audience = Nobody with alerts on follows this place, so the alert would reach no chat; nothing was sent.
alert-already-reached = This article already reached { $count ->
    [one] the one chat that follows it
   *[other] all { $count } chats that follow it
} as an alert; it is not sent twice.
button-alert-send = 📣 Send ({ $count })
button-alert-cancel = ✖️ Cancel
alert-confirm = ⬆️ This is the alert exactly as readers will get it. { $count ->
    [one] It will reach 1 chat.
   *[other] It will reach { $count } chats.
} The Send button works for { $minutes } minutes.
alert-expired = ⌛ This preview has expired. Send /alert again.
alert-cancelled = ✖️ Alert cancelled; nothing was sent.
alert-not-yours = Another editor asked for this alert; only they can send or cancel it.
alert-sent-already = This alert has already been sent.
alert-gone = This alert no longer exists.
alert-chosen = The place was already chosen; the preview is above.
toast-alert-sending = Sending…
alert-status-sending = 📤 Alert { $id }: sent to { $sent } of { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
} …
alert-status-done = ✅ Alert { $id } done: reached { $sent } of { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
}.
alerts-none = No alert has been sent yet.
alerts-heading = 📣 <b>Recent alerts</b>
alerts-line-head = <b>{ $id }</b> · { $when } · { $by }
alerts-by-feed = automatic, from a feed
auto-alert-held = ⏸ The feed <b>{ $feed }</b> brought { $count ->
    [one] 1 more breaking item
   *[other] { $count } more breaking items
} than it may alert on its own ({ $max } in { $minutes } minutes), so they were not sent. To alert one, send /alert and its number: { $ids }
alerts-what-article = Article { $id }: “{ $title }”
alerts-what-text = { $topic }: “{ $text }”
alerts-outcome-done = ✅ reached { $sent } of { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
}
alerts-outcome-sending = 📤 sending: { $sent } of { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
}

## Place catalog (admins)
addtopic-usage = Send the Arabic name, the English name and optionally the place it belongs to, separated by |, e.g. <code>/addtopic الشحيل | Al-Shuhayl | دير الزور</code>.
addtopic-exists = A place with the identifier { $slug } already exists.
addtopic-name-taken = That name already belongs to the place <b>{ $topic }</b>. Use /alias to give it another name.
addtopic-done = ✅ Added the place <b>{ $topic }</b> ({ $slug }). { $count ->
    [0] No recent article mentions it yet.
    [one] One recent article mentions it and now carries it.
   *[other] { $count } recent articles mention it and now carry it.
}
addtopic-done-under = ✅ Added the place <b>{ $topic }</b> ({ $slug }) under { $parent }. { $count ->
    [0] No recent article mentions it yet.
    [one] One recent article mentions it and now carries it.
   *[other] { $count } recent articles mention it and now carry it.
}
alias-usage = Send the place and its new name separated by |, e.g. <code>/alias دير الزور | Deir Ezzor city</code>.
alias-exists = “{ $alias }” is already a name of { $topic }.
alias-done = ✅ “{ $alias }” now means <b>{ $topic }</b>, in lookups and in tagging. { $count ->
    [0] No recent article changed.
    [one] One recent article was tagged again.
   *[other] { $count } recent articles were tagged again.
}
alias-shared = Note: “{ $alias }” is also a name of { $other }; readers typing it will be asked which one they mean.

## Feeds (editors)
feeds-title = 🛰 <b>Feeds</b>
feeds-none = No feeds yet. Add one with <code>/addfeed https://example.org/feed.xml</code>.
feeds-auto = ⚡ auto-alert
feeds-last-success = ✓ Last success { $time } · { $count ->
    [one] one article in all
   *[other] { $count } articles in all
}
feeds-never-succeeded = … not read successfully yet
feeds-last-error = ✗ Failing since { $time } ({ $failures } in a row):
feeds-gone = There is no such feed. /feeds lists them.
button-auto-on = ⚡ Auto-alert { $id }: turn on
button-auto-off = ⚡ Auto-alert { $id }: turn off
toast-auto-on = Breaking items of this feed will become alerts
toast-auto-off = This feed's breaking items will wait for an editor
addfeed-usage = Send the feed's address, and "auto" for its breaking items to become alerts by themselves: <code>/addfeed https://example.org/feed.xml auto</code>
addfeed-bad-url = “{ $url }” is not a web address (http or https).
addfeed-exists = That feed is already there as { $id }.
addfeed-added = ✅ Added feed { $id }: <b>{ $title }</b>
addfeed-first-poll = { $count ->
    [0] Read it: nothing new to store.
    [one] Read it: one new article stored.
   *[other] Read it: { $count } new articles stored.
}
addfeed-first-poll-failed = I'll keep trying, less and less often, and /feeds shows how it goes.
removefeed-usage = Send the feed's number from /feeds, e.g. <code>/removefeed 3</code>.
removefeed-done = Removed feed { $id } ({ $title }). Its articles stay.

## Additions
welcome-after-link = 👋 Welcome to <b>Nashra</b>. You'll get breaking alerts and digests on this place. Add other places with /topics, change language and time zone in /settings, and find every command in /help.
unsubscribe-emptied = You no longer follow any place. Choose some with /topics.
toast-covered = ✓ Now following { $topic } on its own too (it came through { $parent }): its news stays if you stop following { $parent }.
offer-topics-in-text = I can send you the news of these places. Choose what to follow, or see the latest with <code>/latest { $topic }</code>.
welcome-language-hint = بالعربية: /settings ← 🌐
feed-error-not-found = There is no feed at that address (404).
feed-error-forbidden = The site refuses to serve the feed (forbidden).
feed-error-http = The site answered with error { $status }.
feed-error-timeout = The site did not answer in time.
feed-error-too-large = The feed is larger than the limit.
feed-error-network = The site could not be reached.
feed-error-not-a-feed = That address does not serve a valid RSS or Atom feed.
feed-error-redirects = The site redirects too many times.
feed-error-bad-url = The feed's address (or the one it redirects to) is not one the bot can read.
feed-error-not-public = The feed's address is not a public internet address, and the bot does not read private networks (<code>FEED_ALLOW_HOSTS</code> lists the private hosts a newsroom allows).
feed-error-aborted = The read was interrupted because the bot was stopping; it is tried again.
feed-error-other = The feed could not be read: { $error }

## Feeds parsed in a thread of their own (huge or complex feeds)
feed-error-parse-timeout = Reading the feed took longer than allowed: it is too large or too complex. It is tried again later.
feed-error-parse-failed = The feed could not be read: it is too large or too complex. It is tried again later.

## In groups and channels (replace the messages that speak to a person; $chat is group or channel)
subscribe-done-group = ✅ { $chat ->
    [channel] This channel
   *[group] This group
} now follows <b>{ $topic }</b>.
subscribe-done-with-children-group = ✅ { $chat ->
    [channel] This channel
   *[group] This group
} now follows <b>{ $topic }</b>, including { $children }.
subscribe-done-many-group = ✅ { $chat ->
    [channel] This channel
   *[group] This group
} now follows <b>{ $topics }</b>.
subscribe-already-group = { $chat ->
    [channel] This channel
   *[group] This group
} already follows <b>{ $topic }</b>.
mytopics-none-group = { $chat ->
    [channel] This channel
   *[group] This group
} doesn't follow any place yet. Its admins choose with /topics.
mytopics-list-group = { $count ->
    [one] <b>{ $chat ->
    [channel] This channel
   *[group] This group
} follows one place:</b>
   *[other] <b>{ $chat ->
    [channel] This channel
   *[group] This group
} follows { $count } places:</b>
}
unsubscribe-done-group = { $chat ->
    [channel] This channel
   *[group] This group
} no longer follows <b>{ $topic }</b>.
unsubscribe-not-subscribed-group = { $chat ->
    [channel] This channel
   *[group] This group
} doesn't follow <b>{ $topic }</b>.
unsubscribe-emptied-group = { $chat ->
    [channel] This channel
   *[group] This group
} no longer follows any place. Its admins choose with /topics.
latest-mine-group = 📰 <b>Latest from { $chat ->
    [channel] this channel's
   *[group] this group's
} places</b> · page { $page }/{ $pages }
latest-hint-subscribe-group = { $chat ->
    [channel] This channel
   *[group] This group
} doesn't follow any place yet, so this is everything. Its admins choose with /topics.
toast-subscribed-group = ✓ { $chat ->
    [channel] This channel
   *[group] This group
} now follows { $topic }
toast-unsubscribed-group = { $chat ->
    [channel] This channel
   *[group] This group
} no longer follows { $topic }
stop-confirm-group = This stops everything { $chat ->
    [channel] this channel
   *[group] this group
} follows and deletes its settings. Are you sure?
stop-done-group = Done: nothing about { $chat ->
    [channel] this channel
   *[group] this group
} is stored any more. Send /start whenever you want to come back.
group-admins-only-group = Only { $chat ->
    [channel] this channel's
   *[group] this group's
} admins can change what it follows.

## Admin tools (grant, revoke, stats)
# A digest schedule in words (describeSchedule in src/digests/schedule.ts); plain text.
schedule-daily = every day at { $time } ({ $zone })
schedule-weekly = every { $day } at { $time } ({ $zone })
schedule-cron = on the cron schedule “{ $cron }” ({ $zone })
# /grant and /revoke. $user is a Telegram user id; $role is editor or admin.
role-name = { $role ->
    [admin] an admin
   *[editor] an editor
}
grant-usage = Usage: <code>/grant &lt;user id&gt; editor</code> or <code>/grant &lt;user id&gt; admin</code>, e.g. <code>/grant 123456789 editor</code>, or by username if they have written to me: <code>/grant @lina_reports editor</code>. The id is the person's numeric Telegram id; they can see it with a bot such as @userinfobot.
grant-done = ✅ User <code>{ $user }</code> is now { role-name }. Their command menu shows the new commands.
grant-already = User <code>{ $user }</code> is already { role-name }.
grant-config-admin = User <code>{ $user }</code> is an admin through <code>ADMIN_IDS</code> in the configuration; there is nothing to grant.
grant-config-editor = User <code>{ $user }</code> is already an editor through <code>EDITOR_IDS</code> in the configuration.
revoke-usage = Usage: <code>/revoke &lt;user id&gt;</code>, e.g. <code>/revoke 123456789</code>.
revoke-done = ✅ User <code>{ $user }</code> is no longer { role-name }; they are a reader now.
revoke-done-config-editor = ✅ The admin role granted to <code>{ $user }</code> is withdrawn. They stay an editor through <code>EDITOR_IDS</code> in the configuration.
revoke-done-config = ✅ The role granted to <code>{ $user }</code> in the bot is withdrawn, but they stay { role-name } through <code>{ $variable }</code> in the configuration. Remove the id from <code>{ $variable }</code> and restart Nashra to take that away too.
revoke-config = ⛔ User <code>{ $user }</code> is { role-name } through <code>{ $variable }</code> in the configuration, which cannot be revoked from the bot. Remove the id from <code>{ $variable }</code> and restart Nashra.
revoke-none = User <code>{ $user }</code> has no role to revoke.
role-notice-granted = You are now { role-name } of <b>Nashra</b>. /help lists your commands.
role-notice-revoked = Your role in <b>Nashra</b> was withdrawn; you keep everything a reader can do.
# /stats
stats-title = 📊 <b>Nashra statistics</b> · { $time }
stats-readers = 👥 <b>Readers</b>: { $total }
stats-readers-private = • People (private chats): { $active } active, { $inactive } inactive
stats-readers-groups = • Groups: { $active } active, { $inactive } inactive
stats-readers-channels = • Channels: { $active } active, { $inactive } inactive
stats-inactive-note = <i>Inactive: blocked or removed the bot; they come back when they write to it.</i>
stats-topics = 🏷 <b>Follows</b>: { $count } (a chat that follows two places counts twice). Most followed places:
stats-topics-none = 🏷 <b>Follows</b>: none yet.
stats-topic-line = { $rank }. { $topic }: { $count }
stats-topics-more = …and { $count } more places.
stats-articles = 📰 <b>Articles</b>: { $today } published today (since midnight), { $total } in all
stats-deliveries = 📬 <b>Last 24 hours</b>: { $sent } alerts and digests delivered, { $failed } failed
stats-queue = ⏳ <b>Alerts and digests waiting to be sent</b>: { $depth }
stats-chart-caption = 📈 Readers and messages per day over the last 30 days ({ $zone } time).
stats-chart-failed = The chart could not be drawn this time; the figures above are complete.
chart-title = Nashra: readers and messages, last 30 days
chart-readers = Readers
chart-deliveries = Messages per day
chart-sent = Sent
chart-failed = Failed

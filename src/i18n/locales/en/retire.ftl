# /retiretopic: an admin takes a place off the list; its articles keep it (issue 13).

cmd-retiretopic = Take a place off the list (its articles stay)
retiretopic-usage = Write the place to take off the list of places, by name or number, e.g. <code>/retiretopic Omar oil field</code> or <code>/retiretopic #12</code>. Its articles stay; its followers are told once.
retiretopic-several = “{ $input }” is the name of more than one place: { $names }. Write the number of the one you mean, e.g. <code>/retiretopic { $id }</code>.
retiretopic-already = <b>{ $topic }</b> was already taken off the list of places ({ $time }); nothing changed.
retiretopic-children = ⛔ I did not take <b>{ $topic }</b> off the list: { $count ->
    [one] one place is
   *[other] { $count } places are
} under it: { $children }. Take those off first, then send the command again.
retiretopic-confirm = ⚠️ Take <b>{ $topic }</b> off the list of places? Readers will no longer find it in /topics or /subscribe, and new articles will not be tagged with it.
retiretopic-confirm-followers = { $count ->
    [0] No chat follows it now.
    [one] One chat follows it now: it stops following it and gets a short message saying so.
   *[other] { $count } chats follow it now: they stop following it and each gets a short message saying so.
}
retiretopic-confirm-parent = The message offers those who do not follow <b>{ $parent }</b> to follow it.
retiretopic-confirm-articles = { $count ->
    [0] It has no articles yet.
    [one] Its one article keeps its tag and stays in search.
   *[other] Its { $count } articles keep their tag and stay in search.
}
retiretopic-confirm-schedules = { $count ->
    [one] Its digest schedule stops and is deleted: { $ids }.
   *[other] Its digest schedules stop and are deleted: { $ids }.
}
button-retire = Yes, take the place off
retiretopic-cancelled = The place stays.
retiretopic-gone = The places changed since this question, so nothing was taken off. Send /retiretopic again.
retiretopic-done = ✅ <b>{ $topic }</b> is off the list of places; its articles stay. { $count ->
    [0] No chat followed it.
    [one] One chat no longer follows it and will get a message saying so.
   *[other] { $count } chats no longer follow it and will each get a message saying so.
}
retiretopic-done-schedules = { $count ->
    [one] Digest schedule { $ids } was deleted.
   *[other] Digest schedules { $ids } were deleted.
}
# Next to a retired place among an article's topics in /article.
article-topic-retired = (off the list)

# The one message a follower of a retired place gets.
retire-notice = 📍 The newsroom took <b>{ $topic }</b> off the list of places, so you no longer follow it. Its past news stays in search.
retire-notice-group = 📍 The newsroom took <b>{ $topic }</b> off the list of places, so this { $chat ->
    [channel] channel
   *[group] group
} no longer follows it. Its past news stays in search.
retire-notice-parent = { $topic } is in <b>{ $parent }</b>: follow it with the button below to keep getting its news.
retire-notice-parent-group = { $topic } is in <b>{ $parent }</b>: the { $chat ->
    [channel] channel's
   *[group] group's
} admins can follow it with the button below to keep getting its news.
retire-notice-covered = Its news still reaches you through { $parent }, which you follow.
retire-notice-covered-group = Its news still reaches this { $chat ->
    [channel] channel
   *[group] group
} through { $parent }, which it follows.

# «Ignore» on a breaking item, in the other editors' copies of the offer.
breaking-offer-ignored = <i>{ $id } ignored by { $name }: no alert.</i>

# /mytopics: a followed place's exception of a place since retired (its old articles still keep away).
mytopics-except-retired = (except { $names }, off the list of places now)

# A reader types the name of a retired place (/subscribe, /latest, /alert, /schedule).
topic-retired = The newsroom took <b>{ $topic }</b> off the list of places; it can no longer be chosen.
topic-retired-parent = The newsroom took <b>{ $topic }</b> off the list of places. It is in <b>{ $parent }</b>, whose news includes it.

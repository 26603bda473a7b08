## Watched words (/watch and /unwatch, and from the settings) — docs/audience.md, rule 8
cmd-watch = Get news with a word wherever it happens: /watch water cut
cmd-unwatch = Stop watching a word
settings-watched = 🔎 Watched words: { $phrases }
settings-watched-none = 🔎 Watched words: none
button-watches = 🔎 Watched words
watch-usage = Write a word or phrase whose news you want wherever it happens, even outside your places, after the command, like <code>/watch Conoco</code> or <code>/watch انقطاع المياه</code>; several can be given, separated by commas.
watch-usage-group = Write a word or phrase whose news this { $chat ->
    [channel] channel
   *[group] group
} wants wherever it happens, even outside its places, after the command, like <code>/watch Conoco</code> or <code>/watch انقطاع المياه</code>; several can be given, separated by commas.
watch-how = An article that mentions a watched word comes in the digest, and as a breaking alert when it is alerted and alerts are on. Watching «مياه» also watches «المياه» and «بالمياه»; a muted word wins over a watched one.
watch-done = 🔎 Watching «{ $phrase }»: its news will be sent here even from outside the places followed.
watch-exists = «{ $phrase }» is watched already.
watch-limit = That is the limit: { $max } watched words. Stop watching one with /unwatch first.
watch-too-long = «{ $input }» is too long to watch: { $words } words and { $chars } characters at most.
watch-too-short = Write a word of at least two letters.
watch-muted-too = ⚠️ { $phrases } is muted too, and muting wins: its news will not come until it is unmuted with /unmute.
watch-list = 🔎 Watched words ({ $count } of { $max }):
watch-choose = Tap a word to stop watching it.
watch-none = No watched words. Watch one with <code>/watch Conoco</code>.
unwatch-done = ✅ No longer watching «{ $phrase }».
unwatch-unknown = «{ $input }» is not among the watched words.
toast-unwatched = No longer watching «{ $phrase }»
digest-watched = <b>🔎 Watched word: «{ $phrase }»</b>
digest-watched-continued = <b>🔎 Watched word: «{ $phrase }»</b> (continued)
alert-watched = 🔎 Sent because it mentions a watched word: «{ $phrase }»

## A place except some of the places under it («Deir ez-Zor except Mayadin») — docs/audience.md, rule 9
button-except = 🚫 { $parent } except { $topic }
button-follow-own = ✓ Follow { $topic } on its own too
except-done = 🚫 Now following <b>{ $parent } except { $topic }</b>: news of { $topic } and the places under it will not reach you, unless it is also about another place you follow. To have it back, follow { $topic } again.
except-done-group = 🚫 The { $chat ->
    [channel] channel
   *[group] group
} now follows <b>{ $parent } except { $topic }</b>: news of { $topic } and the places under it will not arrive, unless it is also about another place it follows. To have it back, follow { $topic } again.
except-already = <b>{ $parent } except { $topic }</b> is so already.
except-not-covered = The news of <b>{ $topic }</b> does not reach you through a wider place you follow: there is nothing to leave out.
except-not-covered-group = The news of <b>{ $topic }</b> does not arrive through a wider place the { $chat ->
    [channel] channel
   *[group] group
} follows: there is nothing to leave out.
mytopics-except = (except { $names })
picker-covered-choice = The news of <b>{ $topic }</b> reaches you because you follow <b>{ $parent }</b>. Follow { $topic } on its own too, or keep { $parent } except { $topic }:
picker-covered-choice-group = The news of <b>{ $topic }</b> arrives because the { $chat ->
    [channel] channel
   *[group] group
} follows <b>{ $parent }</b>. Follow { $topic } on its own too, or keep { $parent } except { $topic }:
picker-legend-except = 🚫 left out of a wider place you follow
toast-excepted = 🚫 { $parent } except { $topic }
toast-unexcepted = (✓) { $topic } comes through { $parent } again

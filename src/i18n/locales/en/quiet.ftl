# Quiet hours and the reader's own digest (/settings). $from, $to, $time are like 23:00; $zone a zone's name.
settings-quiet = 🌙 Quiet hours: { $from } to { $to }; { $mode }
settings-quiet-none = 🌙 Quiet hours: off
quiet-mode-silent = alerts arrive without sound
quiet-mode-later = alerts wait until they end
settings-own-digest = 🗞 Your own digest: { $when }
settings-next-digest = 🕗 Your next digest: { $when }
own-digest-off = not chosen, the admins' digests only
own-digest-daily = every day at { $time }
own-digest-twice = twice a day, at { $time } and { $second }
own-digest-weekly = every week, on { $day } at { $time }
button-quiet = 🌙 Quiet hours
button-own-digest = 🗞 My own digest
quiet-title = 🌙 <b>Quiet hours</b>
    During quiet hours breaking alerts arrive without sound, or wait until they end, as you choose. A digest due during them waits until they end. An alert editors send as “very urgent” rings at any time.
    The hours are in { $zone } time.
button-quiet-on = 🌙 Turn on, { $from } to { $to }
button-quiet-start = Start: { $time }
button-quiet-end = End: { $time }
button-quiet-silent = 🔕 Without sound
button-quiet-later = ⏰ Wait until they end
button-quiet-off = Turn quiet hours off
quiet-choose-start = When do quiet hours start? ({ $zone } time)
quiet-choose-end = When do quiet hours end? ({ $zone } time)
toast-quiet-set = Quiet hours { $from } to { $to }
toast-quiet-off = Quiet hours turned off
toast-quiet-same = Quiet hours cannot start and end at the same hour. Nothing changed.
toast-quiet-mode-silent = During quiet hours alerts will arrive without sound
toast-quiet-mode-later = During quiet hours alerts will wait until they end
own-digest-title = 🗞 <b>Your own digest</b>
    Besides the admins' digests, choose when a digest of your places reaches you, in { $zone } time. No story reaches you twice, in two digests or after an alert.
button-own-daily = Daily
button-own-twice = Twice daily
button-own-weekly = Weekly
button-own-off = Turn my own digest off
own-digest-choose-daily = At what hour every day? ({ $zone } time)
own-digest-choose-twice = Choose the first time; the second is twelve hours later. ({ $zone } time)
own-digest-choose-day = On which day of the week?
own-digest-choose-weekly = At what hour on { $day }? ({ $zone } time)
toast-own-set = Your own digest: { $when }
toast-own-off = Your own digest is off
# The alert preview: the very urgent Send.
button-alert-urgent = 🔔 Very urgent: rings even in quiet hours
toast-alert-sending-urgent = Sending as very urgent: it rings for everyone…
# The alert's status: messages held for the end of their readers' quiet hours.
alert-status-waiting = ⏰ { $count ->
    [one] One chat waits
   *[other] { $count } chats wait
} until quiet hours end there.

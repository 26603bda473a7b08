## Photos in articles, and editors' edits of a /post (docs/delivery.md, "Photos" and "Edits")

post-with-photo = 🖼 Its photo is stored with it: an alert about it goes out as the photo with its text.
post-edit-hint = ✏️ To correct the article, edit this message of yours.
post-edited = ✏️ Article <b>{ $id }</b> updated from your edit: title, text and places as they now read.
post-edit-unchanged = Article <b>{ $id }</b> already reads like this; nothing changed.
post-edit-duplicate = Your edit gives article <b>{ $id }</b> the text or the link of article <b>{ $other }</b>; it stays as it was.
post-edit-no-title = The edited message has no title any more; article <b>{ $id }</b> stays as it was. Keep a first line after /post.
article-change-edit-text = edited its text (the /post message)
post-edit-alerted = It went out as an alert: { $count ->
    [one] 1 chat has it.
   *[other] { $count } chats have it.
} Their copies stay as they are unless you correct them.
button-correct-alert = { $count ->
    [0] ✏️ Correct any copy sent with the old text
    [one] ✏️ Correct the alert for the 1 reader who got it
   *[other] ✏️ Correct the alert for the { $count } readers who got it
}
toast-correcting-alert = Correcting…
post-edit-sending = ⏳ Its alert is going out now: readers it has not reached yet get the new text.
toast-alert-correct-gone = The article was deleted; its alert is not corrected.
toast-alert-correct-none = No active chat has a copy yet: nothing to correct now.
toast-alert-corrected-already = The alert was already corrected to this text.
alert-correcting = ✏️ Correcting the alert of article <b>{ $id }</b> { $count ->
    [one] in the 1 chat that got it.
   *[other] in the { $count } chats that got it.
}
alert-corrected-above = (This alert was corrected above.)

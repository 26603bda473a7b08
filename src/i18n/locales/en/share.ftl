# Sharing (inline mode, the ↗ buttons) and readers' tips to the newsroom (/tip). docs/sharing.md, docs/tips.md.

## Sharing
button-share = ↗️ Share the article
button-share-numbered = ↗️ { $rank }
# The button above inline results when nothing matches (at most 64 characters).
inline-none = No articles about “{ $query }” yet — open Nashra
inline-none-empty = No articles yet — open Nashra
inline-open = 📖 Open in Nashra

## Tips
cmd-tip = Send the newsroom a tip
tip-ask = Send what you want the newsroom to have now: a text, a photo, a video, a location or a message forwarded from a channel. The editors will not see your name unless you choose so.
tip-confirm = Send it to the newsroom?
    The editors will not see your name unless you choose “Send it with my name”.
tip-button-send = 📨 Send it without my name
tip-button-send-named = 👤 Send it with my name
tip-button-cancel = ✖ Do not send it
tip-sent = ✅ Your tip reached the newsroom as { $id }, without your name. If an editor replies, the reply comes here.
tip-sent-named = ✅ Your tip reached the newsroom as { $id }, with your name. If an editor replies, the reply comes here.
tip-cancelled = The tip was not sent to the newsroom.
tip-gone = This tip was sent or cancelled already.
tip-unavailable = This tip is no longer available.
tip-limited = You sent { $max } tips to the newsroom in the last hour, which is the most there can be. You can send again from { $time }.
tip-private-only = Tips go to the newsroom in a private chat with the bot: { $url }
tip-not-content = This cannot be sent to the newsroom. Send /tip and then a text, a photo, a video, a location or a forwarded message.
tip-kind-text = text
tip-kind-photo = photo
tip-kind-video = video
tip-kind-location = location
tip-kind-voice = voice note
tip-kind-document = file
tip-kind-forward = forwarded message
tip-card-heading = 📨 Reader's tip { $id } · { $kind }
tip-card-anonymous = From: the reader chose not to show their name.
tip-card-named = From:
tip-card-origin = Forwarded from: { $origin }
tip-button-reply = ↩ Reply to the reader
tip-button-article = 📝 Make it an article
tip-button-dismiss = ✖ Dismiss
tip-reply-ask = Write your reply to tip { $id } now: your next message here reaches the reader from the bot, without your name.
tip-button-reply-cancel = ✖ Cancel the reply
tip-reply-cancelled = Reply cancelled; the reader got nothing.
tip-reply-sent = ✅ Your reply went to the sender of tip { $id }.
tip-reply-heading = ✉️ The newsroom's reply to your tip { $id }:
tip-reply-above = ⬆️ This is the newsroom's reply to your tip { $id }.
tip-article-text = 📝 The <code>/post</code> text of tip { $id }: copy it, edit it if you like and send it, or publish it as it is with the button.
tip-button-post = ✅ Publish it as it is
tip-article-no-text = Tip { $id } has no text to make an article of; write the article yourself after <code>/post</code>.
tip-posted-already = Tip { $id } became an article already: { $article }.
tip-dismissed = ✖ Tip dismissed.
tip-handled-already = Another editor dismissed it or made an article of it already.
cmd-tips = Readers' tips still waiting
tips-none = No readers' tips are waiting: every one was dismissed or made into an article.
tips-heading = Readers' tips still waiting ({ $count }):
tips-heading-more = The newest readers' tips still waiting (5, and older ones):
tips-private-only = Readers' tips are shown in your private chat with the bot.
tip-card-missing = (The reader deleted their original message { $id }, so it can no longer be copied. Its text, if it had one, is in the next message.)

# Sharing (inline mode, the ↗ buttons) and readers' tips to the newsroom (/tip). docs/sharing.md, docs/tips.md.

## Sharing
button-share = ↗️ شارك المقال
button-share-numbered = ↗️ { $rank }
# The button above inline results when nothing matches (at most 64 characters).
inline-none = لا مقالات عن «{ $query }» بعد — افتح نشرة
inline-none-empty = لا مقالات بعد — افتح نشرة
inline-open = 📖 افتح في نشرة

## Tips
cmd-tip = أرسل خبرًا أو صورة إلى غرفة الأخبار
tip-ask = أرسل الآن ما تريد إيصاله إلى غرفة الأخبار: نصًا أو صورة أو فيديو أو موقعًا أو رسالة حوّلتها من قناة. لن يرى المحررون اسمك إلا إذا اخترت ذلك.
tip-confirm = أرسلها إلى غرفة الأخبار؟
    لن يرى المحررون اسمك إلا إذا اخترت «أرسلها باسمي».
tip-button-send = 📨 أرسلها دون اسمي
tip-button-send-named = 👤 أرسلها باسمي
tip-button-cancel = ✖ لا ترسلها
tip-sent = ✅ وصلت رسالتك إلى غرفة الأخبار برقم { $id }، دون اسمك. إن ردّ عليك أحد المحررين يصلك الرد هنا.
tip-sent-named = ✅ وصلت رسالتك إلى غرفة الأخبار برقم { $id }، ومعها اسمك. إن ردّ عليك أحد المحررين يصلك الرد هنا.
tip-cancelled = لم تُرسل الرسالة إلى غرفة الأخبار.
tip-gone = سبق أن أُرسلت هذه الرسالة أو أُلغيت.
tip-unavailable = لم تعد هذه الرسالة متاحة.
tip-limited = أرسلت { $max } رسائل إلى غرفة الأخبار خلال الساعة الأخيرة، وهذا أقصى ما يمكن. تستطيع الإرسال من جديد ابتداءً من { $time }.
tip-private-only = تُرسل الأخبار والصور إلى غرفة الأخبار في محادثة خاصة مع البوت: { $url }
tip-not-content = لا يمكن إرسال هذا إلى غرفة الأخبار. أرسل /tip ثم نصًا أو صورة أو فيديو أو موقعًا أو رسالة محوّلة.
tip-kind-text = نص
tip-kind-photo = صورة
tip-kind-video = فيديو
tip-kind-location = موقع
tip-kind-voice = تسجيل صوتي
tip-kind-document = ملف
tip-kind-forward = رسالة محوّلة
tip-card-heading = 📨 رسالة من قارئ إلى غرفة الأخبار { $id } · { $kind }
tip-card-anonymous = المرسل: لم يُظهر القارئ اسمه.
tip-card-named = المرسل:
tip-card-origin = محوّلة من: { $origin }
tip-button-reply = ↩ ردّ على القارئ
tip-button-article = 📝 اجعلها مقالًا
tip-button-dismiss = ✖ اتركها
tip-reply-ask = اكتب الآن ردّك على الرسالة { $id }: رسالتك التالية هنا تصل إلى القارئ من البوت، دون اسمك.
tip-button-reply-cancel = ✖ ألغِ الرد
tip-reply-cancelled = أُلغي الرد، ولم يصل القارئ شيء.
tip-reply-sent = ✅ أُرسل ردّك إلى صاحب الرسالة { $id }.
tip-reply-heading = ✉️ ردّ غرفة الأخبار على رسالتك { $id }:
tip-reply-above = ⬆️ هذا ردّ غرفة الأخبار على رسالتك { $id }.
tip-article-text = 📝 نص <code>/post</code> من الرسالة { $id }: انسخه وعدّله إن شئت ثم أرسله، أو انشره كما هو بالزر.
tip-button-post = ✅ انشره كما هو
tip-article-no-text = لا نص في الرسالة { $id } يصلح مقالًا؛ اكتب المقال بنفسك بعد <code>/post</code>.
tip-posted-already = صارت الرسالة { $id } مقالًا من قبل: { $article }.
tip-dismissed = ✖ تُركت الرسالة.
tip-handled-already = سبق أن تركها محرر آخر أو جعلها مقالًا.
cmd-tips = رسائل القراء التي تنتظر
tips-none = لا رسائل من القراء تنتظر: كل ما وصل تُرك أو صار مقالًا.
tips-heading = رسائل القراء التي تنتظر ({ $count }):
tips-heading-more = أحدث رسائل القراء التي تنتظر (5، وغيرها أقدم منها):
tips-private-only = تُعرض رسائل القراء في محادثتك الخاصة مع البوت.
tip-card-missing = (حذف القارئ رسالته الأصلية { $id }، فلم يعد نسخها ممكنًا. نصها، إن كان لها نص، في الرسالة التالية.)

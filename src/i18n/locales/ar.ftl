# نشرة — الردود بالعربية. كل مفتاح هنا موجود في en.ftl أيضًا (يتحقق من ذلك اختبار).
# الرسائل بصيغة HTML في تيليغرام: الشيفرة تهرّب المتغيرات، والوسوم هنا موثوقة.

## الترحيب والمساعدة
welcome = 👋 أهلًا بك في <b>نشرة</b> يا { $name }!
    أرسل إليك أخبار المناطق التي تتابعها: التنبيهات العاجلة فور وقوعها، وملخصات في مواعيد محددة.
    اضغط على المناطق أدناه لمتابعتها، أو أرسل /subscribe مع اسم المنطقة، مثل <code>/subscribe دير الزور</code>.
welcome-group = 👋 مرحبًا، معكم <b>نشرة</b>. يختار مشرفو المجموعة ما تتابعه عبر /topics أو <code>/subscribe دير الزور</code>، وتجدون كل الأوامر في /help.
start-link-unknown = هذا الرابط يشير إلى منطقة لا أعرفها. اختر من القائمة أدناه.
help-intro = <b>نشرة</b> ترسل إليك أخبار المناطق التي تتابعها.
help-intro-editor = <b>نشرة</b> — أنت <b>محرر</b>: يمكنك أيضًا نشر المقالات وإرسال التنبيهات العاجلة.
help-intro-admin = <b>نشرة</b> — أنت <b>مدير</b>: يمكنك أيضًا جدولة الملخصات وإدارة المناطق والمحررين.
help-outro = متابعة منطقة تشمل المناطق التابعة لها: دير الزور تشمل الميادين والبوكمال.

## قائمة الأوامر
cmd-start = الترحيب واختيار المناطق
cmd-topics = اختر المناطق التي تتابعها
cmd-subscribe = تابع منطقة: /subscribe دير الزور
cmd-unsubscribe = ألغِ متابعة منطقة
cmd-mytopics = مناطقك وإعداداتك
cmd-latest = آخر أخبار مناطقك
cmd-search = ابحث في الأخبار
cmd-mute = احجب الأخبار التي تذكر كلمة: /mute مباراة
cmd-unmute = ألغِ حجب كلمة
cmd-settings = التنبيهات والملخصات واللغة والتوقيت
cmd-help = ما تستطيع نشرة فعله
cmd-stop = ألغِ كل المتابعات واحذف بياناتك
cmd-post = انشر مقالًا
cmd-alert = أرسل تنبيهًا عاجلًا
cmd-alerts = آخر التنبيهات
cmd-feeds = مصادر الأخبار
cmd-addfeed = أضف مصدر RSS/Atom
cmd-removefeed = احذف مصدرًا
cmd-schedule = جدول ملخصًا
cmd-schedules = مواعيد الملخصات
cmd-unschedule = احذف موعد ملخص
cmd-digestnow = أرسل ملخصًا الآن
cmd-digestpreview = اعرض ملخص قارئ قبل إرساله
cmd-grant = امنح مستخدمًا دور محرر أو مدير
cmd-revoke = اسحب دور مستخدم
cmd-addtopic = أضف منطقة
cmd-alias = أضف اسمًا آخر لمنطقة
cmd-stats = القراء والمتابعات والرسائل

## اختيار المناطق
picker-text = <b>اختر المناطق التي تتابعها</b>
    اضغط على محافظة لترى مدنها ومواقعها، أو اكتب هنا اسم أي منطقة لتتابعها مباشرة.
picker-all-of = متابعة كل { $name }
picker-previous = › السابق
picker-next = التالي ‹
topic-gone = هذه المنطقة لم تعد موجودة.
toast-subscribed = ✓ تتابع الآن { $topic }
toast-unsubscribed = ألغيت متابعة { $topic }

## المتابعة وإلغاؤها
subscribe-usage = اكتب اسم المنطقة بعد الأمر، مثل <code>/subscribe دير الزور</code> أو <code>/subscribe Deir ez-Zor</code>، أو اختر من الأزرار أدناه.
subscribe-too-many = هذه أكثر من { $max } مناطق دفعة واحدة. أرسل عددًا أقل تفصل بينها فواصل.
topic-ambiguous = «{ $input }» قد يعني أكثر من منطقة. أيها تقصد؟
topic-ambiguous-list = «{ $input }» قد يعني أكثر من منطقة: { $names }.
topic-unknown-suggest = لا أعرف منطقة باسم «{ $input }». هل تقصد:
topic-unknown-suggest-list = لا أعرف منطقة باسم «{ $input }». هل تقصد: { $names }؟
topic-unknown = لا أعرف منطقة باسم «{ $input }». تجد القائمة في /topics.
subscribe-done = ✅ أصبحت تتابع <b>{ $topic }</b>.
subscribe-done-with-children = ✅ أصبحت تتابع <b>{ $topic }</b>، ومنها { $children }.
subscribe-done-many = ✅ أصبحت تتابع <b>{ $topics }</b>.
subscribe-already = أنت تتابع <b>{ $topic }</b> بالفعل.
unsubscribe-choose = اضغط على منطقة لإلغاء متابعتها:
unsubscribe-unknown = لا تتابع شيئًا باسم «{ $input }». مناطقك:
unsubscribe-done = ألغيت متابعة <b>{ $topic }</b>.
unsubscribe-via-parent = لا تتابع <b>{ $topic }</b> وحدها: تصلك أخبارها لأنك تتابع <b>{ $parent }</b>، وستبقى تصلك ما دمت تتابعها. لإيقاف أخبارها وحدها أبقِ { $parent } ما عدا { $topic }، أو ألغِ متابعة { $parent } كلها.
unsubscribe-not-subscribed = أنت لا تتابع <b>{ $topic }</b>.

## اختيار المناطق بالتدرج وفهم ما يكتبه القارئ (issue 13 items 3, 4)
picker-text-group = <b>اختر المناطق التي تتابعها { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
}</b>
    اضغط على محافظة لترى مدنها ومواقعها، أو أرسل <code>/subscribe</code> مع اسم المنطقة.
picker-place-text = 📍 <b>{ $section }</b> والمناطق التابعة لها — اضغط على منطقة لمتابعتها، واضغط مجددًا للإلغاء.
picker-neighbours-text = 🌍 <b>دول الجوار</b> — اضغط على دولة لمتابعتها، أو افتحها لترى المناطق التابعة لها.
picker-page = صفحة { $page } من { $pages }
picker-legend = ✓ تتابعها · (✓) تصلك أخبارها لأنك تتابع منطقة أوسع تضمها
picker-legend-group = ✓ { $chat ->
    [channel] تتابعها القناة
   *[group] تتابعها المجموعة
} · (✓) تصل أخبارها لأن { $chat ->
    [channel] القناة
   *[group] المجموعة
} تتابع منطقة أوسع تضمها
picker-open = { $name } ‹
picker-neighbours = 🌍 دول الجوار ‹
subscribe-children-more = { $count ->
    [one] ومنطقة أخرى
    [two] ومنطقتان أخريان
    [few] و{ $count } مناطق أخرى
   *[other] و{ $count } منطقة أخرى
}
subscribe-covered = تصلك أخبار <b>{ $topic }</b> بالفعل لأنك تتابع { $parent }.
subscribe-also-via = كانت أخبار { $topic } تصلك عبر متابعتك لـ{ $parent }، وأصبحت تتابعها وحدها أيضًا: تبقى إن ألغيت متابعة { $parent }.
subscribe-also-via-group = كانت أخبار { $topic } تصل إلى { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} عبر متابعتها لـ{ $parent }، وأصبحت تتابعها وحدها أيضًا: تبقى إن أُلغيت متابعة { $parent }.
unsubscribe-done-still-via = ألغيت متابعة <b>{ $topic }</b>، لكن أخبارها ستبقى تصلك لأنك تتابع <b>{ $parent }</b>. لإيقافها وحدها أبقِ { $parent } ما عدا { $topic }، أو ألغِ متابعة { $parent } كلها.
unsubscribe-done-still-via-group = ألغت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} متابعة <b>{ $topic }</b>، لكن أخبارها ستبقى تصل لأنها تتابع <b>{ $parent }</b>. لإيقافها وحدها أبقوا { $parent } ما عدا { $topic }، أو ألغوا متابعة { $parent } كلها.
unsubscribe-via-parent-group = لا تتابع { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} <b>{ $topic }</b> وحدها: تصل أخبارها لأنها تتابع <b>{ $parent }</b>، وستبقى تصل ما دامت تتابعها. لإيقاف أخبارها وحدها أبقوا { $parent } ما عدا { $topic }، أو ألغوا متابعة { $parent } كلها.
unsubscribe-unknown-group = لا تتابع { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} شيئًا باسم «{ $input }». مناطقها:
button-unsubscribe = ألغِ متابعة { $topic }
toast-unsubscribed-still-via = ألغيت متابعة { $topic }، لكن أخبارها ستبقى تصلك لأنك تتابع { $parent }. لإيقافها ألغِ متابعة كل { $parent }.
toast-unsubscribed-still-via-group = أُلغيت متابعة { $topic }، لكن أخبارها ستبقى تصل لأن { $chat ->
    [channel] القناة
   *[group] المجموعة
} تتابع { $parent }. لإيقافها ألغوا متابعة كل { $parent }.
toast-covered-group = ✓ { $chat ->
    [channel] تتابع القناة
   *[group] تتابع المجموعة
} الآن { $topic } وحدها أيضًا، وكانت تصل عبر { $parent }: تبقى أخبارها إن أُلغيت متابعة { $parent }.
button-subscribe-own = تابع { $topic } وحدها أيضًا
offer-subscribe-many = هل تريد متابعة <b>{ $topics }</b>؟ اضغط على ما تريد متابعته.
offer-follow-how = لمتابعة أخبار <b>{ $topic }</b> اضغط الزر أدناه، أو أرسل <code>/subscribe { $topic }</code> متى شئت.
offer-latest = وتجد آخر أخبارها بالأمر <code>/latest { $topic }</code>.

## مناطقي
mytopics-none = لا تتابع أي منطقة بعد. اختر من /topics.
mytopics-list = { $count ->
    [one] <b>تتابع منطقة واحدة:</b>
    [two] <b>تتابع منطقتين:</b>
    [few] <b>تتابع { $count } مناطق:</b>
   *[other] <b>تتابع { $count } منطقة:</b>
}
mytopics-includes = { $count ->
    [one] (ومنطقة تابعة لها)
    [two] (ومنطقتان تابعتان لها)
    [few] (و{ $count } مناطق تابعة لها)
   *[other] (و{ $count } منطقة تابعة لها)
}
button-choose-topics = 📍 اختر المناطق
button-settings = ⚙️ الإعدادات

## الإعدادات
settings-title = <b>الإعدادات</b>
settings-summary = 🔔 التنبيهات العاجلة: { $alerts }
    📰 الملخصات: { $digests }
    🌐 اللغة: { $language }
    🕒 التوقيت: { $timezone } (الساعة الآن { $time })
state-on = مفعّلة
state-off = متوقفة
language-ar = العربية
language-en = English
language-auto = تلقائية (حسب تيليغرام)
button-alerts-turn-on = 🔔 فعّل التنبيهات العاجلة
button-alerts-turn-off = 🔕 أوقف التنبيهات العاجلة
button-digests-turn-on = 📰 فعّل الملخصات
button-digests-turn-off = 📰 أوقف الملخصات
button-language = 🌐 اللغة
button-timezone = 🕒 التوقيت
button-back = › رجوع
settings-choose-language = اختر لغة رسائل نشرة:
settings-choose-timezone = اختر توقيتك (تظهر به أوقات الملخصات والتنبيهات):
toast-alerts-on = فُعّلت التنبيهات العاجلة
toast-alerts-off = أُوقفت التنبيهات العاجلة
toast-digests-on = فُعّلت الملخصات
toast-digests-off = أُوقفت الملخصات
toast-language = تغيّرت اللغة

## الكلمات المحجوبة (/mute و/unmute، ومن الإعدادات)
settings-muted = 🚫 الكلمات المحجوبة: { $phrases }
settings-muted-none = 🚫 الكلمات المحجوبة: لا توجد
button-mutes = 🚫 الكلمات المحجوبة
mute-usage = اكتب بعد الأمر كلمة أو عبارة لا تريد أخبارها، مثل <code>/mute مباراة</code> أو <code>/mute كرة القدم</code>، ويمكن كتابة أكثر من واحدة بينها فواصل.
mute-usage-group = اكتب بعد الأمر كلمة أو عبارة لا تريد { $chat ->
    [channel] القناة
   *[group] المجموعة
} أخبارها، مثل <code>/mute مباراة</code> أو <code>/mute كرة القدم</code>، ويمكن كتابة أكثر من واحدة بينها فواصل.
mute-how = حجب «مباراة» يحجب أيضًا «المباراة» و«ومباراة» و«بالمباراة»؛ ولا يحجب كلمة أخرى تحتويها.
mute-done = 🚫 حُجبت «{ $phrase }»: لن تُرسل هنا التنبيهات العاجلة ولا الملخصات التي تذكرها، ولن تظهر في /latest.
mute-exists = «{ $phrase }» محجوبة من قبل.
mute-limit = بلغ عدد الكلمات المحجوبة حده: { $max } كلمة. ألغِ حجب إحداها بالأمر /unmute أولًا.
mute-too-long = «{ $input }» أطول مما يُحجب: { $words } كلمات و{ $chars } حرفًا على الأكثر.
mute-too-short = اكتب كلمة من حرفين على الأقل.
mute-list = 🚫 الكلمات المحجوبة ({ $count } من { $max }):
mute-choose = اضغط على كلمة لإلغاء حجبها.
mute-none = لا توجد كلمات محجوبة. احجب كلمة بالأمر <code>/mute مباراة</code>.
unmute-done = ✅ أُلغي حجب «{ $phrase }»: ستصل أخبارها من جديد.
unmute-unknown = «{ $input }» ليست بين الكلمات المحجوبة.
toast-unmuted = أُلغي حجب «{ $phrase }»
toast-timezone = التوقيت: { $timezone }

## الإيقاف
stop-confirm = سأُلغي كل متابعاتك وأحذف إعداداتك. هل أنت متأكد؟
button-stop-confirm = نعم، احذف كل شيء
button-cancel = إلغاء
stop-done = تم: لم يعد أي شيء عنك محفوظًا. أرسل /start متى أردت العودة.
stop-cancelled = لم يُحذف شيء.

## الأدوار والأخطاء
refused-editor = ⛔ هذا الأمر مخصص لمحرري غرفة الأخبار.
refused-admin = ⛔ هذا الأمر مخصص لمديري نشرة.
group-admins-only = مشرفو هذه المجموعة وحدهم يستطيعون تغيير ما تتابعه.
group-buttons-admins-only = أزرار هذه الرسالة لمشرفي هذه المحادثة وحدهم.
unknown-command = لا أعرف الأمر { $command }. تجد ما أستطيع فعله في /help.
offer-subscribe = هل تريد متابعة <b>{ $topic }</b>؟
button-subscribe = تابع { $topic }
plain-text-hint = أرسل اسم منطقة لمتابعتها، أو /topics للاختيار من القائمة. تجد كل الأوامر في /help.
button-expired = انتهت صلاحية هذا الزر.
error-not-saved = عذرًا، تعذّر حفظ ذلك الآن فلم يتغيّر شيء. حاول مرة أخرى بعد دقائق.
slow-down = ترسل الرسائل أسرع مما أستطيع الرد عليه. سأرد عليك من جديد بعد دقيقة.
error-generic = عذرًا، حدث خطأ. حاول مرة أخرى.

## آخر الأخبار والبحث
latest-mine = 📰 <b>آخر أخبار مناطقك</b> · صفحة { $page } من { $pages }
latest-topic = 📰 <b>آخر أخبار { $topic }</b> · صفحة { $page } من { $pages }
latest-all = 📰 <b>آخر الأخبار</b> · صفحة { $page } من { $pages }
latest-empty = لا توجد أخبار بعد.
latest-mention = <i>↪ يرد فيه ذكر { $topic } عرضًا</i>
latest-empty-topic = لا توجد أخبار عن { $topic } بعد.
latest-hint-subscribe = لا تتابع أي منطقة بعد، لذا تظهر لك كل الأخبار. اختر ما تتابعه من /topics.
search-usage = اكتب الكلمات التي تبحث عنها بعد الأمر، مثل <code>/search حقل العمر</code> أو <code>/search Omar oil field</code>.
search-heading = 🔎 <b>«{ $query }»</b> · { $count ->
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
   *[other] { $count } مقالًا
} · صفحة { $page } من { $pages }
search-heading-many = 🔎 <b>«{ $query }»</b> · { $count } مقال أو أكثر · صفحة { $page }
search-none = 🔎 لم أجد شيئًا عن «{ $query }».

# البحث: كلمات شائعة وحدها (البحث، الجلسة 4)
search-common-words = 🔎 كلمات «{ $query }» شائعة جدًا فلا يُبحث بها وحدها. أضف كلمة تميّز ما تبحث عنه، مثل اسم مكان أو شخص أو حدث.

## نشر المقالات (للمحررين)
post-usage = اكتب المقال بعد الأمر: السطر الأول عنوانه، والأسطر التالية نصه، والسطر الذي يحوي رابطًا فقط يصبح رابط المقال. مثال:
    <code>/post استهداف حقل العمر بالصواريخ
    استهدفت ثمانية صواريخ القاعدة صباح اليوم…
    https://example.org/omar</code>
post-stored = ✅ حُفظ المقال برقم <b>{ $id }</b>.
post-duplicate = هذا المقال محفوظ من قبل برقم <b>{ $id }</b> (الرابط نفسه أو النص نفسه)، ولم يُضف شيء.
post-topics = المناطق: { $topics }
post-no-topics = لم يطابق نصه أي منطقة. يمكن تعليمي المكان عبر /addtopic أو /alias.

## قراءة المقال كاملًا و/article (للمحررين)
read-full = 📖 اقرأ المقال كاملًا
button-read = 📖 اقرأ المقال كاملًا
button-read-numbered = 📖 { $rank }
read-unknown = لا يوجد مقال برقم { $id }. ربما كان الرابط ناقصًا؛ تجد آخر الأخبار في /latest.
read-deleted = حذف المحررون المقال { $id }، فلم يعد متاحًا للقراءة.
post-read-link = 📖 رابط قراءته كاملًا: { $url }
cmd-article = اعرض مقالًا ومناطقه وصحّحها
article-usage = اكتب رقم المقال بعد الأمر، مثل <code>/article 17</code>. تجد أرقام المقالات في /latest و/search.
article-private-only = افتح المقالات في محادثتك الخاصة مع البوت: أزرار تصحيحها تغيّر ما يصل إلى القراء.
article-unknown = لا يوجد مقال برقم { $id }.
article-deleted = 🗑 المقال { $id } محذوف: لا يظهر في البحث ولا في /latest ولا يصل في ملخص أو تنبيه.
article-heading = 📄 <b>المقال { $id }</b>
article-about = <b>المقال عن:</b> { $topics }
article-mentions = <b>يرد فيه ذكر:</b> { $topics }
article-no-topics = لم يطابق نصه أي منطقة.
article-chosen-legend = ✍ اختيار محرر: لا تغيّره إعادة وسم المقالات.
article-changes = <b>آخر التعديلات</b>
article-change-line = • { $when } · { $by }:
article-change-remove = إزالة { $topic }
article-change-add-about = إضافة { $topic } (المقال عنها)
article-change-add-mention = إضافة { $topic } (ذكر عابر)
article-change-about = جعل المقال عن { $topic }
article-change-mention = جعل { $topic } ذكرًا عابرًا
article-change-delete = حذف المقال
button-article-remove = ✖ { $topic }
button-article-to-mention = ↪ { $topic }: ذكر عابر
button-article-to-about = ⬆ { $topic }: المقال عنها
button-article-add = ➕ أضف منطقة
button-article-delete = 🗑 احذف المقال
button-article-delete-yes = 🗑 نعم، احذفه
button-article-delete-no = لا، أبقِه
article-add-prompt = اكتب اسم المنطقة التي تريد إضافتها إلى المقال { $id }. أي أمر آخر يلغي السؤال.
article-topic-added = ✅ أُضيفت { $topic } إلى المقال { $id }.
article-topic-already = { $topic } من مناطق المقال { $id } من قبل.
article-topic-removed = أُزيلت { $topic } من المقال.
article-topic-now-about = صار المقال عن { $topic }.
article-topic-now-mention = صارت { $topic } ذكرًا عابرًا في المقال.
article-unchanged = لم يتغيّر شيء.
article-gone = هذا المقال لم يعد موجودًا.
article-delete-confirm = 🗑 أتحذف المقال { $id } «{ $title }»؟ يختفي من البحث ومن /latest، ولن يصل في ملخص أو تنبيه بعد الآن. ما أُرسل من قبل يبقى كما هو.
article-deleted-done = 🗑 حُذف المقال { $id }.
article-delete-kept = بقي المقال كما هو.

## Digest schedules (/schedule, /schedules, /unschedule, /digestnow, /digestpreview)
schedule-usage = اكتب الموعد، ثم المنطقة إن شئت، ثم التوقيت إن شئت:
    <code>/schedule daily 08:00</code> — كل يوم
    <code>/schedule weekly الجمعة 07:30 دير الزور</code> — كل أسبوع
    <code>/schedule "0 */6 * * *" tz=Asia/Damascus</code> — تعبير cron من 5 أو 6 حقول بين علامتي تنصيص
    بلا منطقة يشمل الملخص مناطق كل قارئ.
schedule-error-missing-when = لم تكتب الموعد.
schedule-error-unknown-when = لا أفهم «{ $detail }» موعدًا: اكتب daily أو weekly أو تعبير cron بين علامتي تنصيص.
schedule-error-missing-time = ينقص الوقت بصيغة ساعة:دقيقة، مثل 08:00.
schedule-error-bad-time = «{ $detail }» ليس وقتًا صحيحًا: اكتب الساعة من 00 إلى 23 والدقيقة من 00 إلى 59، مثل 08:00.
schedule-error-missing-day = ينقص يوم الأسبوع، مثل الجمعة أو friday.
schedule-error-bad-day = «{ $detail }» ليس يومًا من أيام الأسبوع.
schedule-error-unquoted-cron = ضع تعبير cron بين علامتي تنصيص، مثل "{ $detail }".
schedule-error-unclosed-quote = تعبير cron بلا علامة تنصيص تغلقه.
schedule-error-cron-field-count = تعبير cron يحتاج 5 حقول أو 6، وفيه { $detail }.
schedule-error-bad-cron-field = حقل { $field } في تعبير cron غير صحيح: «{ $detail }».
schedule-error-cron-never-runs = تعبير cron هذا لا يقع في أي يوم: «{ $detail }».
schedule-error-too-frequent = الموعد «{ $detail }» يتكرر أكثر من مرة كل { $minutes } دقائق، وملخصات بهذا التكرار تغرق القراء. اختر فاصلًا أطول، مثل <code>"0 */6 * * *"</code>.
schedule-error-unknown-zone = لا أعرف التوقيت «{ $detail }». اكتب مدينة مثل tz=دمشق أو tz=Berlin، أو اسمه بصيغة IANA مثل tz=Asia/Damascus.
cron-field-second = الثواني
cron-field-minute = الدقائق
cron-field-hour = الساعات
cron-field-day-of-month = يوم الشهر
cron-field-month = الشهر
cron-field-day-of-week = يوم الأسبوع
schedule-own-topics = مناطق كل قارئ
schedule-not-saved = لم يُحفظ الموعد.
schedule-added = ✅ الموعد <b>{ $id }</b>: { $when } · { $topic }
    أول ملخص: { $next }
schedules-heading = 🗓 <b>مواعيد الملخصات</b>
schedules-none = لا مواعيد بعد. أضف واحدًا، مثل <code>/schedule daily 08:00</code>.
schedules-line = <b>{ $id }</b> · { $when } · { $topic }
    التالية: { $next }
unschedule-usage = اكتب رقم الموعد، مثل <code>/unschedule 3</code>. تجد الأرقام في /schedules.
unschedule-done = 🗑 حُذف الموعد { $id }.
schedule-unknown = لا يوجد موعد برقم { $id }. تجد الأرقام في /schedules.
digestnow-usage = اكتب رقم الموعد، مثل <code>/digestnow 3</code>. تجد الأرقام في /schedules.
digestnow-started = ⏳ جارٍ إعداد ملخص الموعد { $id }…
digestnow-done = ✅ ملخص الموعد { $id }: أُعدّ لـ{ $sent } من { $readers ->
    [one] قارئ واحد
    [two] قارئَين
    [few] { $readers } قرّاء
   *[other] { $readers } قارئ
}، وهو في طريقه إليهم (من لا جديد له لا يصله ملخص).
digestnow-nothing = ملخص الموعد { $id }: لا جديد لأي قارئ، فلم يُرسل شيء.
digestnow-failed = ⚠️ تعذّر إعداد ملخص الموعد { $id }. التفاصيل في سجل البوت.
digestnow-stopped = ⏸ توقّف إعداد ملخص الموعد { $id } لأن البوت يتوقف، وسيكتمل عند تشغيله من جديد دون تكرار.
digestpreview-usage = اكتب رقم المحادثة، ورقم الموعد إن شئت (وإلا فالموعد الذي يجري أولًا)، مثل <code>/digestpreview 123456789</code> أو <code>/digestpreview 123456789 #2</code>.
digestpreview-unknown = لا أعرف محادثة برقم { $id }.
digestpreview-empty = لا جديد للمحادثة { $id } منذ ملخصها السابق: لن يصلها ملخص الآن.
digestpreview-digests-off = أوقفت المحادثة { $id } الملخصات في إعداداتها، فلن يصلها ملخص.
digestpreview-inactive = المحادثة { $id } حظرت البوت أو غادرته، فلن يصلها ملخص حتى تكتب إليه من جديد.
digestpreview-heading = 👁 هذا ما ستتلقاه المحادثة { $id } الآن ({ $count ->
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
   *[other] { $count } رسالة
}). لم يُرسل إليها شيء.

## Digests (what readers get)
digest-heading = 📰 <b>ملخص أخبارك</b> · { $when }
digest-topic = <b>📍 { $topic }</b>
digest-topic-continued = <b>📍 { $topic }</b> (تتمة)
digest-more = { $count ->
    [one] …ومقال آخر. تجده في /latest
    [two] …ومقالان آخران. تجدهما في /latest
    [few] …و{ $count } مقالات أخرى. تجدها في /latest
   *[other] …و{ $count } مقالًا آخر. تجدها في /latest
}

## Alerts (/alert, /alerts, what readers get)
alert-label = 🔴 <b>عاجل</b>
alert-private-only = أرسل /alert إليّ في محادثة خاصة: المعاينة وأزرار الإرسال لا تُعرض أمام أعضاء المجموعة.
alert-usage = اكتب المنطقة ثم نقطتين ثم نص التنبيه، مثل:
    <code>/alert دير الزور: انقطاع الكهرباء عن أحياء المدينة</code>
    أو رقم مقال محفوظ: <code>/alert 17</code>
alert-article-unknown = لا يوجد مقال برقم { $id }. تجد أرقام المقالات في /latest و/search.
alert-article-no-topics = المقال { $id } غير موسوم بأي منطقة، فلا أحد يتابعه. علّمني المكان عبر /addtopic أو /alias ثم أعد المحاولة.
alert-choose-topic = «{ $input }» يطابق أكثر من منطقة. إلى متابعي أيّها يُرسل التنبيه؟
alert-no-audience = لا يتابع هذه المنطقة أحد ممن فعّلوا التنبيهات، فلن يصل التنبيه إلى أي محادثة، ولم يُرسل شيء.
alert-already-reached = وصل هذا المقال من قبل تنبيهًا إلى { $count ->
    [one] المحادثة الوحيدة التي تتابعه
    [two] المحادثتين اللتين تتابعانه
    [few] المحادثات الـ{ $count } التي تتابعه
   *[other] المحادثات الـ{ $count } التي تتابعه
}، فلن يُرسل مرة ثانية.
button-alert-send = 📣 إرسال ({ $count })
button-alert-cancel = ✖️ إلغاء
alert-confirm = ⬆️ هذه معاينة التنبيه كما سيصل. { $count ->
    [one] سيصل إلى محادثة واحدة.
    [two] سيصل إلى محادثتين.
    [few] سيصل إلى { $count } محادثات.
   *[other] سيصل إلى { $count } محادثة.
} يبقى زر الإرسال صالحًا { $minutes } دقيقة.
alert-expired = ⌛ انتهت صلاحية هذه المعاينة. أرسل /alert من جديد.
alert-cancelled = ✖️ أُلغي التنبيه، ولم يُرسل شيء.
alert-not-yours = طلب هذا التنبيه محررٌ آخر، وهو وحده من يرسله أو يلغيه.
alert-sent-already = أُرسل هذا التنبيه من قبل.
alert-gone = لم يعد هذا التنبيه موجودًا.
alert-chosen = اخترتَ المنطقة من قبل، والمعاينة أعلاه.
toast-alert-sending = جارٍ الإرسال…
alert-status-sending = 📤 التنبيه { $id }: أُرسل إلى { $sent } من { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
} …
alert-status-done = ✅ انتهى إرسال التنبيه { $id }: وصل إلى { $sent } من { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
}.
alerts-none = لم يُرسل أي تنبيه بعد.
alerts-heading = 📣 <b>آخر التنبيهات</b>
alerts-line-head = <b>{ $id }</b> · { $when } · { $by }
alerts-by-feed = تلقائي من خلاصة
auto-alert-held = ⏸ جاء المصدر <b>{ $feed }</b> بأخبار عاجلة تزيد على ما يُنبَّه به تلقائيًا ({ $max } تنبيهات كل { $minutes } دقائق)، فلم يُرسل منها { $count ->
    [one] خبر واحد
    [two] خبران
    [few] { $count } أخبار
   *[other] { $count } خبرًا
}. لإرسال أحدها أرسل /alert ورقمه: { $ids }
alerts-what-article = المقال { $id }: «{ $title }»
alerts-what-text = { $topic }: «{ $text }»
alerts-outcome-done = ✅ وصل إلى { $sent } من { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
}
alerts-outcome-sending = 📤 جارٍ الإرسال: { $sent } من { $total }{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
}

## قائمة المناطق (للمديرين)
addtopic-usage = اكتب الاسم العربي ثم الإنجليزي ثم المنطقة الأم إن وُجدت، تفصل بينها |، مثل <code>/addtopic الشحيل | Al-Shuhayl | دير الزور</code>.
addtopic-exists = توجد منطقة بالمعرّف { $slug } من قبل.
addtopic-name-taken = هذا الاسم يخص منطقة <b>{ $topic }</b> من قبل. استخدم /alias لإضافة اسم آخر له.
addtopic-done = ✅ أُضيفت منطقة <b>{ $topic }</b> ({ $slug }). { $count ->
    [0] لا يذكرها أي مقال حديث بعد.
    [one] يذكرها مقال حديث واحد، وصار موسومًا بها.
    [two] يذكرها مقالان حديثان، وصارا موسومين بها.
    [few] يذكرها { $count } مقالات حديثة، وصارت موسومة بها.
   *[other] يذكرها { $count } مقالًا حديثًا، وصارت موسومة بها.
}
addtopic-done-under = ✅ أُضيفت منطقة <b>{ $topic }</b> ({ $slug }) ضمن { $parent }. { $count ->
    [0] لا يذكرها أي مقال حديث بعد.
    [one] يذكرها مقال حديث واحد، وصار موسومًا بها.
    [two] يذكرها مقالان حديثان، وصارا موسومين بها.
    [few] يذكرها { $count } مقالات حديثة، وصارت موسومة بها.
   *[other] يذكرها { $count } مقالًا حديثًا، وصارت موسومة بها.
}
alias-usage = اكتب المنطقة ثم اسمها الجديد تفصل بينهما |، مثل <code>/alias دير الزور | مدينة دير الزور</code>.
alias-exists = «{ $alias }» اسم لمنطقة { $topic } من قبل.
alias-done = ✅ صار «{ $alias }» يعني <b>{ $topic }</b> في البحث عن المناطق وفي الوسم. { $count ->
    [0] لم يتغير أي مقال حديث.
    [one] أُعيد وسم مقال حديث واحد.
    [two] أُعيد وسم مقالين حديثين.
    [few] أُعيد وسم { $count } مقالات حديثة.
   *[other] أُعيد وسم { $count } مقالًا حديثًا.
}
alias-shared = تنبيه: «{ $alias }» اسم لمنطقة { $other } أيضًا؛ سيُسأل القراء الذين يكتبونه أيهما يقصدون.

## المصادر (للمحررين)
feeds-title = 🛰 <b>المصادر</b>
feeds-none = لا توجد مصادر بعد. أضف مصدرًا بالأمر <code>/addfeed https://example.org/feed.xml</code>.
feeds-auto = ⚡ تنبيه تلقائي
feeds-last-success = ✓ آخر قراءة ناجحة { $time } · { $count ->
    [0] لم يُضف أي مقال
    [one] مقال واحد إجمالًا
    [two] مقالان إجمالًا
    [few] { $count } مقالات إجمالًا
   *[other] { $count } مقالًا إجمالًا
}
feeds-never-succeeded = … لم تنجح قراءته بعد
feeds-last-error = ✗ يفشل منذ { $time } ({ $failures ->
    [one] مرة واحدة
    [two] مرتين متتاليتين
    [few] { $failures } مرات متتالية
   *[other] { $failures } مرة متتالية
}):
feeds-gone = لا يوجد مصدر بهذا الرقم. تجد المصادر في /feeds.
button-auto-on = ⚡ التنبيه التلقائي { $id }: فعّله
button-auto-off = ⚡ التنبيه التلقائي { $id }: أوقفه
toast-auto-on = ستصبح الأخبار العاجلة من هذا المصدر تنبيهات تلقائيًا
toast-auto-off = ستنتظر الأخبار العاجلة من هذا المصدر قرار محرر
addfeed-usage = اكتب عنوان المصدر، وأضف "auto" لتصبح أخباره العاجلة تنبيهات تلقائيًا: <code>/addfeed https://example.org/feed.xml auto</code>
addfeed-bad-url = «{ $url }» ليس عنوان موقع (http أو https).
addfeed-exists = هذا المصدر موجود من قبل برقم { $id }.
addfeed-added = ✅ أُضيف المصدر { $id }: <b>{ $title }</b>
addfeed-first-poll = { $count ->
    [0] قرأته: لا جديد يُحفظ.
    [one] قرأته: حُفظ مقال جديد واحد.
    [two] قرأته: حُفظ مقالان جديدان.
    [few] قرأته: حُفظت { $count } مقالات جديدة.
   *[other] قرأته: حُفظ { $count } مقالًا جديدًا.
}
addfeed-first-poll-failed = سأعاود المحاولة على فترات متباعدة، وتجد حالته في /feeds.
removefeed-usage = اكتب رقم المصدر كما يظهر في /feeds، مثل <code>/removefeed 3</code>.
removefeed-done = حُذف المصدر { $id } ({ $title }). مقالاته باقية.

## إضافات
welcome-after-link = 👋 أهلًا بك في <b>نشرة</b>. تصلك الآن التنبيهات العاجلة والملخصات عن هذه المنطقة. أضف مناطق أخرى من /topics، وغيّر اللغة والتوقيت من /settings، وتجد كل الأوامر في /help.
unsubscribe-emptied = لم تعد تتابع أي منطقة. اختر ما تتابعه من /topics.
toast-covered = ✓ تتابع الآن { $topic } وحدها أيضًا، وكانت تصلك عبر { $parent }: تبقى أخبارها إن ألغيت متابعة { $parent }.
offer-topics-in-text = يمكنني أن أرسل إليك أخبار هذه المناطق. اختر ما تتابعه، أو اطّلع على آخر أخبارها بالأمر <code>/latest { $topic }</code>.
welcome-language-hint = For English: /settings → 🌐
feed-error-not-found = لم يُعثر على المصدر في هذا العنوان (404).
feed-error-forbidden = الموقع يرفض طلب المصدر (ممنوع).
feed-error-http = أجاب الموقع بخطأ { $status }.
feed-error-timeout = لم يُجب الموقع في الوقت المحدد.
feed-error-too-large = المصدر أكبر من الحد المسموح.
feed-error-network = تعذّر الوصول إلى الموقع.
feed-error-not-a-feed = هذا العنوان لا يقدّم مصدر RSS أو Atom صالحًا.
feed-error-redirects = يحيل الموقع الطلب من عنوان إلى آخر مرات كثيرة.
feed-error-bad-url = عنوان المصدر (أو العنوان الذي يحيل إليه) ليس عنوانًا يستطيع البوت قراءته.
feed-error-not-public = عنوان المصدر ليس عنوانًا عامًا على الإنترنت، ولا يقرأ البوت الشبكات الخاصة (يسرد <code>FEED_ALLOW_HOSTS</code> المضيفين الخاصين الذين تسمح بهم غرفة الأخبار).
feed-error-aborted = انقطعت القراءة لأن البوت كان يتوقف، وستُعاد المحاولة.
feed-error-other = تعذّرت قراءة المصدر: { $error }

## قراءة المصادر في خيط منفصل (المصادر الضخمة أو المعقّدة)
feed-error-parse-timeout = استغرقت قراءة المصدر وقتًا أطول من المسموح لأنه ضخم أو معقّد جدًا، وستُعاد المحاولة لاحقًا.
feed-error-parse-failed = تعذّرت قراءة المصدر لأنه ضخم أو معقّد جدًا، وستُعاد المحاولة لاحقًا.

## في المجموعات والقنوات (تحل محل الرسائل المخاطِبة لشخص؛ ‏$chat هو group أو channel)
subscribe-done-group = ✅ أصبحت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابع <b>{ $topic }</b>.
subscribe-done-with-children-group = ✅ أصبحت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابع <b>{ $topic }</b>، ومنها { $children }.
subscribe-done-many-group = ✅ أصبحت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابع <b>{ $topics }</b>.
subscribe-already-group = { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابع <b>{ $topic }</b> بالفعل.
mytopics-none-group = لا تتابع { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} أي منطقة بعد. يختار المشرفون من /topics.
mytopics-list-group = { $count ->
    [one] <b>{ $chat ->
        [channel] تتابع هذه القناة
       *[group] تتابع هذه المجموعة
    } منطقة واحدة:</b>
    [two] <b>{ $chat ->
        [channel] تتابع هذه القناة
       *[group] تتابع هذه المجموعة
    } منطقتين:</b>
    [few] <b>{ $chat ->
        [channel] تتابع هذه القناة
       *[group] تتابع هذه المجموعة
    } { $count } مناطق:</b>
   *[other] <b>{ $chat ->
        [channel] تتابع هذه القناة
       *[group] تتابع هذه المجموعة
    } { $count } منطقة:</b>
}
unsubscribe-done-group = ألغت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} متابعة <b>{ $topic }</b>.
unsubscribe-not-subscribed-group = { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} لا تتابع <b>{ $topic }</b>.
unsubscribe-emptied-group = لم تعد { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابع أي منطقة. يختار المشرفون من /topics.
latest-mine-group = 📰 <b>آخر أخبار مناطق { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
}</b> · صفحة { $page } من { $pages }
latest-hint-subscribe-group = لا تتابع { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} أي منطقة بعد، لذا تظهر كل الأخبار. يختار المشرفون ما تتابعه من /topics.
toast-subscribed-group = ✓ { $chat ->
    [channel] تتابع هذه القناة
   *[group] تتابع هذه المجموعة
} الآن { $topic }
toast-unsubscribed-group = ألغت { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} متابعة { $topic }
stop-confirm-group = سأُلغي كل متابعات { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} وأحذف إعداداتها. هل أنت متأكد؟
stop-done-group = تم: لم يعد أي شيء عن { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} محفوظًا. أرسلوا /start متى أردتم العودة.
group-admins-only-group = مشرفو { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} وحدهم يستطيعون تغيير ما تتابعه.

## Admin tools (grant, revoke, stats)
# A digest schedule in words (describeSchedule in src/digests/schedule.ts); plain text.
schedule-daily = كل يوم الساعة { $time } ({ $zone })
schedule-weekly = كل يوم { $day } الساعة { $time } ({ $zone })
schedule-cron = وفق جدول cron ‏«{ $cron }» ({ $zone })
# /grant و /revoke. ‏$user معرّف مستخدم في تيليغرام؛ ‏$role هو editor أو admin.
role-name = { $role ->
    [admin] مديرًا
   *[editor] محررًا
}
grant-usage = الاستخدام: <code>/grant &lt;معرّف المستخدم&gt; محرر</code> أو <code>/grant &lt;معرّف المستخدم&gt; مدير</code>، مثل <code>/grant 123456789 محرر</code>، أو باسم المستخدم إن راسلني: <code>/grant @lina_reports محرر</code>. المعرّف هو الرقم الذي يعرّف الشخص في تيليغرام، ويمكنه معرفته من بوت مثل @userinfobot.
grant-done = ✅ أصبح المستخدم <code>{ $user }</code> { role-name }، وتعرض قائمة أوامره الآن الأوامر الجديدة.
grant-already = المستخدم <code>{ $user }</code> { $role ->
    [admin] مدير
   *[editor] محرر
} بالفعل.
grant-config-admin = المستخدم <code>{ $user }</code> مدير بموجب <code>ADMIN_IDS</code> في الإعدادات، فلا حاجة إلى منحه أي دور.
grant-config-editor = المستخدم <code>{ $user }</code> محرر بالفعل بموجب <code>EDITOR_IDS</code> في الإعدادات.
revoke-usage = الاستخدام: <code>/revoke &lt;معرّف المستخدم&gt;</code>، مثل <code>/revoke 123456789</code>.
revoke-done = ✅ لم يعد المستخدم <code>{ $user }</code> { role-name }، وأصبح قارئًا.
revoke-done-config-editor = ✅ سُحب دور المدير الممنوح للمستخدم <code>{ $user }</code>، ويبقى محررًا بموجب <code>EDITOR_IDS</code> في الإعدادات.
revoke-done-config = ✅ سُحب الدور الممنوح للمستخدم <code>{ $user }</code> من داخل البوت، لكنه يبقى { role-name } بموجب <code>{ $variable }</code> في الإعدادات. احذف المعرّف من <code>{ $variable }</code> ثم أعد تشغيل نشرة لسحب هذا الدور أيضًا.
revoke-config = ⛔ المستخدم <code>{ $user }</code> { $role ->
    [admin] مدير
   *[editor] محرر
} بموجب <code>{ $variable }</code> في الإعدادات، ولا يمكن سحب هذا الدور من داخل البوت. احذف المعرّف من <code>{ $variable }</code> ثم أعد تشغيل نشرة.
revoke-none = ليس للمستخدم <code>{ $user }</code> دور يمكن سحبه.
role-notice-granted = أصبحت { role-name } في <b>نشرة</b>. تعرض /help الأوامر المتاحة لك.
role-notice-revoked = سُحب دورك في <b>نشرة</b>، ويبقى لك كل ما يتاح للقراء.
# /stats
stats-title = 📊 <b>إحصاءات نشرة</b> · { $time }
stats-readers = 👥 <b>القراء</b>: { $total }
stats-readers-private = • الأفراد (محادثات خاصة): نشطون { $active } · غير نشطين { $inactive }
stats-readers-groups = • المجموعات: نشطة { $active } · غير نشطة { $inactive }
stats-readers-channels = • القنوات: نشطة { $active } · غير نشطة { $inactive }
stats-inactive-note = <i>غير النشط: من حظر البوت أو أزاله، ويعود نشطًا حين يراسله من جديد.</i>
stats-topics = 🏷 <b>المتابعات</b>: { $count } (المحادثة التي تتابع منطقتين تُعدّ مرتين). أكثر المناطق متابعة:
stats-topics-none = 🏷 <b>المتابعات</b>: لا توجد بعد.
stats-topic-line = { $rank }. { $topic }: { $count }
stats-topics-more = …ومناطق أخرى عددها { $count }.
stats-articles = 📰 <b>المقالات</b>: نُشر اليوم (منذ منتصف الليل) { $today } · المجموع { $total }
stats-deliveries = 📬 <b>آخر 24 ساعة</b>: تنبيهات وملخصات وصلت { $sent } · تعذّر إيصالها { $failed }
stats-queue = ⏳ <b>تنبيهات وملخصات تنتظر الإرسال</b>: { $depth }
stats-chart-caption = 📈 القراء والرسائل يوميًا في آخر 30 يومًا ({ $zone }).
stats-chart-failed = تعذّر رسم المخطط هذه المرة، والأرقام أعلاه كاملة.
chart-title = نشرة: القراء والرسائل في آخر 30 يومًا
chart-readers = القراء
chart-deliveries = الرسائل في اليوم
chart-sent = أُرسلت
chart-failed = تعذّر إرسالها

# نشرة — الردود بالعربية. كل مفتاح هنا موجود في en.ftl أيضًا (يتحقق من ذلك اختبار).
# الرسائل بصيغة HTML في تيليغرام: الشيفرة تهرّب المتغيرات، والوسوم هنا موثوقة.

## الترحيب والمساعدة
welcome = 👋 أهلًا بك في <b>نشرة</b> يا { $name }!
    أرسل إليك أخبار المناطق التي تتابعها: التنبيهات العاجلة فور وقوعها، وملخصات في مواعيد محددة.
    اضغط على المناطق أدناه لمتابعتها، أو أرسل /subscribe مع اسم المنطقة، مثل <code>/subscribe دير الزور</code>.
welcome-group = 👋 <b>نشرة</b> هنا. يختار مشرفو المجموعة المناطق التي تتابعها: /topics أو <code>/subscribe دير الزور</code>. وتجد كل الأوامر في /help.
start-link-unknown = هذا الرابط يشير إلى موضوع لا أعرفه. اختر من القائمة أدناه.
help-intro = <b>نشرة</b> ترسل إليك أخبار المناطق التي تتابعها.
help-intro-editor = <b>نشرة</b> — أنت <b>محرر</b>: يمكنك أيضًا نشر المقالات وإرسال التنبيهات العاجلة.
help-intro-admin = <b>نشرة</b> — أنت <b>مدير</b>: يمكنك أيضًا جدولة الملخصات وإدارة المواضيع والمحررين.
help-outro = متابعة منطقة تشمل المناطق التابعة لها: دير الزور تشمل الميادين والبوكمال.

## قائمة الأوامر
cmd-start = الترحيب واختيار المواضيع
cmd-topics = اختر المواضيع التي تتابعها
cmd-subscribe = تابع موضوعًا: /subscribe دير الزور
cmd-unsubscribe = ألغِ متابعة موضوع
cmd-mytopics = مواضيعك وإعداداتك
cmd-latest = آخر أخبار مواضيعك
cmd-search = ابحث في الأخبار
cmd-settings = التنبيهات والملخصات واللغة والمنطقة الزمنية
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
cmd-addtopic = أضف موضوعًا
cmd-alias = أضف اسمًا آخر لموضوع
cmd-stats = القراء والمتابعات والرسائل

## اختيار المواضيع
picker-text = <b>اختر المناطق التي تتابعها</b> — اضغط للمتابعة، واضغط مجددًا للإلغاء.
    متابعة منطقة تشمل المناطق التابعة لها.

    📍 <b>{ $section }</b> · صفحة { $page } من { $pages }
picker-all-of = { $name } (كلها)
picker-more-topics = مواضيع أخرى
picker-sections = ☰ الأقسام
picker-previous = › السابق
picker-next = التالي ‹
picker-choose-section = اختر قسمًا:
topic-gone = هذا الموضوع لم يعد موجودًا.
toast-subscribed = ✓ تتابع الآن { $topic }
toast-unsubscribed = ألغيت متابعة { $topic }

## المتابعة وإلغاؤها
subscribe-usage = اكتب اسم المنطقة بعد الأمر، مثل <code>/subscribe دير الزور</code> أو <code>/subscribe Deir ez-Zor</code>، أو اختر من الأزرار أدناه.
subscribe-too-many = هذه أكثر من { $max } مواضيع دفعة واحدة. أرسل عددًا أقل تفصل بينها فواصل.
subscribe-ambiguous = «{ $input }» قد يعني أكثر من موضوع. أيها تقصد؟
topic-unknown-suggest = لا أعرف موضوعًا باسم «{ $input }». هل تقصد:
topic-unknown = لا أعرف موضوعًا باسم «{ $input }». تجد القائمة في /topics.
subscribe-done = ✅ أصبحت تتابع <b>{ $topic }</b>.
subscribe-done-with-children = ✅ أصبحت تتابع <b>{ $topic }</b>، ومنها { $children }.
subscribe-done-many = ✅ أصبحت تتابع <b>{ $topics }</b>.
subscribe-already = أنت تتابع <b>{ $topic }</b> من قبل.
subscribe-already-via = (كانت أخبار { $topic } تصلك من قبل عبر متابعتك { $parent }.)
unsubscribe-choose = اضغط على موضوع لإلغاء متابعته:
unsubscribe-unknown = لا تتابع شيئًا باسم «{ $input }». مواضيعك:
unsubscribe-done = ألغيت متابعة <b>{ $topic }</b>.
unsubscribe-via-parent = تصلك أخبار { $topic } لأنك تتابع <b>{ $parent }</b>. ألغِ متابعة { $parent } لإيقافها.
unsubscribe-not-subscribed = أنت لا تتابع <b>{ $topic }</b>.

## مواضيعي
mytopics-none = لا تتابع أي موضوع بعد. اختر من /topics.
mytopics-list = { $count ->
    [one] <b>تتابع موضوعًا واحدًا:</b>
    [two] <b>تتابع موضوعين:</b>
    [few] <b>تتابع { $count } مواضيع:</b>
   *[other] <b>تتابع { $count } موضوعًا:</b>
}
mytopics-includes = { $count ->
    [one] (ومنطقة تابعة لها)
    [two] (ومنطقتان تابعتان لها)
    [few] (و{ $count } مناطق تابعة لها)
   *[other] (و{ $count } منطقة تابعة لها)
}
button-choose-topics = 📍 اختر المواضيع
button-settings = ⚙️ الإعدادات

## الإعدادات
settings-title = <b>الإعدادات</b>
settings-summary = 🔔 التنبيهات العاجلة: { $alerts }
    📰 الملخصات: { $digests }
    🌐 اللغة: { $language }
    🕒 المنطقة الزمنية: { $timezone } (الساعة الآن { $time })
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
button-timezone = 🕒 المنطقة الزمنية
button-back = › رجوع
settings-choose-language = اختر لغة رسائل نشرة:
settings-choose-timezone = اختر منطقتك الزمنية (تظهر بها أوقات الملخصات والتنبيهات):
toast-alerts-on = فُعّلت التنبيهات العاجلة
toast-alerts-off = أُوقفت التنبيهات العاجلة
toast-digests-on = فُعّلت الملخصات
toast-digests-off = أُوقفت الملخصات
toast-language = تغيّرت اللغة
toast-timezone = المنطقة الزمنية: { $timezone }

## الإيقاف
stop-confirm = سيُلغى اشتراك هذه المحادثة في كل المواضيع وتُحذف إعداداتها. هل تريد المتابعة؟
button-stop-confirm = نعم، احذف كل شيء
button-cancel = إلغاء
stop-done = تم: لم يعد أي شيء عن هذه المحادثة محفوظًا. أرسل /start متى أردت العودة.
stop-cancelled = لم يُحذف شيء.

## الأدوار والأخطاء
refused-editor = ⛔ هذا الأمر مخصص لمحرري غرفة الأخبار.
refused-admin = ⛔ هذا الأمر مخصص لمديري نشرة.
group-admins-only = مشرفو هذه المجموعة وحدهم يستطيعون تغيير ما تتابعه.
coming-soon = هذا الأمر قادم قريبًا.
unknown-command = لا أعرف الأمر { $command }. تجد ما أستطيع فعله في /help.
offer-subscribe = هل تريد متابعة <b>{ $topic }</b>؟
button-subscribe = تابع { $topic }
plain-text-hint = أرسل اسم منطقة لمتابعتها، أو /topics للاختيار من القائمة. تجد كل الأوامر في /help.
button-expired = انتهت صلاحية هذا الزر.
error-generic = عذرًا، حدث خطأ. حاول مرة أخرى.

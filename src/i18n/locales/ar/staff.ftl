# Staff rails (issue 13 items 5–8): messages of the staff helper.

staff-private-only = 🔒 أرسل هذا الأمر إليّ في محادثة خاصة: جوابه فيه معرّفات القراء أو أرقام غرفة الأخبار، وليس لأعين أعضاء المجموعة.
addfeed-refused = ⛔ لم أُضف هذا المصدر: قرأتُ العنوان فلم أجد فيه مصدر أخبار.
addfeed-refused-hint = تأكد من العنوان (كثيرًا ما ينتهي بـ <code>/feed</code> أو <code>/rss.xml</code>) ثم أرسل /addfeed من جديد.

# Schedules: cron expressions in words, duplicates.
schedule-days-mon-fri = يوم عمل (من الاثنين إلى الجمعة)
schedule-days-sun-thu = يوم عمل (من الأحد إلى الخميس)
schedule-days-range = يوم من { $from } إلى { $to }
schedule-cron-days = كل { $days } الساعة { $times }
schedule-cron-daily = كل يوم الساعة { $times }
schedule-every-hours = { $count ->
    [1] كل ساعة عند الدقيقة { $minute }
    [2] كل ساعتين عند الدقيقة { $minute }
    [few] كل { $count } ساعات عند الدقيقة { $minute }
   *[other] كل { $count } ساعة عند الدقيقة { $minute }
}
schedule-every-minutes = { $count ->
    [few] كل { $count } دقائق
   *[other] كل { $count } دقيقة
}
schedule-duplicate = الموعد <b>{ $id }</b> هو هذا الموعد نفسه: { $when } · { $topic }. لم أُضف موعدًا ثانيًا، فالقراء كانوا سيتلقّون الملخص مرتين.
schedule-days-list = يوم { $list }

# /grant and /roles
cmd-roles = من يملك أي دور، ومن أين جاءه
grant-username-unknown = لا أعرف مستخدمًا باسم { $name }: أعرف من راسلني أو كتب في مجموعة أنا فيها. اطلب منه أن يرسل /start إليّ، أو اكتب معرّفه الرقمي.
grant-unseen = ⚠️ المستخدم <code>{ $user }</code> لم يستخدم البوت قط، فلعل في المعرّف خطأ. أأجعله { role-name } على أي حال؟
button-grant-anyway = نعم، امنحه الدور
grant-cancelled = لم يُمنح أي دور.
roles-title = 👥 <b>أدوار غرفة الأخبار</b> ({ $count }):
roles-line-config = • <code>{ $user }</code>: { $role ->
    [admin] مدير
   *[editor] محرر
} بموجب <code>{ $variable }</code> في الإعدادات
roles-line-grant = • <code>{ $user }</code>: { $role ->
    [admin] مدير
   *[editor] محرر
} منحه الدور <code>{ $by }</code> في { $time }
roles-line-grant-unknown = • <code>{ $user }</code>: { $role ->
    [admin] مدير
   *[editor] محرر
} مُنح الدور في { $time }
roles-outro = يُسحب الدور الممنوح بالأمر /revoke، أما دور الإعدادات فيتغير بتعديل <code>ADMIN_IDS</code> أو <code>EDITOR_IDS</code> فقط.

# /alias and /unalias
cmd-unalias = احذف اسمًا أضفته لمنطقة
alias-confirm = ⚠️ «{ $alias }» اسم منطقة { $other } من قبل. إن صار يعني { $topic } أيضًا فسيُسأل القراء الذين يكتبونه أي المنطقتين يقصدون، وتُوسم المقالات التي تذكره بالمنطقتين. أأضيفه على أي حال؟
button-alias-anyway = نعم، أضف الاسم
alias-cancelled = لم يُضف الاسم.
alias-gone = تغيّرت المناطق منذ هذا السؤال، فلم يُضف الاسم. أرسل /alias من جديد.
unalias-usage = اكتب المنطقة ثم الاسم الذي تحذفه تفصل بينهما |، مثل <code>/unalias دير الزور | ديرزور</code>، أو الاسم وحده إن لم يكن لغير منطقة واحدة.
unalias-done = 🗑 لم يعد «{ $alias }» يعني <b>{ $topic }</b>. { $count ->
    [0] لم تتغير مناطق أي مقال من آخر 30 يومًا.
    [one] أُعيد وسم مقال واحد من آخر 30 يومًا.
    [two] أُعيد وسم مقالين من آخر 30 يومًا.
    [few] أُعيد وسم { $count } مقالات من آخر 30 يومًا.
   *[other] أُعيد وسم { $count } مقالًا من آخر 30 يومًا.
}
unalias-name = «{ $alias }» هو اسم { $topic } نفسه، فيبقى.
unalias-builtin = «{ $alias }» من أسماء { $topic } في قائمة المناطق المرفقة بالبوت، فيبقى.
unalias-none = ليس «{ $alias }» من أسماء { $topic }.
unalias-unknown = لا توجد منطقة باسم «{ $alias }».
unalias-several = «{ $alias }» اسم لأكثر من منطقة ({ $names }): اكتب المنطقة أولًا، مثل <code>/unalias دير الزور | { $alias }</code>.

# /stats
stats-readers-staff = <i>القراء هم المحادثات التي تصلها الأخبار، ولا تُعدّ بينهم المحادثات الخاصة لفريق غرفة الأخبار ({ $count }).</i>

# Breaking items that wait for an editor (feeds without auto-alert, /post of «عاجل»)
breaking-offer-title = 🔴 { $count ->
    [one] خبر عاجل جديد
    [two] خبران عاجلان جديدان
    [few] { $count } أخبار عاجلة جديدة
   *[other] { $count } خبرًا عاجلًا جديدًا
} من <b>{ $feed }</b>، والتنبيه التلقائي لهذا المصدر متوقف:
breaking-offer-more = …و{ $count } غيرها في /latest.
breaking-offer-hint = «أرسله تنبيهًا» يعرض عليك التنبيه كما سيصل القراء قبل أن ترسله.
button-breaking-alert = 🔴 أرسل { $id } تنبيهًا
button-breaking-ignore = اتركه { $id }
toast-breaking-ignored = تُرك المقال { $id } بلا تنبيه.
post-breaking-offer = 🔴 يبدأ هذا المقال بـ«عاجل»: أترسله تنبيهًا إلى متابعي مناطقه؟

# /digestpreview follows the next run
digestpreview-heading-schedule = 👁 هذا ما سيرسله الموعد <b>{ $schedule }</b> ({ $when }) إلى المحادثة { $id } في موعده التالي { $next } ({ $count ->
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
   *[other] { $count } رسالة
}) إن لم يُنشر جديد قبله. لم يُرسل إليها شيء.
digestpreview-empty-schedule = لن يرسل الموعد { $schedule } شيئًا إلى المحادثة { $id } لو جرى الآن: لا جديد في مناطقها منذ ملخصها السابق أو منذ إنشاء الموعد، أو وصلها ما جدّ تنبيهًا.
digestpreview-no-schedule = <i>لا مواعيد للملخصات بعد، فلن يصلها هذا حتى يُضاف موعد بالأمر /schedule.</i>

# Quiet groups
group-member-private = { $name }، أجيب عن هذا في المحادثة الخاصة كي تبقى المجموعة هادئة: افتحها من الزر أدناه.
button-open-private = افتح المحادثة مع نشرة
welcome-back-group = 👋 عدتُ إلى المجموعة. ما زالت تتابع { $count ->
    [one] منطقة واحدة
    [two] منطقتين
    [few] { $count } مناطق
   *[other] { $count } منطقة
}: { $topics }. يغيّرها مشرفو المجموعة عبر /topics.

# /renametopic
cmd-renametopic = غيّر اسم منطقة
renametopic-usage = اكتب المنطقة ثم اسمها الجديد بالعربية ثم بالإنجليزية تفصل بينها |، مثل <code>/renametopic هجين | هجين البلدة | Hajin town</code>. يبقى اسمها القديم يدل عليها، وتبقى مقالاتها ومتابعوها.
renametopic-done = ✅ صار اسم «{ $old }» الآن <b>{ $topic }</b>. ما زال اسمها القديم يدل عليها، وبقيت مقالاتها ومتابعوها. { $count ->
    [0] لم تتغير مناطق أي مقال من آخر 30 يومًا.
    [one] أُعيد وسم مقال واحد من آخر 30 يومًا.
    [two] أُعيد وسم مقالين من آخر 30 يومًا.
    [few] أُعيد وسم { $count } مقالات من آخر 30 يومًا.
   *[other] أُعيد وسم { $count } مقالًا من آخر 30 يومًا.
}

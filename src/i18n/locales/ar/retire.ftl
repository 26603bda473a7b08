# /retiretopic: an admin takes a place off the list; its articles keep it (issue 13).

cmd-retiretopic = أزل منطقة من القائمة (تبقى مقالاتها)
retiretopic-usage = اكتب المنطقة التي تزيلها من قائمة المناطق، باسمها أو برقمها، مثل <code>/retiretopic حقل العمر</code> أو <code>/retiretopic #12</code>. تبقى مقالاتها، ويُبلَّغ متابعوها مرة واحدة.
retiretopic-several = «{ $input }» اسم لأكثر من منطقة: { $names }. اكتب رقم المنطقة التي تقصدها، مثل <code>/retiretopic { $id }</code>.
retiretopic-already = <b>{ $topic }</b> خارج قائمة المناطق منذ { $time }، فلم يتغير شيء.
retiretopic-children = ⛔ لم أُزل <b>{ $topic }</b>: تحتها في قائمة المناطق { $count ->
    [one] منطقة واحدة
    [two] منطقتان
    [few] { $count } مناطق
   *[other] { $count } منطقة
}: { $children }. أزل هذه أولًا، ثم أرسل الأمر من جديد.
retiretopic-confirm = ⚠️ أأزيل <b>{ $topic }</b> من قائمة المناطق؟ لن يجدها القراء بعدها في /topics ولا في /subscribe، ولن تُوسم بها المقالات الجديدة.
retiretopic-confirm-followers = { $count ->
    [0] لا تتابعها أي محادثة الآن.
    [one] تتابعها الآن محادثة واحدة: تُلغى متابعتها وتصلها رسالة قصيرة تقول ذلك.
    [two] تتابعها الآن محادثتان: تُلغى متابعتهما وتصل كلًّا منهما رسالة قصيرة تقول ذلك.
    [few] تتابعها الآن { $count } محادثات: تُلغى متابعتها وتصل كلًّا منها رسالة قصيرة تقول ذلك.
   *[other] تتابعها الآن { $count } محادثة: تُلغى متابعتها وتصل كلًّا منها رسالة قصيرة تقول ذلك.
}
retiretopic-confirm-parent = تعرض الرسالة على من لا يتابع <b>{ $parent }</b> أن يتابعها.
retiretopic-confirm-articles = { $count ->
    [0] ليس لها أي مقال بعد.
    [one] لها مقال واحد يبقى موسومًا بها كما هو، ويجده القراء في البحث.
    [two] لها مقالان يبقيان موسومين بها كما هما، ويجدهما القراء في البحث.
    [few] لها { $count } مقالات تبقى موسومة بها كما هي، ويجدها القراء في البحث.
    [many] لها { $count } مقالًا تبقى موسومة بها كما هي، ويجدها القراء في البحث.
   *[other] لها { $count } مقال تبقى موسومة بها كما هي، ويجدها القراء في البحث.
}
retiretopic-confirm-schedules = { $count ->
    [one] موعد الملخصات الخاص بها يتوقف ويُحذف: { $ids }.
    [two] موعدا الملخصات الخاصان بها يتوقفان ويُحذفان: { $ids }.
   *[other] مواعيد الملخصات الخاصة بها تتوقف وتُحذف: { $ids }.
}
button-retire = نعم، أزل المنطقة
retiretopic-cancelled = لم تُزل المنطقة.
retiretopic-gone = تغيّرت المناطق منذ هذا السؤال، فلم أُزل شيئًا. أرسل /retiretopic من جديد.
retiretopic-done = ✅ أزلتُ <b>{ $topic }</b> من قائمة المناطق، وبقيت مقالاتها. { $count ->
    [0] لم تكن تتابعها أي محادثة.
    [one] أُلغيت متابعة محادثة واحدة وستصلها رسالة بذلك.
    [two] أُلغيت متابعة محادثتين وستصل كلًّا منهما رسالة بذلك.
    [few] أُلغيت متابعة { $count } محادثات وستصل كلًّا منها رسالة بذلك.
   *[other] أُلغيت متابعة { $count } محادثة وستصل كلًّا منها رسالة بذلك.
}
retiretopic-done-schedules = { $count ->
    [one] حُذف موعد الملخصات { $ids }.
   *[other] حُذفت مواعيد الملخصات { $ids }.
}
# Next to a retired place among an article's topics in /article.
article-topic-retired = (أُزيلت من القائمة)

# The one message a follower of a retired place gets.
retire-notice = 📍 أزالت غرفة الأخبار <b>{ $topic }</b> من قائمة المناطق، فلم تعد تتابعها. تبقى أخبارها السابقة في البحث.
retire-notice-group = 📍 أزالت غرفة الأخبار <b>{ $topic }</b> من قائمة المناطق، فلم تعد { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} تتابعها. تبقى أخبارها السابقة في البحث.
retire-notice-parent = <b>{ $parent }</b> هي المنطقة التي تضم { $topic }: تابعها من الزر أدناه لتصلك أخبارها.
retire-notice-parent-group = <b>{ $parent }</b> هي المنطقة التي تضم { $topic }: يستطيع مشرفو { $chat ->
    [channel] القناة
   *[group] المجموعة
} متابعتها من الزر أدناه لتصل أخبارها إليها.
retire-notice-covered = وما زالت أخبارها تصلك عبر متابعتك لـ{ $parent }.
retire-notice-covered-group = وما زالت أخبارها تصل إلى { $chat ->
    [channel] هذه القناة
   *[group] هذه المجموعة
} عبر متابعتها لـ{ $parent }.

# «Ignore» on a breaking item, in the other editors' copies of the offer.
breaking-offer-ignored = <i>{ $id }: تُرك بلا تنبيه (قرار { $name }).</i>

# /mytopics: a followed place's exception of a place since retired (its old articles still keep away).
mytopics-except-retired = (ما عدا { $names }، خارج قائمة المناطق الآن)

# A reader types the name of a retired place (/subscribe, /latest, /alert, /schedule).
topic-retired = أزالت غرفة الأخبار <b>{ $topic }</b> من قائمة المناطق، فلم يعد ممكنًا اختيارها.
topic-retired-parent = أزالت غرفة الأخبار <b>{ $topic }</b> من قائمة المناطق. <b>{ $parent }</b> هي المنطقة التي تضمها، وأخبار { $parent } تشمل أخبارها.

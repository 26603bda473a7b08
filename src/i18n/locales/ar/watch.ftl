## الكلمات المرصودة (/watch و/unwatch، ومن الإعدادات) — docs/audience.md، القاعدة 8
cmd-watch = تلقَّ أخبار كلمة أينما وقعت: /watch انقطاع المياه
cmd-unwatch = ألغِ رصد كلمة
settings-watched = 🔎 الكلمات المرصودة: { $phrases }
settings-watched-none = 🔎 الكلمات المرصودة: لا توجد
button-watches = 🔎 الكلمات المرصودة
watch-usage = اكتب بعد الأمر كلمة أو عبارة تريد أخبارها أينما وقعت، ولو خارج مناطقك، مثل <code>/watch انقطاع المياه</code>، ويمكن كتابة أكثر من واحدة بينها فواصل.
watch-usage-group = اكتب بعد الأمر كلمة أو عبارة تريد { $chat ->
    [channel] القناة
   *[group] المجموعة
} أخبارها أينما وقعت، ولو خارج المناطق التي تتابعها، مثل <code>/watch انقطاع المياه</code>، ويمكن كتابة أكثر من واحدة بينها فواصل.
watch-how = المقال الذي يذكر كلمة مرصودة يصل في الملخص، ويصل تنبيهًا عاجلًا إذا أُرسل تنبيهًا وكانت التنبيهات مفعّلة. رصد «مياه» يشمل «المياه» و«بالمياه»؛ والكلمة المحجوبة تغلب المرصودة.
watch-done = 🔎 رُصدت «{ $phrase }»: ستصل هنا أخبارها ولو من خارج المناطق المتابَعة.
watch-exists = «{ $phrase }» مرصودة من قبل.
watch-limit = بلغ عدد الكلمات المرصودة حده: { $max } كلمة. ألغِ رصد إحداها بالأمر /unwatch أولًا.
watch-too-long = «{ $input }» أطول مما يُرصد: { $words } كلمات و{ $chars } حرفًا على الأكثر.
watch-too-short = اكتب كلمة من حرفين على الأقل.
watch-muted-too = ⚠️ { $phrases } محجوبة أيضًا، والحجب يغلب: لن تصل أخبارها حتى يُلغى حجبها بالأمر /unmute.
watch-list = 🔎 الكلمات المرصودة ({ $count } من { $max }):
watch-choose = اضغط على كلمة لإلغاء رصدها.
watch-none = لا توجد كلمات مرصودة. ارصد كلمة بالأمر <code>/watch انقطاع المياه</code>.
unwatch-done = ✅ أُلغي رصد «{ $phrase }».
unwatch-unknown = «{ $input }» ليست بين الكلمات المرصودة.
toast-unwatched = أُلغي رصد «{ $phrase }»
digest-watched = <b>🔎 كلمة مرصودة: «{ $phrase }»</b>
digest-watched-continued = <b>🔎 كلمة مرصودة: «{ $phrase }»</b> (تتمة)
alert-watched = 🔎 وصل لأنه يذكر كلمة مرصودة: «{ $phrase }»

## منطقة ما عدا بعض ما تحتها («دير الزور ما عدا الميادين») — docs/audience.md، القاعدة 9
button-except = 🚫 { $parent } ما عدا { $topic }
button-follow-own = ✓ تابع { $topic } وحدها أيضًا
except-done = 🚫 تتابع الآن <b>{ $parent } ما عدا { $topic }</b>: لن تصلك أخبار { $topic } والمناطق التابعة لها، إلا مقالًا يخص أيضًا منطقة أخرى تتابعها. لتعود أخبارها تابع { $topic } من جديد.
except-done-group = 🚫 { $chat ->
    [channel] تتابع القناة
   *[group] تتابع المجموعة
} الآن <b>{ $parent } ما عدا { $topic }</b>: لن تصل أخبار { $topic } والمناطق التابعة لها، إلا مقالًا يخص أيضًا منطقة أخرى تتابعها. لتعود أخبارها تابعوا { $topic } من جديد.
except-already = <b>{ $parent } ما عدا { $topic }</b> هكذا من قبل.
except-not-covered = لا تصلك أخبار <b>{ $topic }</b> عبر منطقة أوسع تتابعها، فلا شيء يُستثنى.
except-not-covered-group = لا تصل أخبار <b>{ $topic }</b> عبر منطقة أوسع تتابعها { $chat ->
    [channel] القناة
   *[group] المجموعة
}، فلا شيء يُستثنى.
mytopics-except = (ما عدا { $names })
picker-covered-choice = تصلك أخبار <b>{ $topic }</b> لأنك تتابع <b>{ $parent }</b>. تابع { $topic } وحدها أيضًا، أو أبقِ { $parent } ما عدا { $topic }:
picker-covered-choice-group = تصل أخبار <b>{ $topic }</b> لأن { $chat ->
    [channel] القناة
   *[group] المجموعة
} تتابع <b>{ $parent }</b>. تابعوا { $topic } وحدها أيضًا، أو أبقوا { $parent } ما عدا { $topic }:
picker-legend-except = 🚫 مستثناة من منطقة أوسع تتابعها
toast-excepted = 🚫 { $parent } ما عدا { $topic }
toast-unexcepted = (✓) عادت أخبار { $topic } عبر { $parent }

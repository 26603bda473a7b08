## الصور في المقالات، وتعديل المحرر رسالة /post (docs/delivery.md: "Photos" و"Edits")

post-with-photo = 🖼 حُفظت صورته معه: التنبيه به يصل صورةً مع نصه.
post-edit-hint = ✏️ لتصحيح المقال عدّل رسالتك هذه.
post-edited = ✏️ حُدّث المقال <b>{ $id }</b> بتعديلك: عنوانه ونصه ومناطقه كما صارت.
post-edit-unchanged = المقال <b>{ $id }</b> بهذا النص من قبل، ولم يتغير شيء.
post-edit-duplicate = تعديلك يجعل المقال <b>{ $id }</b> مطابقًا للمقال <b>{ $other }</b> في نصه أو رابطه، فبقي كما كان.
post-edit-no-title = لم يعد في الرسالة المعدّلة عنوان، فبقي المقال <b>{ $id }</b> كما كان. اترك سطرًا أول بعد /post.
article-change-edit-text = تعديل نصه (رسالة /post)
post-edit-alerted = أُرسل تنبيهًا من قبل: { $count ->
    [one] وصل إلى محادثة واحدة.
    [two] وصل إلى محادثتين.
    [few] وصل إلى { $count } محادثات.
   *[other] وصل إلى { $count } محادثة.
} تبقى نسخها كما هي ما لم تصحّحها.
button-correct-alert = { $count ->
    [zero] ✏️ صحّح ما وصل منه بالنص القديم
   *[other] ✏️ صحّح التنبيه عند من وصله ({ $count })
}
post-edit-sending = ⏳ تنبيهه قيد الإرسال الآن: من لم يصله بعد يصله النص الجديد.
toast-alert-correct-gone = حُذف المقال، فلا تصحيح لتنبيهه.
toast-alert-correct-none = لم تصل نسخة منه بعد إلى محادثة نشطة، فلا شيء يُصحَّح الآن.
toast-correcting-alert = جارٍ التصحيح…
toast-alert-corrected-already = صُحّح التنبيه بهذا النص من قبل.
alert-correcting = ✏️ جارٍ تصحيح تنبيه المقال <b>{ $id }</b> { $count ->
    [one] في المحادثة التي وصلها.
    [two] في المحادثتين اللتين وصلهما.
    [few] في { $count } محادثات وصلها.
   *[other] في { $count } محادثة وصلها.
}
alert-corrected-above = (صُحّح هذا التنبيه أعلاه.)

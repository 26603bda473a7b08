## الصور في المقالات، وتعديل المحرر رسالة /post (docs/delivery.md: "Photos" و"Edits")

post-with-photo = 🖼 حُفظت صورته معه: التنبيه به يصل صورةً مع نصه.
post-edit-hint = ✏️ لتصحيح المقال عدّل رسالتك هذه.
post-edited = ✏️ حُدّث المقال <b>{ $id }</b> بتعديلك: عنوانه ونصه ومناطقه كما صارت.
post-edit-unchanged = المقال <b>{ $id }</b> بهذا النص من قبل، ولم يتغير شيء.
post-edit-duplicate = تعديلك يجعل نص المقال <b>{ $id }</b> مطابقًا للمقال <b>{ $other }</b>، فبقي كما كان.
post-edit-no-title = لم يعد في الرسالة المعدّلة عنوان، فبقي المقال <b>{ $id }</b> كما كان. اترك سطرًا أول بعد /post.
article-change-edit-text = تعديل نصه (رسالة /post)

## الصور في المقالات، وتعديل المحرر رسالة /post (docs/delivery.md: "Photos" و"Edits")

post-with-photo = 🖼 حُفظت صورته معه: التنبيه به يصل صورةً مع نصه.
post-edit-hint = ✏️ لتصحيح المقال عدّل رسالتك هذه.

# Staff rails (issue 13 items 5–8): messages of the staff helper.

staff-private-only = 🔒 أرسل هذا الأمر إليّ في محادثة خاصة: جوابه فيه معرّفات القراء أو أرقام غرفة الأخبار، وليس لأعين أعضاء المجموعة.
addfeed-refused = ⛔ لم أُضف هذا المصدر: قرأتُ العنوان فلم أجد فيه مصدر أخبار.
addfeed-refused-hint = تأكد من العنوان (كثيرًا ما ينتهي بـ <code>/feed</code> أو <code>/rss.xml</code>) ثم أرسل /addfeed من جديد.

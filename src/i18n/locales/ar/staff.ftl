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

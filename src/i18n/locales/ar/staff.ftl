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

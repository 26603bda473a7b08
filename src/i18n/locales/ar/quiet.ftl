# ساعات الهدوء والملخص الخاص (/settings). الأوقات ‏$from و‏$to و‏$time مثل 23:00؛ ‏$zone اسم التوقيت.
settings-quiet = 🌙 ساعات الهدوء: من { $from } إلى { $to }، و{ $mode }
settings-quiet-none = 🌙 ساعات الهدوء: غير مفعّلة
quiet-mode-silent = التنبيهات تصل فيها بلا صوت
quiet-mode-later = التنبيهات تنتظر حتى تنتهي
settings-own-digest = 🗞 ملخصك الخاص: { $when }
settings-next-digest = 🕗 ملخصك القادم: { $when }
own-digest-off = لم تختره، تصلك ملخصات المشرفين وحدها
own-digest-daily = كل يوم الساعة { $time }
own-digest-twice = مرتين كل يوم، الساعة { $time } والساعة { $second }
own-digest-weekly = كل أسبوع، يوم { $day } الساعة { $time }
button-quiet = 🌙 ساعات الهدوء
button-own-digest = 🗞 ملخصي الخاص
quiet-title = 🌙 <b>ساعات الهدوء</b>
    في ساعات الهدوء تصل التنبيهات العاجلة بلا صوت، أو تنتظر حتى تنتهي، كما تختار. والملخص الذي يحين موعده فيها ينتظر حتى نهايتها. التنبيه الذي يرسله المحررون «عاجل جدًا» يرنّ في كل الأوقات.
    الساعات بتوقيت { $zone }.
button-quiet-on = 🌙 تفعيل، من { $from } إلى { $to }
button-quiet-start = تبدأ: { $time }
button-quiet-end = تنتهي: { $time }
button-quiet-silent = 🔕 تصل بلا صوت
button-quiet-later = ⏰ تنتظر حتى تنتهي
button-quiet-off = إيقاف ساعات الهدوء
quiet-choose-start = متى تبدأ ساعات الهدوء؟ (بتوقيت { $zone })
quiet-choose-end = متى تنتهي ساعات الهدوء؟ (بتوقيت { $zone })
toast-quiet-set = ساعات الهدوء من { $from } إلى { $to }
toast-quiet-off = أُوقفت ساعات الهدوء
toast-quiet-same = لا يمكن أن تبدأ ساعات الهدوء وتنتهي في الساعة نفسها. لم يتغير شيء.
toast-quiet-mode-silent = ستصل التنبيهات في ساعات الهدوء بلا صوت
toast-quiet-mode-later = ستنتظر التنبيهات حتى تنتهي ساعات الهدوء
own-digest-title = 🗞 <b>ملخصك الخاص</b>
    إلى جانب ملخصات المشرفين، اختر متى يصلك ملخص بأخبار مناطقك، بتوقيت { $zone }. لا يصلك الخبر نفسه مرتين، لا في ملخصين ولا بعد تنبيه.
button-own-daily = يوميًا
button-own-twice = مرتين يوميًا
button-own-weekly = أسبوعيًا
button-own-off = إيقاف ملخصي الخاص
own-digest-choose-daily = في أي ساعة يصلك الملخص كل يوم؟ (بتوقيت { $zone })
own-digest-choose-twice = اختر الموعد الأول، ويأتي الثاني بعده باثنتي عشرة ساعة. (بتوقيت { $zone })
own-digest-choose-day = في أي يوم من الأسبوع يصلك الملخص؟
own-digest-choose-weekly = في أي ساعة يصلك الملخص يوم { $day }؟ (بتوقيت { $zone })
toast-own-set = ملخصك الخاص: { $when }
toast-own-off = أُوقف ملخصك الخاص
# معاينة التنبيه: زر الإرسال العاجل جدًا.
button-alert-urgent = 🔔 عاجل جدًا: يرنّ حتى في ساعات الهدوء
toast-alert-sending-urgent = جارٍ الإرسال عاجلًا جدًا، ويرنّ عند الجميع…
# حالة التنبيه: رسائل تنتظر انتهاء ساعات الهدوء عند قرائها.
alert-status-waiting = ⏰ { $count ->
    [one] محادثة واحدة تنتظر
    [two] محادثتان تنتظران
    [few] { $count } محادثات تنتظر
   *[other] { $count } محادثة تنتظر
} انتهاء ساعات الهدوء عند قرائها.

## حالة التنبيه قبل أن يُعرف عدد من يصل إليهم (يُحصى بعد الضغط على «أرسل»، docs/alerts.md: "Fan-out")

alert-status-counting = 📤 التنبيه { $id }: أُرسل حتى الآن إلى { $sent }{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
} · يُحصى عدد المحادثات التي يصل إليها…
alerts-outcome-counting = 📤 جارٍ الإرسال: { $sent } حتى الآن{ $failed ->
    [0] {""}
   *[other] {" · "}تعذّر { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}حظروا البوت { $blocked }
}

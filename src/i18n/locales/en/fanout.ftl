## An alert's status before the number of chats it goes to is known (counted after Send, docs/alerts.md: "Fan-out")

alert-status-counting = 📤 Alert { $id }: sent to { $sent } so far{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
} · counting the chats it goes to…
alerts-outcome-counting = 📤 sending: { $sent } so far{ $failed ->
    [0] {""}
   *[other] {" · "}failed { $failed }
}{ $blocked ->
    [0] {""}
   *[other] {" · "}blocked the bot { $blocked }
}

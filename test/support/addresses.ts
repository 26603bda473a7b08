// Spellings of the loopback address that a feed URL may use to reach inside (issue 11, item 5).
export const LOOPBACK_SPELLINGS = [
  "127.0.0.1",
  "[::1]",
  "0x7f000001",
  "2130706433",
  "127.1",
  "[::ffff:127.0.0.1]",
  "localhost",
] as const;

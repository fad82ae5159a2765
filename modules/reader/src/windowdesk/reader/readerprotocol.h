#pragma once
// The protocol between the GUI and the windowdesk-reader helper: one JSON object per line, UTF-8, over a
// QLocalSocket.
//   request  {"id": 7, "cmd": "hello" | "status" | "read" | "watch" | "sim", ...}
//   reply    {"id": 7, "ok": true, ...}  or  {"id": 7, "ok": false, "error": "<code>", "message": "..."}
//   event    {"event": "card", "card": {...}} | {"event": "card_removed"} | {"event": "read_error", "error":
//   ...}
// hello  -> {"helper": "windowdesk-reader", "version": "...", "protocol": 1, "adapter": "sdt", "library":
// "..."} status -> {"device": "connected" | "not_connected" | "sdk_not_found", "card": "present" | "absent" |
// "unknown"} read {"timeout_ms": N} -> {"card": {...IdCard::toJson()}} watch {"on": true}: the helper looks
// for a card twice a second and sends the events above (a placed card is read
//   at once).
// sim {"action": "place" (+ "card") | "remove" | "connect" | "disconnect" | "slow" (+ "ms") | "fail" (+
// "error")
//   | "crash"}: only with the simulated adapter.
#include <QLatin1StringView>

namespace windowdesk::reader::protocol {

inline constexpr int version = 1;

namespace error {
inline constexpr QLatin1StringView sdkNotFound{"sdk_not_found"};
inline constexpr QLatin1StringView deviceNotConnected{"device_not_connected"};
inline constexpr QLatin1StringView noCard{"no_card"};
inline constexpr QLatin1StringView readFailed{"read_failed"};
inline constexpr QLatin1StringView timeout{"timeout"};
inline constexpr QLatin1StringView badRequest{"bad_request"};
// Client side only: the helper is not running (it died and is being restarted, or cannot be started).
inline constexpr QLatin1StringView helperUnavailable{"helper_unavailable"};
} // namespace error

} // namespace windowdesk::reader::protocol

#pragma once
// The readers of what the platform sends, apart from the network and the database: a change page's envelope
// (platform-api.md: `changes`/`events`, `next_cursor`, `has_more`), the key list of GET /keys, a calendar
// year, and an error body. The sync engine uses them, and the libFuzzer targets (tests/fuzz) feed them
// arbitrary bytes.
#include <windowdesk/core/calendar.h>
#include <windowdesk/core/result.h>
#include <windowdesk/storage/licensekeystore.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

namespace windowdesk::sync {

struct ChangePage {
    QJsonArray records; // the list under the stream's list key, records not yet checked (the applier does)
    QString nextCursor; // never empty
    bool hasMore = false;
};
// Error bad_page: not a JSON object, no array under `listKey`, an empty or non-string next_cursor, or a
// has_more that is not a boolean.
Result<ChangePage> readChangePage(const QByteArray &body, const QString &listKey, const QString &stream);

struct KeyList {
    QList<storage::PlatformKey> keys;
    QList<std::pair<QString, QString>> rejected; // "#<index>", the field missing or not a string
};
// Error bad_page: not an object with a `keys` array. A key with a missing or non-string field is rejected
// (named in `rejected`), the others kept.
Result<KeyList> readKeyList(const QByteArray &body);

// Error bad_page: not a JSON object; calendar_invalid (core::CalendarYear::fromJson): a bad year.
Result<core::CalendarYear> readCalendarYear(const QByteArray &body);

struct ErrorBody {
    QString code; // error.code, or http_<status> when the body names none
    QString message;
    QJsonObject details;
};
// The `{"error": {code, message, details}}` of a non-2xx answer; any other body gives http_<status>.
ErrorBody readErrorBody(const QByteArray &body, int status);

} // namespace windowdesk::sync

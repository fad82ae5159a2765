// libFuzzer target: the platform's small answers — the key list (GET /keys), a calendar year
// (GET /calendar/{year}), an error body, and the stored token pair. The first byte picks the reader. Never a
// crash, a hang or undefined behaviour, and what a reader accepts keeps its invariants.
#include <windowdesk/sync/apiclient.h>
#include <windowdesk/sync/platformreaders.h>

#include <cstddef>
#include <cstdint>

using namespace windowdesk;

namespace {
void check(bool invariant) {
    if (!invariant)
        __builtin_trap();
}

void keys(const QByteArray &body) {
    auto list = sync::readKeyList(body);
    if (!list.ok())
        return;
    for (const auto &k : list->keys)
        check(!k.kid.isEmpty() && !k.alg.isEmpty() && !k.publicKeyPem.isEmpty() && !k.notBefore.isEmpty() &&
              !k.notAfter.isEmpty());
}

void calendar(const QByteArray &body) {
    auto year = sync::readCalendarYear(body);
    if (!year.ok())
        return;
    for (const QDate &d : year->holidays)
        check(d.isValid() && d.year() == year->year && !year->workdays.contains(d));
    for (const QDate &d : year->workdays)
        check(d.isValid() && d.year() == year->year);
    // What was accepted round-trips through the stored form.
    auto again = core::CalendarYear::fromJson(year->toJson());
    check(again.ok() && again->year == year->year && again->holidays == year->holidays &&
          again->workdays == year->workdays && again->provisional == year->provisional);
    const core::WorkingCalendar cal({year.value()});
    for (const QDate &d : year->holidays)
        check(cal.isWorkingDay(d).ok());
}

void errorBody(const QByteArray &body, int status) {
    const sync::ErrorBody e = sync::readErrorBody(body, status);
    check(!e.code.isEmpty());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
        keys(body);
        break;
    case 1:
        calendar(body);
        break;
    case 2:
        errorBody(body, 400 + data[0] % 200);
        break;
    default:
        (void)sync::Tokens::fromJson(body);
        break;
    }
    return 0;
}

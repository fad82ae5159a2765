#pragma once
// Time is injected: due dates, payload expiry, backoff, drill timers and tests depend on it.
#include <QDateTime>
#include <QTimeZone>

namespace windowdesk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    qint64 nowSecs() const { return nowUtc().toSecsSinceEpoch(); }
    // China Standard Time (UTC+8, no DST): the time zone every due date and card is judged in.
    static QTimeZone chinaStandardTime() { return QTimeZone(8 * 3600); }
    QDateTime nowCst() const { return nowUtc().toTimeZone(chinaStandardTime()); }
    QDate todayCst() const { return nowCst().date(); }
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    static const SystemClock &instance() {
        static const SystemClock c;
        return c;
    }
};

// A clock that stands still unless moved: for tests and `--now` options.
class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime utc)
        : m_now(utc.toUTC()) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(QDateTime utc) { m_now = utc.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace windowdesk

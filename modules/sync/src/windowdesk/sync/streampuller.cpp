#include "streampuller.h"

#include "platformreaders.h"
#include "synclogging.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/licensekeystore.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/streamapplier.h>
#include <windowdesk/storage/syncstaterepository.h>

#include <QTimer>
#include <optional>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

StreamPuller::StreamPuller(SyncRun &run, QList<storage::StreamApplier *> appliers, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_appliers(std::move(appliers)) {}

QList<int> StreamPuller::calendarYears() const {
    const int year = m_run.clock.todayCst().year();
    QList<int> years{year, year + 1};
    for (storage::StreamApplier *a : m_appliers)
        for (int y : a->calendarYearsNeeded())
            if (y > year + 1 && y < year + 12 && !years.contains(y))
                years.append(y);
    return years;
}

void StreamPuller::start() {
    m_done = false;
    m_streams.clear();
    m_streams.append({u"keys"_s, u"/keys"_s, false, nullptr});
    for (int y : calendarYears())
        m_streams.append({u"calendar:%1"_s.arg(y), u"/calendar/%1"_s.arg(y), false, nullptr});
    m_streams.append({u"catalog_items"_s, u"/catalog/items"_s, true, nullptr});
    m_streams.append({u"catalog_bundles"_s, u"/catalog/bundles"_s, true, nullptr});
    for (storage::StreamApplier *a : m_appliers) {
        // The hall-wide feed (platform-api.md 1.1): a supervisor's session on a 1.1 platform only.
        if (a->supervisorStream() && !(m_run.api11 && m_run.supervisorSession))
            continue;
        if (a->api11Stream() && !m_run.api11)
            continue; // a 1.0 platform has no such path (the records stay local, 平台暂不支持)
        m_streams.append({a->stream(), a->path(), true, a});
    }
    m_index = -1;
    nextStream();
}

int &StreamPuller::counter(const QString &stream) {
    if (stream == u"catalog_items"_s)
        return m_run.summary.items;
    if (stream == u"catalog_bundles"_s)
        return m_run.summary.bundles;
    if (stream == u"case_changes"_s)
        return m_run.summary.caseChanges;
    if (stream == u"evaluation_changes"_s)
        return m_run.summary.evaluationChanges;
    if (stream == u"case_changes_hall"_s)
        return m_run.summary.hallCaseChanges;
    if (stream == u"queue_events"_s)
        return m_run.summary.queueEvents;
    return m_otherRecords;
}

void StreamPuller::nextStream() {
    ++m_index;
    m_attempts = 0;
    m_restartedAfter410 = false;
    if (m_index >= m_streams.size()) {
        m_done = true;
        m_run.changed();
        return;
    }
    pullPage();
}

void StreamPuller::pullPage() {
    if (!m_run.running)
        return;
    if (m_run.expired()) {
        m_done = true;
        m_run.changed();
        return;
    }
    const Stream &s = m_streams.at(m_index);
    ApiRequest rq;
    // A stream's path may carry its scope ("/cases/changes?scope=hall"); its cursor is its own.
    rq.path = s.path.section(u'?', 0, 0);
    if (s.path.contains(u'?'))
        rq.query = QUrlQuery(s.path.section(u'?', 1));
    rq.authenticated = s.name != u"keys"_s;
    if (s.paged) {
        const QString cursor = storage::SyncStateRepository(m_run.db, m_run.clock).cursor(s.name);
        m_sentCursor = cursor;
        if (!cursor.isEmpty())
            rq.query.addQueryItem(u"since"_s, QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
        rq.query.addQueryItem(u"limit"_s, QString::number(m_run.config.pageLimit));
    }
    m_inFlight = true;
    ++m_run.summary.requests;
    m_run.api.send(rq, [this](const ApiResponse &r) {
        m_inFlight = false;
        answered(r);
        m_run.changed();
    });
}

void StreamPuller::retryLater(const ApiResponse &r) {
    ++m_attempts;
    const qint64 delay = m_run.backoffMs(m_attempts, r.retryAfter);
    const qint64 left = m_run.remainingMs();
    if (m_run.expired() || (left >= 0 && delay > left)) {
        m_run.addError(u"stream"_s, m_streams.at(m_index).name, r.errorCode, r.errorMessage);
        m_done = true; // stream not finished
        return;
    }
    m_inFlight = true; // a retry is pending: the run is not over
    QTimer::singleShot(int(delay), this, [this] {
        m_inFlight = false;
        pullPage();
        m_run.changed();
    });
}

// A page that did not parse: nothing was applied; asked again like a lost answer.
void StreamPuller::retryBadPage(const Error &e) {
    ApiResponse r;
    r.errorCode = e.code;
    r.errorMessage = e.message;
    retryLater(r);
}

bool StreamPuller::restartAfter410(const Stream &s) {
    // cursor_expired: restart from the beginning. Catalog streams replace their cache once the full pull
    // completes; record streams never delete anything local.
    m_restartedAfter410 = true;
    Status st;
    if (s.name.startsWith(u"catalog_"_s)) {
        storage::CatalogImporter importer(m_run.db, m_run.clock);
        st = m_run.guardedWrite([&] { return importer.beginFullPull(s.name); });
    } else {
        storage::SyncStateRepository state(m_run.db, m_run.clock);
        st = m_run.guardedWrite([&] { return state.forgetCursor(s.name); });
    }
    if (!st.ok()) {
        m_run.addError(u"stream"_s, s.name, st.error().code, st.error().message);
        return false;
    }
    qCInfo(lcSync) << "cursor expired, restarting" << s.name;
    return true;
}

void StreamPuller::answered(const ApiResponse &r) {
    const Stream s = m_streams.at(m_index);
    if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500) {
        m_run.noteUnreachable(r);
        retryLater(r);
        return;
    }
    if (r.status == 401) {
        if (m_run.api.authLost())
            m_done = true; // the clerk must log in again
        else
            retryLater(r); // token expired again right after its refresh: ask again
        return;
    }
    if (s.name.startsWith(u"calendar:"_s) && r.status == 404) {
        nextStream(); // calendar_not_published: tolerated
        return;
    }
    if (r.status == 410 && s.paged && !m_restartedAfter410) {
        if (restartAfter410(s))
            pullPage();
        else
            nextStream();
        return;
    }
    if (!r.ok()) {
        m_run.addError(u"stream"_s, s.name, r.errorCode, r.errorMessage);
        nextStream();
        return;
    }
    m_attempts = 0;
    int records = 0;
    bool hasMore = false;
    Status st;
    if (s.name == u"keys"_s)
        st = applyKeys(r.body);
    else if (s.name.startsWith(u"calendar:"_s))
        st = applyCalendar(r.body);
    else if (s.applier)
        st = applyRecordPage(s, r.body, &records, &hasMore);
    else
        st = applyCatalogPage(s, r.body, &records, &hasMore);
    if (!st.ok() && st.error().code == u"bad_page"_s) {
        retryBadPage(st.error());
        return;
    }
    if (!st.ok()) {
        m_run.addError(u"stream"_s, s.name, st.error().code, st.error().message);
        nextStream();
        return;
    }
    applied(s, records, hasMore);
}

void StreamPuller::applied(const Stream &s, int records, bool hasMore) {
    if (s.paged) {
        counter(s.name) += records;
        Q_EMIT progress(s.name, counter(s.name));
    }
    if (hasMore && storage::SyncStateRepository(m_run.db, m_run.clock).cursor(s.name) == m_sentCursor &&
        records == 0) {
        // A platform that keeps answering "more" without moving on: stop the stream rather than loop.
        m_run.addError(u"stream"_s, s.name, u"cursor_stuck"_s, u"the platform's cursor does not advance"_s);
        nextStream();
        return;
    }
    if (hasMore)
        pullPage();
    else
        nextStream();
}

Status StreamPuller::applyKeys(const QByteArray &body) {
    auto list = readKeyList(body);
    if (!list.ok())
        return list.error();
    const QList<storage::PlatformKey> &keys = list->keys;
    const QList<std::pair<QString, QString>> &rejected = list->rejected; // index, field
    storage::LicenseKeyStore store(m_run.db, m_run.clock);
    storage::SyncStateRepository state(m_run.db, m_run.clock);
    const Status st = m_run.guardedWrite([&]() -> Status {
        for (const auto &[index, field] : rejected)
            (void)state.recordRejection(u"keys"_s, index, field, u"missing or not a string"_s);
        return store.replacePlatformKeys(keys);
    });
    for (const auto &[index, field] : rejected)
        m_run.addError(u"stream"_s, u"keys"_s, u"record_rejected"_s,
                       u"%1 %2: missing or not a string"_s.arg(index, field));
    return st;
}

Status StreamPuller::applyCalendar(const QByteArray &body) {
    auto year = readCalendarYear(body);
    if (!year.ok())
        return year.error();
    storage::CalendarRepository repo(m_run.db, m_run.clock);
    return m_run.guardedWrite([&] { return repo.store(year.value(), u"platform"_s); });
}

Status StreamPuller::applyCatalogPage(const Stream &s, const QByteArray &body, int *records, bool *hasMore) {
    storage::CatalogImporter importer(m_run.db, m_run.clock);
    // The first catalog pull from a platform removes the demo hall's catalog.
    storage::SettingsRepository settings(m_run.db, m_run.clock);
    const QString removedKey = QString::fromLatin1(storage::settingkey::demoCatalogRemoved);
    if (auto removed = settings.value(removedKey); removed.ok() && removed->isEmpty()) {
        if (auto rm = importer.removeDemoCatalog(); rm.ok())
            (void)settings.setProgramValue(removedKey, u"1"_s);
    }
    storage::ImportOptions o;
    o.stream = s.name;
    std::optional<Result<storage::ImportResult>> res;
    const Status st = m_run.guardedWrite([&]() -> Status {
        res = s.name == u"catalog_items"_s ? importer.applyItemsPage(body, o)
                                           : importer.applyBundlesPage(body, o);
        return res->ok() ? Status() : Status(res->error());
    });
    if (!st.ok())
        return st;
    const storage::ImportResult &ir = res->value();
    for (const auto &rej : ir.rejected)
        m_run.addError(u"stream"_s, s.name, u"record_rejected"_s,
                       u"%1 %2: %3"_s.arg(rej.recordKey, rej.field, rej.message));
    *records = ir.upserted + ir.deleted;
    *hasMore = ir.hasMore;
    if (!ir.hasMore && storage::SyncStateRepository(m_run.db, m_run.clock).fullPullUnderway(s.name)) {
        std::optional<Result<int>> removed;
        const Status cs = m_run.guardedWrite([&]() -> Status {
            removed = importer.completeFullPull(s.name);
            return removed->ok() ? Status() : Status(removed->error());
        });
        if (!cs.ok())
            m_run.addError(u"stream"_s, s.name, cs.error().code, cs.error().message);
    }
    return {};
}

Status StreamPuller::applyRecordPage(const Stream &s, const QByteArray &body, int *records, bool *hasMore) {
    auto read = readChangePage(body, s.applier->listKey(), s.name);
    if (!read.ok())
        return read.error();
    const QString cursor = read->nextCursor;
    *hasMore = read->hasMore;
    storage::SyncStateRepository state(m_run.db, m_run.clock);
    std::optional<Result<storage::AppliedPage>> page;
    const Status st = m_run.guardedWrite([&]() -> Status {
        page = s.applier->applyPage(read->records);
        if (!page->ok())
            return page->error();
        for (const auto &rej : page->value().rejected)
            if (Status x = state.recordRejection(s.name, rej.key, u""_s, rej.message); !x.ok())
                return x;
        return state.storeCursor(s.name, cursor, !*hasMore);
    });
    if (!st.ok())
        return st;
    for (const auto &rej : page->value().rejected)
        m_run.addError(u"stream"_s, s.name, u"record_rejected"_s, rej.key + u": "_s + rej.message);
    *records = page->value().applied;
    return {};
}

} // namespace windowdesk::sync

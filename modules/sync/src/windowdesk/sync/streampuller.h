#pragma once
// The pull of a sync run (sync-rules.md rule 6): the streams one after the other — keys, calendars, the
// catalog's items and bundles, then the record streams of the registered appliers (cases, evaluations) — each
// page applied with its cursor in one transaction. A failed, truncated or unparsable page changes nothing and
// is asked again with backoff; 410 cursor_expired restarts the stream (the catalog's cache is replaced once
// the full pull completes; records are never deleted).
#include "syncrun.h"

#include <QList>
#include <QObject>

namespace windowdesk::storage {
class StreamApplier;
}

namespace windowdesk::sync {

class StreamPuller : public QObject {
    Q_OBJECT
public:
    StreamPuller(SyncRun &run, QList<storage::StreamApplier *> appliers, QObject *parent = nullptr);

    void start();
    bool done() const { return m_done; }
    void setDone(bool done = true) { m_done = done; }
    bool requestInFlight() const { return m_inFlight; }
    // Every stream was pulled to its end in this run.
    bool finishedAll() const { return m_index >= m_streams.size(); }

Q_SIGNALS:
    void progress(const QString &stream, int records);

private:
    struct Stream {
        QString name; // keys | calendar:<year> | catalog_items | catalog_bundles | an applier's stream
        QString path;
        bool paged = false;
        storage::StreamApplier *applier = nullptr;
    };
    QList<int> calendarYears() const;
    void nextStream();
    void pullPage();
    void answered(const ApiResponse &r);
    bool restartAfter410(const Stream &s);
    void retryLater(const ApiResponse &r);
    void retryBadPage(const Error &e);
    void applied(const Stream &s, int records, bool hasMore);
    Status applyKeys(const QByteArray &body);
    Status applyCalendar(const QByteArray &body);
    Status applyCatalogPage(const Stream &s, const QByteArray &body, int *records, bool *hasMore);
    Status applyRecordPage(const Stream &s, const QByteArray &body, int *records, bool *hasMore);
    int &counter(const QString &stream);

    SyncRun &m_run;
    QList<storage::StreamApplier *> m_appliers;
    QList<Stream> m_streams;
    int m_index = -1;
    int m_attempts = 0;
    bool m_restartedAfter410 = false;
    bool m_inFlight = false;
    bool m_done = false;
    QString m_sentCursor;
    int m_otherRecords = 0; // streams without a summary counter of their own
};

} // namespace windowdesk::sync

#include "syncservice.h"

#include "synclock.h"
#include "synclogging.h"

#include <windowdesk/storage/database.h>

#include <QNetworkInformation>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

SyncService::SyncService(storage::Database &db, const Clock &clock, SyncConfig config, TokenHolder *tokens,
                         QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_status(new SyncStatus(db, clock, this))
    , m_worker(tokens ? std::make_unique<SyncWorker>(db, std::move(config), clock, tokens)
                      : std::make_unique<SyncWorker>(db, std::move(config), clock, QString()))
    , m_lock(std::make_unique<SyncLock>(db.path())) {
    m_timer.setInterval(m_onlineInterval);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::syncNow);
    m_watch.setInterval(1000);
    connect(&m_watch, &QTimer::timeout, this, [this] { (void)m_status->refreshIfChanged(); });
    connect(m_worker.get(), &SyncWorker::tokensChanged, this, &SyncService::tokensChanged);
    connect(m_worker.get(), &SyncWorker::progress, m_status, &SyncStatus::progress);
    // Records of a stream are in the cache once its page is applied: the pages that show them need not
    // wait for the end of the run (which, with the platform's link coming and going, may be a minute away).
    connect(m_worker.get(), &SyncWorker::progress, this, [this](const QString &stream, int records) {
        int &seen = m_pulledThisRun[stream];
        if (records <= seen)
            return;
        seen = records;
        Q_EMIT pulled(stream);
    });
    // The cause of a lost answer shows at once (tooltip: last error), before the run ends.
    connect(m_worker.get(), &SyncWorker::problem, m_status,
            [status = m_status](const QString &code, const QString &message) {
                status->setLastError(code + u": "_s + message);
            });
    connect(m_worker.get(), &SyncWorker::syncFinished, this, [this](const SyncSummary &s) {
        m_lock->unlock();
        m_pulledThisRun.clear();
        bool reached = true;
        for (const auto &e : s.errors) {
            const QString code = e.toObject().value(u"code"_s).toString();
            reached = reached && !isTransportError(code) && code != u"platform_unreachable"_s;
        }
        m_status->setOnline(reached && !s.loginRequired);
        // Unreachable: look again sooner. The timer restarts from now either way.
        m_timer.setInterval(reached ? m_onlineInterval : m_offlineInterval);
        if (m_timer.isActive())
            m_timer.start();
        m_status->setLoginRequired(s.loginRequired);
        m_status->setSyncing(false);
        (void)m_status->refresh();
        Q_EMIT finished(s);
    });
    connect(m_worker.get(), &SyncWorker::loginFinished, this, [this](const LoginOutcome &o) {
        if (o.status.ok())
            m_status->setLoginRequired(false);
        Q_EMIT loginFinished(o);
        if (o.status.ok())
            syncNow();
    });
}

SyncService::~SyncService() = default;

void SyncService::start() {
    (void)m_status->refresh();
    m_timer.start();
    m_watch.start();
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online ||
                        r == QNetworkInformation::Reachability::Site)
                        networkReachabilityChanged(true);
                    else if (r == QNetworkInformation::Reachability::Disconnected)
                        networkReachabilityChanged(false);
                });
    }
    syncNow();
}

void SyncService::setInterval(int ms) {
    m_onlineInterval = ms;
    m_timer.setInterval(m_status->online() ? m_onlineInterval : m_offlineInterval);
}

void SyncService::setOfflineInterval(int ms) {
    m_offlineInterval = ms;
    m_timer.setInterval(m_status->online() ? m_onlineInterval : m_offlineInterval);
}

void SyncService::networkReachabilityChanged(bool reachable) {
    if (reachable) {
        qCInfo(lcSync) << "the network is back: syncing now";
        syncNow();
    } else {
        m_status->setOnline(false);
        m_timer.setInterval(m_offlineInterval);
    }
}

void SyncService::syncNow() {
    if (m_worker->busy())
        return;
    if (!m_lock->tryLock()) {
        qCInfo(lcSync) << "another sync holds the lock; skipping this round";
        return;
    }
    m_status->setSyncing(true);
    SyncRunOptions options;
    options.maxSeconds = 45; // under the 60 s interval: a run never overlaps the next tick for long
    options.stopWhenUnreachable = true;
    m_worker->runSync(options);
}

void SyncService::login(const QString &username, const QString &password) {
    m_worker->runLogin(username, password, true);
}

} // namespace windowdesk::sync

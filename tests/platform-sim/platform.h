#pragma once
// The simulated provincial platform: state in SQLite, one handler per endpoint of platform-api.md.
// Transport concerns (sockets, faults, delays) live in SimServer; this class only maps a request to an
// answer.
#include "simcrypto.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace windowdesk::sim {

struct Options {
    QString dataFile;          // empty: a private temporary database
    int catalogSize = 200;     // generated items on first start
    bool demoCatalog = true;   // also serve the demo hall's catalog (db/demo), first
    qint64 tokenTtlS = 3600;   // access token lifetime
    qint64 refreshGraceS = 60; // a used refresh token answers the same pair this long
    double backofficeStepS = 0;
    double suspendShare = 0.1;
    int ticketEveryS = 5;   // ticket machine period; 0 = off
    double serveEveryS = 0; // the hall's windows (A01, A02, B01) serve the queue every N s; 0 = off
    QString usersFile;
    quint32 seed = 1;
    // platform-api.md 1.1: X-Api-Version on every answer and the 1.1 paths. false: a 1.0 platform (no header,
    // the 1.1 paths answer 404 not_found).
    bool api11 = true;
    int intakePerStep = 0; // back office: cases taken in at other windows of the hall on each step
};

struct Request {
    QByteArray method;
    QString path; // without the /api/v1 prefix, e.g. /cases/HN.../events
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

struct Response {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString inflightKey; // idempotency key held until the answer has left (or was dropped)
    QString route;       // normalised route for logs and stats, e.g. "POST /cases/{case_no}/events"
};

struct User {
    QString id, username, password, name, hallId, hallName, windowNo;
    QStringList roles;
};

class Platform {
public:
    explicit Platform(const Options &options);
    ~Platform();
    bool open(QString *error);

    Response handle(const Request &request);
    void releaseInflight(const QString &key) { m_inflight.remove(key); }

    void backofficeStep(); // every open case moves one status on
    // Cases taken in at other windows of the hall (the hall-wide feed's other windows); returns their
    // numbers.
    QStringList backofficeIntake(const QString &hallId, const QStringList &windows, int count, int daysAgo);
    bool api11() const { return m_options.api11; }
    QString issueTicket(const QString &hallId, const QString &category); // the ticket number
    // One step of the hall's windows: each finishes the ticket it serves, starts the one it called, or
    // calls the next waiting ticket (as clerk u-sim-<window>). Returns {"window_no", "ticket_no", "action"}s.
    QJsonArray serveStep(const QString &hallId, const QStringList &windows);
    const QList<User> &users() const { return m_users; }
    void setTokenTtl(qint64 seconds) { m_options.tokenTtlS = seconds; }
    void setRefreshGrace(qint64 seconds) { m_options.refreshGraceS = seconds; }
    void countRequest(const QString &route, const QByteArray &idempotencyKey) {
        m_requestsPerRoute[route] += 1;
        if (!idempotencyKey.isEmpty())
            m_keysSeen[route].insert(idempotencyKey);
    }
    void countFault(const QString &name) { m_faultCounts[name] += 1; }
    QString routeOf(const QByteArray &method, const QString &path) const;

private:
    struct Calendar {
        bool provisional = false;
        QSet<QDate> holidays, workdays;
    };

    // Infrastructure
    bool exec(const QString &sql);
    QSqlQuery &prepared(const QString &sql);
    bool loadUsers(QString *error);
    bool loadCalendars();
    bool ensureKey();
    bool ensureCatalog();
    qint64 nextSeq() { return ++m_seq; }
    QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
    static QString iso(const QDateTime &t);
    static QDate cstDate(const QDateTime &t);
    bool isWorkingDay(const QDate &d) const;
    QDate addWorkingDays(QDate from, int n) const;
    int workingDaysBetween(const QDate &from, const QDate &toExclusive) const;

    // Responses
    static Response json(int status, const QJsonObject &o);
    static Response error(int status, const QString &code, const QString &message,
                          const QJsonObject &details = {});
    const User *authenticate(const Request &r, Response *failure);
    Response keyed(const Request &r, const User &u, const std::function<Response()> &fn);

    // Cursors: opaque, bound to a stream and to the cursor epoch (POST /sim/cursors/expire bumps it).
    QString makeCursor(const QString &stream, qint64 seq) const;
    bool parseCursor(const QString &stream, const QString &cursor, qint64 *seq, Response *failure) const;
    static int pageLimit(const QUrlQuery &q);

    // Endpoints
    Response login(const Request &r);
    Response refresh(const Request &r);
    Response keys();
    Response catalogPage(const Request &r, const QString &kind);
    Response calendar(int year);
    Response postCase(const Request &r, const User &u);
    Response getCase(const QString &caseNo, const User &u);
    Response caseChanges(const Request &r, const User &u);
    Response caseEvent(const Request &r, const User &u, const QString &caseNo);
    Response postFollowup(const Request &r, const User &u, const QString &caseNo);
    Response evaluationWrite(const Request &r, const User &u, const QString &evaluationId,
                             const QString &kind);
    Response queue(const Request &r, const User &u);
    Response callNext(const Request &r, const User &u);
    Response ticketAction(const Request &r, const User &u, const QString &ticketNo, const QString &action);
    Response resolveLicense(const Request &r, const User &u);
    Response getLicense(const QString &id);
    Response licenseFile(const QString &id);
    Response postEvaluation(const Request &r, const User &u);
    Response evaluationChanges(const Request &r, const User &u);
    Response rectification(const Request &r, const User &u, const QString &evaluationId);
    Response postTraining(const Request &r, const User &u);
    Response leaderboard(const Request &r);
    // Simulator-only
    Response simQr(const Request &r, const QString &licenseId);
    Response simLicenseStatus(const Request &r, const QString &licenseId);
    Response simCatalogMutate(const Request &r, bool remove);
    Response simExpireCursors();
    Response simIssue(const Request &r);
    Response simServe(const Request &r);
    Response queueEvents(const Request &r, const User &u);
    void recordQueueEvent(const QString &hall, const QString &ticketNo, const QString &category,
                          const QString &type, const QString &windowNo, const QString &clerkId,
                          const QString &toCategory = {});
    Response simStats();
    Response simIntake(const Request &r);

    // 跨省通办 receipts (platform-api.md 1.1; crossprovince.cpp)
    bool openCrossProvince();
    Response crossProvinceRoute(const Request &r, const User &u, const QStringList &path);
    Response postReceipt(const Request &r, const User &u);
    Response receiptEvent(const Request &r, const User &u, const QString &receiptNo);
    Response receiptChanges(const Request &r, const User &u);
    QJsonObject receiptJson(const QString &receiptNo, QString *hall = nullptr);
    bool moveReceipt(const QString &receiptNo, const QString &state, const QJsonObject &event,
                     const QString &targetCaseNo = {});
    void crossProvinceStep(); // the target province's back office

    // Helpers on records
    QJsonObject caseJson(const QString &caseNo, QString *hall = nullptr);
    QJsonObject evaluationJson(const QString &evaluationId, QString *hall = nullptr);
    QJsonObject hallCaseJson(const QString &caseNo); // caseJson plus the 1.1 hall-wide fields
    QJsonObject followupJson(const QString &followupId);
    bool bumpCase(const QString &caseNo);
    QJsonObject ticketJson(const QString &hall, const QString &ticketNo);
    QJsonObject licenseRecord(const QString &id); // empty when the platform does not know it
    QString licenseStatus(const QString &id);     // valid | expired | revoked | unknown
    QJsonObject userJson(const User &u) const;
    Response issueTokens(const User &u, bool withUser);

    // Hall duties of 1.1 other than 跨省通办 (hallduties.cpp): 依申请公开 extensions, 告知承诺 post-checks,
    // 办不成事 requests.
    bool createDutiesSchema();
    std::optional<Response> dutiesRoute(const Request &r, const User &u); // nullopt: not a duties path
    void dutiesStep();                                                    // their back-office progress
    QJsonObject dutiesStats();
    QJsonArray caseExtensions(const QString &caseNo);
    QJsonObject checkJson(const QString &checkId, QString *hall = nullptr);
    Response checkChanges(const Request &r, const User &u);
    Response postCheckResult(const Request &r, const User &u, const QString &checkId);
    void openCommitmentChecks();
    void departmentChecks();
    QJsonObject unresolvedJson(const QString &requestNo, QString *hall = nullptr);
    Response postUnresolved(const Request &r, const User &u);
    Response unresolvedChanges(const Request &r, const User &u);
    void unresolvedStep();
    void extendDisclosures();

    Options m_options;
    QString m_connection;
    QString m_tempPath;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery *> m_queries;
    QList<User> m_users;
    QHash<QString, QList<qint64>> m_failedLogins; // username -> failure times (s)
    QHash<QString, qint64> m_lockedUntil;
    QMap<int, Calendar> m_calendars;
    QHash<int, QByteArray> m_calendarJson;
    Sm2Key m_key;
    QString m_kid;
    QString m_keyNotBefore, m_keyNotAfter;
    qint64 m_seq = 0;
    qint64 m_epoch = 0;
    qint64 m_caseCounter = 0;
    qint64 m_ticketCounter = 0;
    qint64 m_receiptCounter = 0;         // 跨省通办 receipts numbered so far
    QHash<QString, int> m_ticketNumbers; // "hall/letter" -> last number issued
    QSet<QString> m_inflight;
    QHash<QString, qint64> m_requestsPerRoute;
    QHash<QString, qint64> m_faultCounts;
    QHash<QString, QSet<QByteArray>> m_keysSeen; // route -> distinct Idempotency-Keys received
    QHash<QString, QJsonObject> m_itemsCache;    // code -> item (not deleted), for validation
    QHash<QString, QJsonObject> m_bundlesCache;
    QRandomGenerator m_rng;
};

} // namespace windowdesk::sim

// The platform simulator as a process: the contract behaviour the sync module and its tests rely on.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr char kFoodItem[] = "430100-000201001000-XK-001";

struct Reply {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error"_s).toObject().value(u"code"_s).toString(); }
};

// One simulator process on a free loopback port.
class Sim {
public:
    bool start(const QStringList &args, const QString &logFile) {
        m_process = std::make_unique<QProcess>();
        m_process->setStandardErrorFile(logFile, QIODevice::Append);
        m_process->start(QStringLiteral(WINDOWDESK_PLATFORM_SIM), QStringList{u"--port"_s, u"0"_s} + args);
        if (!m_process->waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!m_process->canReadLine() && t.elapsed() < 20000)
            m_process->waitForReadyRead(200);
        const QByteArray line = m_process->readLine().trimmed();
        if (!line.startsWith("LISTENING "))
            return false;
        port = line.mid(10).toInt();
        return port > 0;
    }
    void stop() {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    ~Sim() { stop(); }
    QString base() const { return u"http://127.0.0.1:%1/api/v1"_s.arg(port); }
    int port = 0;

private:
    std::unique_ptr<QProcess> m_process;
};

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject caseBody(const QString &localId, const QString &decision = u"accepted"_s,
                     const QString &createdAt = u"2026-03-06T01:02:03Z"_s) {
    QJsonObject b{
        {u"local_id"_s, localId},
        {u"item_codes"_s, QJsonArray{QString::fromLatin1(kFoodItem)}},
        {u"bundle_code"_s, QJsonValue()},
        {u"applicant"_s, QJsonObject{{u"kind"_s, u"entity"_s},
                                     {u"name"_s, u"张三"_s},
                                     {u"id_type"_s, u"resident_id"_s},
                                     {u"id_number"_s, u"11010519491231002X"_s},
                                     {u"phone"_s, u"13800138000"_s},
                                     {u"entity_name"_s, u"湖南示例科技有限公司"_s},
                                     {u"uscc"_s, u"91430100MA4L12345A"_s}}},
        {u"form_values"_s, QJsonObject{{u"shop_name"_s, u"示例餐厅"_s},
                                       {u"uscc"_s, u"91430100MA4L12345A"_s},
                                       {u"area_m2"_s, 120},
                                       {u"category"_s, u"餐饮服务经营者"_s}}},
        {u"materials"_s, QJsonArray{QJsonObject{{u"material_id"_s, u"m1"_s},
                                                {u"item_code"_s, QString::fromLatin1(kFoodItem)},
                                                {u"status"_s, u"electronic"_s},
                                                {u"license_id"_s, u"lic-bl-hnsl"_s}},
                                    QJsonObject{{u"material_id"_s, u"m2"_s},
                                                {u"item_code"_s, QString::fromLatin1(kFoodItem)},
                                                {u"status"_s, u"commitment"_s}}}},
        {u"decision"_s, decision},
        {u"decision_reason"_s, decision == u"accepted"_s ? QJsonValue() : QJsonValue(u"材料不符合要求"_s)},
        {u"clerk_id"_s, u"u-demo-clerk"_s},
        {u"window_no"_s, u"A07"_s},
        {u"ticket_no"_s, u"B023"_s},
        {u"created_at"_s, createdAt},
    };
    if (decision == u"rejected"_s)
        b.insert(u"decision_basis"_s, u"《中华人民共和国食品安全法》第三十五条"_s);
    return b;
}

} // namespace

class TestPlatformSim : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Sim m_sim;
    QNetworkAccessManager m_nam;
    QString m_token;

    QNetworkReply *send(const Sim &sim, const QByteArray &method, const QString &path,
                        const QByteArray &body = {},
                        const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                        const QString &token = {}) {
        QNetworkRequest req(QUrl(sim.base() + path));
        req.setTransferTimeout(20000);
        req.setRawHeader("X-Request-Id", newUuid().toLatin1());
        if (!body.isEmpty() || method == "POST")
            req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        for (const auto &[k, v] : headers)
            req.setRawHeader(k, v);
        return m_nam.sendCustomRequest(req, method, body);
    }
    static Reply wait(QNetworkReply *reply) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.error = reply->error();
        for (const auto &[k, v] : reply->rawHeaderPairs())
            r.headers.insert(k.toLower(), v);
        reply->deleteLater();
        return r;
    }
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QString &token = u"*"_s) {
        return call(m_sim, method, path, body, headers, token);
    }
    Reply call(const Sim &sim, const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QString &token = u"*"_s) {
        return wait(send(sim, method, path, body, headers, token == u"*"_s ? m_token : token));
    }
    Reply postKeyed(const QString &path, const QJsonObject &body, const QString &key) {
        return call("POST", path, compact(body), {{"Idempotency-Key", key.toLatin1()}});
    }
    QString login(const Sim &sim, const QString &user, const QString &password, Reply *out = nullptr) {
        const Reply r =
            call(sim, "POST", u"/auth/login"_s,
                 compact(QJsonObject{
                     {u"username"_s, user}, {u"password"_s, password}, {u"device_id"_s, newUuid()}}),
                 {}, QString());
        if (out)
            *out = r;
        return r.json().value(u"access_token"_s).toString();
    }
    QJsonObject stats(const Sim &sim) { return call(sim, "GET", u"/sim/stats"_s, {}, {}, QString()).json(); }
    void setFaults(const QString &spec) {
        const Reply r =
            call("POST", u"/sim/faults"_s, compact(QJsonObject{{u"faults"_s, spec}}), {}, QString());
        QCOMPARE(r.status, 200);
    }
    // A raw HTTP/1.1 exchange: exactly what came back before the server closed (or the timeout).
    QByteArray rawExchange(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QList<std::pair<QByteArray, QByteArray>> &headers, bool *closed) {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_s, quint16(m_sim.port));
        if (!s.waitForConnected(5000))
            return {};
        QByteArray req = method + " /api/v1" + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                         "Authorization: Bearer " + m_token.toLatin1() +
                         "\r\nContent-Type: application/json\r\n" +
                         "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        for (const auto &[k, v] : headers)
            req += k + ": " + v + "\r\n";
        s.write(req + "\r\n" + body);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < 5000) {
            s.waitForReadyRead(200);
            got += s.readAll();
        }
        got += s.readAll();
        *closed = s.state() != QAbstractSocket::ConnectedState;
        return got;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.start({u"--data"_s, m_dir.filePath(u"sim.sqlite"_s), u"--tickets-s"_s, u"0"_s,
                             u"--backoffice"_s, u"suspend=1"_s},
                            m_dir.filePath(u"sim.log"_s)));
        m_token = login(m_sim, u"clerk"_s, u"Clerk@2026"_s);
        QVERIFY(!m_token.isEmpty());
    }
    void cleanupTestCase() { m_sim.stop(); }

    // platform-api.md 1.1: the version header, the hall-wide feed (supervisors only, its own cursor, the
    // other windows' cases without full ids), follow-ups and evaluation callbacks/appeals deduplicated on
    // local_id; a simulator started as 1.0 sends no header and knows none of these paths.
    void version11HallFeedFollowupsCallbacks() {
        QCOMPARE(call("GET", u"/keys"_s).headers.value("x-api-version"), QByteArray("1.1"));
        const Reply made =
            call("POST", u"/sim/backoffice/intake"_s,
                 compact(QJsonObject{
                     {u"windows"_s, QJsonArray{u"A01"_s, u"B02"_s}}, {u"count"_s, 6}, {u"days_ago"_s, 30}}),
                 {}, QString());
        QCOMPARE(made.json().value(u"case_nos"_s).toArray().size(), 6);
        QCOMPARE(call("GET", u"/cases/changes?scope=hall"_s).status, 403); // a clerk
        const QString sup = login(m_sim, u"supervisor"_s, u"Super@2026"_s);
        const Reply feed = call("GET", u"/cases/changes?scope=hall&limit=2000"_s, {}, {}, sup);
        QCOMPARE(feed.status, 200);
        QSet<QString> windows;
        QString caseNo;
        for (const auto &v : feed.json().value(u"changes"_s).toArray()) {
            const QJsonObject c = v.toObject();
            windows.insert(c.value(u"window_no"_s).toString());
            QVERIFY(c.value(u"promised_days"_s).toInt() > 0);
            QVERIFY(c.value(u"applicant_id_masked"_s).toString().contains(u'*'));
            QVERIFY(!c.contains(u"applicant"_s));
            if (c.value(u"window_no"_s).toString() == u"B02"_s)
                caseNo = c.value(u"case_no"_s).toString();
        }
        QVERIFY(windows.contains(u"A01"_s) && windows.contains(u"B02"_s));
        const QString cursor = feed.json().value(u"next_cursor"_s).toString();
        QCOMPARE(call("GET", u"/cases/changes?since="_s + cursor, {}, {}, sup).status, 400); // another stream
        QJsonObject f{{u"local_id"_s, newUuid()},
                      {u"card"_s, u"red"_s},
                      {u"finding"_s, u"back_office_delay"_s},
                      {u"action"_s, u"督促后台"_s},
                      {u"note"_s, u""_s},
                      {u"by"_s, u"u-demo-supervisor"_s},
                      {u"at"_s, u"2026-03-06T01:02:03Z"_s}};
        const auto keyed = [](const QString &k) {
            return QList<std::pair<QByteArray, QByteArray>>{{"Idempotency-Key", k.toLatin1()}};
        };
        const QString fpath = u"/cases/%1/followups"_s.arg(caseNo);
        QCOMPARE(call("POST", fpath, compact(f), keyed(newUuid())).status, 403); // a clerk
        const Reply first = call("POST", fpath, compact(f), keyed(newUuid()), sup);
        QCOMPARE(first.status, 201);
        const Reply again = call("POST", fpath, compact(f), keyed(newUuid()), sup);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json()[u"error"_s][u"details"_s][u"record"_s][u"followup_id"_s].toString(),
                 first.json().value(u"followup_id"_s).toString());
        const Reply after = call("GET", u"/cases/changes?scope=hall&since="_s + cursor, {}, {}, sup);
        QCOMPARE(after.json()[u"changes"_s][0][u"followups"_s][0][u"local_id"_s].toString(),
                 f.value(u"local_id"_s).toString());

        const QJsonObject ev{{u"local_id"_s, newUuid()},
                             {u"level"_s, 1},
                             {u"reasons"_s, QJsonArray{u"态度"_s}},
                             {u"window_no"_s, u"B02"_s},
                             {u"clerk_id"_s, u"u-sim-b02"_s},
                             {u"at"_s, u"2026-03-06T01:02:03Z"_s},
                             {u"real_name"_s, true}};
        const QString evId = call("POST", u"/evaluations"_s, compact(ev), keyed(newUuid()))
                                 .json()
                                 .value(u"evaluation_id"_s)
                                 .toString();
        const QJsonObject cb{{u"local_id"_s, newUuid()},    {u"reached"_s, true},
                             {u"satisfied_after"_s, false}, {u"note"_s, u"已致歉"_s},
                             {u"by"_s, u"u-demo-clerk"_s},  {u"at"_s, u"2026-03-07T01:00:00Z"_s}};
        const Reply c1 = call("POST", u"/evaluations/%1/callback"_s.arg(evId), compact(cb), keyed(newUuid()));
        QCOMPARE(c1.status, 200);
        QCOMPARE(c1.json()[u"callbacks"_s][0][u"reached"_s].toBool(), true);
        QCOMPARE(c1.json()[u"real_name"_s].toBool(), true);
        QCOMPARE(c1.json()[u"overdue"_s].toBool(), true); // rated in March, not closed
        QCOMPARE(call("POST", u"/evaluations/%1/callback"_s.arg(evId), compact(cb), keyed(newUuid())).status,
                 409);
        const QJsonObject ap{{u"local_id"_s, newUuid()},
                             {u"reason"_s, u"评价与事实不符"_s},
                             {u"by"_s, u"u-demo-clerk"_s},
                             {u"at"_s, u"2026-03-07T01:00:00Z"_s}};
        const Reply a1 = call("POST", u"/evaluations/%1/appeal"_s.arg(evId), compact(ap), keyed(newUuid()));
        QCOMPARE(a1.json()[u"state"_s].toString(), u"appealed"_s);
        QCOMPARE(call("POST", u"/evaluations/EV-NONE/appeal"_s, compact(ap), keyed(newUuid())).errorCode(),
                 u"unknown_evaluation"_s);

        Sim old;
        QVERIFY(old.start({u"--tickets-s"_s, u"0"_s, u"--api-version"_s, u"1.0"_s},
                          m_dir.filePath(u"old.log"_s)));
        const QString token = login(old, u"supervisor"_s, u"Super@2026"_s);
        const Reply keys = call(old, "GET", u"/keys"_s, {}, {}, QString());
        QCOMPARE(keys.status, 200);
        QVERIFY(!keys.headers.contains("x-api-version"));
        QCOMPARE(call(old, "POST", u"/cases/X/followups"_s, compact(f), keyed(newUuid()), token).status, 404);
        QCOMPARE(call(old, "POST", u"/evaluations/X/callback"_s, compact(cb), keyed(newUuid()), token).status,
                 404);
    }

    void loginAnswersUserAndEchoesRequestId() {
        Reply r;
        login(m_sim, u"admin"_s, u"Admin@2026"_s, &r);
        QCOMPARE(r.status, 200);
        const QJsonObject user = r.json().value(u"user"_s).toObject();
        QCOMPARE(user.value(u"hall_id"_s).toString(), u"430104-ZWFW"_s);
        QCOMPARE(user.value(u"roles"_s).toArray().size(), 3);
        QVERIFY(r.json().value(u"expires_in"_s).toInt() > 0);
        const Reply echoed = call("GET", u"/keys"_s, {}, {{"X-Request-Id", "abc-123"}});
        QCOMPARE(echoed.headers.value("x-request-id"), QByteArray("abc-123"));
        const Reply wrong = call(
            "POST", u"/auth/login"_s,
            compact(QJsonObject{{u"username"_s, u"clerk"_s}, {u"password"_s, u"nope"_s}}), {}, QString());
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
        QVERIFY(wrong.json().value(u"error"_s).toObject().contains(u"details"_s));
    }

    void missingOrUnknownTokenIsNotExpired() {
        QCOMPARE(call("GET", u"/catalog/items"_s, {}, {}, QString()).errorCode(), u"unauthorized"_s);
        const Reply r = call("GET", u"/catalog/items"_s, {}, {}, u"not-a-token"_s);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"invalid_token"_s);
    }

    void lockoutAfterFiveFailures() {
        const QByteArray bad =
            compact(QJsonObject{{u"username"_s, u"trainer"_s}, {u"password"_s, u"wrong"_s}});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(call("POST", u"/auth/login"_s, bad, {}, QString()).status, 401);
        Reply r;
        login(m_sim, u"trainer"_s, u"Train@2026"_s, &r);
        QCOMPARE(r.status, 423);
        QCOMPARE(r.errorCode(), u"account_locked"_s);
        Reply other;
        login(m_sim, u"supervisor"_s, u"Super@2026"_s, &other);
        QCOMPARE(other.status, 200); // the lock is per account
    }

    void tokensExpireAndRefreshRotates() {
        Sim sim;
        QVERIFY(sim.start({u"--faults"_s, u"token-ttl-s=2,refresh-grace-s=1"_s, u"--catalog-size"_s, u"5"_s},
                          m_dir.filePath(u"ttl.log"_s)));
        Reply login1;
        const QString access = login(sim, u"clerk"_s, u"Clerk@2026"_s, &login1);
        const QString refresh = login1.json().value(u"refresh_token"_s).toString();
        QCOMPARE(login1.json().value(u"expires_in"_s).toInt(), 2);
        QCOMPARE(call(sim, "GET", u"/calendar/2026"_s, {}, {}, access).status, 200);

        const QByteArray body = compact(QJsonObject{{u"refresh_token"_s, refresh}});
        const Reply r1 = call(sim, "POST", u"/auth/refresh"_s, body, {}, QString());
        QCOMPARE(r1.status, 200);
        QVERIFY(r1.json().value(u"refresh_token"_s).toString() != refresh);
        // A re-sent refresh (its answer lost) gets the same new pair, not a logout.
        const Reply r2 = call(sim, "POST", u"/auth/refresh"_s, body, {}, QString());
        QCOMPARE(r2.status, 200);
        QCOMPARE(r2.json().value(u"access_token"_s), r1.json().value(u"access_token"_s));
        QCOMPARE(r2.json().value(u"refresh_token"_s), r1.json().value(u"refresh_token"_s));

        QTest::qWait(2300);
        const Reply expired = call(sim, "GET", u"/calendar/2026"_s, {}, {}, access);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"token_expired"_s);
        // The rotated refresh token still works and gives a fresh access token.
        const Reply r3 = call(sim, "POST", u"/auth/refresh"_s,
                              compact(QJsonObject{{u"refresh_token"_s, r1.json().value(u"refresh_token"_s)}}),
                              {}, QString());
        QCOMPARE(r3.status, 200);
        QCOMPARE(call(sim, "GET", u"/calendar/2026"_s, {}, {}, r3.json().value(u"access_token"_s).toString())
                     .status,
                 200);
        // After the grace period the used refresh token is refused: the clerk logs in again.
        const Reply late = call(sim, "POST", u"/auth/refresh"_s, body, {}, QString());
        QCOMPARE(late.status, 401);
        QCOMPARE(late.errorCode(), u"invalid_refresh_token"_s);
        const Reply unknown = call(sim, "POST", u"/auth/refresh"_s,
                                   compact(QJsonObject{{u"refresh_token"_s, u"bogus"_s}}), {}, QString());
        QCOMPARE(unknown.errorCode(), u"invalid_refresh_token"_s);
    }

    void keyedCasePostIsIdempotent() {
        const qint64 before = stats(m_sim).value(u"cases"_s).toInteger();
        const QString key = newUuid();
        const QJsonObject body = caseBody(newUuid());
        const Reply first = postKeyed(u"/cases"_s, body, key);
        QCOMPARE(first.status, 201);
        const QJsonObject c = first.json();
        QVERIFY(c.value(u"case_no"_s).toString().startsWith(u"HN"_s));
        QCOMPARE(c.value(u"status"_s).toString(), u"accepted"_s);
        QCOMPARE(c.value(u"due_date"_s).toString(), u"2026-03-13"_s);       // 5 working days after 03-06
        QCOMPARE(c.value(u"legal_due_date"_s).toString(), u"2026-04-03"_s); // 20 working days
        QCOMPARE(c.value(u"version"_s).toInt(), 1);
        const Reply again = postKeyed(u"/cases"_s, body, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before + 1);
        QCOMPARE(call("GET", u"/cases/"_s + c.value(u"case_no"_s).toString()).json(), c);

        // Same key, different body.
        QJsonObject changed = body;
        changed.insert(u"ticket_no"_s, u"B024"_s);
        const Reply mismatch = postKeyed(u"/cases"_s, changed, key);
        QCOMPARE(mismatch.status, 422);
        QCOMPARE(mismatch.errorCode(), u"idempotency_mismatch"_s);

        // Same local_id under a new key: the existing case comes back for adoption.
        const Reply dup = postKeyed(u"/cases"_s, body, newUuid());
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.errorCode(), u"duplicate_local_id"_s);
        QCOMPARE(dup.json()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"details"_s)
                     .toObject()
                     .value(u"case"_s)
                     .toObject(),
                 c);
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before + 1);
        QVERIFY(call("POST", u"/cases"_s, compact(caseBody(newUuid()))).status == 400); // key required
    }

    void validationCreatesNothingAndKeepsLocalIdFree() {
        const qint64 before = stats(m_sim).value(u"cases"_s).toInteger();
        const QString localId = newUuid();
        QJsonObject body = caseBody(localId);
        QJsonObject values = body.value(u"form_values"_s).toObject();
        values.remove(u"shop_name"_s);
        values.insert(u"category"_s, u"不存在的业态"_s);
        body.insert(u"form_values"_s, values);
        const Reply bad = postKeyed(u"/cases"_s, body, newUuid());
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.errorCode(), u"validation"_s);
        const QJsonObject fields = bad.json()
                                       .value(u"error"_s)
                                       .toObject()
                                       .value(u"details"_s)
                                       .toObject()
                                       .value(u"fields"_s)
                                       .toObject();
        QVERIFY(fields.contains(u"form_values.shop_name"_s));
        QVERIFY(fields.contains(u"form_values.category"_s));
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before);
        // The corrected case goes under a new key with the same local_id.
        const Reply ok = postKeyed(u"/cases"_s, caseBody(localId), newUuid());
        QCOMPARE(ok.status, 201);
        // A rejected case needs its reason and legal basis; its due dates are null.
        QJsonObject rejected = caseBody(newUuid(), u"rejected"_s);
        rejected.remove(u"decision_basis"_s);
        QCOMPARE(postKeyed(u"/cases"_s, rejected, newUuid()).status, 422);
        const Reply r = postKeyed(u"/cases"_s, caseBody(newUuid(), u"rejected"_s), newUuid());
        QCOMPARE(r.status, 201);
        QVERIFY(r.json().value(u"due_date"_s).isNull());
        QCOMPARE(r.json().value(u"status"_s).toString(), u"rejected"_s);
    }

    void dueDatesFollowTheCalendar_data() {
        QTest::addColumn<QString>("createdAt");
        QTest::addColumn<QString>("due");
        // 2026-09-30 CST; 10-01..10-07 off except weekend; 10-10 (Saturday) is a 调休 working day.
        QTest::addRow("national-day") << u"2026-09-30T01:00:00Z"_s << u"2026-10-13"_s;
        // 2026-03-05 20:00 UTC is already 03-06 in China Standard Time.
        QTest::addRow("cst-date") << u"2026-03-05T20:00:00Z"_s << u"2026-03-13"_s;
        QTest::addRow("spring-festival") << u"2026-02-13T02:00:00Z"_s << u"2026-02-27"_s;
    }
    void dueDatesFollowTheCalendar() {
        QFETCH(QString, createdAt);
        QFETCH(QString, due);
        const Reply r = postKeyed(u"/cases"_s, caseBody(newUuid(), u"accepted"_s, createdAt), newUuid());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"due_date"_s).toString(), due);
    }

    void concurrentSameKeyIsInProgress() {
        const QString key = newUuid();
        const QByteArray body = compact(caseBody(newUuid()));
        QNetworkReply *slow =
            send(m_sim, "POST", u"/cases"_s, body,
                 {{"Idempotency-Key", key.toLatin1()}, {"X-Sim-Delay-Ms", "1500"}}, m_token);
        QTest::qWait(300);
        const Reply busy = call("POST", u"/cases"_s, body, {{"Idempotency-Key", key.toLatin1()}});
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.errorCode(), u"idempotency_in_progress"_s);
        QVERIFY(busy.headers.contains("retry-after"));
        const Reply first = wait(slow);
        QCOMPARE(first.status, 201);
        const Reply later = call("POST", u"/cases"_s, body, {{"Idempotency-Key", key.toLatin1()}});
        QCOMPARE(later.status, 201);
        QCOMPARE(later.body, first.body);
    }

    void droppedAfterCommitExistsOnceAfterRetry() {
        const qint64 before = stats(m_sim).value(u"cases"_s).toInteger();
        const int keysBefore = stats(m_sim).value(u"keys_seen"_s).toObject().value(u"POST /cases"_s).toInt();
        const QString key = newUuid();
        const QByteArray body = compact(caseBody(newUuid()));
        setFaults(u"fail-nth=1"_s); // the next API request is committed, then its connection dropped
        bool closed = false;
        const QByteArray got =
            rawExchange("POST", u"/cases"_s, body, {{"Idempotency-Key", key.toLatin1()}}, &closed);
        QVERIFY(closed);
        QVERIFY2(got.isEmpty(), got.constData());
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before + 1); // committed
        const Reply retry = call("POST", u"/cases"_s, body, {{"Idempotency-Key", key.toLatin1()}});
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before + 1);
        QCOMPARE(stats(m_sim).value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), 1);
        QCOMPARE(stats(m_sim).value(u"keys_seen"_s).toObject().value(u"POST /cases"_s).toInt(),
                 keysBefore + 1);
        setFaults(QString());
    }

    void randomDropsStillGiveOneCasePerKey() {
        // Qt's own re-send of a POST after a dropped connection is exercised here, as in the client.
        const qint64 before = stats(m_sim).value(u"cases"_s).toInteger();
        setFaults(u"drop-after-commit=0.3"_s);
        int done = 0;
        for (int i = 0; i < 20; ++i) {
            const QString key = newUuid();
            const QByteArray body = compact(caseBody(newUuid()));
            for (int attempt = 0; attempt < 20; ++attempt) {
                const Reply r = call("POST", u"/cases"_s, body, {{"Idempotency-Key", key.toLatin1()}});
                if (r.status == 201) {
                    ++done;
                    break;
                }
                QCOMPARE(r.status, 0); // only transport failures are expected
            }
        }
        setFaults(QString());
        QCOMPARE(done, 20);
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), before + 20);
        QVERIFY(stats(m_sim).value(u"faults"_s).toObject().value(u"drop_after_commit"_s).toInt() > 0);
    }

    void http503AndTruncateAreObservable() {
        setFaults(u"http-503=1"_s);
        const Reply busy = call("GET", u"/calendar/2026"_s);
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.headers.value("retry-after"), QByteArray("1"));
        QCOMPARE(busy.errorCode(), u"unavailable"_s);
        // A 503 is not stored: the same key is processed afresh once the platform is back.
        const QString key = newUuid();
        const QJsonObject body = caseBody(newUuid());
        QCOMPARE(postKeyed(u"/cases"_s, body, key).status, 503);
        const qint64 cases = stats(m_sim).value(u"cases"_s).toInteger();
        setFaults(u"http-500=1"_s);
        QCOMPARE(postKeyed(u"/cases"_s, body, key).status, 500);
        QCOMPARE(stats(m_sim).value(u"cases"_s).toInteger(), cases); // refused before processing
        setFaults(u"http-429=1,retry-after-date=1"_s);
        const Reply limited = call("GET", u"/calendar/2026"_s);
        QCOMPARE(limited.status, 429);
        const QDateTime when = QLocale::c().toDateTime(
            QString::fromLatin1(limited.headers.value("retry-after")), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        QVERIFY2(when.isValid(), limited.headers.value("retry-after").constData());
        setFaults(u"truncate=1"_s);
        // Qt Network reports the short body as an error: a client never mistakes it for a page.
        const Reply cut = call("GET", u"/catalog/items?limit=5"_s);
        QVERIFY2(cut.error != QNetworkReply::NoError, cut.body.constData());
        bool closed = false;
        const QByteArray got = rawExchange("GET", u"/catalog/items?limit=5"_s, {}, {}, &closed);
        setFaults(QString());
        QVERIFY(closed);
        const qsizetype split = got.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QByteArray head = got.left(split).toLower();
        const qsizetype cl = head.indexOf("content-length: ");
        QVERIFY(cl > 0);
        const int declared = head.mid(cl + 16, head.indexOf("\r\n", cl) - cl - 16).toInt();
        QVERIFY(declared > 0);
        QVERIFY(got.size() - split - 4 < declared);
        QCOMPARE(postKeyed(u"/cases"_s, body, key).status, 201);
    }

    void hangingRequestTimesOut() {
        setFaults(u"hang=1"_s);
        QNetworkRequest req(QUrl(m_sim.base() + u"/calendar/2026"_s));
        req.setTransferTimeout(400);
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QElapsedTimer t;
        t.start();
        const Reply r = wait(m_nam.get(req));
        setFaults(QString());
        QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // Qt's transfer timeout
        QVERIFY(t.elapsed() >= 300);                              // coarse timers may fire a little early
        QCOMPARE(stats(m_sim).value(u"faults"_s).toObject().value(u"hang"_s).toInt(), 1);
        QCOMPARE(call("GET", u"/calendar/2026"_s).status, 200);
    }

    void usersFileReplacesBuiltInAccounts() {
        const QString file = m_dir.filePath(u"users.json"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            compact(QJsonObject{{u"users"_s, QJsonArray{QJsonObject{{u"id"_s, u"u-9"_s},
                                                                    {u"username"_s, u"wang"_s},
                                                                    {u"password"_s, u"Wang@2026"_s},
                                                                    {u"name"_s, u"王芳"_s},
                                                                    {u"roles"_s, QJsonArray{u"clerk"_s}},
                                                                    {u"hall_id"_s, u"430102-ZWFW"_s},
                                                                    {u"hall_name"_s, u"芙蓉区政务服务中心"_s},
                                                                    {u"window_no"_s, u"C01"_s}}}}}));
        f.close();
        Sim sim;
        QVERIFY(sim.start({u"--users"_s, file, u"--catalog-size"_s, u"1"_s, u"--no-demo-catalog"_s},
                          m_dir.filePath(u"users.log"_s)));
        Reply r;
        login(sim, u"wang"_s, u"Wang@2026"_s, &r);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"user"_s).toObject().value(u"hall_id"_s).toString(), u"430102-ZWFW"_s);
        login(sim, u"clerk"_s, u"Clerk@2026"_s, &r);
        QCOMPARE(r.status, 401);
    }

    void httpsWithTheHallsOwnCa() {
        const QString cert = m_dir.filePath(u"hall-ca.pem"_s), key = m_dir.filePath(u"hall-key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, key,
                                     u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                     u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        if (!openssl.waitForFinished(20000) || openssl.exitCode() != 0)
            QSKIP("the openssl command line tool is not available");
        Sim sim;
        QVERIFY(sim.start({u"--tls-cert"_s, cert, u"--tls-key"_s, key, u"--catalog-size"_s, u"1"_s},
                          m_dir.filePath(u"tls.log"_s)));
        const QUrl url(u"https://127.0.0.1:%1/api/v1/keys"_s.arg(sim.port));
        QNetworkRequest plain(url);
        plain.setTransferTimeout(10000);
        QCOMPARE(wait(m_nam.get(plain)).error, QNetworkReply::SslHandshakeFailedError); // unknown CA
        QNetworkRequest trusted(url);
        trusted.setTransferTimeout(10000);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(cert));
        trusted.setSslConfiguration(tls);
        QNetworkAccessManager fresh; // the failed connection's settings are not reused
        const Reply r = wait(fresh.get(trusted));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"keys"_s).toArray().size(), 1);
    }

    void calendars_data() {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("provisional");
        QTest::addColumn<QString>("holiday");
        QTest::addRow("2025") << 2025 << 200 << false << u"2025-10-08"_s;
        QTest::addRow("2026") << 2026 << 200 << false << u"2026-10-01"_s;
        QTest::addRow("2027") << 2027 << 200 << true << u"2027-10-01"_s;
        QTest::addRow("2024") << 2024 << 404 << false << QString();
        QTest::addRow("2028") << 2028 << 404 << false << QString();
    }
    void calendars() {
        QFETCH(int, year);
        QFETCH(int, status);
        QFETCH(bool, provisional);
        QFETCH(QString, holiday);
        const Reply r = call("GET", u"/calendar/%1"_s.arg(year));
        QCOMPARE(r.status, status);
        if (status == 404) {
            QCOMPARE(r.errorCode(), u"calendar_not_published"_s);
            return;
        }
        QCOMPARE(r.json().value(u"year"_s).toInt(), year);
        QCOMPARE(r.json().value(u"provisional"_s).toBool(), provisional);
        QVERIFY(r.json().value(u"holidays"_s).toArray().contains(holiday));
    }

    void caseEventsAndStateConflict() {
        const Reply rejected = postKeyed(u"/cases"_s, caseBody(newUuid(), u"rejected"_s), newUuid());
        const QString rejectedNo = rejected.json().value(u"case_no"_s).toString();
        const QJsonObject deliver{
            {u"type"_s, u"delivered"_s}, {u"reason"_s, u""_s}, {u"at"_s, u"2026-03-07T01:00:00Z"_s}};
        const Reply conflict = postKeyed(u"/cases/%1/events"_s.arg(rejectedNo), deliver, newUuid());
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.errorCode(), u"state_conflict"_s);
        QCOMPARE(conflict.json()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"details"_s)
                     .toObject()
                     .value(u"case"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"rejected"_s);

        const QString caseNo =
            postKeyed(u"/cases"_s, caseBody(newUuid()), newUuid()).json().value(u"case_no"_s).toString();
        const Reply suspended =
            postKeyed(u"/cases/%1/events"_s.arg(caseNo),
                      QJsonObject{{u"type"_s, u"suspended"_s}, {u"reason"_s, u"专家评审"_s}}, newUuid());
        QCOMPARE(suspended.status, 200);
        QCOMPARE(suspended.json().value(u"status"_s).toString(), u"suspended"_s);
        QCOMPARE(suspended.json().value(u"version"_s).toInt(), 2);
        QCOMPARE(suspended.json().value(u"suspensions"_s).toArray().size(), 1);
        QVERIFY(suspended.json().value(u"suspensions"_s).toArray().at(0).toObject().value(u"to"_s).isNull());
        const Reply resumed =
            postKeyed(u"/cases/%1/events"_s.arg(caseNo), QJsonObject{{u"type"_s, u"resumed"_s}}, newUuid());
        QCOMPARE(resumed.json().value(u"status"_s).toString(), u"in_progress"_s);
        QVERIFY(!resumed.json().value(u"suspensions"_s).toArray().at(0).toObject().value(u"to"_s).isNull());
        QCOMPARE(postKeyed(u"/cases/%1/events"_s.arg(caseNo), deliver, newUuid()).status, 409);
        QCOMPARE(postKeyed(u"/cases/%1/events"_s.arg(u"HN-NOPE"_s), deliver, newUuid()).status, 404);
    }

    void backofficeStepsProduceChanges() {
        // Drain the stream first, then follow one case through the back office (suspend share 1.0).
        QString cursor;
        for (;;) {
            const Reply page = call("GET", u"/cases/changes?limit=2000&since="_s + cursor);
            QCOMPARE(page.status, 200);
            cursor = page.json().value(u"next_cursor"_s).toString();
            QVERIFY(!cursor.isEmpty());
            if (!page.json().value(u"has_more"_s).toBool())
                break;
        }
        const QString caseNo =
            postKeyed(u"/cases"_s, caseBody(newUuid()), newUuid()).json().value(u"case_no"_s).toString();
        const QStringList expected = {u"in_progress"_s, u"suspended"_s, u"in_progress"_s, u"completed"_s};
        int version = 1;
        for (const QString &status : expected) {
            QCOMPARE(call("POST", u"/sim/backoffice/step"_s, {}, {}, QString()).status, 200);
            const Reply page = call("GET", u"/cases/changes?limit=2000&since="_s + cursor);
            QCOMPARE(page.status, 200);
            cursor = page.json().value(u"next_cursor"_s).toString();
            QJsonObject mine;
            QSet<QString> seen;
            for (const auto &v : page.json().value(u"changes"_s).toArray()) {
                const QString no = v.toObject().value(u"case_no"_s).toString();
                QVERIFY2(!seen.contains(no), "a case appears at most once per page");
                seen.insert(no);
                if (no == caseNo)
                    mine = v.toObject();
            }
            QVERIFY2(!mine.isEmpty(), qPrintable(status));
            QCOMPARE(mine.value(u"status"_s).toString(), status);
            QVERIFY(mine.value(u"version"_s).toInt() > version);
            version = mine.value(u"version"_s).toInt();
        }
        const QJsonObject finalCase = call("GET", u"/cases/"_s + caseNo).json();
        QCOMPARE(finalCase.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(finalCase.value(u"suspensions"_s).toArray().size(), 1);
        const Reply delivered =
            postKeyed(u"/cases/%1/events"_s.arg(caseNo), QJsonObject{{u"type"_s, u"delivered"_s}}, newUuid());
        QCOMPARE(delivered.json().value(u"status"_s).toString(), u"delivered"_s);
    }

    void backofficeTimerRuns() {
        Sim sim;
        QVERIFY(sim.start({u"--backoffice"_s, u"step-s=0.2,suspend=0"_s, u"--catalog-size"_s, u"5"_s},
                          m_dir.filePath(u"bo.log"_s)));
        const QString token = login(sim, u"clerk"_s, u"Clerk@2026"_s);
        const Reply created = call(sim, "POST", u"/cases"_s, compact(caseBody(newUuid())),
                                   {{"Idempotency-Key", newUuid().toLatin1()}}, token);
        QCOMPARE(created.status, 201);
        const QString path = u"/cases/"_s + created.json().value(u"case_no"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(call(sim, "GET", path, {}, {}, token).json().value(u"status"_s).toString(),
                                  u"completed"_s, 5000);
        QCOMPARE(call(sim, "GET", path, {}, {}, token).json().value(u"version"_s).toInt(), 3);
    }

    void licenseQrVerifiesWithOpenSsl() {
        const QJsonObject key =
            call("GET", u"/keys"_s, {}, {}, QString()).json().value(u"keys"_s).toArray().at(0).toObject();
        QCOMPARE(key.value(u"alg"_s).toString(), u"SM2-SM3"_s);
        const QString kid = key.value(u"kid"_s).toString();
        const Reply qr = call("POST", u"/sim/licenses/lic-rid-zhangsan/qr"_s, {}, {}, QString());
        QCOMPARE(qr.status, 200);
        const QByteArray payload = qr.json().value(u"payload"_s).toString().toLatin1();
        const QList<QByteArray> parts = payload.split('.');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts[0], QByteArray("EL1"));
        QCOMPARE(QString::fromLatin1(parts[1]), kid);
        const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        QVERIFY(!parts[2].contains('=') && !parts[3].contains('='));

        const QByteArray pem = key.value(u"public_key_pem"_s).toString().toLatin1();
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        EVP_PKEY *pub = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        QVERIFY(pub);
        auto verify = [pub](const QByteArray &data, const QByteArray &sig, const char *id) {
            EVP_MD_CTX *md = EVP_MD_CTX_new();
            EVP_PKEY_CTX *pctx = nullptr;
            bool ok = EVP_DigestVerifyInit_ex(md, &pctx, "SM3", nullptr, nullptr, pub, nullptr) == 1 &&
                      EVP_PKEY_CTX_set1_id(pctx, id, 16) == 1 &&
                      EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(sig.constData()),
                                       size_t(sig.size()),
                                       reinterpret_cast<const unsigned char *>(data.constData()),
                                       size_t(data.size())) == 1;
            EVP_MD_CTX_free(md);
            return ok;
        };
        const QByteArray signedPart = parts[0] + '.' + parts[1] + '.' + parts[2];
        const QByteArray sig = QByteArray::fromBase64(parts[3], b64);
        QVERIFY(verify(signedPart, sig, "1234567812345678"));
        QVERIFY(!verify(signedPart, sig, "8765432187654321"));
        QVERIFY(!verify(signedPart + "x", sig, "1234567812345678"));
        EVP_PKEY_free(pub);

        const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts[2], b64)).object();
        QCOMPARE(claims.value(u"typ"_s).toString(), u"11100000000013127D001"_s);
        QCOMPARE(claims.value(u"tn"_s).toString(), u"居民身份证"_s);
        QCOMPARE(claims.value(u"hn"_s).toString(), u"张三"_s);
        QCOMPARE(claims.value(u"hid"_s).toString(), u"110***********002X"_s);
        const qint64 ttl = claims.value(u"exp"_s).toInteger() - claims.value(u"iat"_s).toInteger();
        QVERIFY(ttl > 0 && ttl <= 300);
        QVERIFY(claims.value(u"nonce"_s).toString().size() >= 16);
        // 证照标识: ISO 7064 MOD 37,36 over the alphanumerics after 1.2.156.3005.2.
        const QString lid = claims.value(u"lid"_s).toString();
        QVERIFY(lid.startsWith(u"1.2.156.3005.2.11100000000013127D001."_s));
        QString alnum = lid.mid(15).section(u'.', 0, -2);
        alnum.remove(u'.');
        const QString alphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
        int p = 36;
        for (QChar c : alnum) {
            int s = (p + int(alphabet.indexOf(c))) % 36;
            p = (2 * (s == 0 ? 36 : s)) % 37;
        }
        QCOMPARE(lid.section(u'.', -1), QString(alphabet.at((37 - p) % 36)));
    }

    void licenseResolveAndFile() {
        const QString payload = call("POST", u"/sim/licenses/lic-bl-hnsl/qr"_s, {}, {}, QString())
                                    .json()
                                    .value(u"payload"_s)
                                    .toString();
        const QByteArray body =
            compact(QJsonObject{{u"payload"_s, payload}, {u"case_local_id"_s, QJsonValue()}});
        const Reply r = call("POST", u"/licenses/resolve"_s, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"holder_name"_s).toString(), u"湖南示例科技有限公司"_s);
        QCOMPARE(r.json().value(u"type_name"_s).toString(), u"营业执照"_s);
        QCOMPARE(call("POST", u"/licenses/resolve"_s, body).body, r.body); // same hall, same answer
        const QString other = login(m_sim, u"other"_s, u"Other@2026"_s);
        const Reply replay = call("POST", u"/licenses/resolve"_s, body, {}, other);
        QCOMPARE(replay.status, 409);
        QCOMPARE(replay.errorCode(), u"payload_replayed"_s);
        QString tampered = payload;
        tampered[tampered.lastIndexOf(u'.') + 3] =
            tampered[tampered.lastIndexOf(u'.') + 3] == u'A' ? u'B' : u'A';
        QCOMPARE(
            call("POST", u"/licenses/resolve"_s, compact(QJsonObject{{u"payload"_s, tampered}})).errorCode(),
            u"bad_signature"_s);
        QCOMPARE(
            call("POST", u"/licenses/resolve"_s, compact(QJsonObject{{u"payload"_s, u"hello"_s}})).status,
            400);
        const QString old =
            call("POST", u"/sim/licenses/lic-bl-hnsl/qr"_s,
                 compact(QJsonObject{{u"iat"_s, 1772758800}, {u"ttl_s"_s, 180}}), {}, QString())
                .json()
                .value(u"payload"_s)
                .toString();
        QCOMPARE(call("POST", u"/licenses/resolve"_s, compact(QJsonObject{{u"payload"_s, old}})).errorCode(),
                 u"payload_expired"_s);

        const QString id = r.json().value(u"license_id"_s).toString();
        QCOMPARE(call("GET", u"/licenses/"_s + id).json().value(u"number"_s), r.json().value(u"number"_s));
        const Reply file = call("GET", r.json().value(u"file_url"_s).toString());
        QCOMPARE(file.status, 200);
        QCOMPARE(file.headers.value("content-type"), QByteArray("application/pdf"));
        QVERIFY(file.body.startsWith("%PDF-1."));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex()),
                 r.json().value(u"file_sha256"_s).toString());
        QCOMPARE(call("GET", u"/licenses/nope"_s).errorCode(), u"unknown_license"_s);
    }

    void queueTicketMachineAndActions() {
        const Reply issued =
            call("POST", u"/sim/queue/issue"_s,
                 compact(QJsonObject{{u"category"_s, u"企业开办"_s}, {u"count"_s, 2}}), {}, QString());
        // Numbered per hall and category like a ticket machine (企业开办 → B).
        QCOMPARE(issued.json().value(u"issued"_s).toArray(), (QJsonArray{u"B001"_s, u"B002"_s}));
        const QByteArray callBody =
            compact(QJsonObject{{u"window_no"_s, u"A07"_s}, {u"categories"_s, QJsonArray{u"企业开办"_s}}});
        const Reply called =
            call("POST", u"/queue/call-next"_s, callBody, {{"Idempotency-Key", newUuid().toLatin1()}});
        QCOMPARE(called.status, 200);
        QCOMPARE(called.json().value(u"status"_s).toString(), u"called"_s);
        QCOMPARE(called.json().value(u"window_no"_s).toString(), u"A07"_s);
        const QString no = called.json().value(u"ticket_no"_s).toString();
        auto act = [&](const QString &action) {
            return call("POST", u"/queue/tickets/%1/%2"_s.arg(no, action), "{}",
                        {{"Idempotency-Key", newUuid().toLatin1()}});
        };
        QCOMPARE(act(u"start"_s).json().value(u"status"_s).toString(), u"serving"_s);
        const Reply again = act(u"start"_s);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"ticket_state"_s);
        QCOMPARE(act(u"done"_s).json().value(u"status"_s).toString(), u"done"_s);
        bool listed = false;
        for (const auto &t :
             call("GET", u"/queue?hall_id=430104-ZWFW"_s).json().value(u"tickets"_s).toArray())
            if (t.toObject().value(u"ticket_no"_s).toString() == no)
                listed = t.toObject().value(u"status"_s).toString() == u"done"_s;
        QVERIFY(listed);
        const Reply none =
            call("POST", u"/queue/call-next"_s,
                 compact(QJsonObject{{u"window_no"_s, u"A07"_s}, {u"categories"_s, QJsonArray{u"不动产"_s}}}),
                 {{"Idempotency-Key", newUuid().toLatin1()}});
        QCOMPARE(none.status, 204);
    }

    void evaluationsAndRectification() {
        const QJsonObject bad{{u"local_id"_s, newUuid()},
                              {u"case_no"_s, QJsonValue()},
                              {u"ticket_no"_s, u"B023"_s},
                              {u"window_no"_s, u"A07"_s},
                              {u"clerk_id"_s, u"u-demo-clerk"_s},
                              {u"level"_s, 2},
                              {u"reasons"_s, QJsonArray{u"等候时间长"_s}},
                              {u"comment"_s, u""_s},
                              {u"channel"_s, u"window_device"_s},
                              {u"at"_s, u"2026-03-06T02:00:00Z"_s}};
        const Reply r = postKeyed(u"/evaluations"_s, bad, newUuid());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"rectification_due"_s).toString(), u"2026-03-27"_s); // 15 working days
        const QString id = r.json().value(u"evaluation_id"_s).toString();
        QCOMPARE(postKeyed(u"/evaluations"_s, bad, newUuid()).errorCode(), u"duplicate_local_id"_s);
        QJsonObject good = bad;
        good.insert(u"local_id"_s, newUuid());
        good.insert(u"level"_s, 5);
        QVERIFY(postKeyed(u"/evaluations"_s, good, newUuid()).json().value(u"rectification_due"_s).isNull());
        QJsonObject invalid = good;
        invalid.insert(u"local_id"_s, newUuid());
        invalid.insert(u"level"_s, 6);
        QCOMPARE(postKeyed(u"/evaluations"_s, invalid, newUuid()).status, 422);

        const Reply rect = postKeyed(u"/evaluations/%1/rectification"_s.arg(id),
                                     QJsonObject{{u"action"_s, u"rectified"_s},
                                                 {u"note"_s, u"已增加窗口"_s},
                                                 {u"at"_s, u"2026-03-10T02:00:00Z"_s}},
                                     newUuid());
        QCOMPARE(rect.status, 200);
        QCOMPARE(rect.json().value(u"state"_s).toString(), u"rectified"_s);
        QCOMPARE(postKeyed(u"/evaluations/%1/rectification"_s.arg(id),
                           QJsonObject{{u"action"_s, u"verified"_s}}, newUuid())
                     .errorCode(),
                 u"state_conflict"_s);
        const Reply changes = call("GET", u"/evaluations/changes?limit=2000"_s);
        bool found = false;
        for (const auto &v : changes.json().value(u"changes"_s).toArray())
            if (v.toObject().value(u"evaluation_id"_s).toString() == id) {
                found = true;
                QCOMPARE(v.toObject().value(u"actions"_s).toArray().size(), 1);
                QCOMPARE(
                    v.toObject().value(u"actions"_s).toArray().at(0).toObject().value(u"by"_s).toString(),
                    u"u-demo-clerk"_s);
            }
        QVERIFY(found);
    }

    void trainingLeaderboard() {
        const QString drill = newUuid();
        auto post = [&](const QString &trainee, double score, int duration) {
            return postKeyed(u"/training/results"_s,
                             QJsonObject{{u"local_id"_s, newUuid()},
                                         {u"drill_id"_s, drill},
                                         {u"trainee_id"_s, trainee},
                                         {u"score"_s, score},
                                         {u"max_score"_s, 100},
                                         {u"duration_s"_s, duration},
                                         {u"answers"_s, QJsonArray()},
                                         {u"finished_at"_s, u"2026-03-06T02:00:00Z"_s}},
                             newUuid())
                .status;
        };
        QCOMPARE(post(u"u-demo-clerk"_s, 80, 300), 201);
        QCOMPARE(post(u"u-demo-clerk"_s, 95, 320), 201);
        QCOMPARE(post(u"u-demo-clerk"_s, 95, 280), 201);
        QCOMPARE(post(u"u-demo-supervisor"_s, 90, 100), 201);
        const QJsonArray entries =
            call("GET", u"/training/leaderboard?drill_id="_s + drill).json().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(u"trainee_id"_s).toString(), u"u-demo-clerk"_s);
        QCOMPARE(entries.at(0).toObject().value(u"name"_s).toString(), u"李娜"_s);
        QCOMPARE(entries.at(0).toObject().value(u"best_score"_s).toDouble(), 95.0);
        QCOMPARE(entries.at(0).toObject().value(u"best_duration_s"_s).toInt(), 280);
    }

    void demoHallCatalogIsServedFirst() {
        // Cases made from the embedded demo hall (db/demo) must validate against the simulator.
        const Reply page = call("GET", u"/catalog/items?limit=2000"_s);
        const QJsonArray items = page.json().value(u"items"_s).toArray();
        QVERIFY(items.size() > 200);
        QVERIFY(items.at(0).toObject().value(u"code"_s).toString().startsWith(u"430104-"_s));
        QCOMPARE(stats(m_sim).value(u"catalog_items"_s).toInt(), items.size());
        bool contractExample = false;
        for (const auto &v : items)
            contractExample |= v.toObject().value(u"code"_s).toString() == QString::fromLatin1(kFoodItem);
        QVERIFY(contractExample);
        QStringList bundles;
        for (const auto &v : call("GET", u"/catalog/bundles"_s).json().value(u"bundles"_s).toArray())
            bundles.append(v.toObject().value(u"code"_s).toString());
        QVERIFY(bundles.contains(u"YJS-HY-001"_s));
        QCOMPARE(bundles.size(), stats(m_sim).value(u"catalog_bundles"_s).toInt());
    }

    void catalogPagingOverTenThousandItems() {
        Sim sim;
        QVERIFY(sim.start({u"--catalog-size"_s, u"10000"_s, u"--no-demo-catalog"_s, u"--tickets-s"_s, u"0"_s},
                          m_dir.filePath(u"big.log"_s)));
        const QString token = login(sim, u"clerk"_s, u"Clerk@2026"_s);
        QElapsedTimer t;
        t.start();
        QSet<QString> codes;
        QString cursor;
        int pages = 0;
        for (;;) {
            const Reply page =
                call(sim, "GET", u"/catalog/items?limit=5000&since="_s + cursor, {}, {}, token);
            QCOMPARE(page.status, 200);
            const QJsonObject o = page.json();
            const QJsonArray items = o.value(u"items"_s).toArray();
            QVERIFY(items.size() <= 2000); // limit capped
            for (const auto &v : items)
                codes.insert(v.toObject().value(u"code"_s).toString());
            cursor = o.value(u"next_cursor"_s).toString();
            QVERIFY(!cursor.isEmpty());
            ++pages;
            if (!o.value(u"has_more"_s).toBool())
                break;
        }
        const qint64 ms = t.elapsed();
        qInfo("paged 10,000 items in %d pages, %lld ms", pages, ms);
        QCOMPARE(codes.size(), 10000);
        QVERIFY(pages >= 5);
        // How fast is for tests/bench, not for a test on a shared machine (the figure is printed above).
        // Default limit 500.
        QCOMPARE(
            call(sim, "GET", u"/catalog/items"_s, {}, {}, token).json().value(u"items"_s).toArray().size(),
            500);

        // Mutations show up after the stored cursor, each code once per page.
        const QStringList sorted = QStringList(codes.begin(), codes.end());
        const QString updated = sorted.at(10), removed = sorted.at(20);
        call(sim, "POST", u"/sim/catalog/update"_s, compact(QJsonObject{{u"codes"_s, QJsonArray{updated}}}),
             {}, QString());
        call(sim, "POST", u"/sim/catalog/delete"_s, compact(QJsonObject{{u"codes"_s, QJsonArray{removed}}}),
             {}, QString());
        const Reply delta = call(sim, "GET", u"/catalog/items?since="_s + cursor, {}, {}, token);
        QCOMPARE(delta.json().value(u"items"_s).toArray().size(), 1);
        QCOMPARE(delta.json().value(u"items"_s).toArray().at(0).toObject().value(u"code"_s).toString(),
                 updated);
        QCOMPARE(delta.json().value(u"items"_s).toArray().at(0).toObject().value(u"version"_s).toInt(), 2);
        QCOMPARE(delta.json().value(u"deleted"_s).toArray(), QJsonArray{removed});
        const Reply bundles = call(sim, "GET", u"/catalog/bundles"_s, {}, {}, token);
        QCOMPARE(bundles.status, 200);
        QVERIFY(!bundles.json().value(u"bundles"_s).toArray().isEmpty());

        call(sim, "POST", u"/sim/cursors/expire"_s, {}, {}, QString());
        const Reply gone = call(sim, "GET", u"/catalog/items?since="_s + cursor, {}, {}, token);
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.errorCode(), u"cursor_expired"_s);
        QCOMPARE(call(sim, "GET", u"/catalog/items?since="_s, {}, {}, token).status, 200);
    }

    void durableAcrossRestart() {
        const QString data = m_dir.filePath(u"durable.sqlite"_s);
        const QString key = newUuid(), localId = newUuid();
        const QJsonObject body = caseBody(localId);
        QByteArray firstBody, pem;
        QString refresh;
        {
            Sim sim;
            QVERIFY(sim.start({u"--data"_s, data, u"--catalog-size"_s, u"20"_s, u"--no-demo-catalog"_s},
                              m_dir.filePath(u"d1.log"_s)));
            Reply l;
            const QString token = login(sim, u"clerk"_s, u"Clerk@2026"_s, &l);
            refresh = l.json().value(u"refresh_token"_s).toString();
            const Reply r =
                call(sim, "POST", u"/cases"_s, compact(body), {{"Idempotency-Key", key.toLatin1()}}, token);
            QCOMPARE(r.status, 201);
            firstBody = r.body;
            pem = call(sim, "GET", u"/keys"_s, {}, {}, QString()).body;
        }
        Sim sim;
        QVERIFY(sim.start({u"--data"_s, data, u"--catalog-size"_s, u"20"_s, u"--no-demo-catalog"_s},
                          m_dir.filePath(u"d2.log"_s)));
        QCOMPARE(call(sim, "GET", u"/keys"_s, {}, {}, QString()).body, pem); // same SM2 key and kid
        const Reply refreshed = call(sim, "POST", u"/auth/refresh"_s,
                                     compact(QJsonObject{{u"refresh_token"_s, refresh}}), {}, QString());
        QCOMPARE(refreshed.status, 200);
        const QString token = refreshed.json().value(u"access_token"_s).toString();
        const Reply again =
            call(sim, "POST", u"/cases"_s, compact(body), {{"Idempotency-Key", key.toLatin1()}}, token);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, firstBody);
        const Reply dup =
            call(sim, "POST", u"/cases"_s, compact(body), {{"Idempotency-Key", newUuid().toLatin1()}}, token);
        QCOMPARE(dup.errorCode(), u"duplicate_local_id"_s);
        QCOMPARE(stats(sim).value(u"cases"_s).toInt(), 1);
        QCOMPARE(stats(sim).value(u"catalog_items"_s).toInt(), 20);
    }

    void pushesSeveralHundredCasesPerSecond() {
        // Six connections in flight, as QNetworkAccessManager opens them; faults off.
        constexpr int total = 1000;
        QList<QByteArray> bodies;
        for (int i = 0; i < total; ++i)
            bodies.append(compact(caseBody(newUuid())));
        QElapsedTimer t;
        t.start();
        int next = 0, done = 0, failures = 0;
        QEventLoop loop;
        std::function<void()> launch = [&] {
            if (next >= total)
                return;
            QNetworkReply *reply = send(m_sim, "POST", u"/cases"_s, bodies.at(next++),
                                        {{"Idempotency-Key", newUuid().toLatin1()}}, m_token);
            connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
                    ++failures;
                reply->deleteLater();
                if (++done == total)
                    loop.quit();
                else
                    launch();
            });
        };
        for (int i = 0; i < 6; ++i)
            launch();
        loop.exec();
        const double rate = total * 1000.0 / qMax<qint64>(1, t.elapsed());
        qInfo("pushed %d cases in %lld ms: %.0f cases/s", total, t.elapsed(), rate);
        QCOMPARE(failures, 0);
        QVERIFY2(rate >= 100, qPrintable(QString::number(rate))); // the client benchmark needs 100/s
    }
};

QTEST_GUILESS_MAIN(TestPlatformSim)
#include "tst_platformsim.moc"

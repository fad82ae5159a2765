// OnlineApi against the simulator process: usable only with tokens, answers asynchronously in this thread,
// refreshes an expired access token itself (rotated tokens reach the keychain writer), and asks for a login
// when the platform refuses the tokens.
#include "synctestsupport.h"

#include <windowdesk/sync/onlineapi.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestOnlineApi : public QObject {
    Q_OBJECT
    synctest::Sim m_sim;

    sync::Tokens login() const {
        const QJsonObject o = m_sim
                                  .http("POST", u"/auth/login"_s,
                                        QJsonDocument(QJsonObject{{u"username"_s, synctest::kUser},
                                                                  {u"password"_s, synctest::kPassword},
                                                                  {u"device_id"_s, u"t"_s}})
                                            .toJson(QJsonDocument::Compact))
                                  .json();
        return {o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(),
                synctest::kUser};
    }
    sync::SyncConfig config() const {
        sync::SyncConfig c;
        c.baseUrl = QUrl(m_sim.base());
        c.timeoutMs = 3000;
        return c;
    }
    static sync::ApiResponse get(sync::OnlineApi &api, const QString &path, bool *sync = nullptr) {
        std::optional<sync::ApiResponse> out;
        api.send({"GET", path, {}, {}, {}, true}, [&out](const sync::ApiResponse &r) { out = r; });
        if (sync)
            *sync = out.has_value(); // answered before send() returned?
        QTest::qWaitFor([&] { return out.has_value(); }, 15000);
        return out.value_or(sync::ApiResponse{});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--faults"_s, u"token-ttl-s=2"_s})); }

    void withoutTokensNothingIsSent() {
        sync::OnlineApi api(config());
        QVERIFY(!api.available());
        const int before = m_sim.stats().value(u"requests_total"_s).toInt();
        bool immediate = true;
        const auto r = get(api, u"/queue"_s, &immediate);
        QVERIFY(!immediate); // never synchronous
        QCOMPARE(r.errorCode, u"login_required"_s);
        // Only the stats call itself reached the simulator (it is not an API request).
        QCOMPARE(m_sim.stats().value(u"requests_total"_s).toInt(), before);
    }

    void answersAndRefreshesExpiredTokens() {
        sync::OnlineApi api(config());
        api.setTokens(login());
        QVERIFY(api.available());
        bool immediate = true;
        auto r = get(api, u"/queue"_s, &immediate);
        QVERIFY(!immediate);
        QCOMPARE(r.status, 200);
        QSignalSpy refreshed(&api.client(), &sync::ApiClient::tokensRefreshed);
        QTest::qWait(2500); // the access token expires (token-ttl-s=2)
        r = get(api, u"/queue"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(api.available());
    }

    void refusedTokensAskForALogin() {
        sync::OnlineApi api(config());
        api.setTokens({u"not-a-token"_s, u"not-a-refresh-token"_s, synctest::kUser});
        QSignalSpy asked(&api, &sync::OnlineApi::loginRequired);
        const auto r = get(api, u"/queue"_s);
        QVERIFY(!r.ok());
        QTRY_COMPARE(asked.count(), 1);
        QVERIFY(!api.available());
        // A new login makes it usable again.
        api.setTokens(login());
        QVERIFY(api.available());
        QCOMPARE(get(api, u"/queue"_s).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestOnlineApi)
#include "tst_onlineapi.moc"

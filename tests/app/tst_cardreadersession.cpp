// The resident-ID card reader as the logged-in clerk's session wires it (issue 17): the session starts the
// real windowdesk-reader helper (simulated adapter, setting scanner.card_reader), a card placed fills the
// applicant of the intake page (name, id number; birth date and sex follow from it), the read is audited with
// the masked number only, the status bar shows the reader's state, and a crash of the helper (what a crashing
// vendor library does) is survived: the helper is started again and the next card still fills the applicant.
#include "session.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/reader/readerclient.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstCardReaderSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("WINDOWDESK_READER_HELPER", QByteArray(READER_HELPER));
        auto db = storage::Database::open(m_dir.filePath(u"reader.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        ui::DialogFacade::instance().setInteractive(false);
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void offInTheDemoHallByDefault() {
        const ui::ShellContext ctx = context();
        ui::MainWindow w(ctx);
        app::Session session(ctx, w);
        QVERIFY(!session.cardReader());
        QVERIFY(!w.findChild<QLabel *>(u"cardReaderState"_s));
    }

    void aPlacedCardFillsTheApplicantAndACrashIsSurvived() {
        QVERIFY(storage::SettingsRepository(*m_db, m_clock)
                    .setValue(QString::fromLatin1(storage::settingkey::cardReader), u"simulated"_s)
                    .ok());
        const ui::ShellContext ctx = context();
        ui::MainWindow w(ctx);
        app::Session session(ctx, w);
        w.show();
        reader::ReaderClient *client = session.cardReader();
        QVERIFY(client);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), reader::ReaderClient::State::Ready, 30000);
        auto *state = w.findChild<QLabel *>(u"cardReaderState"_s);
        QVERIFY(state);
        QCOMPARE(state->text(), u"Card reader ready"_s);
        QVERIFY(w.showPage(u"intake"_s));
        auto *page = qobject_cast<intake::IntakePage *>(w.page(u"intake"_s));
        QVERIFY(page);
        auto *name = page->findChild<QLineEdit *>(u"applicantName"_s);
        auto *id = page->findChild<QLineEdit *>(u"applicantIdNumber"_s);
        const int audited = count(u"SELECT count(*) FROM audit_log WHERE action = 'id_card_read'"_s);

        // The clerk is on another page: the card brings the intake page back, filled.
        QVERIFY(w.showPage(u"cases"_s));
        client->simulate({{u"action"_s, u"place"_s}});
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), u"李明"_s, 10000);
        QCOMPARE(id->text(), u"430104199003075318"_s);
        QCOMPARE(w.currentPageId(), u"intake"_s);
        QCOMPARE(page->visit().applicant().kind, u"person"_s);
        QVERIFY(page->findChild<QLabel *>(u"applicantIdInfo"_s)->text().contains(u"1990-03-07"_s));
        QVERIFY(!page->messageBar()->text().isEmpty());
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'id_card_read'"_s), audited + 1);
        // The audit row names the masked number only.
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'id_card_read' AND "
                       u"(target LIKE '%199003075318%' OR details_json LIKE '%199003075318%')"_s),
                 0);

        // The helper crashes; the session starts it again and the status bar says so meanwhile.
        client->simulate({{u"action"_s, u"remove"_s}});
        QSignalSpy died(client, &reader::ReaderClient::helperDied);
        client->simulate({{u"action"_s, u"crash"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(died.count() >= 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), reader::ReaderClient::State::Ready, 30000);
        QVERIFY(client->restarts() >= 1);
        QCOMPARE(state->text(), u"Card reader ready"_s);

        // A new visit, another card (its printed sex disagrees with its number: a warning, still filled).
        page->newVisit();
        QTRY_VERIFY(name->text().isEmpty());
        QJsonObject card{{u"name"_s, u"王芳"_s},           {u"sex"_s, u"male"_s},
                         {u"nation"_s, u"汉"_s},           {u"birth"_s, u"1985-11-02"_s},
                         {u"address"_s, u"长沙市"_s},      {u"id_number"_s, kFemaleId},
                         {u"issuer"_s, u"长沙市公安局"_s}, {u"valid_from"_s, u"2015-01-01"_s},
                         {u"valid_to"_s, u"2035-01-01"_s}};
        client->simulate({{u"action"_s, u"place"_s}, {u"card"_s, card}});
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), u"王芳"_s, 10000);
        QCOMPARE(id->text(), kFemaleId);
        QVERIFY2(page->messageBar()->text().contains(u"does not match"_s),
                 qPrintable(page->messageBar()->text()));
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'id_card_read'"_s), audited + 2);
    }

private:
    ui::ShellContext context() const {
        ui::ShellContext ctx;
        ctx.db = m_db.get();
        ctx.clock = &m_clock;
        ctx.audit = m_audit.get();
        ctx.user = storage::UserRepository(*m_db, m_clock, nullptr).find(u"clerk"_s).value();
        return ctx;
    }
    int count(const QString &sql) const {
        auto q = m_db->query(sql);
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }

    // A valid number of a woman born 1985-11-02 (the 17th digit is even).
    inline static const QString kFemaleId = u"430104198511020028"_s;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_MAIN(TstCardReaderSession)
#include "tst_cardreadersession.moc"

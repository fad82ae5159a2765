// 依申请公开 (issue 16) against the simulator process with faults on: a clerk takes in an application for
// government information on the real intake page by keyboard alone; the notice is the 登记回执 (pdftotext:
// what was asked for and the form of delivery, never a purpose; the 20-working-day reply limit and its
// extension rule); the case reaches the platform exactly once through dropped answers; the platform's
// extension (once, 20 working days) arrives through the cases feed and moves the legal due date — legal_days
// + 20 from the same acceptance date — and the card, while the promised date stays.
#include "../sync/synctestsupport.h"
#include "intakefixture.h"

#include <windowdesk/cases/casecard.h>
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/hallduties.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using synctest::Client;

namespace {
const QString kItem = u"430104-001501001000-GK-001"_s;
const QString kAsked = u"2025年岳麓区老旧小区改造项目资金安排文件（岳政办发〔2025〕12号）"_s;
} // namespace

class TestDisclosure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"5"_s})); }

    void applicationTakenInByKeyboardExtendedByThePlatform() {
        ui::DialogFacade::instance().reset();
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0); // the catalog (with the demo hall's items) and calendars
        QCOMPARE(c.text(u"SELECT type FROM service_items WHERE code = ? AND is_current = 1"_s, {kItem}),
                 u"info_disclosure"_s);
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        QTemporaryDir notices;
        intake::IntakeContext ctx;
        ctx.db = c.db.get();
        ctx.clock = &SystemClock::instance();
        ctx.audit = &audit;
        ctx.window = {u"u-1001"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};
        ctx.noticeDir = notices.path();
        QString localId;
        {
            intake::IntakePage page(ctx);
            page.resize(1280, 900);
            page.show();
            page.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&page));
            auto key = [&](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
                QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : &page;
                QTest::keyClick(w, k, m);
                QCoreApplication::processEvents();
            };
            page.findChild<QLineEdit *>(u"applicantName"_s)->setFocus();
            intake::test::typeText(QApplication::focusWidget(), u"周敏"_s);
            key(Qt::Key_Tab);
            intake::test::typeText(QApplication::focusWidget(), u"11010519491231002X"_s);
            key(Qt::Key_Tab);
            intake::test::typeText(QApplication::focusWidget(), u"13800138000"_s);
            key(Qt::Key_F, Qt::ControlModifier);
            intake::test::typeText(QApplication::focusWidget(), u"政府信息公开申请（区人民政府）"_s);
            key(Qt::Key_Return);
            QCOMPARE(page.matter().itemCode, kItem);
            // The form asks what the regulation requires, and never the purpose.
            QVERIFY(page.findChild<QWidget *>(u"field_info_description"_s));
            QVERIFY(page.findChild<QWidget *>(u"field_info_delivery_form"_s));
            for (const auto &fl : page.matter().fields)
                QVERIFY2(!fl.label.contains(u"用途"_s) && !fl.key.contains(u"purpose"_s), qPrintable(fl.key));
            auto *asked = page.findChild<QPlainTextEdit *>(u"field_info_description"_s);
            asked->setFocus();
            intake::test::typeText(asked, kAsked);
            for (const QString &name : {u"field_info_delivery_form"_s, u"field_info_obtain_method"_s}) {
                auto *combo = page.findChild<QComboBox *>(name);
                QVERIFY(combo);
                combo->setFocus();
                key(Qt::Key_Down);
                QVERIFY2(!combo->currentText().isEmpty(), qPrintable(name));
            }
            key(Qt::Key_M, Qt::ControlModifier); // every material seen on paper
            key(Qt::Key_Return, Qt::ControlModifier);
            localId = page.lastCaseLocalId();
            QVERIFY2(!localId.isEmpty(), qPrintable(page.findChild<QLabel *>(u"decisionProblems"_s)->text()));
            QCOMPARE(page.lastNoticePaths().size(), 1);
            QVERIFY(page.lastNoticePaths().first().endsWith(u"-disclosure_registration.pdf"_s));
            // WINDOWDESK_NOTICE_SAMPLE=<file.pdf>: keep a copy (the README's picture of the 登记回执).
            if (const QString keep = qEnvironmentVariable("WINDOWDESK_NOTICE_SAMPLE"); !keep.isEmpty())
                QFile::copy(page.lastNoticePaths().first(), keep);
            const QString text = intake::test::pdfText(page.lastNoticePaths().first());
            QVERIFY2(text.contains(u"政府信息公开申请登记回执"_s), qPrintable(text));
            QVERIFY2(text.contains(u"2025年岳麓区老旧小区改造项目资金安排文件"_s),
                     qPrintable(text)); // as asked
            QVERIFY2(text.contains(u"政府信息的提供形式"_s), qPrintable(text));
            QVERIFY2(text.contains(u"二十个工作日"_s), qPrintable(text));
            QVERIFY2(text.contains(u"20个工作日"_s), qPrintable(text));
            QVERIFY2(!text.contains(u"用途"_s), qPrintable(text));
            QVERIFY2(!text.contains(u"受理回执"_s), qPrintable(text));
            QVERIFY(!text.contains(u"11010519491231002X"_s)); // masked
            if (auto *eval = page.evaluationDialog())
                eval->close();
        }
        const QDate accepted = QDate::fromString(
            c.text(u"SELECT accepted_date FROM cases WHERE local_id = ?"_s, {localId}), Qt::ISODate);
        QCOMPARE(c.scalar(u"SELECT legal_days FROM cases WHERE local_id = ?"_s, {localId}), 20);

        // To the platform through dropped answers (the second request's for certain, then three in ten): one
        // case.
        const int before = m_sim.stats().value(u"cases"_s).toInt();
        QVERIFY(m_sim.setFaults(u"fail-nth=2,drop-after-commit=0.3"_s));
        for (int round = 0; round < 10 && c.scalar(u"SELECT COUNT(*) FROM outbox WHERE state <> 'done'"_s);
             ++round)
            c.run(20, true, false);
        QVERIFY(m_sim.setFaults(QString()));
        QCOMPARE(c.scalar(u"SELECT COUNT(*) FROM outbox WHERE state <> 'done'"_s), 0);
        QCOMPARE(m_sim.stats().value(u"cases"_s).toInt(), before + 1);
        QVERIFY(!c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId}).isEmpty());
        const QString promisedBefore =
            c.text(u"SELECT promised_due FROM cases WHERE local_id = ?"_s, {localId});
        const QString legalBefore = c.text(u"SELECT legal_due FROM cases WHERE local_id = ?"_s, {localId});

        // The disclosure office extends the reply limit (a back-office step); the feed brings it.
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        c.run(20, false, true);
        QCOMPARE(c.scalar(u"SELECT extension_days FROM cases WHERE local_id = ?"_s, {localId}), 20);
        QCOMPARE(c.text(u"SELECT promised_due FROM cases WHERE local_id = ?"_s, {localId}), promisedBefore);
        const QString legalAfter = c.text(u"SELECT legal_due FROM cases WHERE local_id = ?"_s, {localId});
        QVERIFY2(legalAfter > legalBefore, qPrintable(legalAfter));

        // The card counts legal_days + 20 from the same acceptance date: the day after the first legal due
        // date is a yellow card (past the promised date, which did not move), no longer red; the platform's
        // date and the domain rule agree.
        auto calendar = storage::CalendarRepository(*c.db).workingCalendar();
        QVERIFY(calendar.ok());
        auto forty = core::dueDate(accepted, 40, calendar.value());
        QVERIFY(forty.ok());
        QCOMPARE(legalAfter, forty->date.toString(Qt::ISODate));
        auto facts = cases::CaseRepository(*c.db).cardFacts({localId});
        QVERIFY(facts.ok());
        QVERIFY(facts->contains(localId));
        const cases::CaseCardFacts f = facts->value(localId);
        QCOMPARE(f.extensionDays, 20);
        const QDate firstLegal = QDate::fromString(legalBefore, Qt::ISODate);
        const QDateTime dayAfter(firstLegal.addDays(1), QTime(10, 0), Clock::chinaStandardTime());
        auto card = cases::evaluateCaseCard(f, dayAfter, calendar.value(), {});
        QVERIFY(card.ok());
        QCOMPARE(card->legalDue, forty->date);
        QCOMPARE(card->colour, core::CardColour::Yellow);
        cases::CaseCardFacts unextended = f;
        unextended.extensionDays = 0;
        auto without = cases::evaluateCaseCard(unextended, dayAfter, calendar.value(), {});
        QVERIFY(without.ok());
        QCOMPARE(without->colour, core::CardColour::Red);
    }

private:
    synctest::Sim m_sim;
};

QTEST_MAIN(TestDisclosure)
#include "tst_disclosure.moc"

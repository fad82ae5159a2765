// The trainer's 评分 tab by keys on a real database (issue 15, the judges' criteria of a scenario drill): a
// finished drill waits for the judges; two judges enter their marks one after the other (their name, a mark
// per criterion, Ctrl+S), each audited; the rubric shows each judged criterion averaged over the judges; a
// judge without a name is refused in Chinese; Ctrl+Enter fixes the score — the automatic part plus the
// averages — and records the result with its outbox row exactly once; the drill leaves the list and takes no
// more marks.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/trainingui/judgingtab.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
    }
}
void press(QWidget *w, const char *id) {
    const QKeyCombination k = ui::shortcutKey(id)[0];
    QTest::keyClick(w, k.key(), k.keyboardModifiers());
}
void typeNumber(QDoubleSpinBox *box, const QString &value) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, value);
}
} // namespace

class TstJudgingTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void twoJudgesAveragedThenTheScoreIsFixedOnce() {
        training::Scenario s;
        s.title = u"失业保险金申领（缺件）"_s;
        s.applicantName = u"李训练"_s;
        const QString first17 = u"43010419900307123"_s;
        s.idNumber = first17 + core::residentIdCheckCharacter(first17);
        s.phone = u"13800138000"_s;
        s.targetItemCode = u"430104-000301002000-JF-002"_s;
        s.targetDecision = u"correction_required"_s;
        training::ScenarioDrills drills(*m_db, m_clock);
        const QString drill = drills.addDrill(s, u"u-demo-trainer"_s).value();
        const QString attempt = drills.start(drill, u"u-demo-clerk"_s, m_dir.filePath(u"sb.db"_s)).value().id;
        m_clock.advanceSecs(200);
        const double automatic =
            drills.finish(attempt, std::nullopt, training::FinishReason::Trainee).value().score;
        QCOMPARE(automatic, 10.0); // nothing taken in: only the time

        const storage::User trainer =
            storage::UserRepository(*m_db, m_clock, nullptr).find(u"trainer"_s).value();
        trainingui::JudgingTab tab({m_db.get(), &m_clock, m_audit.get(), trainer, {}});
        tab.resize(1100, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        auto *list = tab.findChild<QListWidget *>(u"judgingList"_s);
        auto *judge = tab.findChild<QLineEdit *>(u"judgingJudge"_s);
        auto *rubric = tab.findChild<QTextBrowser *>(u"judgingRubric"_s);
        auto *message = tab.findChild<ui::MessageBar *>(u"judgingMessage"_s);
        QVERIFY(list && judge && rubric && message);
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(u"李娜"_s), qPrintable(list->item(0)->text()));
        QCOMPARE(tab.selectedAttempt(), attempt);

        auto marks = [&](const QString &name, const QString &attitude, const QString &explanation) {
            judge->setFocus();
            QTest::keyClick(judge, Qt::Key_A, Qt::ControlModifier);
            typeText(judge, name);
            typeNumber(tab.findChild<QDoubleSpinBox *>(u"judgingMark_attitude"_s), attitude);
            auto *box = tab.findChild<QDoubleSpinBox *>(u"judgingMark_explanation"_s);
            typeNumber(box, explanation);
            press(box, ui::shortcut::trainingRecordMarks);
        };
        // A judge without a name is refused.
        judge->setFocus();
        QTest::keyClick(judge, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(judge, Qt::Key_Delete);
        press(judge, ui::shortcut::trainingRecordMarks);
        QCOMPARE(message->text(), u"请填写评委姓名。"_s);
        QCOMPARE(drills.judgements(attempt).value().size(), 0);

        marks(u"王评委"_s, u"8"_s, u"6"_s);
        QVERIFY2(message->text().contains(u"王评委"_s), qPrintable(message->text()));
        marks(u"赵评委"_s, u"6"_s, u"10"_s);
        QCOMPARE(drills.judgements(attempt).value().size(), 4);
        QCOMPARE(auditRows(u"training_judgement"_s), 4);
        const QString shown = rubric->toPlainText();
        QVERIFY2(shown.contains(u"7 / 10"_s) && shown.contains(u"8 / 10"_s), qPrintable(shown)); // averages
        QVERIFY2(shown.contains(u"评委 2 位"_s) || shown.contains(u"2 位评委"_s), qPrintable(shown));

        // Ctrl+Enter: the score is fixed and recorded for the platform, exactly once.
        list->setFocus();
        press(list, ui::shortcut::trainingFinalize);
        QCOMPARE(count(u"SELECT count(*) FROM training_results"_s), 1);
        QCOMPARE(count(u"SELECT score FROM training_results"_s), int(automatic + 7 + 8));
        QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 1);
        QCOMPARE(list->count(), 0);
        QVERIFY(drills.finalize(attempt).ok());
        QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 1);
        const Status late = drills.judge(attempt, {u"王评委"_s, u"attitude"_s, 10, 0, QString()});
        QCOMPARE(late.error().code, u"already_recorded"_s);
        auto verify = m_audit->verify();
        QVERIFY(verify.ok() && verify->chainOk);
    }

private:
    int auditRows(const QString &action) const {
        return count(u"SELECT count(*) FROM audit_log WHERE action = '%1'"_s.arg(action));
    }
    int count(const QString &sql) const {
        auto q = m_db->query(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 5), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_MAIN(TstJudgingTab)
#include "tst_judgingtab.moc"

// The evaluation pad on the citizen's screen: with two screens (the offscreen platform configured with a
// second one, right of the clerk's) and the setting evaluation.screen naming it, the window opens full screen
// on that screen and takes the citizen's key or finger; a setting naming no screen (the pad unplugged) falls
// back to a window over the clerk's, and the clerk is told. On the pad everything is a finger's size and
// nothing needs the keyboard.
#include "intakefixture.h"

#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/ui/messagebar.h>

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

class TestEvaluationScreen : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        ctx = IntakeContext{};
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
    }
    void cleanup() {
        if (page && page->evaluationDialog())
            page->evaluationDialog()->close();
        page.reset();
        f.reset();
    }

    void twoScreens() { QCOMPARE(QGuiApplication::screens().size(), 2); }

    void onTheConfiguredScreen_data() {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<bool>("citizen"); // on the citizen's screen, else on the clerk's
        int number = 0; // the citizen's screen counted from 1 in the order the desk lists its screens
        for (qsizetype i = 0; i < QGuiApplication::screens().size(); ++i)
            if (QGuiApplication::screens().at(i)->name() == u"citizen"_s)
                number = int(i) + 1;
        QVERIFY(number > 0);
        QTest::addRow("by number") << QString::number(number) << true;
        QTest::addRow("by name") << u"citizen"_s << true;
        QTest::addRow("no such screen: the clerk's") << u"7"_s << false;
    }
    void onTheConfiguredScreen() {
        QFETCH(QString, setting);
        QFETCH(bool, citizen);
        QVERIFY(storage::SettingsRepository(*f->db, f->clock).setValue(u"evaluation.screen"_s, setting).ok());
        page = std::make_unique<IntakePage>(ctx);
        page->setGeometry(QRect(QPoint(0, 0), QSize(1280, 760)));
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        visitByKeys();
        EvaluationDialog *eval = page->evaluationDialog();
        QVERIFY(eval);
        QScreen *target = nullptr;
        for (QScreen *s : QGuiApplication::screens())
            if (s->name() == (citizen ? u"citizen"_s : u"clerk"_s))
                target = s;
        QVERIFY(target);
        QCOMPARE(page->screen()->name(), u"clerk"_s);
        // The pad: the whole citizen's screen. Otherwise a window centred on the clerk's.
        QCOMPARE(eval->isFullScreen(), citizen);
        if (citizen)
            QTRY_COMPARE(eval->geometry(), target->geometry());
        const QString notice = page->messageBar()->text();
        QCOMPARE(notice.contains(u"not connected"_s), !citizen);
        if (!citizen)
            QVERIFY2(notice.contains(setting) && notice.contains(u"Saved"_s), qPrintable(notice));
        const QRect area =
            citizen ? target->geometry() : page->frameGeometry().intersected(target->availableGeometry());
        QVERIFY2((eval->frameGeometry().center() - area.center()).manhattanLength() <= 4,
                 qPrintable(u"evaluation at %1,%2 %3x%4, expected centred in %5,%6 %7x%8"_s.arg(eval->x())
                                .arg(eval->y())
                                .arg(eval->width())
                                .arg(eval->height())
                                .arg(area.x())
                                .arg(area.y())
                                .arg(area.width())
                                .arg(area.height())));
        QCOMPARE(eval->screen(), target);
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(eval));
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                    : QApplication::activeWindow(),
                        Qt::Key_4);
        QCOMPARE(eval->chosenLevel(), 4);
        QVERIFY(!eval->savedLocalId().isEmpty());
    }

    void padIsTouchFriendly() {
        QVERIFY(storage::SettingsRepository(*f->db, f->clock)
                    .setValue(u"evaluation.screen"_s, u"citizen"_s)
                    .ok());
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        visitByKeys();
        EvaluationDialog *eval = page->evaluationDialog();
        QVERIFY(eval && eval->isFullScreen());
        QTRY_VERIFY(eval->isVisible());
        // Every button a finger's size (48 px is the least a finger hits reliably).
        for (int level = 1; level <= 5; ++level) {
            auto *b = eval->findChild<QPushButton *>(u"level%1"_s.arg(level));
            QVERIFY(b && b->isVisible());
            QVERIFY2(b->height() >= 48 && b->width() >= 48, qPrintable(b->objectName()));
        }
        // A bad rating by finger: the reasons come up, each row a finger's height.
        QTest::mouseClick(eval->findChild<QPushButton *>(u"level2"_s), Qt::LeftButton);
        auto *reasons = eval->findChild<QListWidget *>(u"evaluationReasons"_s);
        QTRY_VERIFY(reasons->isVisible());
        QVERIFY(reasons->count() >= 2);
        for (int i = 0; i < reasons->count(); ++i)
            QVERIFY2(reasons->visualItemRect(reasons->item(i)).height() >= 48,
                     qPrintable(QString::number(i)));
        // A tap anywhere on a row ticks it, a second tap unticks it.
        const auto tap = [reasons](int row, QPoint at = {}) {
            const QRect r = reasons->visualItemRect(reasons->item(row));
            QTest::mouseClick(reasons->viewport(), Qt::LeftButton, Qt::NoModifier,
                              at.isNull() ? r.center() : at);
        };
        tap(0);
        QCOMPARE(reasons->item(0)->checkState(), Qt::Checked);
        tap(0);
        QCOMPARE(reasons->item(0)->checkState(), Qt::Unchecked);
        // A tap on the small box itself ticks once, not twice.
        QStyleOptionViewItem opt;
        opt.initFrom(reasons->viewport());
        opt.rect = reasons->visualItemRect(reasons->item(1));
        opt.features |= QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
        const QRect box =
            reasons->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, reasons);
        QVERIFY(box.isValid());
        tap(1, box.center());
        QCOMPARE(reasons->item(1)->checkState(), Qt::Checked);
        // Send, by finger: saved with that reason, no key pressed for the citizen.
        auto *send = eval->findChild<QPushButton *>(u"evaluationSubmit"_s);
        QVERIFY(send->isVisible() && send->height() >= 48);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(!eval->savedLocalId().isEmpty());
        QCOMPARE(eval->chosenLevel(), 2);
        auto q = f->db->query(u"SELECT reasons_json FROM evaluations WHERE local_id = ?"_s,
                              {eval->savedLocalId()});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(QJsonDocument::fromJson(q->value(0).toString().toUtf8()).array(),
                 QJsonArray{reasons->item(1)->text()});
    }

private:
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : page.get();
        QTest::keyClick(w, k, m);
        QCoreApplication::processEvents();
    }
    void visitByKeys() {
        key(Qt::Key_F2);
        typeText(QApplication::focusWidget(), u"张三"_s);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), kPersonId);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), u"13800138000"_s);
        key(Qt::Key_F, Qt::ControlModifier);
        typeText(QApplication::focusWidget(), u"城乡居民基本医疗"_s);
        key(Qt::Key_Return);
        key(Qt::Key_Down);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), u"2026-03-06"_s);
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(),
                 qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
    }

    std::unique_ptr<Fixture> f;
    IntakeContext ctx;
    std::unique_ptr<IntakePage> page;
};

// The offscreen platform with two screens side by side (its JSON configuration), set before QApplication.
int main(int argc, char **argv) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"({"screens": [
        {"name": "clerk", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "citizen", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestEvaluationScreen test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_evaluationscreen.moc"

// Dialogs go through the facade: tests pre-answer them in order, read what was shown, and a headless run
// never blocks on a box nobody can click.
#include <windowdesk/ui/dialogfacade.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using windowdesk::ui::DialogFacade;

class TstDialogFacade : public QObject {
    Q_OBJECT

private slots:
    void init() {
        DialogFacade::instance().reset();
        DialogFacade::instance().setInteractive(false);
    }

    void preAnswersAreConsumedInOrder() {
        auto &f = DialogFacade::instance();
        f.preAnswer(QMessageBox::Yes);
        f.preAnswer(QMessageBox::Cancel);
        QCOMPARE(f.question(nullptr, u"t1"_s, u"first?"_s), QMessageBox::Yes);
        QCOMPARE(f.question(nullptr, u"t2"_s, u"second?"_s, QMessageBox::Ok | QMessageBox::Cancel),
                 QMessageBox::Cancel);
        // Nothing left: the default button, without showing anything.
        QCOMPARE(f.question(nullptr, u"t3"_s, u"third?"_s), QMessageBox::No);
        QCOMPARE(f.shown().size(), 3);
        QCOMPARE(f.shown().at(1).text, u"second?"_s);
        QCOMPARE(f.shown().at(1).kind, DialogFacade::Kind::Question);
    }

    void messagesAreRecorded() {
        auto &f = DialogFacade::instance();
        QCOMPARE(f.critical(nullptr, u"Cannot start"_s, u"damaged"_s), QMessageBox::Ok);
        QCOMPARE(f.shown().size(), 1);
        QCOMPARE(f.shown().first().kind, DialogFacade::Kind::Critical);
        QCOMPARE(f.shown().first().title, u"Cannot start"_s);
    }

    void pathsArePreAnswered() {
        auto &f = DialogFacade::instance();
        f.preAnswerPath(u"/tmp/export.csv"_s);
        QCOMPARE(f.saveFileName(nullptr, u"Export"_s), u"/tmp/export.csv"_s);
        // Unanswered and headless: cancelled.
        QCOMPARE(f.openFileName(nullptr, u"Import"_s), QString());
        QCOMPARE(f.shown().size(), 2);
        QCOMPARE(f.shown().at(0).kind, DialogFacade::Kind::SaveFile);
    }

    void interactivityCanBeForced() {
        auto &f = DialogFacade::instance();
        f.setInteractive(true);
        QVERIFY(f.interactive());
        f.setInteractive(false);
        QVERIFY(!f.interactive());
    }
};

QTEST_MAIN(TstDialogFacade)
#include "tst_dialogfacade.moc"

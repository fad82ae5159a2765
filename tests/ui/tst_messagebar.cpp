// The inline message bar: shows a message at a level, hides when cleared or dismissed.
#include <windowdesk/ui/messagebar.h>

#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using windowdesk::ui::MessageBar;

class TstMessageBar : public QObject {
    Q_OBJECT

private slots:
    void showsAndClears() {
        QWidget parent;
        auto *bar = new MessageBar(&parent);
        parent.show();
        QVERIFY(!bar->isVisible());
        QCOMPARE(bar->text(), QString());
        QSignalSpy changed(bar, &MessageBar::messageChanged);

        bar->showError(u"Wrong password"_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), u"Wrong password"_s);
        QCOMPARE(bar->level(), MessageBar::Level::Error);
        QCOMPARE(bar->property("level").toString(), u"error"_s);
        QCOMPARE(bar->accessibleName(), u"Wrong password"_s);

        bar->showWarning(u"Offline"_s);
        QCOMPARE(bar->level(), MessageBar::Level::Warning);
        QCOMPARE(bar->text(), u"Offline"_s);

        // The dismiss button hides it.
        auto *close = bar->findChild<QToolButton *>();
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(bar->text(), QString());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.last().first().toString(), QString());
    }
};

QTEST_MAIN(TstMessageBar)
#include "tst_messagebar.moc"

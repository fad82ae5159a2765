// Where the evaluation window goes, decided without widgets from a list of screen geometries (the rule of
// evaluationplacement.h): full screen on the citizen's screen the setting names (by name or number), a
// window over the clerk's otherwise, and a chosen screen that is gone falls back to the clerk's screen and
// says so. Also how the Settings dialog names a screen so that the setting finds it again.
#include <windowdesk/intake/evaluationplacement.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::intake;

Q_DECLARE_METATYPE(QList<windowdesk::ui::ScreenInfo>)

namespace {
// The usual desk: the clerk's laptop-sized screen and the pad to its right, below a panel of 32 px.
QList<ScreenInfo> desk() {
    return {{u"eDP-1"_s, QRect(0, 0, 1366, 768), QRect(0, 32, 1366, 736)},
            {u"HDMI-1"_s, QRect(1366, 0, 1024, 768), QRect(1366, 0, 1024, 768)}};
}
const QRect clerkFrame(100, 50, 1000, 700);
const QSize dialogSize(700, 300);
} // namespace

class TestEvaluationPlacement : public QObject {
    Q_OBJECT
private slots:
    void placement_data() {
        QTest::addColumn<QList<ScreenInfo>>("screens");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<int>("screen");
        QTest::addColumn<bool>("fullScreen");
        QTest::addColumn<bool>("missing");
        QTest::addColumn<QRect>("geometry");
        // Centred on the clerk's frame (100,50 1000×700): 150 px of it left and right, 200 above and below.
        const QRect overClerk(QPoint(250, 250), dialogSize);
        QTest::addRow("no screen chosen: over the clerk's window")
            << desk() << QString() << 0 << false << false << overClerk;
        QTest::addRow("the pad by name: full screen there")
            << desk() << u"HDMI-1"_s << 1 << true << false << QRect(1366, 0, 1024, 768);
        QTest::addRow("the pad by number")
            << desk() << u"2"_s << 1 << true << false << QRect(1366, 0, 1024, 768);
        QTest::addRow("the clerk's own screen chosen: full screen too")
            << desk() << u"1"_s << 0 << true << false << QRect(0, 0, 1366, 768);
        QTest::addRow("pad unplugged: the clerk's screen, told")
            << QList<ScreenInfo>{desk().first()} << u"HDMI-1"_s << 0 << false << true << overClerk;
        QTest::addRow("number past the last screen") << desk() << u"3"_s << 0 << false << true << overClerk;
        QTest::addRow("pad renamed by the driver")
            << QList<ScreenInfo>{desk().first(),
                                 {u"DP-2"_s, QRect(1366, 0, 1024, 768), QRect(1366, 0, 1024, 768)}}
            << u"HDMI-1"_s << 0 << false << true << overClerk;
        // The pad left of the clerk's screen, negative coordinates.
        QTest::addRow("pad on the left")
            << QList<ScreenInfo>{desk().first(),
                                 {u"HDMI-1"_s, QRect(-1024, 0, 1024, 768), QRect(-1024, 0, 1024, 768)}}
            << u"HDMI-1"_s << 1 << true << false << QRect(-1024, 0, 1024, 768);
    }
    void placement() {
        QFETCH(QList<ScreenInfo>, screens);
        QFETCH(QString, setting);
        QFETCH(int, screen);
        QFETCH(bool, fullScreen);
        QFETCH(bool, missing);
        QFETCH(QRect, geometry);
        const EvaluationPlacement plan = planEvaluationPlacement(screens, setting, 0, clerkFrame, dialogSize);
        QCOMPARE(plan.screen, screen);
        QCOMPARE(plan.fullScreen, fullScreen);
        QCOMPARE(plan.chosenScreenMissing, missing);
        QCOMPARE(plan.geometry, geometry);
    }

    void hiddenClerkWindowCentresOnItsScreen() {
        // Before the clerk's window is shown: the middle of the screen's free area.
        const auto plan = planEvaluationPlacement(desk(), QString(), 0, QRect(), dialogSize);
        QCOMPARE(plan.geometry.center(), QRect(0, 32, 1366, 736).center());
    }

    void neverLargerThanTheScreen() {
        const auto plan =
            planEvaluationPlacement({{u"small"_s, QRect(0, 0, 800, 600), QRect(0, 0, 800, 560)}}, QString(),
                                    0, QRect(0, 0, 800, 560), QSize(1200, 900));
        QCOMPARE(plan.geometry.size(), QSize(800, 560));
        QVERIFY(QRect(0, 0, 800, 560).contains(plan.geometry));
    }

    void noScreensNoPlacement() {
        const auto plan = planEvaluationPlacement({}, u"HDMI-1"_s, 0, clerkFrame, dialogSize);
        QCOMPARE(plan.screen, -1);
        QVERIFY(!plan.fullScreen);
    }

    void settingNamesTheScreenItWasChosenFor() {
        // What the dialog stores finds the same screen again: the name when it is unique, else the number.
        QList<ScreenInfo> screens = desk();
        screens.append({QString(), QRect(2390, 0, 800, 600), QRect(2390, 0, 800, 600)});
        screens.append({u"VGA-1"_s, QRect(3190, 0, 800, 600), QRect(3190, 0, 800, 600)});
        screens.append({u"VGA-1"_s, QRect(3990, 0, 800, 600), QRect(3990, 0, 800, 600)});
        screens.append({u"1"_s, QRect(4790, 0, 800, 600), QRect(4790, 0, 800, 600)});
        QCOMPARE(windowdesk::ui::screenSettingFor(screens, 1), u"HDMI-1"_s);
        QCOMPARE(windowdesk::ui::screenSettingFor(screens, 2), u"3"_s); // unnamed
        QCOMPARE(windowdesk::ui::screenSettingFor(screens, 4), u"5"_s); // a name two screens share
        QCOMPARE(windowdesk::ui::screenSettingFor(screens, 5), u"6"_s); // a name that reads as a number
        for (int i = 0; i < screens.size(); ++i)
            QCOMPARE(windowdesk::ui::screenNamedBy(screens, windowdesk::ui::screenSettingFor(screens, i)), i);
        QCOMPARE(windowdesk::ui::screenSettingFor(screens, 9), QString());
    }
};

QTEST_GUILESS_MAIN(TestEvaluationPlacement)
#include "tst_evaluationplacement.moc"

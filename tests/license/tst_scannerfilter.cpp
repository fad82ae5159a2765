// ScannerInputFilter with synthetic key events and an injected clock: scanner bursts are taken as scans and
// never reach the focused line edit; typists (60–80 ms per key) and short fast bursts arrive intact.
#include <windowdesk/license/scannerinputfilter.h>

#include <QApplication>
#include <QInputMethodQueryEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>
#include <QWindow>

using namespace Qt::StringLiterals;
using windowdesk::license::ScannerInputFilter;

namespace {
const QString kPayload = u"EL1.demo-hall-2026.eyJhIjoxfQ.MEUCIQDx_y-Z09"_s;

int keyFor(QChar c) {
    if (c.isLetter())
        return Qt::Key_A + (c.toUpper().unicode() - u'A');
    if (c.isDigit())
        return Qt::Key_0 + (c.unicode() - u'0');
    switch (c.unicode()) {
    case u'.':
        return Qt::Key_Period;
    case u'-':
        return Qt::Key_Minus;
    case u'_':
        return Qt::Key_Underscore;
    case u' ':
        return Qt::Key_Space;
    case u',':
        return Qt::Key_Comma;
    case u']':
        return Qt::Key_BracketRight;
    default:
        return Qt::Key_unknown;
    }
}
} // namespace

class TestScannerFilter : public QObject {
    Q_OBJECT

    qint64 m_t = 1000; // the filter's clock, in ms
    std::unique_ptr<QWidget> m_window;
    QLineEdit *m_edit = nullptr;
    QLineEdit *m_other = nullptr;
    std::unique_ptr<ScannerInputFilter> m_filter;

    // Where key events enter: the widget itself (as QTest does), or its QWindow (as the platform does).
    QObject *m_target = nullptr;

    void send(QEvent::Type type, int key, const QString &text, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QKeyEvent e(type, key, mods, text);
        QCoreApplication::sendEvent(m_target, &e);
    }
    void press(QChar c, int gapMs) {
        m_t += gapMs;
        const bool upper = c.isUpper();
        if (upper)
            send(QEvent::KeyPress, Qt::Key_Shift, QString(), Qt::ShiftModifier);
        send(QEvent::KeyPress, keyFor(c), QString(c), upper ? Qt::ShiftModifier : Qt::NoModifier);
        send(QEvent::KeyRelease, keyFor(c), QString(c), upper ? Qt::ShiftModifier : Qt::NoModifier);
        if (upper)
            send(QEvent::KeyRelease, Qt::Key_Shift, QString());
    }
    void typeText(const QString &s, int gapMs, int jitterMs = 0) {
        int i = 0;
        for (QChar c : s)
            press(c, gapMs + (jitterMs ? (i++ % (jitterMs + 1)) : 0));
    }
    void suffix(int key, const QString &text, int gapMs) {
        m_t += gapMs;
        send(QEvent::KeyPress, key, text);
        send(QEvent::KeyRelease, key, text);
    }
    void idle() {
        m_t += 500;
        m_filter->flushIfIdle();
    }

private Q_SLOTS:
    void init() {
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        m_edit = new QLineEdit(m_window.get());
        m_other = new QLineEdit(m_window.get());
        layout->addWidget(m_edit);
        layout->addWidget(m_other);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        m_edit->setFocus();
        QTRY_VERIFY(m_edit->hasFocus());
        m_filter = std::make_unique<ScannerInputFilter>();
        m_filter->setTimeSource([this] { return m_t; });
        m_filter->install();
        m_target = m_edit;
    }
    void cleanup() {
        m_filter.reset();
        m_window.reset();
    }

    void scanWithSuffix_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("viaWindow");
        QTest::addRow("CR") << int(Qt::Key_Return) << u"\r"_s << false;
        QTest::addRow("keypad Enter") << int(Qt::Key_Enter) << u"\r"_s << false;
        QTest::addRow("LF") << int(Qt::Key_Return) << u"\n"_s << false;
        QTest::addRow("Tab") << int(Qt::Key_Tab) << u"\t"_s << false;
        QTest::addRow("CR via the window") << int(Qt::Key_Return) << u"\r"_s << true;
    }
    void scanWithSuffix() {
        QFETCH(int, key);
        QFETCH(QString, text);
        QFETCH(bool, viaWindow);
        if (viaWindow)
            m_target = m_window->windowHandle();
        m_edit->setText(u"张三"_s);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        typeText(kPayload, 5);
        QVERIFY(m_filter->isHoldingKeys());
        suffix(key, text, 5);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), kPayload);
        // Nothing leaked into the focused field: not the characters, not the Enter, not the Tab.
        QCOMPARE(m_edit->text(), u"张三"_s);
        QCOMPARE(returned.size(), 0);
        QVERIFY(m_edit->hasFocus());
        QVERIFY(!m_filter->isHoldingKeys());
        idle();
        QCOMPARE(m_edit->text(), u"张三"_s);
        QCOMPARE(scanned.size(), 1);
    }

    void typistIsNotAScanner_data() {
        QTest::addColumn<bool>("viaWindow");
        QTest::addRow("widget") << false;
        QTest::addRow("via the window") << true;
    }
    void typistIsNotAScanner() {
        QFETCH(bool, viaWindow);
        if (viaWindow)
            m_target = m_window->windowHandle();
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        const QString text = u"Hello World 2026 EL1.abc-def_X"_s;
        typeText(text, 60, 20); // 60..80 ms per key
        suffix(Qt::Key_Return, u"\r"_s, 70);
        QCOMPARE(scanned.size(), 0);
        QCOMPARE(m_edit->text(), text); // every character once, in order
        QCOMPARE(returned.size(), 1);
        QVERIFY(!m_filter->isInputMethodSuppressed());
    }

    void typistTextArrivesWithoutAnEnter() {
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(u"abcdefghij"_s, 75);
        idle(); // the last key is held until it is clear no burst follows
        QCOMPARE(m_edit->text(), u"abcdefghij"_s);
        QCOMPARE(scanned.size(), 0);
    }

    void shortFastBurstIsTyping() {
        // Fewer than minLength characters then Enter: typing (e.g. a quick "ok" + Enter), delivered as typed.
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        typeText(u"1234567"_s, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 0);
        QCOMPARE(m_edit->text(), u"1234567"_s);
        QCOMPARE(returned.size(), 1);
        // Exactly minLength is a scan.
        m_edit->clear();
        typeText(u"12345678"_s, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(m_edit->text(), QString());
    }

    void gapJustOverTheLimitIsTyping() {
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(u"ABCDEFGHIJ"_s, 50); // at the limit: still a scanner
        suffix(Qt::Key_Tab, u"\t"_s, 50);
        QCOMPARE(scanned.size(), 1);
        typeText(u"ABCDEFGHIJ"_s, 51);
        suffix(Qt::Key_Tab, u"\t"_s, 51);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(m_edit->text(), u"ABCDEFGHIJ"_s);
    }

    void suffixMissing() {
        // The scanner is configured with a suffix: a fast burst without one (auto-type) is typing.
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(kPayload, 5);
        QCOMPARE(m_edit->text(), QString()); // held while it may still be a scan
        idle();
        QCOMPARE(scanned.size(), 0);
        QCOMPARE(m_edit->text(), kPayload);
    }

    void noSuffixConfigured() {
        m_filter->setSuffixes(ScannerInputFilter::NoSuffix);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(kPayload, 5);
        QCOMPARE(scanned.size(), 0);
        idle();
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), kPayload);
        QCOMPARE(m_edit->text(), QString());
        // The next key after the pause starts afresh.
        typeText(u"x"_s, 400);
        idle();
        QCOMPARE(m_edit->text(), u"x"_s);
    }

    void burstEndsWhenNextKeyIsLate() {
        // Without calling flushIfIdle: a late key first settles the burst before it, then counts itself.
        m_filter->setSuffixes(ScannerInputFilter::NoSuffix);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(kPayload, 5);
        typeText(u"q"_s, 300);
        QCOMPARE(scanned.size(), 1);
        idle();
        QCOMPARE(m_edit->text(), u"q"_s);
    }

    void prefix() {
        m_filter->setPrefix(u"]Q"_s);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(u"]Q"_s + kPayload, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), kPayload);
        // Without the prefix it is not this scanner.
        typeText(kPayload, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(m_edit->text(), kPayload);
    }

    void editingKeyEndsABurst() {
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(u"abcd"_s, 5);
        m_t += 5;
        send(QEvent::KeyPress, Qt::Key_Backspace, QString());
        send(QEvent::KeyRelease, Qt::Key_Backspace, QString());
        QCOMPARE(m_edit->text(), u"abc"_s); // replayed in order, then the Backspace
        QCOMPARE(scanned.size(), 0);
    }

    void inputMethodOffDuringBurst() {
        QSignalSpy started(m_filter.get(), &ScannerInputFilter::burstStarted);
        QSignalSpy ended(m_filter.get(), &ScannerInputFilter::burstEnded);
        const auto imEnabled = [this] {
            QInputMethodQueryEvent q(Qt::ImEnabled);
            QCoreApplication::sendEvent(m_edit, &q);
            return q.value(Qt::ImEnabled).toBool();
        };
        QVERIFY(imEnabled());
        typeText(u"EL1.abc"_s, 5);
        QVERIFY(m_filter->isInputMethodSuppressed());
        QCOMPARE(started.size(), 1);
        QVERIFY(!imEnabled());
        // Other queries are still answered by the widget.
        QInputMethodQueryEvent both(Qt::ImEnabled | Qt::ImHints);
        QCoreApplication::sendEvent(m_edit, &both);
        QVERIFY(!both.value(Qt::ImEnabled).toBool());
        QVERIFY(both.value(Qt::ImHints).isValid());
        typeText(u"def"_s, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QVERIFY(!m_filter->isInputMethodSuppressed());
        QCOMPARE(ended.size(), 1);
        QVERIFY(imEnabled());
    }

    void disabledFilterPassesEverything() {
        m_filter->setEnabled(false);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(kPayload, 5);
        suffix(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 0);
        QCOMPARE(m_edit->text(), kPayload);
    }

    void noShortcutFiresDuringAScan() {
        // Focus on a widget that takes no text (shortcuts are live there); keys come through the platform.
        auto *button = new QPushButton(u"办理"_s, m_window.get());
        m_window->layout()->addWidget(button);
        button->setFocus();
        QTRY_VERIFY(button->hasFocus());
        QShortcut shortcut(QKeySequence(u"L"_s), m_window.get());
        QSignalSpy fired(&shortcut, &QShortcut::activated);
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        QWindow *w = m_window->windowHandle();
        const auto click = [&](int key, const QString &text, int gapMs) {
            m_t += gapMs;
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key(key), text, Qt::NoModifier);
        };
        // The shortcut is live: an "L" typed on its own triggers it (and is not held as a burst start).
        click(Qt::Key_L, u"L"_s, 500);
        QCOMPARE(fired.size(), 1);
        for (QChar c : u"ELLLLLL1"_s)
            click(keyFor(c), QString(c), 5);
        click(Qt::Key_Return, u"\r"_s, 5);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), u"ELLLLLL1"_s);
        QCOMPARE(fired.size(), 1); // not once more during the scan
    }

    void focusElsewhereStillAScan() {
        m_other->setFocus();
        QTRY_VERIFY(m_other->hasFocus());
        m_target = m_window->windowHandle();
        QSignalSpy scanned(m_filter.get(), &ScannerInputFilter::scanned);
        typeText(kPayload, 4);
        suffix(Qt::Key_Return, u"\r"_s, 4);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(m_other->text(), QString());
        QCOMPARE(m_edit->text(), QString());
        // And typing there lands there.
        typeText(u"ok"_s, 70);
        idle();
        QCOMPARE(m_other->text(), u"ok"_s);
    }
};

QTEST_MAIN(TestScannerFilter)
#include "tst_scannerfilter.moc"

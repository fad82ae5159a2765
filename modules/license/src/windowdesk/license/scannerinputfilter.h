#pragma once
// Tells a keyboard-wedge scan from typing, application-wide, by timing: printable keys at most maxGapMs
// apart, at least minLength of them, ended by a suffix (CR, LF or Tab; configurable) and optionally
// started by a prefix. The keys of a burst are held back from the focused field; if the burst turns out
// to be typing they are re-sent to their original receiver in order. Qt Gui only (no Widgets).
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;

namespace windowdesk::license {

class ScannerInputFilter : public QObject {
    Q_OBJECT
public:
    enum Suffix { NoSuffix = 0x0, SuffixCR = 0x1, SuffixLF = 0x2, SuffixTab = 0x4 };
    Q_DECLARE_FLAGS(Suffixes, Suffix)
    // Monotonic milliseconds; injected so tests need not sleep.
    using TimeSource = std::function<qint64()>;

    explicit ScannerInputFilter(QObject *parent = nullptr);
    ~ScannerInputFilter() override;

    // Installs itself on the application (QCoreApplication::instance()).
    void install();
    void uninstall();

    void setTimeSource(TimeSource source) { m_now = std::move(source); }
    void setMaxGapMs(int ms);
    int maxGapMs() const { return m_maxGapMs; }
    void setMinLength(int n) { m_minLength = qMax(1, n); }
    int minLength() const { return m_minLength; }
    // NoSuffix: a burst ends when its keys stop (after maxGapMs).
    void setSuffixes(Suffixes s) { m_suffixes = s; }
    Suffixes suffixes() const { return m_suffixes; }
    void setPrefix(const QString &prefix) { m_prefix = prefix; }
    QString prefix() const { return m_prefix; }
    // Which bursts are scans, judged on the payload (prefix removed): by default every burst long enough.
    // The application narrows it to the payloads it reads (EL1.…), so that an id number typed fast and
    // ended by Tab stays typing (the Tab moving on) instead of vanishing as a failed scan.
    using PayloadFilter = std::function<bool(const QString &payload)>;
    void setPayloadFilter(PayloadFilter filter) { m_payloadFilter = std::move(filter); }
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }

    // True while keys are held back (a possible scan is arriving).
    bool isHoldingKeys() const { return !m_held.empty(); }
    // True while the input method is told it is disabled (a burst is arriving).
    bool isInputMethodSuppressed() const { return m_imeSuppressed; }

    // Ends a burst whose last key is older than maxGapMs: without a suffix it was typing (keys re-sent),
    // unless NoSuffix is configured (then it is a scan). A timer calls it; tests call it after moving time.
    void flushIfIdle();

Q_SIGNALS:
    void scanned(const QString &payload); // without prefix and suffix
    void burstStarted();                  // a fast burst began: a scan target may disable its IME
    void burstEnded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(QObject *watched, QKeyEvent *key);
    bool isSuffix(const QKeyEvent *key) const;
    bool isScanPayload() const; // the held text is a scan: long enough, prefixed, and the filter takes it
    void hold(QObject *watched, const QKeyEvent *key);
    void releaseHeldAsTyping();
    void finishAsScan(const QKeyEvent *suffixKey);
    void reset();
    void suppressInputMethod(bool on);
    void armIdleTimer();

    TimeSource m_now;
    PayloadFilter m_payloadFilter;
    QElapsedTimer m_monotonic;
    int m_maxGapMs = 50;
    int m_minLength = 8;
    Suffixes m_suffixes = Suffixes(SuffixCR | SuffixLF | SuffixTab);
    QString m_prefix;
    bool m_enabled = true;
    bool m_installed = false;

    std::vector<std::unique_ptr<QKeyEvent>> m_held;
    QPointer<QObject> m_receiver;
    QString m_text;
    qint64 m_lastKeyMs = 0;
    QSet<int> m_swallowReleases; // keys whose press was consumed by a scan
    bool m_replaying = false;
    bool m_answeringQuery = false;
    bool m_imeSuppressed = false;
    QTimer m_idleTimer;

    // The same key event reaches the filter twice in a widget app (window, then focus widget) and once
    // more per parent when ignored: remember the last one to count it once.
    const QEvent *m_lastEvent = nullptr;
    QPointer<QObject> m_lastWatched;
    bool m_lastWatchedWasWindow = false;
    int m_lastType = 0, m_lastKey = 0;
    QString m_lastText;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ScannerInputFilter::Suffixes)

} // namespace windowdesk::license

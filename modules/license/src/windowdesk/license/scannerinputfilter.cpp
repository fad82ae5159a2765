#include "scannerinputfilter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QInputMethod>
#include <QInputMethodQueryEvent>
#include <QKeyEvent>

namespace windowdesk::license {

namespace {
constexpr qsizetype kMaxHeldChars = 8192; // far above any EL1 payload: beyond it, it is not a scan

bool isModifierKey(int key) {
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
        return true;
    default:
        return false;
    }
}

bool isPrintable(const QKeyEvent *k) {
    if (k->text().isEmpty() || (k->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    for (QChar c : k->text()) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return false;
    }
    return true;
}

bool isAncestor(const QObject *maybeAncestor, const QObject *o) {
    for (const QObject *p = o ? o->parent() : nullptr; p; p = p->parent()) {
        if (p == maybeAncestor)
            return true;
    }
    return false;
}
} // namespace

ScannerInputFilter::ScannerInputFilter(QObject *parent)
    : QObject(parent) {
    m_monotonic.start();
    m_now = [this] {
        return m_monotonic.elapsed();
    };
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ScannerInputFilter::flushIfIdle);
}

ScannerInputFilter::~ScannerInputFilter() {
    uninstall();
    suppressInputMethod(false);
}

void ScannerInputFilter::install() {
    if (!m_installed && QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
        m_installed = true;
    }
}

void ScannerInputFilter::uninstall() {
    if (m_installed && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_installed = false;
}

void ScannerInputFilter::setMaxGapMs(int ms) {
    m_maxGapMs = qMax(1, ms);
}

void ScannerInputFilter::setEnabled(bool on) {
    if (!on && !m_held.empty())
        releaseHeldAsTyping();
    m_enabled = on;
}

bool ScannerInputFilter::eventFilter(QObject *watched, QEvent *event) {
    if (!m_enabled || m_replaying)
        return false;
    const QEvent::Type type = event->type();
    if (type == QEvent::InputMethodQuery && m_imeSuppressed && !m_answeringQuery) {
        // While a burst arrives the focus object reports input methods as disabled, whatever the widget
        // says (the Gui-level counterpart of Qt::WA_InputMethodEnabled): the platform IME lets keys through.
        auto *q = static_cast<QInputMethodQueryEvent *>(event);
        if (q->queries() & Qt::ImEnabled) {
            m_answeringQuery = true;
            QCoreApplication::sendEvent(watched, event);
            m_answeringQuery = false;
            q->setValue(Qt::ImEnabled, false);
            return true;
        }
        return false;
    }
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (type == QEvent::ShortcutOverride) {
        if (m_held.empty())
            return false;
        // Inside a burst, claim the key so that no single-key shortcut fires on a scanned character
        // (its KeyPress then reaches the window, where it is held like the others).
        if (isPrintable(key) || isSuffix(key) || isModifierKey(key->key())) {
            key->accept();
            return true;
        }
        // Any other key ends the burst, and a shortcut (Ctrl+Enter: decide) acts before its KeyPress would
        // reach handleKey: the keys typed just before it are delivered first, so it sees the current text.
        releaseHeldAsTyping();
        return false;
    }

    const bool watchedIsWindow = watched->isWindowType();
    const bool sameKey = m_lastType == int(type) && m_lastKey == key->key() && m_lastText == key->text();
    if (sameKey && !watchedIsWindow &&
        ((event == m_lastEvent && m_lastWatchedWasWindow) || isAncestor(watched, m_lastWatched))) {
        return false; // a key already judged, forwarded by the window or propagated to a parent
    }
    m_lastEvent = event;
    m_lastWatched = watched;
    m_lastWatchedWasWindow = watchedIsWindow;
    m_lastType = int(type);
    m_lastKey = key->key();
    m_lastText = key->text();
    return handleKey(watched, key);
}

bool ScannerInputFilter::isSuffix(const QKeyEvent *k) const {
    if (k->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString t = k->text();
    if ((m_suffixes & SuffixCR) && (k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && t != u"\n")
        return true;
    if ((m_suffixes & SuffixLF) &&
        (t == u"\n" ||
         ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && !(m_suffixes & SuffixCR))))
        return true;
    return (m_suffixes & SuffixTab) && k->key() == Qt::Key_Tab;
}

bool ScannerInputFilter::handleKey(QObject *watched, QKeyEvent *key) {
    const qint64 now = m_now();
    if (key->type() == QEvent::KeyRelease) {
        if (!m_held.empty()) {
            hold(watched, key);
            return true;
        }
        return m_swallowReleases.remove(key->key());
    }

    if (!m_held.empty() && now - m_lastKeyMs > m_maxGapMs)
        flushIfIdle(); // the burst is over before this key: judge it first

    const bool printable = isPrintable(key) && !key->isAutoRepeat();
    if (m_held.empty()) {
        if (!printable)
            return false;
        m_receiver = watched;
        hold(watched, key);
        m_text = key->text();
        m_lastKeyMs = now;
        armIdleTimer();
        return true;
    }

    if (printable) {
        hold(watched, key);
        m_text += key->text();
        m_lastKeyMs = now;
        if (m_text.size() > kMaxHeldChars) {
            releaseHeldAsTyping();
            return true; // this key was re-sent with the others
        }
        if (!m_imeSuppressed && m_text.size() >= qMin(4, m_minLength))
            suppressInputMethod(true);
        armIdleTimer();
        return true;
    }
    if (isSuffix(key)) {
        if (isScanPayload()) {
            finishAsScan(key);
            return true;
        }
        releaseHeldAsTyping();
        return false;
    }
    if (isModifierKey(key->key()) && key->text().isEmpty()) {
        hold(watched, key); // a scanner presses Shift for capitals: part of the burst, no timing
        return true;
    }
    releaseHeldAsTyping();
    return false;
}

bool ScannerInputFilter::isScanPayload() const {
    return m_text.size() >= m_minLength && m_text.startsWith(m_prefix) && m_text.size() > m_prefix.size() &&
           (!m_payloadFilter || m_payloadFilter(m_text.mid(m_prefix.size())));
}

void ScannerInputFilter::hold(QObject *, const QKeyEvent *key) {
    m_held.push_back(std::unique_ptr<QKeyEvent>(key->clone()));
}

void ScannerInputFilter::flushIfIdle() {
    if (m_held.empty())
        return;
    const qint64 idle = m_now() - m_lastKeyMs;
    if (idle <= m_maxGapMs) {
        armIdleTimer();
        return;
    }
    if (m_suffixes == NoSuffix && isScanPayload()) {
        finishAsScan(nullptr);
    } else {
        releaseHeldAsTyping();
    }
}

void ScannerInputFilter::releaseHeldAsTyping() {
    auto held = std::move(m_held);
    const QPointer<QObject> receiver = m_receiver;
    reset();
    m_replaying = true;
    for (const auto &e : held) {
        if (!receiver)
            break;
        QCoreApplication::sendEvent(receiver, e.get());
    }
    m_replaying = false;
}

void ScannerInputFilter::finishAsScan(const QKeyEvent *suffixKey) {
    // Releases of keys still down (usually the last character and the suffix) must not leak either.
    QSet<int> down;
    for (const auto &e : m_held) {
        if (e->type() == QEvent::KeyPress)
            down.insert(e->key());
        else
            down.remove(e->key());
    }
    if (suffixKey)
        down.insert(suffixKey->key());
    const QString payload = m_text.mid(m_prefix.size());
    m_held.clear();
    reset();
    m_swallowReleases = down;
    Q_EMIT scanned(payload);
}

void ScannerInputFilter::reset() {
    m_held.clear();
    m_text.clear();
    m_receiver = nullptr;
    m_idleTimer.stop();
    suppressInputMethod(false);
}

void ScannerInputFilter::suppressInputMethod(bool on) {
    if (m_imeSuppressed == on)
        return;
    m_imeSuppressed = on;
    if (QInputMethod *im = qobject_cast<QGuiApplication *>(QCoreApplication::instance())
                               ? QGuiApplication::inputMethod()
                               : nullptr) {
        if (on) {
            im->reset(); // drop any half-composed text so the burst cannot land in a candidate window
            im->hide();
        }
        im->update(Qt::ImEnabled); // the platform re-queries the focus object (answered in eventFilter)
    }
    if (on)
        Q_EMIT burstStarted();
    else
        Q_EMIT burstEnded();
}

void ScannerInputFilter::armIdleTimer() {
    m_idleTimer.start(m_maxGapMs + 5);
}

} // namespace windowdesk::license

#include "tokenholder.h"

#include "synclogging.h"

#include <windowdesk/storage/keychainsecretstore.h>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

TokenHolder::TokenHolder(const QString &secretService, QObject *parent)
    : QObject(parent) {
    if (!secretService.isEmpty()) {
        m_keychain = std::make_unique<storage::KeychainSecretStore>(
            secretService, storage::KeychainSecretStore::Mode::NeverWait);
        connect(m_keychain.get(), &storage::KeychainSecretStore::idle, this, &TokenHolder::keychainIdle);
    }
    m_loaded = !m_keychain;
}

int TokenHolder::keychainJobs() const {
    return m_keychain ? m_keychain->jobsRunning() : 0;
}

TokenHolder::~TokenHolder() = default;

void TokenHolder::set(const Tokens &tokens, bool persisted) {
    m_persisted = persisted;
    if (tokens == m_tokens)
        return;
    m_tokens = tokens;
    Q_EMIT changed(m_tokens);
}

void TokenHolder::load(QObject *context, std::function<void()> done, bool again) {
    if (!m_keychain || (m_loaded && !again)) {
        QPointer<QObject> ctx(context);
        QTimer::singleShot(0, this, [ctx, done = std::move(done)] {
            if (ctx && done)
                done();
        });
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_loading)
        return;
    m_loading = true;
    const Tokens before = m_tokens;
    // The cache would answer with what this holder wrote itself: only a fresh read sees another process's.
    if (again)
        m_keychain->dropCached(QString::fromLatin1(kTokensSecretKey));
    m_keychain->readAsync(QString::fromLatin1(kTokensSecretKey), this,
                          [this, before](const Result<QByteArray> &r) {
                              m_loading = false;
                              m_loaded = true;
                              if (r.ok()) {
                                  const Tokens t = Tokens::fromJson(r.value());
                                  // A pair adopted meanwhile (a login, a refresh) is newer than what was
                                  // stored.
                                  if (!t.isEmpty() && m_tokens == before)
                                      set(t, true);
                              } else if (r.error().code != u"not_found"_s) {
                                  qCWarning(lcSync) << "tokens: keychain read failed:" << r.error().code;
                              }
                              const auto waiting = std::exchange(m_waiting, {});
                              for (const auto &[ctx, done] : waiting)
                                  if (ctx && done)
                                      done();
                          });
}

void TokenHolder::adoptLogin(const Tokens &tokens, bool persist, QObject *context,
                             std::function<void(const Status &)> done) {
    QPointer<QObject> ctx(context);
    if (!persist || !m_keychain) {
        set(tokens, false);
        QTimer::singleShot(0, this, [ctx, done = std::move(done), keychain = bool(m_keychain)] {
            if (ctx && done)
                done(keychain ? Status() : Status::failure(u"keychain_unavailable"_s, u"no keychain"_s));
        });
        return;
    }
    set(tokens, true);
    m_loaded = true;
    m_keychain->writeAsync(QString::fromLatin1(kTokensSecretKey), tokens.toJson(), this,
                           [this, ctx, tokens, done = std::move(done)](const Status &s) {
                               if (!s.ok() && m_tokens == tokens)
                                   m_persisted = false; // kept in memory for this run
                               if (ctx && done)
                                   done(s);
                           });
}

void TokenHolder::adoptRefreshed(const Tokens &tokens) {
    if (tokens.isEmpty() || tokens == m_tokens)
        return;
    const bool store = m_persisted && m_keychain;
    set(tokens, store);
    if (!store)
        return;
    m_keychain->writeAsync(
        QString::fromLatin1(kTokensSecretKey), tokens.toJson(), this, [this, tokens](const Status &s) {
            if (!s.ok()) {
                qCWarning(lcSync) << "rotated tokens not stored in the keychain:" << s.error().code;
                if (m_tokens == tokens)
                    m_persisted = false;
            }
        });
}

void TokenHolder::setMemoryTokens(const Tokens &tokens) {
    if (!tokens.isEmpty())
        set(tokens, false);
}

void TokenHolder::forgetMemoryTokens() {
    if (!m_persisted)
        set({}, false);
}

} // namespace windowdesk::sync

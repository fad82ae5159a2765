#include "licensepanel.h"
#include "citizenphonewindow.h"
#include "intakelogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/licensetypes.h>
#include <windowdesk/sync/onlineapi.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
const QKeySequence kPasteKey = ui::shortcutKey(ui::shortcut::pasteLicense);
const QKeySequence kPhoneKey = ui::shortcutKey(ui::shortcut::citizenPhone);

QLabel *valueLabel(QWidget *parent, const QString &name) {
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

QString LicensePanel::offlineStateText() {
    return u"已离线验签，状态待联网确认"_s;
}

LicensePanel::LicensePanel(cases::IntakeVisit &visit, ui::MessageBar *messages, const IntakeContext &context,
                           QWidget *parent)
    : QWidget(parent)
    , m_visit(visit)
    , m_messages(messages)
    , m_ctx(context) {
    setObjectName(u"licensePanel"_s);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("E-license (scan the citizen's QR code)"), this);
    title->setStyleSheet(u"font-weight: bold;"_s);
    root->addWidget(title);

    m_state = valueLabel(this, u"licenseState"_s);
    m_state->setText(tr("No license scanned yet."));
    root->addWidget(m_state);
    m_error = valueLabel(this, u"licenseError"_s);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    root->addWidget(m_error);
    m_idWarning = valueLabel(this, u"licenseIdWarning"_s);
    m_idWarning->setStyleSheet(u"color: #9a3412; font-weight: bold;"_s);
    m_idWarning->setWordWrap(true);
    m_idWarning->hide();
    root->addWidget(m_idWarning);

    auto *form = new QFormLayout;
    m_type = valueLabel(this, u"licenseType"_s);
    m_number = valueLabel(this, u"licenseNumber"_s);
    m_holder = valueLabel(this, u"licenseHolder"_s);
    m_holderId = valueLabel(this, u"licenseHolderId"_s);
    m_issuer = valueLabel(this, u"licenseIssuer"_s);
    m_issued = valueLabel(this, u"licenseIssued"_s);
    m_validity = valueLabel(this, u"licenseValidity"_s);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Number:"), m_number);
    form->addRow(tr("Holder:"), m_holder);
    form->addRow(tr("Holder id:"), m_holderId);
    form->addRow(tr("Issuer:"), m_issuer);
    form->addRow(tr("Issued on:"), m_issued);
    form->addRow(tr("Valid until:"), m_validity);
    root->addLayout(form);
    m_openDocument = new QPushButton(tr("Open the license document"), this);
    m_openDocument->setObjectName(u"licenseOpenDocument"_s);
    m_openDocument->setFocusPolicy(Qt::NoFocus);
    m_openDocument->hide();
    connect(m_openDocument, &QPushButton::clicked, this, &LicensePanel::openDocument);
    root->addWidget(m_openDocument);
    m_note = valueLabel(this, u"licenseNote"_s);
    m_note->setWordWrap(true);
    root->addWidget(m_note);

    // Manual paste for a scanner that failed. Payloads are ASCII: an input method would only get in the way.
    auto *pasteRow = new QHBoxLayout;
    m_paste = new QLineEdit(this);
    m_paste->setObjectName(u"licensePaste"_s);
    m_paste->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_paste->setInputMethodHints(Qt::ImhLatinOnly | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase |
                                 Qt::ImhPreferLatin | Qt::ImhSensitiveData);
    m_paste->setPlaceholderText(tr("Paste a license code (EL1.…) and press Enter — %1")
                                    .arg(kPasteKey.toString(QKeySequence::NativeText)));
    connect(m_paste, &QLineEdit::returnPressed, this, &LicensePanel::verifyPasted);
    pasteRow->addWidget(m_paste, 1);
    if (m_ctx.demoHall) {
        auto *phone =
            new QPushButton(tr("Citizen phone (%1)").arg(kPhoneKey.toString(QKeySequence::NativeText)), this);
        phone->setObjectName(u"openCitizenPhone"_s);
        phone->setFocusPolicy(Qt::NoFocus);
        connect(phone, &QPushButton::clicked, this, &LicensePanel::openCitizenPhone);
        pasteRow->addWidget(phone);
        auto *phoneShortcut = new QShortcut(kPhoneKey, this);
        phoneShortcut->setContext(Qt::WindowShortcut);
        connect(phoneShortcut, &QShortcut::activated, this, &LicensePanel::openCitizenPhone);
    }
    root->addLayout(pasteRow);
    auto *pasteShortcut = new QShortcut(kPasteKey, this);
    pasteShortcut->setContext(Qt::WindowShortcut);
    connect(pasteShortcut, &QShortcut::activated, this, &LicensePanel::focusPaste);

    if (m_ctx.scanService) {
        // Scans from the wedge or serial scanner reach the service directly: keep their text for the resolve.
        connect(m_ctx.scanService, &license::LicenseScanService::received, this,
                [this](const QString &payload) { m_pendingPayload = payload.trimmed(); });
        connect(m_ctx.scanService, &license::LicenseScanService::verified, this, &LicensePanel::showResult);
        connect(m_ctx.scanService, &license::LicenseScanService::failed, this, [this](const Error &e) {
            clearShown();
            m_error->setText(tr("The license could not be checked: %1").arg(e.message));
            m_error->show();
        });
    }
    connectConfirmation();
    clearShown();
}

void LicensePanel::connectConfirmation() {
    if (!m_ctx.db || !m_ctx.clock)
        return;
    m_confirmation = new license::LicenseConfirmation(*m_ctx.db, *m_ctx.clock, this);
    if (sync::OnlineApi *online = m_ctx.online) {
        license::LicenseConfirmation::Platform platform;
        platform.available = [online] {
            return online->available();
        };
        platform.post = [online](const QString &path, const QByteArray &body,
                                 std::function<void(const license::LicenseConfirmation::Answer &)> done) {
            sync::ApiRequest req;
            req.method = "POST";
            req.path = path;
            req.body = body;
            online->send(req, [done](const sync::ApiResponse &r) { done({r.status, r.body, r.errorCode}); });
        };
        m_confirmation->setPlatform(std::move(platform));
    }
    connect(m_confirmation, &license::LicenseConfirmation::answered, this, &LicensePanel::showAnswer);
    connect(m_confirmation, &license::LicenseConfirmation::expiredUnconfirmed, this, [this](qint64 seenId) {
        if (isCurrent(seenId))
            m_note->setText(m_note->text() + u'\n' +
                            tr("Could not be confirmed online before the code expired: check the original "
                               "license (状态未确认)."));
    });
}

LicensePanel::~LicensePanel() {
    if (m_phone)
        delete m_phone.data();
}

void LicensePanel::setConfirmIntervalMs(int ms) {
    if (m_confirmation)
        m_confirmation->setConfirmIntervalMs(ms);
}

int LicensePanel::unconfirmedCount() const {
    return m_confirmation ? m_confirmation->unconfirmedCount() : 0;
}

void LicensePanel::confirmPending() {
    if (m_confirmation)
        m_confirmation->confirmPending();
}

void LicensePanel::clearShown() {
    for (QLabel *l : {m_type, m_number, m_holder, m_holderId, m_issuer, m_issued, m_validity, m_note})
        l->clear();
    for (QLabel *l : {m_error, m_idWarning}) {
        l->clear();
        l->hide();
    }
    m_openDocument->hide();
    m_lastLicenseId.clear();
}

void LicensePanel::focusPaste() {
    m_paste->setFocus(Qt::ShortcutFocusReason);
    m_paste->selectAll();
}

void LicensePanel::verifyPasted() {
    const QString text = m_paste->text().trimmed();
    if (text.isEmpty())
        return;
    if (!m_ctx.scanService) {
        clearShown();
        m_error->setText(tr("License verification is not available on this desk."));
        m_error->show();
        return;
    }
    m_paste->clear();
    verifyPayload(text);
}

void LicensePanel::verifyPayload(const QString &payload) {
    if (!m_ctx.scanService)
        return;
    m_pendingPayload = payload.trimmed();
    m_ctx.scanService->verifyScanned(payload); // emits verified() synchronously
    m_pendingPayload.clear();
}

void LicensePanel::showResult(const license::El1Result &result) {
    clearShown();
    m_last.reset();
    m_lastSeenId = 0;
    if (!result.ok() || !result.claims) {
        m_state->setText(tr("License not accepted"));
        m_error->setText(result.message());
        m_error->show();
        m_messages->showWarning(tr("License not accepted: %1").arg(result.message()));
        return;
    }
    const license::El1Claims &c = *result.claims;
    m_last = c;
    // The claims carry `no` and `hid` already masked where they are personal id numbers (elicense-qr.md).
    m_type->setText(c.tn);
    m_number->setText(c.no);
    m_holder->setText(c.hn);
    m_holderId->setText(c.hid);
    m_issuer->setText(c.iss);
    m_issued->setText(c.isd);
    m_validity->setText(c.vu);
    m_state->setText(offlineStateText());
    m_lastSeenId = m_confirmation ? m_confirmation->recordSeen(c) : 0;

    QStringList notes;
    QStringList warnings; // for the message bar, after the attach's own message
    const QString before = m_visit.applicant().name;
    auto attached = attach(c);
    if (license::isResidentIdLicense(c.typ) && before.isEmpty() && !m_visit.applicant().name.isEmpty())
        notes << tr("The applicant's name was filled from the ID license. The id number is masked on the "
                    "license: type or confirm the full id number yourself.");
    if (attached.ok()) {
        if (m_lastSeenId)
            m_attachedSeenIds.insert(m_lastSeenId, Attached{c.lid, m_visit.draftId()});
        notes << tr("Attached to the material as an e-license.");
    } else if (attached.error().code == u"no_matching_material"_s) {
        notes << tr("This license (%1) fits no material of this case.").arg(c.tn);
        warnings << notes.last();
    } else {
        notes << attached.error().message;
    }
    m_note->setText(notes.join(u'\n'));
    // The 证照标识 check character (ISO 7064 MOD 37,36): a mismatch is a warning, never a refusal.
    if (const QString warning = license::LicenseConfirmation::licenseIdWarning(c); !warning.isEmpty()) {
        m_idWarning->setText(warning);
        m_idWarning->show();
        warnings << warning;
    }
    if (!warnings.isEmpty())
        m_messages->showWarning(warnings.join(u'\n'));
    if (m_confirmation && m_lastSeenId && !m_pendingPayload.isEmpty())
        m_confirmation->confirm(m_lastSeenId, m_pendingPayload, c);
}

Result<QString> LicensePanel::attach(const license::El1Claims &claims) {
    cases::VisitLicense l;
    l.lid = claims.lid;
    l.typeCode = claims.typ;
    l.holderName = claims.hn;
    l.holderId = claims.hid;
    l.residentId = license::isResidentIdLicense(claims.typ);
    // The scan just recorded in licenses_seen; a call for another license (no scan behind it) links nothing.
    l.seenId = m_last && m_last->lid == claims.lid ? m_lastSeenId : 0;
    auto attached = m_visit.attachLicense(l, [this, &claims] {
        const auto answer = ui::DialogFacade::instance().question(
            this, tr("License holder differs"),
            tr("The license holder (%1, %2) does not match the applicant (%3, %4). Attach it anyway?")
                .arg(claims.hn, claims.hid, m_visit.holderName(), core::maskIdNumber(m_visit.holderId())));
        return answer == QMessageBox::Yes;
    });
    if (attached.ok()) {
        const cases::MatterMaterial *m = m_visit.matter().material(attached.value());
        m_messages->showInfo(
            tr("License %1 attached to “%2”.").arg(claims.tn, m ? m->material.name : QString()));
    }
    return attached;
}

void LicensePanel::showAnswer(qint64 seenId, const license::El1Claims &claims,
                              const license::LicenseConfirmation::Outcome &o) {
    using Verdict = license::LicenseConfirmation::Verdict;
    if (o.verdict == Verdict::Valid) {
        if (!isCurrent(seenId))
            return;
        m_state->setText(tr("Confirmed online: valid (已联网确认)"));
        m_type->setText(o.confirmed.tn);
        m_number->setText(o.confirmed.no);
        m_holder->setText(o.confirmed.hn);
        m_holderId->setText(o.confirmed.hid);
        m_issuer->setText(o.confirmed.iss);
        m_issued->setText(o.confirmed.isd);
        m_validity->setText(o.confirmed.vu);
        m_lastLicenseId = o.licenseId;
        m_openDocument->setVisible(!o.licenseId.isEmpty());
        return;
    }
    if (o.verdict == Verdict::Revoked || o.verdict == Verdict::Expired) {
        const QString material = detach(seenId, claims, true);
        const QString why = o.verdict == Verdict::Revoked ? tr("revoked (已吊销)") : tr("expired (已过期)");
        const QString text =
            material.isEmpty()
                ? tr("The platform says this license is %1.").arg(why)
                : tr("The platform says this license is %1: removed from “%2”.").arg(why, material);
        m_messages->showWarning(text);
        if (isCurrent(seenId)) {
            m_error->setText(text);
            m_error->show();
            m_state->setText(tr("Confirmed online: %1").arg(why));
        }
        return;
    }
    QString text;
    switch (o.verdict) {
    case Verdict::CodeReplayed:
        text = tr("The platform says this code was already used in another hall (payload_replayed): ask "
                  "the citizen to refresh the code.");
        break;
    case Verdict::CodeExpired:
        text = tr("The platform says the code has expired (payload_expired): ask the citizen to refresh it "
                  "and scan again.");
        break;
    case Verdict::BadSignature:
        text = tr("The platform could not verify the code's signature: do not accept this license.");
        break;
    case Verdict::UnknownLicense:
        text = tr("The platform does not know this license: check the original.");
        break;
    default:
        text = tr("The platform refused the code (%1).").arg(o.errorCode);
        break;
    }
    if (o.takeOff) {
        const QString material = detach(seenId, claims, o.licenseItself);
        if (!material.isEmpty())
            text += u' ' + tr("Removed from “%1”.").arg(material);
        m_messages->showWarning(text);
    }
    if (isCurrent(seenId)) {
        m_error->setText(text);
        m_error->show();
        m_state->setText(tr("Not confirmed by the platform"));
    }
}

QString LicensePanel::detach(qint64 seenId, const license::El1Claims &claims, bool licenseItself) {
    if (licenseItself) {
        // The license cannot be used (revoked, expired, unknown): every scan of it is off its material.
        for (auto it = m_attachedSeenIds.begin(); it != m_attachedSeenIds.end();)
            it = it->lid == claims.lid ? m_attachedSeenIds.erase(it) : std::next(it);
        return m_visit.detachLicense(claims.lid);
    }
    // Only this code is refused: the material stays if another scan of the same license is attached (a
    // refreshed code), and an answer for a scan no longer attached in this visit touches nothing.
    if (!m_attachedSeenIds.remove(seenId))
        return {};
    // Another scan of the same license attached in this visit (a refreshed code), if any.
    const QString draftId = m_visit.draftId();
    qint64 other = 0;
    for (auto it = m_attachedSeenIds.cbegin(); it != m_attachedSeenIds.cend(); ++it)
        if (it->lid == claims.lid && it->draftId == draftId)
            other = std::max(other, it.key());
    if (!other) {
        // None: the materials standing on the refused scan lose the license (none stand on it when they
        // stand on a later scan, or when the scan belongs to another visit's draft).
        if (!m_visit.standsOnLicenseScan(seenId))
            return {};
        return m_visit.detachLicense(claims.lid);
    }
    // The material now stands on the other scan, and the case links that one.
    if (m_visit.moveLicenseScan(seenId, other) == 0)
        return {};
    Q_EMIT saveDraftRequested();
    return {};
}

void LicensePanel::openDocument() {
    if (m_lastLicenseId.isEmpty() || !m_ctx.online || !m_ctx.online->available())
        return;
    sync::ApiRequest req;
    req.path = u"/licenses/%1/file"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(m_lastLicenseId)));
    QPointer<LicensePanel> guard(this);
    const QString id = m_lastLicenseId;
    m_ctx.online->send(req, [guard, id](const sync::ApiResponse &r) {
        if (!guard)
            return;
        if (!r.ok()) {
            guard->m_messages->showWarning(
                tr("The license document could not be fetched (%1).")
                    .arg(r.errorCode.isEmpty() ? QString::number(r.status) : r.errorCode));
            return;
        }
        // A temporary file (the system viewer needs a path); named by a hash, never by personal data.
        const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                .filePath(u"windowdesk-licenses"_s);
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(
            QString::fromLatin1(
                QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256).toHex().left(16)) +
            u".pdf"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(r.body) != r.body.size()) {
            guard->m_messages->showWarning(tr("The license document could not be saved."));
            return;
        }
        f.close();
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
}

void LicensePanel::onCaseCommitted(const QString &localId) {
    // CaseService::submit linked the case's licenses in its transaction. The committed draft's other scans
    // (taken off their material) can never be linked now: its id is not used again. Other drafts' stay (a
    // held ticket's, linked when that case is submitted).
    QSet<QString> drafts;
    if (m_confirmation)
        for (qint64 id : m_confirmation->scansOfCase(localId)) {
            const auto it = m_attachedSeenIds.constFind(id);
            if (it != m_attachedSeenIds.cend())
                drafts.insert(it->draftId);
        }
    drafts.insert(m_visit.draftId()); // the page tells before it clears the visit
    for (auto it = m_attachedSeenIds.begin(); it != m_attachedSeenIds.end();)
        it = drafts.contains(it->draftId) ? m_attachedSeenIds.erase(it) : std::next(it);
}

void LicensePanel::openCitizenPhone() {
    if (!m_ctx.demoHall)
        return;
    if (!m_phone)
        m_phone = new CitizenPhoneWindow(*m_ctx.clock, window());
    m_phone->show();
    m_phone->raise();
}

} // namespace windowdesk::intake

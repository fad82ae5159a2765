#include "licensepanel.h"
#include "citizenphonewindow.h"
#include "intakelogging.h"
#include "intakepage.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/ui/messagebar.h>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
const QKeySequence kPasteKey(Qt::CTRL | Qt::Key_L);
const QKeySequence kPhoneKey(Qt::CTRL | Qt::SHIFT | Qt::Key_L);

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

LicensePanel::LicensePanel(IntakePage *page, const IntakeContext &context, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
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
        connect(m_ctx.scanService, &license::LicenseScanService::verified, this, &LicensePanel::showResult);
        connect(m_ctx.scanService, &license::LicenseScanService::failed, this, [this](const Error &e) {
            clearShown();
            m_error->setText(tr("The license could not be checked: %1").arg(e.message));
            m_error->show();
        });
    }
    clearShown();
}

LicensePanel::~LicensePanel() {
    if (m_phone)
        delete m_phone.data();
}

void LicensePanel::clearShown() {
    for (QLabel *l : {m_type, m_number, m_holder, m_holderId, m_issuer, m_issued, m_validity, m_note})
        l->clear();
    m_error->clear();
    m_error->hide();
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
    m_ctx.scanService->verifyScanned(text);
}

void LicensePanel::showResult(const license::El1Result &result) {
    clearShown();
    m_last.reset();
    m_lastSeenId = 0;
    if (!result.ok() || !result.claims) {
        m_state->setText(tr("License not accepted"));
        m_error->setText(result.message());
        m_error->show();
        m_page->messageBar()->showWarning(tr("License not accepted: %1").arg(result.message()));
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
    m_lastSeenId = recordSeen(c);

    const bool residentId = c.typ == QString::fromUtf16(license::kTypeResidentId);
    const QString before = m_page->currentDraft().applicant.name;
    auto attached = m_page->attachLicense(c);
    QStringList notes;
    if (residentId && before.isEmpty() && !m_page->currentDraft().applicant.name.isEmpty())
        notes << tr("The applicant's name was filled from the ID license. The id number is masked on the "
                    "license: type or confirm the full id number yourself.");
    if (attached.ok()) {
        if (m_lastSeenId)
            m_attachedSeenIds << m_lastSeenId;
        notes << tr("Attached to the material as an e-license.");
    } else if (attached.error().code == u"no_matching_material"_s) {
        notes << tr("This license (%1) fits no material of this case.").arg(c.tn);
        m_page->messageBar()->showWarning(notes.last());
    } else {
        notes << attached.error().message;
    }
    m_note->setText(notes.join(u'\n'));
}

qint64 LicensePanel::recordSeen(const license::El1Claims &c) {
    if (!m_ctx.db)
        return 0;
    const QString now = m_ctx.clock->nowUtc().toString(Qt::ISODate);
    // Only the masked holder id is kept (the claims never carry more).
    auto q =
        m_ctx.db->query(u"INSERT INTO licenses_seen (lid, type_code, type_name, number_masked, holder_name, "
                        u"holder_id_masked, "
                        "issuer, issued_on, valid_until, verified_at, verification, status, payload_exp) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'offline', 'unconfirmed', ?)"_s,
                        {c.lid, c.typ, c.tn, c.no, c.hn, c.hid, c.iss, c.isd, c.vu, now, c.exp});
    if (!q.ok()) {
        qCWarning(lcIntake) << "licenses_seen insert failed:" << q.error().code;
        return 0;
    }
    return q.value().lastInsertId().toLongLong();
}

void LicensePanel::onCaseCommitted(const QString &localId) {
    // Bound after the case's own transaction: caseservice.cpp owns that transaction (see the report).
    for (qint64 id : std::as_const(m_attachedSeenIds)) {
        auto s = m_ctx.db->exec(u"UPDATE licenses_seen SET case_local_id = ? WHERE id = ?"_s, {localId, id});
        if (!s.ok())
            qCWarning(lcIntake) << "licenses_seen case link failed:" << s.error().code;
    }
    m_attachedSeenIds.clear();
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

#include "settingsdialog.h"

#include "messagebar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

SettingsDialog::SettingsDialog(std::shared_ptr<SettingsStore> store, QWidget *parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_platformUrl(new QLineEdit(this))
    , m_windowNo(new QLineEdit(this))
    , m_scanGap(new QSpinBox(this))
    , m_scanMinLength(new QSpinBox(this))
    , m_scanSuffix(new QComboBox(this))
    , m_scanPrefix(new QLineEdit(this))
    , m_serialPort(new QLineEdit(this))
    , m_caCert(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_cardK(new QSpinBox(this))
    , m_rectificationDays(new QSpinBox(this))
    , m_serviceLevelMin(new QSpinBox(this))
    , m_message(new MessageBar(this)) {
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_message->setObjectName(u"settingsMessage"_s);

    QGroupBox *platformBox = buildPlatformBox();
    QGroupBox *scanBox = buildScannerBox();
    QGroupBox *supervisionBox = buildSupervisionBox();
    QGroupBox *langBox = buildLanguageBox();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"settingsSave"_s);
    m_save->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *l = new QVBoxLayout(this);
    l->addWidget(m_message);
    l->addWidget(platformBox);
    l->addWidget(supervisionBox);
    l->addWidget(scanBox);
    l->addWidget(langBox);
    l->addStretch();
    l->addWidget(buttons);
    setMinimumWidth(560);

    loadValues();
    // Fresh feedback as the address is typed, not only on save.
    connect(m_platformUrl, &QLineEdit::editingFinished, this, [this] {
        if (auto st = storage::validatePlatformUrl(m_platformUrl->text()); !st)
            m_message->showError(st.error().message);
        else
            m_message->clearMessage();
    });
}

QGroupBox *SettingsDialog::buildPlatformBox() {
    // Platform
    m_platformUrl->setObjectName(u"settingsPlatformUrl"_s);
    m_platformUrl->setAccessibleName(tr("Platform address"));
    m_platformUrl->setPlaceholderText(tr("Empty: no platform, work on the demo hall"));
    m_windowNo->setObjectName(u"settingsWindowNo"_s);
    m_windowNo->setAccessibleName(tr("Window number"));
    m_windowNo->setMaxLength(16);
    m_windowNo->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9A-Za-z\\-]{0,16}"_s), m_windowNo));
    m_caCert->setObjectName(u"settingsCaCert"_s);
    m_caCert->setAccessibleName(tr("Hall CA certificate file"));
    m_caCert->setPlaceholderText(tr("Empty: system CAs only"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(u"settingsCaCertBrowse"_s);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Hall CA certificate"), m_caCert->text(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caCert->setText(path);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caCert, 1);
    caRow->addWidget(browse);
    auto *platformBox = new QGroupBox(tr("Platform and window"), this);
    platformBox->setObjectName(u"settingsHallBox"_s);
    // Hall settings are an administrator's; a clerk sees their own preferences only.
    platformBox->setVisible(m_store->mayChangeHallSettings());
    auto *pf = new QFormLayout(platformBox);
    pf->addRow(tr("Platform &address:"), m_platformUrl);
    auto *caLabel = new QLabel(tr("Hall CA cer&tificate:"), this);
    caLabel->setBuddy(m_caCert); // a layout has no buddy of its own: the mnemonic goes to the field
    pf->addRow(caLabel, caRow);
    pf->addRow(tr("&Window number:"), m_windowNo);

    return platformBox;
}

QGroupBox *SettingsDialog::buildScannerBox() {
    // Scanner
    m_scanGap->setObjectName(u"settingsScanGap"_s);
    m_scanGap->setAccessibleName(tr("Maximum gap between scanner keys in milliseconds"));
    m_scanGap->setRange(5, 500);
    m_scanGap->setSuffix(tr(" ms"));
    m_scanMinLength->setObjectName(u"settingsScanMinLength"_s);
    m_scanMinLength->setAccessibleName(tr("Minimum scan length in characters"));
    m_scanMinLength->setRange(1, 256);
    m_scanSuffix->setObjectName(u"settingsScanSuffix"_s);
    m_scanSuffix->setAccessibleName(tr("Scan suffix"));
    m_scanSuffix->addItem(tr("Enter (CR)"), u"CR"_s);
    m_scanSuffix->addItem(tr("Line feed (LF)"), u"LF"_s);
    m_scanSuffix->addItem(tr("Tab"), u"Tab"_s);
    m_scanPrefix->setObjectName(u"settingsScanPrefix"_s);
    m_scanPrefix->setAccessibleName(tr("Scan prefix"));
    m_scanPrefix->setPlaceholderText(tr("None"));
    m_scanPrefix->setMaxLength(8);
    m_serialPort->setObjectName(u"settingsSerialPort"_s);
    m_serialPort->setAccessibleName(tr("Serial port of the scanner"));
    m_serialPort->setPlaceholderText(tr("Empty: keyboard mode; e.g. /dev/ttyACM0 or COM3"));
    auto *serialNote =
        new QLabel(tr("Desks where a Chinese input method is often switched on should use serial mode: "
                      "the scan then does not pass through the keyboard, so the input method cannot "
                      "swallow or change it."),
                   this);
    serialNote->setObjectName(u"settingsSerialNote"_s);
    serialNote->setWordWrap(true);
    auto *scanBox = new QGroupBox(tr("Scanner"), this);
    auto *scanLayout = new QVBoxLayout(scanBox);
    auto *sf = new QFormLayout;
    scanLayout->addLayout(sf);
    sf->addRow(tr("Max. &gap between keys:"), m_scanGap);
    sf->addRow(tr("Min. &length:"), m_scanMinLength);
    sf->addRow(tr("Su&ffix:"), m_scanSuffix);
    sf->addRow(tr("&Prefix:"), m_scanPrefix);
    sf->addRow(tr("Serial p&ort:"), m_serialPort);
    // Outside the form: a word-wrapped label in a form row gets too little height and is cut off.
    scanLayout->addWidget(serialNote);

    return scanBox;
}

QGroupBox *SettingsDialog::buildSupervisionBox() {
    // Supervision rules of the hall (admin): the board's K, the 差评 ledger's due, the queue's target.
    m_cardK->setObjectName(u"settingsCardK"_s);
    m_cardK->setAccessibleName(tr("Red card after this many working days of yellow"));
    m_cardK->setRange(0, 60);
    m_cardK->setSuffix(tr(" working days"));
    m_rectificationDays->setObjectName(u"settingsRectificationDays"_s);
    m_rectificationDays->setAccessibleName(tr("Rectification of a bad rating due in working days"));
    m_rectificationDays->setRange(1, 365);
    m_rectificationDays->setSuffix(tr(" working days"));
    m_serviceLevelMin->setObjectName(u"settingsServiceLevel"_s);
    m_serviceLevelMin->setAccessibleName(tr("Service-level target: longest wait in minutes"));
    m_serviceLevelMin->setRange(1, 1440);
    m_serviceLevelMin->setSuffix(tr(" min"));
    auto *supervisionBox = new QGroupBox(tr("Supervision rules"), this);
    supervisionBox->setObjectName(u"settingsSupervisionBox"_s);
    supervisionBox->setVisible(m_store->mayChangeHallSettings());
    auto *svf = new QFormLayout(supervisionBox);
    svf->addRow(tr("Yellow to red after (&K):"), m_cardK);
    svf->addRow(tr("Rectification &due:"), m_rectificationDays);
    svf->addRow(tr("Ser&vice-level wait:"), m_serviceLevelMin);

    return supervisionBox;
}

QGroupBox *SettingsDialog::buildLanguageBox() {
    // Language
    m_language->setObjectName(u"settingsLanguage"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(u"中文（简体）"_s, u"zh_CN"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    auto *langBox = new QGroupBox(tr("Language"), this);
    auto *lf = new QFormLayout(langBox);
    lf->addRow(tr("La&nguage:"), m_language);
    return langBox;
}

void SettingsDialog::loadValues() {
    if (auto s = m_store->load()) {
        m_loaded = s.value();
    } else {
        m_message->showError(tr("The settings could not be read: %1").arg(s.error().message));
        m_save->setEnabled(false);
    }
    m_platformUrl->setText(m_loaded.platformUrl);
    m_caCert->setText(m_loaded.caCertPath);
    m_windowNo->setText(m_loaded.windowNo);
    m_scanGap->setValue(m_loaded.scanMaxGapMs);
    m_scanMinLength->setValue(m_loaded.scanMinLength);
    m_scanSuffix->setCurrentIndex(qMax(0, m_scanSuffix->findData(m_loaded.scanSuffix)));
    m_scanPrefix->setText(m_loaded.scanPrefix);
    m_serialPort->setText(m_loaded.serialPort);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_loaded.language)));
    m_cardK->setValue(m_loaded.cardYellowToRedDays);
    m_rectificationDays->setValue(m_loaded.rectificationDays);
    // A stored target that is not whole minutes is kept unless the field is changed.
    m_serviceLevelMin->setValue(qMax(1, m_loaded.serviceLevelS / 60));
}

ShellSettings SettingsDialog::current() const {
    ShellSettings s;
    s.platformUrl = m_platformUrl->text().trimmed();
    s.caCertPath = m_caCert->text().trimmed();
    s.windowNo = m_windowNo->text().trimmed();
    s.scanMaxGapMs = m_scanGap->value();
    s.scanMinLength = m_scanMinLength->value();
    s.scanSuffix = m_scanSuffix->currentData().toString();
    s.scanPrefix = m_scanPrefix->text();
    s.serialPort = m_serialPort->text().trimmed();
    s.language = m_language->currentData().toString();
    s.cardYellowToRedDays = m_cardK->value();
    s.rectificationDays = m_rectificationDays->value();
    s.serviceLevelS = m_serviceLevelMin->value() == qMax(1, m_loaded.serviceLevelS / 60)
                          ? m_loaded.serviceLevelS
                          : m_serviceLevelMin->value() * 60;
    return s;
}

void SettingsDialog::accept() {
    const ShellSettings s = current();
    if (!m_store->mayChangeHallSettings()) {
        // The hall fields are hidden and unchanged: only the preferences are saved (the store checks it).
    } else if (auto st = storage::validatePlatformUrl(s.platformUrl); !st) {
        m_message->showError(st.error().message);
        m_platformUrl->setFocus();
        m_platformUrl->selectAll();
        return;
    }
    if (auto st = storage::validateCaCertificate(s.caCertPath); m_store->mayChangeHallSettings() && !st) {
        m_message->showError(st.error().message);
        m_caCert->setFocus();
        m_caCert->selectAll();
        return;
    }
    if (auto st = m_store->save(s); !st) {
        m_message->showError(tr("The settings were not saved: %1").arg(st.error().message));
        return;
    }
    const ShellSettings before = m_loaded;
    m_loaded = s;
    emit saved(before, s);
    QDialog::accept();
}

} // namespace windowdesk::ui

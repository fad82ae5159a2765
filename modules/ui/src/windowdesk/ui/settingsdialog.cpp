#include "settingsdialog.h"

#include "messagebar.h"
#include "screenchoice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <tuple>

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
    QGroupBox *evaluationBox = buildEvaluationBox();
    QGroupBox *printBox = buildPrintBox();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"settingsSave"_s);
    m_save->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The groups scroll when the dialog is taller than a small window screen (1366×768 is common at halls);
    // the message and the buttons stay in view. Tab scrolls the focused field into view.
    auto *content = new QWidget(this);
    auto *groups = new QVBoxLayout(content);
    groups->setContentsMargins(0, 0, 0, 0);
    groups->addWidget(platformBox);
    groups->addWidget(supervisionBox);
    groups->addWidget(printBox);
    groups->addWidget(scanBox);
    groups->addWidget(evaluationBox);
    groups->addWidget(langBox);
    groups->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"settingsScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_message);
    l->addWidget(scroll, 1);
    l->addWidget(buttons);
    setMinimumWidth(560);
    // As tall as the groups need, but never taller than the screen the dialog opens on.
    content->adjustSize();
    const int available =
        (parent && parent->screen() ? parent->screen() : screen())->availableGeometry().height();
    resize(width(), qMin(content->sizeHint().height() + 120, available - 60));

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

QGroupBox *SettingsDialog::buildEvaluationBox() {
    // The citizen's screen (a preference: it follows how this desk is cabled). The screens are listed when
    // the dialog opens; the stored values are put in by loadDeviceValues.
    m_evaluationScreen = new QComboBox(this);
    m_evaluationScreen->setObjectName(u"settingsEvaluationScreen"_s);
    m_evaluationScreen->setAccessibleName(tr("Screen of the citizen's evaluation pad"));
    m_evaluationScreen->addItem(tr("None: the evaluation opens over this window"), QString());
    const QList<ScreenInfo> screens = desktopScreens();
    for (int i = 0; i < screens.size(); ++i) {
        const ScreenInfo &sc = screens.at(i);
        m_evaluationScreen->addItem(tr("%1: %2 (%3×%4 at %5, %6)")
                                        .arg(i + 1)
                                        .arg(sc.name.isEmpty() ? tr("unnamed screen") : sc.name)
                                        .arg(sc.geometry.width())
                                        .arg(sc.geometry.height())
                                        .arg(sc.geometry.x())
                                        .arg(sc.geometry.y()),
                                    screenSettingFor(screens, i));
    }
    auto *note = new QLabel(tr("On a chosen screen the evaluation opens full screen, for touch. When that "
                               "screen is not connected it opens over this window, and you are told."),
                            this);
    note->setWordWrap(true);
    auto *box = new QGroupBox(tr("Citizen's screen"), this);
    box->setObjectName(u"settingsEvaluationBox"_s);
    auto *layout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    form->addRow(tr("Evaluation scr&een:"), m_evaluationScreen);
    layout->addWidget(note);
    return box;
}

QGroupBox *SettingsDialog::buildPrintBox() {
    // The hall's printers and paper per notice kind, and printing without preview (hall settings: admin).
    // Alt+1 … Alt+5 go to a kind's printer; Tab on to its paper.
    const QList<std::tuple<QString, QString, QString>> kinds = {
        {u"acceptance"_s, tr("Acceptance receipt"), tr("Acceptance receipt (&1):")},
        {u"correction"_s, tr("Correction notice"), tr("Correction notice (&2):")},
        {u"rejection"_s, tr("Rejection notice"), tr("Rejection notice (&3):")},
        {u"commitment"_s, tr("Commitment letter"), tr("Commitment letter (&4):")},
        {u"delivery"_s, tr("Delivery receipt"), tr("Delivery receipt (&5):")}};
    const QStringList printers = QPrinterInfo::availablePrinterNames();
    auto *box = new QGroupBox(tr("Printing the notices"), this);
    box->setObjectName(u"settingsPrintBox"_s);
    box->setVisible(m_store->mayChangeHallSettings());
    auto *form = new QFormLayout(box);
    for (const auto &[slug, title, label] : kinds) {
        auto *printer = new QComboBox(this);
        printer->setObjectName(u"settingsPrinter_"_s + slug);
        printer->setAccessibleName(tr("Printer for the %1").arg(title));
        printer->addItem(tr("System default printer"), QString());
        for (const QString &name : printers)
            printer->addItem(name, name);
        auto *paper = new QComboBox(this);
        paper->setObjectName(u"settingsPaper_"_s + slug);
        paper->setAccessibleName(tr("Paper for the %1").arg(title));
        for (const char *size : storage::settingkey::printPaperSizes) {
            const QString name = QString::fromLatin1(size);
            // A4 is what an unset paper means: stored as empty, so choosing it changes nothing.
            paper->addItem(name, name == u"A4"_s ? QString() : name);
        }
        auto *row = new QHBoxLayout;
        row->addWidget(printer, 1);
        row->addWidget(paper);
        auto *rowLabel = new QLabel(label, this);
        rowLabel->setBuddy(printer);
        form->addRow(rowLabel, row);
        m_printers.insert(slug, printer);
        m_papers.insert(slug, paper);
    }
    m_printDirect = new QCheckBox(tr("Print the notice of a confirmed decision w&ithout preview"), this);
    m_printDirect->setObjectName(u"settingsPrintDirect"_s);
    form->addRow(m_printDirect);
    return box;
}

void SettingsDialog::loadDeviceValues() {
    // A stored screen or printer that is not here now stays chosen, said to be missing, so saving keeps it.
    const auto choose = [](QComboBox *combo, const QString &value, const QString &missingText) {
        int i = combo->findData(value);
        if (i < 0) {
            combo->addItem(missingText.arg(value), value);
            i = combo->count() - 1;
        }
        combo->setCurrentIndex(i);
    };
    choose(m_evaluationScreen, m_loaded.evaluationScreen, tr("%1 (not connected)"));
    for (auto it = m_printers.cbegin(); it != m_printers.cend(); ++it) {
        const ShellSettings::NoticePrinting p = m_loaded.printing.value(it.key());
        choose(it.value(), p.printer, tr("%1 (not found)"));
        choose(m_papers.value(it.key()), p.paper, u"%1"_s);
    }
    m_printDirect->setChecked(m_loaded.printDirectConfirmed);
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
    loadDeviceValues();
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
    s.evaluationScreen = m_evaluationScreen->currentData().toString();
    for (auto it = m_printers.cbegin(); it != m_printers.cend(); ++it)
        s.printing.insert(it.key(), {it.value()->currentData().toString(),
                                     m_papers.value(it.key())->currentData().toString()});
    s.printDirectConfirmed = m_printDirect->isChecked();
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

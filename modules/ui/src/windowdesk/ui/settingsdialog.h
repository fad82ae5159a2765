#pragma once
// Settings of this window PC: platform address, window number, scanner, the citizen's screen, the printers
// of the notices, language.
#include "appsettings.h"

#include <QDialog>
#include <memory>

class QLineEdit;
class QSpinBox;
class QComboBox;
class QPushButton;
class QGroupBox;
class QCheckBox;

namespace windowdesk::ui {
class MessageBar;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(std::shared_ptr<SettingsStore> store, QWidget *parent = nullptr);

    ShellSettings current() const; // what the form holds now
    MessageBar *messageBar() const { return m_message; }

    void accept() override; // validates and saves; stays open with a message when refused

signals:
    void saved(const windowdesk::ui::ShellSettings &before, const windowdesk::ui::ShellSettings &after);

private:
    // The dialog's groups (the hall's two only for an administrator) and the stored values put in them.
    QGroupBox *buildPlatformBox();
    QGroupBox *buildScannerBox();
    QGroupBox *buildSupervisionBox();
    QGroupBox *buildLanguageBox();
    QGroupBox *buildEvaluationBox();
    QGroupBox *buildPrintBox();
    void loadDeviceValues();
    void loadValues();

    std::shared_ptr<SettingsStore> m_store;
    ShellSettings m_loaded;
    QLineEdit *m_platformUrl;
    QLineEdit *m_windowNo;
    QSpinBox *m_scanGap;
    QSpinBox *m_scanMinLength;
    QComboBox *m_scanSuffix;
    QLineEdit *m_scanPrefix;
    QLineEdit *m_serialPort;
    QLineEdit *m_caCert;
    QComboBox *m_language;
    QSpinBox *m_cardK;
    QSpinBox *m_rectificationDays;
    QSpinBox *m_serviceLevelMin;
    QComboBox *m_evaluationScreen = nullptr;
    QMap<QString, QComboBox *> m_printers; // by notice kind slug
    QMap<QString, QComboBox *> m_papers;
    QCheckBox *m_printDirect = nullptr;
    MessageBar *m_message;
    QPushButton *m_save = nullptr;
};

} // namespace windowdesk::ui

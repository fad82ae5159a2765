#pragma once
// F1: the short manual shipped with the program (a resource, in Chinese, the hall's language): the visit
// step by step, every shortcut (from the one shortcut table), and what each status-bar state means.
#include <QDialog>

class QTextBrowser;

namespace windowdesk::ui {

class HelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit HelpDialog(QWidget *parent = nullptr);

    // The manual's HTML with the shortcut table filled in.
    static QString manualHtml();
    // The shortcut table alone, as HTML rows grouped by area (descriptions in the UI language).
    static QString shortcutsHtml();

private:
    QTextBrowser *m_text;
};

} // namespace windowdesk::ui

#pragma once
// My cases → Enter or double-click: one case in full (applicant masked, items, materials, decision, due
// dates and card, events) and its notices, each printable again (Enter on it).
#include <windowdesk/cases/casedetail.h>

#include <windowdesk/core/cardcolour.h>

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace windowdesk::intake {

class CaseDetailDialog : public QDialog {
    Q_OBJECT
public:
    CaseDetailDialog(const cases::CaseDetail &detail, core::CardColour card, QWidget *parent = nullptr);
    const cases::CaseDetail &detail() const { return m_detail; }
    static QString eventLabel(const QString &type);

signals:
    // The clerk asked for this notice again (Enter or double-click in the list, or the print button).
    void printRequested(const QString &localId, windowdesk::cases::NoticeKind kind);

private:
    QString html(core::CardColour card) const;
    void requestPrint();

    cases::CaseDetail m_detail;
    QTextBrowser *m_text = nullptr;
    QListWidget *m_notices = nullptr;
};

} // namespace windowdesk::intake

#pragma once
// The unified acceptance form of the intake page, generated from the matter's field list: one editor per
// field (text, number, date, multi-line, choice, check box), each with its inline problem. Values go to the
// visit as the clerk types; values the visit changes (a linked applicant value, a restored draft) are shown.
#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>
#include <QHash>

class QFormLayout;
class QLabel;

namespace windowdesk::intake {

class AcceptanceForm : public QGroupBox {
    Q_OBJECT
public:
    AcceptanceForm(cases::IntakeVisit &visit, QObject *wheelGuard, QWidget *parent = nullptr);

    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    // The editors in the matter's field order.
    QList<QWidget *> tabOrder() const;
    void setError(const QString &key, const QString &text);
    // The first field still empty, else the first field (after a matter is chosen); false without fields.
    bool focusFirstEmpty();

private:
    void build();
    QWidget *makeEditor(const core::FormField &f);
    void show(const QString &key);
    // The value an editor holds, as the visit keeps it (null when empty; a number as a number).
    QJsonValue editorValue(const core::FormField &f) const;
    void setEditorValue(const core::FormField &f, const QJsonValue &v);
    const core::FormField *field(const QString &key) const;

    cases::IntakeVisit &m_visit;
    QObject *m_wheelGuard;
    QWidget *m_area = nullptr;
    QFormLayout *m_layout = nullptr;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
};

} // namespace windowdesk::intake

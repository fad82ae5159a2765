#pragma once
// The materials checklist of the intake page: one line per material of the matter (a bundle's shared ones
// once), marked paper / e-license / commitment (告知承诺, where allowed) / missing, with what is missing or
// wrong. The marks are the visit's; an e-license put on a material by a scan shows as its mark.
#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace windowdesk::intake {

class MaterialsChecklist : public QGroupBox {
    Q_OBJECT
public:
    MaterialsChecklist(cases::IntakeVisit &visit, QObject *wheelGuard, QWidget *parent = nullptr);

    // The status box of a material (the widget that fixes its problem).
    QWidget *statusBox(const QString &key) const;
    // Status box and reason of every line, in order.
    QList<QWidget *> tabOrder() const;
    void setError(const QString &key, const QString &text);

private:
    void build();
    void show(const QString &key);

    struct Row {
        QComboBox *status = nullptr;
        QLineEdit *reason = nullptr;
        QLabel *error = nullptr;
    };
    cases::IntakeVisit &m_visit;
    QObject *m_wheelGuard;
    QWidget *m_area = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QHash<QString, Row> m_rows;
};

} // namespace windowdesk::intake

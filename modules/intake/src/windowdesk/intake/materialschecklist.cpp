#include "materialschecklist.h"
#include "intakewidgets.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

MaterialsChecklist::MaterialsChecklist(cases::IntakeVisit &visit, QObject *wheelGuard, QWidget *parent)
    : QGroupBox(tr("Materials (Ctrl+M marks the unmarked ones as paper)"), parent)
    , m_visit(visit)
    , m_wheelGuard(wheelGuard) {
    setObjectName(u"materialsSection"_s);
    auto *mvl = new QVBoxLayout(this);
    m_area = new QWidget(this);
    m_area->setObjectName(u"materialsArea"_s);
    m_layout = new QVBoxLayout(m_area);
    mvl->addWidget(m_area);
    connect(&m_visit, &cases::IntakeVisit::matterChanged, this, &MaterialsChecklist::build);
    connect(&m_visit, &cases::IntakeVisit::materialChanged, this, &MaterialsChecklist::show);
}

void MaterialsChecklist::build() {
    while (QLayoutItem *it = m_layout->takeAt(0)) {
        delete it->widget();
        delete it;
    }
    m_rows.clear();
    int n = 1;
    for (const cases::MatterMaterial &m : m_visit.matter().materials) {
        auto *line = new QWidget(m_area);
        auto *rl = new QGridLayout(line);
        rl->setContentsMargins(0, 2, 0, 2);
        QString text = u"%1. %2"_s.arg(n++).arg(m.material.name);
        if (m.material.required)
            text += u" *"_s;
        if (m.refs.size() > 1)
            text += tr(" (for %n items)", nullptr, int(m.refs.size()));
        auto *label = new QLabel(text, line);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        if (!m.material.notes.isEmpty())
            label->setToolTip(m.material.notes);
        rl->addWidget(label, 0, 0, 1, 2);
        Row row;
        row.status = new QComboBox(line);
        row.status->setObjectName(u"material_"_s + m.key);
        row.status->installEventFilter(m_wheelGuard);
        const QHash<QString, QString> names{{QString(), tr("— not checked —")},
                                            {u"paper"_s, tr("Paper")},
                                            {u"electronic"_s, tr("E-license")},
                                            {u"commitment"_s, tr("Commitment (告知承诺)")},
                                            {u"missing"_s, tr("Missing")}};
        for (const QString &status : cases::IntakeVisit::materialStatuses(m))
            row.status->addItem(names.value(status), status);
        if (!m.material.licenseType.isEmpty())
            row.status->setToolTip(tr("An e-license can stand in: scan it"));
        row.reason = new QLineEdit(line);
        row.reason->setObjectName(u"reason_"_s + m.key);
        row.reason->setPlaceholderText(tr("What is missing or wrong"));
        row.reason->setMaxLength(300);
        row.error = errorLabel(line, u"error_material_"_s + m.key);
        rl->addWidget(row.status, 1, 0);
        rl->addWidget(row.reason, 1, 1);
        rl->addWidget(row.error, 2, 0, 1, 2);
        rl->setColumnStretch(1, 1);
        const QString key = m.key;
        QComboBox *status = row.status;
        connect(status, &QComboBox::currentIndexChanged, this,
                [this, key, status] { m_visit.setMaterialStatus(key, status->currentData().toString()); });
        QLineEdit *reason = row.reason;
        connect(reason, &QLineEdit::textChanged, this,
                [this, key, reason] { m_visit.setMaterialReason(key, reason->text()); });
        m_layout->addWidget(line);
        m_rows.insert(key, row);
        show(key);
    }
}

void MaterialsChecklist::show(const QString &key) {
    const auto it = m_rows.constFind(key);
    if (it == m_rows.cend())
        return;
    const int index = std::max(0, it->status->findData(m_visit.materialStatus(key)));
    if (it->status->currentIndex() != index)
        it->status->setCurrentIndex(index);
    if (it->reason->text() != m_visit.materialReason(key))
        it->reason->setText(m_visit.materialReason(key));
}

QWidget *MaterialsChecklist::statusBox(const QString &key) const {
    return m_rows.value(key).status;
}

QList<QWidget *> MaterialsChecklist::tabOrder() const {
    QList<QWidget *> order;
    for (const auto &m : m_visit.matter().materials) {
        const Row r = m_rows.value(m.key);
        order << r.status << r.reason;
    }
    return order;
}

void MaterialsChecklist::setError(const QString &key, const QString &text) {
    intake::setError(m_rows.value(key).error, text);
}

} // namespace windowdesk::intake

#include "acceptanceform.h"
#include "intakewidgets.h"

#include <windowdesk/core/identity.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

AcceptanceForm::AcceptanceForm(cases::IntakeVisit &visit, QObject *wheelGuard, QWidget *parent)
    : QGroupBox(tr("Acceptance form"), parent)
    , m_visit(visit)
    , m_wheelGuard(wheelGuard) {
    setObjectName(u"formSection"_s);
    auto *fl = new QVBoxLayout(this);
    m_area = new QWidget(this);
    m_area->setObjectName(u"formArea"_s);
    m_layout = new QFormLayout(m_area);
    fl->addWidget(m_area);
    connect(&m_visit, &cases::IntakeVisit::matterChanged, this, &AcceptanceForm::build);
    connect(&m_visit, &cases::IntakeVisit::formValueChanged, this, &AcceptanceForm::show);
}

const core::FormField *AcceptanceForm::field(const QString &key) const {
    for (const auto &f : m_visit.matter().fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

void AcceptanceForm::build() {
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_errors.clear();
    for (const core::FormField &f : m_visit.matter().fields) {
        QWidget *w = makeEditor(f);
        w->setObjectName(u"field_"_s + f.key);
        auto *err = errorLabel(m_area, u"error_"_s + f.key);
        auto *cell = new QWidget(m_area);
        auto *cl = new QVBoxLayout(cell);
        cl->setContentsMargins(0, 0, 0, 0);
        cl->setSpacing(1);
        w->setParent(cell);
        cl->addWidget(w);
        cl->addWidget(err);
        auto *label = new QLabel(f.required ? f.label + u" *"_s : f.label, m_area);
        label->setTextFormat(Qt::PlainText);
        m_layout->addRow(label, cell);
        m_editors.insert(f.key, w);
        m_errors.insert(f.key, err);
        setEditorValue(f, m_visit.formValue(f.key));
    }
}

QWidget *AcceptanceForm::makeEditor(const core::FormField &f) {
    const QString key = f.key;
    auto changed = [this, key] {
        if (const core::FormField *fd = field(key))
            m_visit.setFormValue(key, editorValue(*fd));
    };
    if (f.type == u"multiline"_s) {
        auto *e = new QPlainTextEdit(m_area);
        e->setTabChangesFocus(true);
        e->setMaximumHeight(70);
        const std::optional<int> maxLength = f.maxLength;
        connect(e, &QPlainTextEdit::textChanged, this, [e, maxLength, changed] {
            // max_length enforced: longer text (a paste) is cut.
            if (maxLength && e->toPlainText().size() > *maxLength) {
                const QSignalBlocker block(e);
                e->setPlainText(e->toPlainText().left(*maxLength));
                e->moveCursor(QTextCursor::End);
            }
            changed();
        });
        return e;
    }
    if (f.type == u"select"_s) {
        auto *c = new QComboBox(m_area);
        c->installEventFilter(m_wheelGuard);
        c->addItems(f.options);
        c->setCurrentIndex(-1);
        c->setPlaceholderText(tr("Choose (↓)"));
        connect(c, &QComboBox::currentIndexChanged, this, changed);
        return c;
    }
    if (f.type == u"bool"_s) {
        auto *c = new QCheckBox(m_area);
        connect(c, &QCheckBox::toggled, this, changed);
        return c;
    }
    auto *e = new QLineEdit(m_area);
    if (f.maxLength)
        e->setMaxLength(*f.maxLength);
    else if (f.type == u"id_number"_s || f.type == u"uscc"_s || f.type == u"phone"_s)
        e->setMaxLength(40);
    else
        e->setMaxLength(500);
    if (f.type == u"number"_s) {
        auto *v = new QDoubleValidator(e);
        v->setNotation(QDoubleValidator::StandardNotation);
        if (f.min)
            v->setBottom(*f.min);
        if (f.max)
            v->setTop(*f.max);
        e->setValidator(v);
    } else if (f.type == u"date"_s) {
        e->setPlaceholderText(u"YYYY-MM-DD"_s);
    }
    if (f.type == u"id_number"_s || f.type == u"uscc"_s)
        connect(e, &QLineEdit::textEdited, this, [e](const QString &t) {
            const QString n = core::normalizeIdentifier(t);
            if (n != t)
                e->setText(n);
        });
    connect(e, &QLineEdit::textChanged, this, changed);
    return e;
}

void AcceptanceForm::show(const QString &key) {
    const core::FormField *f = field(key);
    if (!f || !m_editors.contains(key))
        return;
    // What the editor already holds (typed here) stays as typed: "1." is the number 1 the visit keeps.
    const QJsonValue v = m_visit.formValue(key);
    const QJsonValue shown = editorValue(*f);
    if (shown == v || ((v.isNull() || v.isUndefined()) && shown.isNull()))
        return;
    setEditorValue(*f, v);
}

QJsonValue AcceptanceForm::editorValue(const core::FormField &f) const {
    QWidget *w = m_editors.value(f.key);
    if (auto *e = qobject_cast<QLineEdit *>(w)) {
        const QString t = e->text();
        if (t.isEmpty())
            return QJsonValue(QJsonValue::Null);
        if (f.type == u"number"_s) {
            bool ok = false;
            const double d = QLocale::c().toDouble(t, &ok);
            return ok ? QJsonValue(d) : QJsonValue(t);
        }
        return t;
    }
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        return e->toPlainText().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e->toPlainText());
    if (auto *c = qobject_cast<QComboBox *>(w))
        return c->currentIndex() < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(c->currentText());
    if (auto *c = qobject_cast<QCheckBox *>(w))
        return c->isChecked();
    return QJsonValue(QJsonValue::Null);
}

void AcceptanceForm::setEditorValue(const core::FormField &f, const QJsonValue &v) {
    QWidget *w = m_editors.value(f.key);
    if (auto *e = qobject_cast<QLineEdit *>(w))
        e->setText(v.isDouble() ? QLocale::c().toString(v.toDouble(), 'g', 15) : v.toString());
    else if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        e->setPlainText(v.toString());
    else if (auto *c = qobject_cast<QComboBox *>(w))
        c->setCurrentIndex(v.isString() ? c->findText(v.toString()) : -1);
    else if (auto *c = qobject_cast<QCheckBox *>(w))
        c->setChecked(v.toBool());
}

QList<QWidget *> AcceptanceForm::tabOrder() const {
    QList<QWidget *> order;
    for (const auto &f : m_visit.matter().fields)
        if (QWidget *w = m_editors.value(f.key))
            order << w;
    return order;
}

void AcceptanceForm::setError(const QString &key, const QString &text) {
    intake::setError(m_errors.value(key), text);
}

bool AcceptanceForm::focusFirstEmpty() {
    const auto &fields = m_visit.matter().fields;
    for (const auto &f : fields) {
        QWidget *w = m_editors.value(f.key);
        if (w && editorValue(f).isNull()) {
            w->setFocus();
            return true;
        }
    }
    if (fields.isEmpty())
        return false;
    m_editors.value(fields.first().key)->setFocus();
    return true;
}

} // namespace windowdesk::intake

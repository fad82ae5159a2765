#include "applicantsection.h"
#include "intakewidgets.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>

using namespace Qt::StringLiterals;
using windowdesk::cases::ApplicantField;

namespace windowdesk::intake {

ApplicantSection::ApplicantSection(
    cases::IntakeVisit &visit, const Clock &clock,
    std::function<std::optional<ApplicantInput>(const QString &)> findReturning, QWidget *scope,
    QObject *wheelGuard, QWidget *parent)
    : QGroupBox(tr("Applicant"), parent)
    , m_visit(visit)
    , m_clock(clock)
    , m_findReturning(std::move(findReturning)) {
    setObjectName(u"applicantSection"_s);
    auto *af = new QFormLayout(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"applicantKind"_s);
    m_kind->addItem(tr("Natural person"), u"person"_s);
    m_kind->addItem(tr("Legal person / organisation"), u"entity"_s);
    // In the Tab order as shown (kind, entity, ID type, name, ...): the clerk starts on the name, so the
    // fields above it cost no keystroke on the usual visit, and Tab never jumps over a visible field.
    m_kind->setFocusPolicy(Qt::StrongFocus);
    m_kind->installEventFilter(wheelGuard);
    af->addRow(ui::withShortcut(tr("Kind"), ui::shortcut::applicantKind), m_kind);
    scopedShortcut(scope, ui::shortcutKey(ui::shortcut::applicantKind),
                   [this] { m_kind->setCurrentIndex(1 - m_kind->currentIndex()); });
    m_entityBox = new QWidget(this);
    auto *ef = new QFormLayout(m_entityBox);
    ef->setContentsMargins(0, 0, 0, 0);
    auto *entityName = new QLineEdit(m_entityBox);
    entityName->setObjectName(u"entityName"_s);
    entityName->setMaxLength(200);
    ef->addRow(tr("Entity name"), entityName);
    auto *uscc = new QLineEdit(m_entityBox);
    uscc->setObjectName(u"entityUscc"_s);
    uscc->setMaxLength(40);
    m_usccError = errorLabel(m_entityBox, u"error_uscc"_s);
    ef->addRow(tr("Unified social credit code"), uscc);
    ef->addRow(QString(), m_usccError);
    af->addRow(m_entityBox);
    m_idType = new QComboBox(this);
    m_idType->setObjectName(u"applicantIdType"_s);
    m_idType->setFocusPolicy(Qt::StrongFocus); // reached by Tab (Shift+Tab from the name)
    m_idType->installEventFilter(wheelGuard);
    m_idType->addItem(tr("Resident ID card"), u"resident_id"_s);
    m_idType->addItem(tr("Hong Kong/Macao permit"), u"hk_macao_permit"_s);
    m_idType->addItem(tr("Taiwan permit"), u"taiwan_permit"_s);
    m_idType->addItem(tr("Foreign permanent residence"), u"foreign_permanent_residence"_s);
    m_idType->addItem(tr("Passport"), u"passport"_s);
    af->addRow(tr("ID type"), m_idType);
    auto *name = new QLineEdit(this);
    name->setObjectName(u"applicantName"_s);
    name->setMaxLength(50);
    af->addRow(tr("Name (legal representative for an entity)"), name);
    auto *idNumber = new QLineEdit(this);
    idNumber->setObjectName(u"applicantIdNumber"_s);
    idNumber->setMaxLength(40);
    af->addRow(tr("ID number"), idNumber);
    m_idInfo = new QLabel(this);
    m_idInfo->setObjectName(u"applicantIdInfo"_s);
    m_idInfo->setTextFormat(Qt::PlainText);
    af->addRow(QString(), m_idInfo);
    // The card's photo, once a card was read (the clerk compares it with the person at the window).
    m_photo = new QLabel(this);
    m_photo->setObjectName(u"applicantPhoto"_s);
    m_photo->setAccessibleName(tr("Photo from the ID card"));
    m_photo->setFixedSize(102, 126);
    m_photo->setScaledContents(true);
    m_photo->hide();
    af->addRow(QString(), m_photo);
    auto *phone = new QLineEdit(this);
    phone->setObjectName(u"applicantPhone"_s);
    phone->setMaxLength(20);
    af->addRow(tr("Phone"), phone);
    m_phoneError = errorLabel(this, u"error_phone"_s);
    af->addRow(QString(), m_phoneError);
    m_edits = {{ApplicantField::Name, name},
               {ApplicantField::IdNumber, idNumber},
               {ApplicantField::Phone, phone},
               {ApplicantField::EntityName, entityName},
               {ApplicantField::Uscc, uscc}};

    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        connectEdit(it.value(), it.key());
    for (QLineEdit *e : {idNumber, uscc})
        connect(e, &QLineEdit::textEdited, this, [e](const QString &t) {
            // Pasted full-width digits and spaces are normalised in place.
            const QString n = core::normalizeIdentifier(t);
            if (n != t)
                e->setText(n);
        });
    connect(phone, &QLineEdit::textEdited, this, [phone](const QString &t) {
        const QString n = core::normalizePhone(t);
        if (n != t)
            phone->setText(n);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_visit.setApplicantValue(ApplicantField::Kind, m_kind->currentData().toString()); });
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this] {
        m_visit.setApplicantValue(ApplicantField::IdType, m_idType->currentData().toString());
    });
    connect(&m_visit, &cases::IntakeVisit::applicantChanged, this, &ApplicantSection::showApplicant);
    m_entityBox->hide();
    showApplicant(ApplicantField::None);
}

void ApplicantSection::connectEdit(QLineEdit *edit, ApplicantField field) {
    // The edit's text as it is now, not the signal's: a normalisation (textEdited) may have changed it since.
    connect(edit, &QLineEdit::textChanged, this,
            [this, field, edit] { m_visit.setApplicantValue(field, edit->text()); });
}

void ApplicantSection::showApplicant(ApplicantField field) {
    const bool all = field == ApplicantField::None;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        if ((all || it.key() == field) && it.value()->text() != m_visit.applicantValue(it.key()))
            it.value()->setText(m_visit.applicantValue(it.key()));
    if (all || field == ApplicantField::Kind) {
        const int kind = m_kind->findData(m_visit.applicant().kind);
        m_kind->setCurrentIndex(std::max(0, kind));
        const bool entity = m_visit.isEntity();
        if (m_entityBox->isHidden() == entity) {
            m_entityBox->setVisible(entity);
            Q_EMIT kindChanged();
        }
    }
    if (all || field == ApplicantField::IdType)
        m_idType->setCurrentIndex(std::max(0, m_idType->findData(m_visit.applicant().idType)));
    if (all) {
        updateIdInfo();
        setPhoneError(QString());
        if (m_visit.applicant().idNumber.isEmpty()) { // a new visit: the last card's photo goes
            m_photo->clear();
            m_photo->hide();
        }
    } else if (field == ApplicantField::IdNumber || field == ApplicantField::Uscc ||
               field == ApplicantField::IdType) {
        onIdentifierChanged();
    }
}

void ApplicantSection::onIdentifierChanged() {
    updateIdInfo();
    // A returning applicant (same id) is recognised from local cases and filled in for confirmation.
    const bool entity = m_visit.isEntity();
    const QString key = entity ? m_visit.applicant().uscc : m_visit.applicant().idNumber;
    const bool complete =
        entity ? core::validateUscc(key).valid : core::validateResidentId(key, m_clock.todayCst()).valid;
    if (!complete || !m_findReturning)
        return;
    const auto a = m_findReturning(key);
    if (!a)
        return;
    bool filled = false;
    auto fill = [this, &filled](ApplicantField f, const QString &v) {
        if (m_visit.applicantValue(f).isEmpty() && !v.isEmpty()) {
            m_visit.setApplicantValue(f, v);
            filled = true;
        }
    };
    fill(ApplicantField::Name, a->name);
    fill(ApplicantField::Phone, a->phone);
    if (entity) {
        fill(ApplicantField::EntityName, a->entityName);
        fill(ApplicantField::IdNumber, a->idNumber);
    }
    if (filled)
        Q_EMIT info(tr("Returning applicant: details filled in from an earlier case — please confirm them."));
}

void ApplicantSection::updateIdInfo() {
    const QString id = m_visit.applicant().idNumber;
    if (id.isEmpty() || m_visit.applicant().idType != u"resident_id"_s) {
        m_idInfo->clear();
        m_idInfo->setStyleSheet(QString());
    } else {
        const auto r = core::validateResidentId(id, m_clock.todayCst());
        if (r.valid) {
            const QString sex = r.sex == core::Sex::Male     ? tr("male")
                                : r.sex == core::Sex::Female ? tr("female")
                                                             : QString();
            m_idInfo->setText(tr("Born %1, %2").arg(r.birthDate.toString(Qt::ISODate), sex));
            m_idInfo->setStyleSheet(u"color: #1b5e20;"_s);
        } else {
            m_idInfo->setText(r.message);
            m_idInfo->setStyleSheet(u"color: #b3261e;"_s);
        }
    }
    const QString uscc = m_visit.applicant().uscc;
    setError(m_usccError, uscc.isEmpty() ? QString() : core::validateUscc(uscc).message);
}

QString ApplicantSection::fillFromCard(const CardReading &card) {
    m_visit.setApplicantValue(ApplicantField::Kind, u"person"_s);
    m_visit.setApplicantValue(ApplicantField::IdType, u"resident_id"_s);
    m_visit.setApplicantValue(ApplicantField::Name, card.name.trimmed());
    m_visit.setApplicantValue(ApplicantField::IdNumber, card.idNumber.trimmed().toUpper());
    QPixmap photo;
    if (!card.photo.isEmpty() && photo.loadFromData(card.photo)) {
        m_photo->setPixmap(photo);
        m_photo->show();
    } else {
        m_photo->clear();
        m_photo->hide();
    }
    const auto r = core::validateResidentId(card.idNumber.trimmed().toUpper(), m_clock.todayCst());
    if (!r.valid)
        return tr("The card's id number is not valid: %1").arg(r.message);
    const QDate birth = QDate::fromString(card.birth, Qt::ISODate);
    const core::Sex sex = card.sex == u"male"_s     ? core::Sex::Male
                          : card.sex == u"female"_s ? core::Sex::Female
                                                    : r.sex;
    if ((birth.isValid() && birth != r.birthDate) || sex != r.sex)
        return tr(
            "The card's birth date or sex does not match its id number: check the card and the person.");
    return {};
}

QWidget *ApplicantSection::editor(ApplicantField field) const {
    if (field == ApplicantField::Kind)
        return m_kind;
    if (field == ApplicantField::IdType)
        return m_idType;
    return m_edits.value(field);
}

QList<QWidget *> ApplicantSection::tabOrder() const {
    QList<QWidget *> order{m_kind};
    if (m_visit.isEntity())
        order << m_edits.value(ApplicantField::EntityName) << m_edits.value(ApplicantField::Uscc);
    order << m_idType << m_edits.value(ApplicantField::Name) << m_edits.value(ApplicantField::IdNumber)
          << m_edits.value(ApplicantField::Phone);
    return order;
}

void ApplicantSection::focusName() {
    m_edits.value(ApplicantField::Name)->setFocus();
}

void ApplicantSection::setPhoneError(const QString &text) {
    setError(m_phoneError, text);
}

bool ApplicantSection::phoneEntered() const {
    return !m_visit.applicant().phone.isEmpty();
}

} // namespace windowdesk::intake

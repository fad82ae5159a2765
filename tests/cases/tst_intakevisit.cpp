// The visit without widgets (cases::IntakeVisit): what the draft holds, the applicant and the form fields
// that mean the same value kept as one both ways, the materials' marks and the e-licenses standing on them,
// and the change signals the intake page's sections follow.
#include <windowdesk/cases/intakevisit.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;

namespace {
const QString kResidentIdType = u"11100000000013127D001"_s;

core::FormField field(const QString &key, const QString &type, bool required = true) {
    core::FormField f;
    f.key = key;
    f.label = key;
    f.type = type;
    f.required = required;
    return f;
}

core::Material material(const QString &id, bool required, const QString &licenseType = {},
                        bool commitment = false) {
    core::Material m;
    m.id = id;
    m.name = u"材料"_s + id;
    m.required = required;
    m.licenseType = licenseType;
    m.commitmentAllowed = commitment;
    return m;
}

// An item asking for the applicant's own name, id and phone, a spouse's id (never linked), a number and a
// check box; materials: an ID card an e-license can stand in for, an optional one, and one allowing 告知承诺.
Matter matter() {
    core::ServiceItem item;
    item.code = u"430104-TEST-001"_s;
    item.name = u"测试事项"_s;
    item.commitmentAllowed = true;
    item.form = {field(u"applicant_name"_s, u"text"_s), field(u"id_number"_s, u"id_number"_s),
                 field(u"contact_phone"_s, u"phone"_s), field(u"spouse_id_number"_s, u"id_number"_s, false),
                 field(u"area"_s, u"number"_s, false),  field(u"agree"_s, u"bool"_s, false)};
    item.materials = {material(u"m1"_s, true, kResidentIdType), material(u"m2"_s, false),
                      material(u"m3"_s, true, {}, true)};
    return Matter::fromItem(item);
}

VisitLicense residentLicense(const QString &name, const QString &maskedId, qint64 seenId) {
    VisitLicense l;
    l.lid = u"1.2.156.3005.2.11100000000013127D001.430104.000123.001.X"_s;
    l.typeCode = kResidentIdType;
    l.holderName = name;
    l.holderId = maskedId;
    l.residentId = true;
    l.seenId = seenId;
    return l;
}
} // namespace

class TestIntakeVisit : public QObject {
    Q_OBJECT
private slots:
    void startsEmptyWithANewDraftId() {
        IntakeVisit a, b;
        QVERIFY(a.isEmpty());
        QVERIFY(!a.draftId().isEmpty());
        QVERIFY(a.draftId() != b.draftId());
        QCOMPARE(a.draft().decision, u"accepted"_s);
        QCOMPARE(a.draft().applicant.kind, u"person"_s);
        const QString before = a.draftId();
        a.setApplicantValue(ApplicantField::Name, u"张三"_s);
        QVERIFY(!a.isEmpty());
        a.reset();
        QVERIFY(a.isEmpty());
        QVERIFY(a.draftId() != before);
    }

    // The applicant's name, id and phone and the form fields that ask for them are one value, whichever side
    // the clerk types in; a spouse's id is never linked.
    void linkedValuesFollowBothWays() {
        IntakeVisit v;
        v.setApplicantValue(ApplicantField::Name, u"张三"_s);
        v.setApplicantValue(ApplicantField::IdNumber, u"430104195001050012"_s);
        v.setMatter(matter()); // the form takes what the applicant section already has
        QCOMPARE(v.formValue(u"applicant_name"_s).toString(), u"张三"_s);
        QCOMPARE(v.formValue(u"id_number"_s).toString(), u"430104195001050012"_s);
        QVERIFY(v.formValue(u"spouse_id_number"_s).isNull());
        v.setFormValue(u"contact_phone"_s, u"13800138000"_s);
        QCOMPARE(v.applicant().phone, u"13800138000"_s);
        v.setApplicantValue(ApplicantField::Name, u"李四"_s);
        QCOMPARE(v.formValue(u"applicant_name"_s).toString(), u"李四"_s);
        v.setFormValue(u"spouse_id_number"_s, u"430104195001050020"_s);
        QCOMPARE(v.applicant().idNumber, u"430104195001050012"_s);
        // Emptied on one side, empty on the other.
        v.setFormValue(u"contact_phone"_s, QJsonValue(QJsonValue::Null));
        QCOMPARE(v.applicant().phone, QString());
    }

    // The draft as the page saved it before: only the matter's non-empty values, a check box always, the
    // entity's values only for an entity, a mark's license only while it is marked e-license.
    void draftHoldsWhatTheClerkEntered() {
        IntakeVisit v;
        v.setMatter(matter());
        IntakeDraft d = v.draft();
        QCOMPARE(d.itemCode, u"430104-TEST-001"_s);
        QCOMPARE(d.formValues, QJsonObject({{u"agree"_s, false}}));
        QVERIFY(d.materials.isEmpty());
        v.setFormValue(u"area"_s, 12.5);
        v.setApplicantValue(ApplicantField::EntityName, u"湖南示例科技有限公司"_s);
        QCOMPARE(v.draft().formValues.value(u"area"_s).toDouble(), 12.5);
        QCOMPARE(v.draft().applicant.entityName, QString()); // a natural person: no entity in the draft
        v.setApplicantValue(ApplicantField::Kind, u"entity"_s);
        QCOMPARE(v.draft().applicant.entityName, u"湖南示例科技有限公司"_s);
        v.setMaterialReason(u"m2"_s, u"复印件不清"_s);
        v.setMaterialStatus(u"m3"_s, u"commitment"_s);
        v.setMaterialStatus(u"m2"_s, u"commitment"_s); // not allowed for m2: refused
        d = v.draft();
        QCOMPARE(d.materials.value(u"m2"_s), (MaterialMark{QString(), QString(), u"复印件不清"_s, 0}));
        QCOMPARE(d.materials.value(u"m3"_s).status, u"commitment"_s);
        QCOMPARE(d.materials.size(), 2);
        v.markUnmarkedPaper(); // the required ones not yet checked: m1
        QCOMPARE(v.draft().materials.value(u"m1"_s).status, u"paper"_s);
        QCOMPARE(v.draft().materials.value(u"m2"_s).status, QString());
    }

    void loadRestoresADraftExactly() {
        IntakeVisit v;
        v.setTicket(Ticket{7, u"A007"_s, u"综合"_s, u"serving"_s, u"3"_s, {}, {}, {}});
        v.setMatter(matter());
        v.setApplicantValue(ApplicantField::Name, u"张三"_s);
        v.setFormValue(u"area"_s, 3);
        v.setMaterialStatus(u"m3"_s, u"missing"_s);
        v.setDecision(u"rejected"_s);
        v.setDecisionReason(u"不符合受理条件"_s);
        v.setDecisionBasis(u"第十七条"_s);
        const IntakeDraft saved = IntakeDraft::fromJson(v.draft().toJson());
        QCOMPARE(saved.ticketNo, u"A007"_s);

        IntakeVisit w;
        QSignalSpy matterChanged(&w, &IntakeVisit::matterChanged);
        w.load(saved, matter());
        QCOMPARE(matterChanged.size(), 1);
        QCOMPARE(w.draftId(), v.draftId());
        IntakeDraft back = w.draft();
        back.ticketNo = saved.ticketNo; // the ticket is set by the queue, not by the draft
        back.ticketId = saved.ticketId;
        QCOMPARE(back, saved);
        // A value the page could not show is not invented: an unknown decision is 受理, as the box shows it.
        IntakeDraft odd = saved;
        odd.decision = u"maybe"_s;
        odd.materials[u"m2"_s] = MaterialMark{u"commitment"_s, QString(), QString(), 0};
        w.load(odd, matter());
        QCOMPARE(w.decision(), u"accepted"_s);
        QCOMPARE(w.materialStatus(u"m2"_s), QString());
    }

    // A resident ID license: fills an empty applicant's name, goes on the material of its type code, asks
    // when the holder is someone else, and comes off again when the platform refuses the license.
    void licensesStandOnTheirMaterial() {
        IntakeVisit v;
        v.setMatter(matter());
        int asked = 0;
        auto declines = [&asked] {
            ++asked;
            return false;
        };
        auto accepts = [&asked] {
            ++asked;
            return true;
        };
        auto r = v.attachLicense(residentLicense(u"张三"_s, u"430***********0012"_s, 11), accepts);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), u"m1"_s);
        QCOMPARE(asked, 1); // the name was filled from the license; the id is not entered: the clerk confirms
        QCOMPARE(v.applicant().name, u"张三"_s);
        QCOMPARE(v.draft().materials.value(u"m1"_s),
                 (MaterialMark{u"electronic"_s, residentLicense({}, {}, 0).lid, QString(), 11}));
        QCOMPARE(v.draft().licenseSeenIds(), QList<qint64>{11});
        // Changed to paper: the scan is not the case's; back to e-license: it is again.
        v.setMaterialStatus(u"m1"_s, u"paper"_s);
        QVERIFY(v.draft().licenseSeenIds().isEmpty());
        v.setMaterialStatus(u"m1"_s, u"electronic"_s);
        QCOMPARE(v.draft().licenseSeenIds(), QList<qint64>{11});
        QVERIFY(v.standsOnLicenseScan(11));
        QCOMPARE(v.moveLicenseScan(11, 12), 1);
        QCOMPARE(v.draft().licenseSeenIds(), QList<qint64>{12});
        QCOMPARE(v.detachLicense(residentLicense({}, {}, 0).lid), u"材料m1"_s);
        QCOMPARE(v.materialStatus(u"m1"_s), QString());
        QVERIFY(!v.standsOnLicenseScan(12));

        // Another holder: the clerk is asked; declined, nothing attached.
        v.setApplicantValue(ApplicantField::IdNumber, u"430104195001050020"_s);
        v.setApplicantValue(ApplicantField::Name, u"李四"_s);
        r = v.attachLicense(residentLicense(u"张三"_s, u"430***********0012"_s, 13), declines);
        QCOMPARE(r.error().code, u"holder_mismatch_declined"_s);
        QCOMPARE(asked, 2);
        QCOMPARE(v.materialStatus(u"m1"_s), QString());
        QVERIFY(v.attachLicense(residentLicense(u"张三"_s, u"430***********0012"_s, 13), [] {
                     return true;
                 }).ok());
        QCOMPARE(v.applicant().name, u"李四"_s); // never overwritten by a license
        // The holder check is on the applicant's values: the same person, masked alike, matches.
        QVERIFY(v.holderMatches(residentLicense(u"李四"_s, u"430***********0020"_s, 0)));
        QVERIFY(!v.holderMatches(residentLicense(u"李四"_s, u"430***********0012"_s, 0)));

        VisitLicense other = residentLicense(u"李四"_s, u"430***********0020"_s, 14);
        other.typeCode = u"99999999999999999X001"_s;
        QCOMPARE(v.attachLicense(other, {}).error().code, u"no_matching_material"_s);
    }

    // An entity's license is checked against the entity's name and USCC when they are entered.
    void entityHolderIsTheEntity() {
        IntakeVisit v;
        v.setApplicantValue(ApplicantField::Kind, u"entity"_s);
        v.setApplicantValue(ApplicantField::Name, u"王五"_s);
        QCOMPARE(v.holderName(), u"王五"_s);
        v.setApplicantValue(ApplicantField::EntityName, u"湖南示例科技有限公司"_s);
        v.setApplicantValue(ApplicantField::Uscc, u"91430100MA4L0XXXXX"_s);
        QCOMPARE(v.holderName(), u"湖南示例科技有限公司"_s);
        QCOMPARE(v.holderId(), u"91430100MA4L0XXXXX"_s);
    }

    // The sections follow the visit through its signals: one signal per real change, none for the same value.
    void signalsOnChangeOnly() {
        IntakeVisit v;
        v.setMatter(matter());
        QSignalSpy changed(&v, &IntakeVisit::changed);
        QSignalSpy applicant(&v, &IntakeVisit::applicantChanged);
        QSignalSpy form(&v, &IntakeVisit::formValueChanged);
        QSignalSpy materials(&v, &IntakeVisit::materialChanged);
        v.setApplicantValue(ApplicantField::Phone, u"13800138000"_s);
        QCOMPARE(applicant.size(), 1);
        QCOMPARE(form.size(), 1); // contact_phone followed
        QCOMPARE(form.at(0).at(0).toString(), u"contact_phone"_s);
        const int n = int(changed.size());
        QVERIFY(n >= 1);
        v.setApplicantValue(ApplicantField::Phone, u"13800138000"_s);
        v.setFormValue(u"contact_phone"_s, u"13800138000"_s);
        v.setMaterialStatus(u"m1"_s, QString());
        QCOMPARE(changed.size(), n);
        v.setMaterialStatus(u"m1"_s, u"paper"_s);
        QCOMPARE(materials.size(), 1);
        QCOMPARE(materials.at(0).at(0).toString(), u"m1"_s);
        QVERIFY(changed.size() > n);
    }

    void ticketOpenWhileCalledOrServing() {
        IntakeVisit v;
        QVERIFY(!v.ticketOpen());
        Ticket t{1, u"A001"_s, u"综合"_s, u"called"_s, u"3"_s, {}, {}, {}};
        v.setTicket(t);
        QVERIFY(v.ticketOpen());
        QVERIFY(v.isEmpty()); // a ticket alone is no entry
        t.status = u"held"_s;
        v.setTicket(t);
        QVERIFY(!v.ticketOpen());
        v.setWalkIn(true);
        v.setTicket(t);
        QVERIFY(!v.walkIn());
        v.reset(); // a new visit keeps the ticket
        QCOMPARE(v.ticket()->ticketNo, u"A001"_s);
    }
};

QTEST_GUILESS_MAIN(TestIntakeVisit)
#include "tst_intakevisit.moc"

// Merged lists of a 一件事一次办 bundle: shared fields and materials asked once, every (item, material) kept.
#include <windowdesk/core/bundlemerge.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

namespace {
Material mat(const QString &id, const QString &name, const QString &license = {}, bool commitment = false,
             bool required = true, int copies = 1) {
    Material m;
    m.id = id;
    m.name = name;
    m.licenseType = license;
    m.commitmentAllowed = commitment;
    m.required = required;
    m.copies = copies;
    return m;
}
FormField field(const QString &key, bool required) {
    FormField f;
    f.key = key;
    f.label = key;
    f.type = u"text"_s;
    f.required = required;
    return f;
}
ServiceItem item(const QString &code, QList<Material> mats, QList<FormField> form, int legal) {
    ServiceItem it;
    it.code = code;
    it.name = code;
    it.materials = std::move(mats);
    it.form = std::move(form);
    it.legalTimeLimitDays = legal;
    return it;
}
} // namespace

class TestBundleMerge : public QObject {
    Q_OBJECT
private slots:
    void mergesSharedMaterialsAndFields() {
        const QString idCard = u"11100000000013127D001"_s;
        const ServiceItem a = item(u"A"_s,
                                   {mat(u"a1"_s, u"居民身份证"_s, idCard, false, true, 1),
                                    mat(u"a2"_s, u"户口簿"_s, {}, true), mat(u"a3"_s, u"出生医学证明"_s)},
                                   {field(u"name"_s, true), field(u"phone"_s, false)}, 20);
        const ServiceItem b =
            item(u"B"_s,
                 {mat(u"b1"_s, u"身份证复印件"_s, idCard, true, false, 2), // same license type
                  mat(u"b2"_s, u"户口簿"_s, {}, false),                    // same name
                  mat(u"b3"_s, u"结婚证"_s)},
                 {field(u"phone"_s, true), field(u"address"_s, false)}, 30);
        Bundle bundle;
        bundle.code = u"YJS-X"_s;
        bundle.itemCodes = {u"A"_s, u"B"_s, u"GONE"_s};
        bundle.promisedTimeLimitDays = 3;

        const MergedBundle m = mergeBundle(bundle, {b, a}); // order given does not matter
        QCOMPARE(m.itemCodes, (QStringList{u"A"_s, u"B"_s}));
        QCOMPARE(m.missingItems, QStringList{u"GONE"_s});
        QCOMPARE(m.promisedTimeLimitDays, 3);
        QCOMPARE(m.legalTimeLimitDays, 30);

        QCOMPARE(m.fields.size(), 3); // name, phone (once), address
        QCOMPARE(m.fields[1].field.key, u"phone"_s);
        QVERIFY(m.fields[1].field.required); // required by B
        QCOMPARE(m.fields[1].itemCodes, (QStringList{u"A"_s, u"B"_s}));

        QCOMPARE(m.materials.size(), 4); // 身份证, 户口簿, 出生医学证明, 结婚证
        const MergedMaterial &id = m.materials[0];
        QCOMPARE(id.material.name, u"居民身份证"_s);
        QCOMPARE(id.refs, (QList<MaterialRef>{{u"A"_s, u"a1"_s}, {u"B"_s, u"b1"_s}}));
        QCOMPARE(id.material.copies, 2);
        QVERIFY(id.material.required);
        QVERIFY(!id.material.commitmentAllowed); // A does not accept a commitment
        const MergedMaterial &hukou = m.materials[1];
        QCOMPARE(hukou.refs, (QList<MaterialRef>{{u"A"_s, u"a2"_s}, {u"B"_s, u"b2"_s}}));
        QVERIFY(!hukou.material.commitmentAllowed); // B does not
        QCOMPARE(m.materials[3].refs, (QList<MaterialRef>{{u"B"_s, u"b3"_s}}));

        // Every (item, material) pair is represented exactly once: POST /cases needs each.
        int pairs = 0;
        for (const auto &mm : m.materials)
            pairs += int(mm.refs.size());
        QCOMPARE(pairs, 6);
    }

    void transitiveMerge() {
        // a1~b1 by license type, b1~c1 by name: one material.
        const ServiceItem a = item(u"A"_s, {mat(u"a1"_s, u"营业执照"_s, u"L1"_s)}, {}, 1);
        const ServiceItem b = item(u"B"_s, {mat(u"b1"_s, u"营业执照副本"_s, u"L1"_s)}, {}, 1);
        const ServiceItem c = item(u"C"_s, {mat(u"c1"_s, u"营业执照副本"_s)}, {}, 1);
        Bundle bundle;
        bundle.itemCodes = {u"A"_s, u"B"_s, u"C"_s};
        const MergedBundle m = mergeBundle(bundle, {a, b, c});
        QCOMPARE(m.materials.size(), 1);
        QCOMPARE(m.materials[0].itemCodes(), (QStringList{u"A"_s, u"B"_s, u"C"_s}));
        QCOMPARE(m.materials[0].material.licenseType, u"L1"_s);
    }

    void differentMaterialsStayApart() {
        const ServiceItem a = item(u"A"_s, {mat(u"m1"_s, u"申请表"_s, u"L1"_s)}, {}, 1);
        const ServiceItem b =
            item(u"B"_s, {mat(u"m1"_s, u"承诺书"_s, u"L2"_s)}, {}, 1); // same id, not the same
        Bundle bundle;
        bundle.itemCodes = {u"A"_s, u"B"_s};
        QCOMPARE(mergeBundle(bundle, {a, b}).materials.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBundleMerge)
#include "tst_bundlemerge.moc"

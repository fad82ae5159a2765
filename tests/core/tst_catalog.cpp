// Strict parsing of ServiceItem and Bundle: the first wrong field is named, unknown fields ignored.
#include <windowdesk/core/catalog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

namespace {
QJsonObject validItem() {
    return QJsonDocument::fromJson(uR"({"code": "430100-000201001000-XK-001", "name": "食品经营许可（新办）",
 "type": "行政许可", "department": "市市场监督管理局", "basis": "《中华人民共和国食品安全法》第三十五条",
 "conditions": "……", "service_object": "legal_person", "process": ["申请", "受理", "审查", "决定", "送达"],
 "legal_time_limit_days": 20, "promised_time_limit_days": 5, "result": "食品经营许可证", "fee": "不收费",
 "online": true, "cross_province": false, "commitment_allowed": true,
 "materials": [
   {"id": "m1", "name": "营业执照", "required": true, "copies": 1,
    "license_type": "11100000000013338W001", "commitment_allowed": false, "notes": ""},
   {"id": "m2", "name": "食品安全管理制度文本", "required": true, "copies": 1, "commitment_allowed": true},
   {"id": "m3", "name": "场所平面图", "required": false}
 ],
 "form": [
   {"key": "shop_name", "label": "经营者名称", "type": "text", "required": true, "max_length": 100},
   {"key": "area_m2", "label": "面积", "type": "number", "required": true, "min": 1, "max": 100000},
   {"key": "category", "label": "主体业态", "type": "select", "required": true, "options": ["食品销售经营者"]}
 ],
 "version": 7, "updated_at": "2026-02-01T08:00:00Z", "future_field": {"x": 1}})"_s.toUtf8())
        .object();
}

QJsonObject setPath(QJsonObject o, const QString &arr, int index, const QString &key, const QJsonValue &v) {
    QJsonArray a = o.value(arr).toArray();
    QJsonObject e = a.at(index).toObject();
    if (v.isUndefined())
        e.remove(key);
    else
        e.insert(key, v);
    a.replace(index, e);
    o.insert(arr, a);
    return o;
}
} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void parsesEveryElement() {
        auto r = ServiceItem::fromJson(validItem());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const ServiceItem &it = r.value();
        QCOMPARE(it.code, u"430100-000201001000-XK-001"_s);
        QCOMPARE(it.serviceObject, u"legal_person"_s);
        QCOMPARE(it.process.size(), 5);
        QCOMPARE(it.legalTimeLimitDays, 20);
        QCOMPARE(it.promisedTimeLimitDays, 5);
        QVERIFY(it.online);
        QVERIFY(!it.crossProvince);
        QCOMPARE(it.materials.size(), 3);
        QCOMPARE(it.materials[0].licenseType, u"11100000000013338W001"_s);
        QVERIFY(it.materials[1].commitmentAllowed);
        QCOMPARE(it.materials[2].copies, 1); // default
        QVERIFY(!it.materials[2].required);
        QCOMPARE(it.form.size(), 3);
        QCOMPARE(it.form[0].maxLength.value(), 100);
        QCOMPARE(it.form[1].max.value(), 100000.0);
        QCOMPARE(it.form[2].options, QStringList{u"食品销售经营者"_s});
        QCOMPARE(it.version, 7);
        // Round trip through toJson keeps every element.
        auto again = ServiceItem::fromJson(it.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), it.toJson());
    }

    void namesTheWrongField_data() {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QJsonObject o = validItem();
        QTest::addRow("material required not boolean")
            << setPath(o, u"materials"_s, 2, u"required"_s, u"yes"_s) << u"materials[2].required"_s
            << u"expected boolean"_s;
        QTest::addRow("material id missing") << setPath(o, u"materials"_s, 1, u"id"_s, QJsonValue::Undefined)
                                             << u"materials[1].id"_s << u"missing"_s;
        QTest::addRow("duplicate material id") << setPath(o, u"materials"_s, 1, u"id"_s, u"m1"_s)
                                               << u"materials[1].id"_s << u"duplicate material id"_s;
        QTest::addRow("form type unknown") << setPath(o, u"form"_s, 0, u"type"_s, u"colour"_s)
                                           << u"form[0].type"_s << u"unknown field type"_s;
        QTest::addRow("select without options")
            << setPath(o, u"form"_s, 2, u"options"_s, QJsonValue::Undefined) << u"form[2].options"_s
            << u"missing"_s;
        QJsonObject x = o;
        x.insert(u"legal_time_limit_days"_s, 2.5);
        QTest::addRow("fractional days") << x << u"legal_time_limit_days"_s << u"expected integer"_s;
        x = o;
        x.insert(u"promised_time_limit_days"_s, -1);
        QTest::addRow("negative days") << x << u"promised_time_limit_days"_s << u"must be at least 0"_s;
        x = o;
        x.insert(u"version"_s, u"7"_s);
        QTest::addRow("version as string") << x << u"version"_s << u"expected integer"_s;
        x = o;
        x.insert(u"service_object"_s, u"everyone"_s);
        QTest::addRow("service object")
            << x << u"service_object"_s << u"expected natural_person, legal_person or both"_s;
        x = o;
        x.remove(u"name"_s);
        QTest::addRow("name missing") << x << u"name"_s << u"missing"_s;
        x = o;
        x.insert(u"online"_s, 1);
        QTest::addRow("online as number") << x << u"online"_s << u"expected boolean"_s;
        x = o;
        x.insert(u"materials"_s, u"m1"_s);
        QTest::addRow("materials not array") << x << u"materials"_s << u"expected array"_s;
        x = o;
        x.insert(u"process"_s, QJsonArray{u"申请"_s, 3});
        QTest::addRow("process entry") << x << u"process[1]"_s << u"expected string"_s;
    }
    void namesTheWrongField() {
        QFETCH(QJsonObject, record);
        QFETCH(QString, field);
        QFETCH(QString, message);
        FieldError where;
        auto r = ServiceItem::fromJson(record, &where);
        QVERIFY(!r.ok());
        QCOMPARE(where.field, field);
        QCOMPARE(where.message, message);
        QCOMPARE(r.error().message, field + u": "_s + message);
    }

    void notAnObject() {
        FieldError where;
        QVERIFY(!ServiceItem::fromJson(QJsonValue(3), &where).ok());
        QVERIFY(!Bundle::fromJson(QJsonArray(), &where).ok());
    }

    void bundle() {
        const QJsonObject b{{u"code"_s, u"YJS-HY-001"_s},
                            {u"name"_s, u"婚姻一件事"_s},
                            {u"theme"_s, u"婚姻"_s},
                            {u"item_codes"_s, QJsonArray{u"a"_s, u"b"_s}},
                            {u"promised_time_limit_days"_s, 3},
                            {u"version"_s, 2}};
        auto r = Bundle::fromJson(b);
        QVERIFY(r.ok());
        QCOMPARE(r->itemCodes, (QStringList{u"a"_s, u"b"_s}));
        QJsonObject bad = b;
        bad.insert(u"item_codes"_s, QJsonArray{u"a"_s, u"a"_s});
        FieldError where;
        QVERIFY(!Bundle::fromJson(bad, &where).ok());
        QCOMPARE(where.field, u"item_codes[1]"_s);
        bad.insert(u"item_codes"_s, QJsonArray{});
        QVERIFY(!Bundle::fromJson(bad, &where).ok());
        QCOMPARE(where.field, u"item_codes"_s);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

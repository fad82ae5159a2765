// Checks the embedded demo hall (db/demo/) against what issue 2 and platform-api.md require: it is
// loaded through the platform importer and used by every demo, so a malformed or thin record here
// would surface as a broken first start or a misleading demo.
#include <windowdesk/core/bundlemerge.h>
#include <windowdesk/core/catalog.h>
#include <windowdesk/core/crypto.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

const QString kDemoDir = QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/");

QJsonObject readObject(const QString &name) {
    QFile f(kDemoDir + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    return err.error == QJsonParseError::NoError ? doc.object() : QJsonObject{};
}

// The passwords the README's quick start gives for the demo users (issue 2 item 6).
struct DemoUser {
    QString username;
    QString password;
    QStringList roles;
};
const QList<DemoUser> &demoUsers() {
    static const QList<DemoUser> users = {
        {u"clerk"_s, u"Clerk@2026"_s, {u"clerk"_s}},
        {u"supervisor"_s, u"Super@2026"_s, {u"supervisor"_s}},
        {u"trainer"_s, u"Train@2026"_s, {u"trainer"_s}},
        // admin: hall settings (issue 18 #2), so the demo hall can be pointed at a platform.
        {u"admin"_s, u"Admin@2026"_s, {u"clerk"_s, u"supervisor"_s, u"trainer"_s, u"admin"_s}},
    };
    return users;
}

bool isNonEmptyString(const QJsonValue &v) {
    return v.isString() && !v.toString().trimmed().isEmpty();
}

} // namespace

class TestDemoData : public QObject {
    Q_OBJECT

private:
    QJsonObject m_itemsPage;
    QJsonArray m_items;
    QJsonArray m_bundles;
    QSet<QString> m_licenseCodes;
    QHash<QString, QJsonObject> m_itemByCode;

    void addItemRows() {
        QTest::addColumn<QJsonObject>("item");
        for (const QJsonValue &v : std::as_const(m_items))
            QTest::addRow("%s", qPrintable(v.toObject().value(u"code"_s).toString())) << v.toObject();
    }

private slots:
    void initTestCase() {
        m_itemsPage = readObject(u"catalog_items.json"_s);
        QVERIFY2(!m_itemsPage.isEmpty(), "catalog_items.json missing or not a JSON object");
        m_items = m_itemsPage.value(u"items"_s).toArray();
        for (const QJsonValue &v : std::as_const(m_items))
            m_itemByCode.insert(v.toObject().value(u"code"_s).toString(), v.toObject());
        m_bundles = readObject(u"catalog_bundles.json"_s).value(u"bundles"_s).toArray();
        for (const QJsonValue &v : readObject(u"license_types.json"_s).value(u"types"_s).toArray())
            m_licenseCodes.insert(v.toObject().value(u"code"_s).toString());
    }

    // The file is one page of GET /catalog/items, so the sync importer can apply it unchanged.
    void itemsFileIsOnePlatformPage() {
        QVERIFY(m_itemsPage.value(u"items"_s).isArray());
        QVERIFY(m_itemsPage.value(u"deleted"_s).isArray());
        QCOMPARE(m_itemsPage.value(u"deleted"_s).toArray().size(), 0);
        QVERIFY(isNonEmptyString(m_itemsPage.value(u"next_cursor"_s)));
        QCOMPARE(m_itemsPage.value(u"has_more"_s), QJsonValue(false));
        const QJsonObject bundles = readObject(u"catalog_bundles.json"_s);
        QVERIFY(bundles.value(u"bundles"_s).isArray());
        QVERIFY(bundles.value(u"deleted"_s).isArray());
        QVERIFY(isNonEmptyString(bundles.value(u"next_cursor"_s)));
        QCOMPARE(bundles.value(u"has_more"_s), QJsonValue(false));
    }

    // 依申请公开 (issue 16): two applications for government information, with the 20 working days of the
    // regulation and the form it requires — the information described and the form of delivery — and no
    // question about the purpose (政府信息公开条例第二十九条 does not ask it).
    void disclosureItemsAskWhatTheRegulationRequires() {
        int found = 0;
        for (const QJsonValue &v : std::as_const(m_items)) {
            const QJsonObject item = v.toObject();
            if (item.value(u"type"_s).toString() != u"info_disclosure"_s)
                continue;
            ++found;
            const QString code = item.value(u"code"_s).toString();
            QCOMPARE(item.value(u"legal_time_limit_days"_s).toInt(), 20);
            QVERIFY2(item.value(u"basis"_s).toString().contains(u"《中华人民共和国政府信息公开条例》第"_s),
                     qPrintable(code));
            QHash<QString, QJsonObject> fields;
            for (const QJsonValue &f : item.value(u"form"_s).toArray()) {
                const QJsonObject o = f.toObject();
                fields.insert(o.value(u"key"_s).toString(), o);
                QVERIFY2(!o.value(u"label"_s).toString().contains(u"用途"_s) &&
                             !o.value(u"key"_s).toString().contains(u"purpose"_s),
                         qPrintable(code));
            }
            QCOMPARE(fields.value(u"info_description"_s).value(u"type"_s).toString(), u"multiline"_s);
            QVERIFY(fields.value(u"info_description"_s).value(u"required"_s).toBool());
            QCOMPARE(fields.value(u"info_delivery_form"_s).value(u"type"_s).toString(), u"select"_s);
            QVERIFY(fields.value(u"info_delivery_form"_s).value(u"required"_s).toBool());
        }
        QCOMPARE(found, 2);
    }

    void catalogIsLargeEnough() {
        QVERIFY2(m_items.size() >= 60, qPrintable(u"only %1 items"_s.arg(m_items.size())));
        QSet<QString> departments;
        for (const QJsonValue &v : std::as_const(m_items))
            departments.insert(v.toObject().value(u"department"_s).toString());
        QVERIFY2(departments.size() >= 8, qPrintable(u"only %1 departments"_s.arg(departments.size())));
    }

    void itemCodesUnique() {
        QSet<QString> seen;
        static const QRegularExpression shape(u"^430104-\\d{12}-[A-Z]{2}-\\d{3}$"_s);
        for (const QJsonValue &v : std::as_const(m_items)) {
            const QString code = v.toObject().value(u"code"_s).toString();
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            QVERIFY2(!seen.contains(code), qPrintable(u"duplicate code "_s + code));
            seen.insert(code);
        }
    }

    // The core parser is what the importer uses: every demo item must pass it.
    void itemParsesStrictly_data() { addItemRows(); }
    void itemParsesStrictly() {
        QFETCH(QJsonObject, item);
        core::FieldError where;
        const auto parsed = core::ServiceItem::fromJson(item, &where);
        QVERIFY2(parsed.ok(), qPrintable(where.text()));
        QCOMPARE(parsed->materials.size(), item.value(u"materials"_s).toArray().size());
        QCOMPARE(parsed->form.size(), item.value(u"form"_s).toArray().size());
    }

    void itemHasEveryStandardElement_data() { addItemRows(); }
    void itemHasEveryStandardElement() {
        QFETCH(QJsonObject, item);
        for (const QString &key : {u"code"_s, u"name"_s, u"type"_s, u"department"_s, u"basis"_s,
                                   u"conditions"_s, u"result"_s, u"fee"_s})
            QVERIFY2(isNonEmptyString(item.value(key)), qPrintable(key + u" empty"_s));
        static const QStringList types = {u"行政许可"_s,       u"行政确认"_s, u"行政给付"_s, u"公共服务"_s,
                                          u"其他行政权力"_s,   u"行政裁决"_s, u"行政奖励"_s, u"行政征收"_s,
                                          u"info_disclosure"_s}; // 依申请公开 (platform-api.md 1.1)
        QVERIFY2(types.contains(item.value(u"type"_s).toString()),
                 qPrintable(item.value(u"type"_s).toString()));
        static const QStringList objects = {u"natural_person"_s, u"legal_person"_s, u"both"_s};
        QVERIFY(objects.contains(item.value(u"service_object"_s).toString()));
        const QJsonArray process = item.value(u"process"_s).toArray();
        QVERIFY(process.size() >= 2);
        for (const QJsonValue &step : process)
            QVERIFY(isNonEmptyString(step));
        for (const QString &key : {u"online"_s, u"cross_province"_s, u"commitment_allowed"_s})
            QVERIFY2(item.value(key).isBool(), qPrintable(key));
        QCOMPARE(item.value(u"version"_s).toInt(), 1);
        const QDateTime updated = QDateTime::fromString(item.value(u"updated_at"_s).toString(), Qt::ISODate);
        QVERIFY(updated.isValid());
        QCOMPARE(updated.timeSpec(), Qt::UTC);
    }

    void itemLimitsAreConsistent_data() { addItemRows(); }
    void itemLimitsAreConsistent() {
        QFETCH(QJsonObject, item);
        const QJsonValue legal = item.value(u"legal_time_limit_days"_s);
        const QJsonValue promised = item.value(u"promised_time_limit_days"_s);
        QVERIFY(legal.isDouble() && promised.isDouble());
        QVERIFY(promised.toInt() >= 0);
        QVERIFY(legal.toInt() >= 1);
        QVERIFY2(legal.toInt() >= promised.toInt(),
                 qPrintable(u"legal %1 < promised %2"_s.arg(legal.toInt()).arg(promised.toInt())));
    }

    // 设定依据 must name a law or regulation (《…》) and an article (第…条).
    void itemBasisCitesLawAndArticle_data() { addItemRows(); }
    void itemBasisCitesLawAndArticle() {
        QFETCH(QJsonObject, item);
        static const QRegularExpression law(u"《[^《》]{2,}(法|条例|办法|规定|法典)》"_s);
        static const QRegularExpression article(u"《[^《》]+》第[零一二三四五六七八九十百千]+条"_s);
        const QString basis = item.value(u"basis"_s).toString();
        QVERIFY2(law.match(basis).hasMatch(), qPrintable(basis));
        QVERIFY2(article.match(basis).hasMatch(), qPrintable(basis));
    }

    void itemMaterials_data() { addItemRows(); }
    void itemMaterials() {
        QFETCH(QJsonObject, item);
        const QJsonArray materials = item.value(u"materials"_s).toArray();
        QVERIFY(materials.size() >= 3);
        QSet<QString> ids;
        int required = 0;
        for (const QJsonValue &v : materials) {
            const QJsonObject m = v.toObject();
            const QString id = m.value(u"id"_s).toString();
            QVERIFY(!id.isEmpty());
            QVERIFY2(!ids.contains(id), qPrintable(u"duplicate material id "_s + id));
            ids.insert(id);
            QVERIFY(isNonEmptyString(m.value(u"name"_s)));
            QVERIFY(m.value(u"required"_s).isBool());
            QVERIFY(m.value(u"copies"_s).toInt() >= 1);
            required += m.value(u"required"_s).toBool() ? 1 : 0;
            if (m.contains(u"license_type"_s))
                QVERIFY2(m_licenseCodes.contains(m.value(u"license_type"_s).toString()),
                         qPrintable(u"unknown license_type "_s + m.value(u"license_type"_s).toString()));
        }
        QVERIFY(required >= 2);
    }

    void itemForm_data() { addItemRows(); }
    void itemForm() {
        QFETCH(QJsonObject, item);
        const QJsonArray form = item.value(u"form"_s).toArray();
        QVERIFY(form.size() >= 3);
        static const QRegularExpression snake(u"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"_s);
        QSet<QString> keys;
        for (const QJsonValue &v : form) {
            const QJsonObject f = v.toObject();
            const QString key = f.value(u"key"_s).toString();
            QVERIFY2(snake.match(key).hasMatch(), qPrintable(key));
            QVERIFY2(!keys.contains(key), qPrintable(u"duplicate key "_s + key));
            keys.insert(key);
            QVERIFY(isNonEmptyString(f.value(u"label"_s)));
            const QString type = f.value(u"type"_s).toString();
            QVERIFY2(core::FormField::types().contains(type), qPrintable(type));
            if (type == u"select") {
                const QJsonArray options = f.value(u"options"_s).toArray();
                QVERIFY2(options.size() >= 2, qPrintable(key));
                QSet<QString> distinct;
                for (const QJsonValue &o : options) {
                    QVERIFY(isNonEmptyString(o));
                    distinct.insert(o.toString());
                }
                QCOMPARE(distinct.size(), options.size());
            } else if (type == u"number") {
                QVERIFY2(f.value(u"min"_s).isDouble() && f.value(u"max"_s).isDouble(), qPrintable(key));
                QVERIFY(f.value(u"min"_s).toDouble() < f.value(u"max"_s).toDouble());
            } else if (type == u"text" || type == u"multiline") {
                QVERIFY2(f.value(u"max_length"_s).toInt() > 0, qPrintable(key));
            }
        }
        // Every item identifies its applicant with the shared keys, so bundles ask once.
        for (const QString &key : {u"applicant_name"_s, u"id_number"_s, u"phone"_s})
            QVERIFY2(keys.contains(key), qPrintable(key));
        if (item.value(u"service_object"_s).toString() == u"legal_person")
            QVERIFY(keys.contains(u"uscc"_s));
    }

    // A shared key means the same question everywhere; a type clash would break the merged form.
    void sharedFieldKeysHaveOneType() {
        QHash<QString, QString> typeOf;
        QSet<QString> used;
        for (const QJsonValue &iv : std::as_const(m_items)) {
            for (const QJsonValue &fv : iv.toObject().value(u"form"_s).toArray()) {
                const QJsonObject f = fv.toObject();
                const QString key = f.value(u"key"_s).toString();
                const QString type = f.value(u"type"_s).toString();
                used.insert(type);
                if (typeOf.contains(key))
                    QVERIFY2(typeOf.value(key) == type,
                             qPrintable(key + u": "_s + typeOf.value(key) + u" vs "_s + type));
                else
                    typeOf.insert(key, type);
            }
        }
        for (const QString &t : core::FormField::types())
            QVERIFY2(used.contains(t), qPrintable(u"field type never used: "_s + t));
    }

    // The demo should show the interesting cases: 即办件, 跨省通办, 告知承诺, e-license replaceable
    // materials.
    void catalogShowsEveryFlag() {
        int instant = 0, cross = 0, commitment = 0, materialCommitment = 0, withLicense = 0;
        for (const QJsonValue &v : std::as_const(m_items)) {
            const QJsonObject it = v.toObject();
            instant += it.value(u"promised_time_limit_days"_s).toInt() == 0 ? 1 : 0;
            cross += it.value(u"cross_province"_s).toBool() ? 1 : 0;
            commitment += it.value(u"commitment_allowed"_s).toBool() ? 1 : 0;
            for (const QJsonValue &m : it.value(u"materials"_s).toArray()) {
                materialCommitment += m.toObject().value(u"commitment_allowed"_s).toBool() ? 1 : 0;
                withLicense += m.toObject().contains(u"license_type"_s) ? 1 : 0;
            }
        }
        QVERIFY(instant >= 5);
        QVERIFY(cross >= 5);
        QVERIFY(commitment >= 5);
        QVERIFY(materialCommitment >= 10);
        QVERIFY(withLicense >= m_items.size());
    }

    void licenseTypes() {
        const QJsonArray types = readObject(u"license_types.json"_s).value(u"types"_s).toArray();
        QVERIFY(types.size() >= 10);
        QHash<QString, QString> codeOf;
        static const QRegularExpression shape(u"^[0-9A-Z]{18}\\d{3}$"_s);
        for (const QJsonValue &v : types) {
            const QString code = v.toObject().value(u"code"_s).toString();
            const QString name = v.toObject().value(u"name"_s).toString();
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!codeOf.contains(name), qPrintable(name));
            codeOf.insert(name, code);
        }
        QCOMPARE(m_licenseCodes.size(), types.size());
        // Test vectors elsewhere (e-license QR) use these two codes.
        QCOMPARE(codeOf.value(u"居民身份证"_s), u"11100000000013127D001"_s);
        QCOMPARE(codeOf.value(u"营业执照"_s), u"11100000000013338W001"_s);
    }

    void bundlesCoverTheTenThemes() {
        static const QStringList themes = {u"办证"_s,     u"就业"_s,     u"婚姻"_s,     u"身后"_s,
                                           u"企业用工"_s, u"员工保障"_s, u"政策兑现"_s, u"融资服务"_s,
                                           u"招投标"_s,   u"用地审批"_s};
        QCOMPARE(m_bundles.size(), 10);
        QSet<QString> seenThemes, seenCodes;
        for (const QJsonValue &v : std::as_const(m_bundles)) {
            const QJsonObject b = v.toObject();
            core::FieldError where;
            const auto parsed = core::Bundle::fromJson(b, &where);
            QVERIFY2(parsed.ok(), qPrintable(where.text()));
            QVERIFY2(themes.contains(parsed->theme), qPrintable(parsed->theme));
            QVERIFY(parsed->name.endsWith(u"一件事"_s) || parsed->name.contains(u"一件事（"_s));
            QVERIFY(!seenCodes.contains(parsed->code));
            seenCodes.insert(parsed->code);
            seenThemes.insert(parsed->theme);
            QCOMPARE(parsed->version, 1);
        }
        QCOMPARE(seenThemes.size(), 10);
    }

    void bundleItemsExistAndMerge_data() {
        QTest::addColumn<QJsonObject>("bundle");
        for (const QJsonValue &v : std::as_const(m_bundles))
            QTest::addRow("%s", qPrintable(v.toObject().value(u"code"_s).toString())) << v.toObject();
    }
    void bundleItemsExistAndMerge() {
        QFETCH(QJsonObject, bundle);
        const auto b = core::Bundle::fromJson(bundle);
        QVERIFY(b.ok());
        QVERIFY(b->itemCodes.size() >= 2 && b->itemCodes.size() <= 5);
        QList<core::ServiceItem> items;
        int fieldSum = 0, materialSum = 0;
        for (const QString &code : b->itemCodes) {
            QVERIFY2(m_itemByCode.contains(code), qPrintable(u"unknown item "_s + code));
            const auto it = core::ServiceItem::fromJson(m_itemByCode.value(code));
            QVERIFY(it.ok());
            fieldSum += int(it->form.size());
            materialSum += int(it->materials.size());
            items.append(it.value());
        }
        QCOMPARE(QSet<QString>(b->itemCodes.cbegin(), b->itemCodes.cend()).size(), b->itemCodes.size());
        const core::MergedBundle merged = core::mergeBundle(b.value(), items);
        QVERIFY(merged.missingItems.isEmpty());
        // Shared fields and materials are asked once: the merged lists are visibly shorter.
        QVERIFY2(merged.fields.size() < fieldSum,
                 qPrintable(u"%1 of %2"_s.arg(merged.fields.size()).arg(fieldSum)));
        QVERIFY2(merged.materials.size() < materialSum,
                 qPrintable(u"%1 of %2"_s.arg(merged.materials.size()).arg(materialSum)));
        QVERIFY(b->promisedTimeLimitDays <= merged.legalTimeLimitDays);
    }

    void usersFile() {
        const QJsonObject root = readObject(u"users.json"_s);
        const QJsonObject hall = root.value(u"hall"_s).toObject();
        QCOMPARE(hall.value(u"hall_id"_s).toString(), u"430104-ZWFW"_s);
        QCOMPARE(hall.value(u"hall_name"_s).toString(), u"长沙市岳麓区政务服务中心"_s);
        QCOMPARE(hall.value(u"window_no"_s).toString(), u"A07"_s);
        const QJsonArray users = root.value(u"users"_s).toArray();
        QCOMPARE(users.size(), demoUsers().size());
        QHash<QString, QJsonObject> byName;
        QSet<QString> ids;
        for (const QJsonValue &v : users) {
            const QJsonObject u = v.toObject();
            byName.insert(u.value(u"username"_s).toString(), u);
            QVERIFY(isNonEmptyString(u.value(u"id"_s)));
            QVERIFY(!ids.contains(u.value(u"id"_s).toString()));
            ids.insert(u.value(u"id"_s).toString());
            QVERIFY(isNonEmptyString(u.value(u"name"_s)));
        }
        static const QRegularExpression format(
            u"^pbkdf2-sha256\\$120000\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)$"_s);
        for (const DemoUser &du : demoUsers()) {
            QVERIFY2(byName.contains(du.username), qPrintable(du.username));
            const QJsonObject u = byName.value(du.username);
            QStringList roles;
            for (const QJsonValue &r : u.value(u"roles"_s).toArray())
                roles.append(r.toString());
            QCOMPARE(roles, du.roles);
            const QString verifier = u.value(u"password_verifier"_s).toString();
            const auto m = format.match(verifier);
            QVERIFY2(m.hasMatch(), qPrintable(du.username));
            QCOMPARE(QByteArray::fromBase64(m.captured(1).toLatin1()).size(), 16);
            QCOMPARE(QByteArray::fromBase64(m.captured(2).toLatin1()).size(), 32);
            QVERIFY2(crypto::checkPasswordVerifier(du.password, verifier.toLatin1()),
                     qPrintable(du.username));
            QVERIFY(!crypto::checkPasswordVerifier(du.password + u"x"_s, verifier.toLatin1()));
        }
    }

    // The quick start tells newcomers these passwords: each must open its demo account.
    void readmePasswordsVerify() {
        QFile readme(QStringLiteral(WINDOWDESK_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        static const QRegularExpression row(u"^\\|\\s*`([a-z]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|"_s,
                                            QRegularExpression::MultilineOption);
        QHash<QString, QString> passwordOf;
        auto it = row.globalMatch(QString::fromUtf8(readme.readAll()));
        while (it.hasNext()) {
            const auto m = it.next();
            passwordOf.insert(m.captured(1), m.captured(2));
        }
        const QJsonArray users = readObject(u"users.json"_s).value(u"users"_s).toArray();
        QVERIFY(!users.isEmpty());
        for (const QJsonValue &v : users) {
            const QString username = v.toObject().value(u"username"_s).toString();
            QVERIFY2(passwordOf.contains(username), qPrintable(u"README has no password for "_s + username));
            QVERIFY2(crypto::checkPasswordVerifier(
                         passwordOf.value(username),
                         v.toObject().value(u"password_verifier"_s).toString().toLatin1()),
                     qPrintable(username));
        }
    }

    // The rule for demo data: verifiers only, never a password, anywhere under db/demo/.
    void noPasswordUnderDemoDir() {
        const QDir dir(kDemoDir);
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            for (const DemoUser &du : demoUsers())
                QVERIFY2(!content.contains(du.password.toUtf8()), qPrintable(name));
        }
    }

    void queueFile() {
        const QJsonObject root = readObject(u"queue.json"_s);
        QCOMPARE(root.value(u"hall_id"_s).toString(), u"430104-ZWFW"_s);
        QHash<QString, QString> prefixOf;
        QSet<QString> servedDepartments;
        for (const QJsonValue &v : root.value(u"categories"_s).toArray()) {
            const QJsonObject c = v.toObject();
            QVERIFY(isNonEmptyString(c.value(u"name"_s)));
            QVERIFY(isNonEmptyString(c.value(u"prefix"_s)));
            QVERIFY(c.value(u"weight"_s).toDouble() > 0);
            QVERIFY(!prefixOf.values().contains(c.value(u"prefix"_s).toString()));
            prefixOf.insert(c.value(u"name"_s).toString(), c.value(u"prefix"_s).toString());
            for (const QJsonValue &d : c.value(u"departments"_s).toArray())
                servedDepartments.insert(d.toString());
        }
        QVERIFY(prefixOf.size() >= 5);
        // Every item's department is served by some ticket category.
        for (const QJsonValue &v : std::as_const(m_items))
            QVERIFY2(servedDepartments.contains(v.toObject().value(u"department"_s).toString()),
                     qPrintable(v.toObject().value(u"department"_s).toString()));
        bool hasA07 = false;
        for (const QJsonValue &v : root.value(u"windows"_s).toArray()) {
            const QJsonObject w = v.toObject();
            hasA07 = hasA07 || w.value(u"window_no"_s).toString() == u"A07";
            QVERIFY(!w.value(u"categories"_s).toArray().isEmpty());
            for (const QJsonValue &c : w.value(u"categories"_s).toArray())
                QVERIFY2(prefixOf.contains(c.toString()), qPrintable(c.toString()));
        }
        QVERIFY(hasA07);
        const QJsonArray tickets = root.value(u"demo_tickets"_s).toArray();
        QVERIFY(tickets.size() >= 24);
        QSet<QString> numbers;
        for (const QJsonValue &v : tickets) {
            const QJsonObject t = v.toObject();
            const QString no = t.value(u"ticket_no"_s).toString();
            const QString category = t.value(u"category"_s).toString();
            QVERIFY2(prefixOf.contains(category), qPrintable(category));
            QVERIFY2(no.startsWith(prefixOf.value(category)), qPrintable(no));
            QVERIFY(!numbers.contains(no));
            numbers.insert(no);
            QVERIFY(t.value(u"issued_offset_minutes"_s).toInt(-1) >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"

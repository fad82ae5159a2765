#include "catalog.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace windowdesk::sim {

namespace {

struct Dept {
    QString name;
    QString objectKind; // natural_person / legal_person / both
    QStringList subjects;
    QString basisLaw;
    QString result;
};

const QList<Dept> &departments() {
    static const QList<Dept> d = {
        {u"市市场监督管理局"_s,
         u"legal_person"_s,
         {u"食品经营许可"_s, u"企业设立登记"_s, u"个体工商户登记"_s, u"药品零售企业许可"_s,
          u"特种设备使用登记"_s, u"计量器具型式批准"_s, u"广告发布登记"_s},
         u"《中华人民共和国食品安全法》"_s,
         u"许可证"_s},
        {u"市人力资源和社会保障局"_s,
         u"natural_person"_s,
         {u"失业保险金申领"_s, u"就业创业证申领"_s, u"职业技能等级认定"_s, u"养老保险关系转移"_s,
          u"工伤认定"_s, u"退休申请"_s},
         u"《中华人民共和国社会保险法》"_s,
         u"办理结果通知书"_s},
        {u"市公安局"_s,
         u"natural_person"_s,
         {u"居民身份证换领"_s, u"户口迁移"_s, u"居住证签注"_s, u"出入境证件办理"_s, u"机动车驾驶证补证"_s},
         u"《中华人民共和国居民身份证法》"_s,
         u"证件"_s},
        {u"市住房和城乡建设局"_s,
         u"legal_person"_s,
         {u"建筑工程施工许可"_s, u"商品房预售许可"_s, u"建筑业企业资质认定"_s, u"房屋交易合同网签备案"_s},
         u"《中华人民共和国建筑法》"_s,
         u"许可证"_s},
        {u"市卫生健康委员会"_s,
         u"both"_s,
         {u"医疗机构执业登记"_s, u"医师执业注册"_s, u"出生医学证明办理"_s, u"公共场所卫生许可"_s},
         u"《医疗机构管理条例》"_s,
         u"执业许可证"_s},
        {u"市民政局"_s,
         u"natural_person"_s,
         {u"结婚登记"_s, u"离婚登记"_s, u"最低生活保障申请"_s, u"社会团体成立登记"_s, u"高龄津贴申领"_s},
         u"《婚姻登记条例》"_s,
         u"登记证明"_s},
        {u"市交通运输局"_s,
         u"legal_person"_s,
         {u"道路货物运输经营许可"_s, u"出租汽车经营许可"_s, u"道路运输证配发"_s, u"机动车维修经营备案"_s},
         u"《中华人民共和国道路运输条例》"_s,
         u"经营许可证"_s},
        {u"市自然资源和规划局"_s,
         u"both"_s,
         {u"不动产首次登记"_s, u"不动产转移登记"_s, u"不动产抵押登记"_s, u"建设工程规划许可"_s},
         u"《不动产登记暂行条例》"_s,
         u"不动产权证书"_s},
        {u"市医疗保障局"_s,
         u"natural_person"_s,
         {u"异地就医备案"_s, u"医保关系转移接续"_s, u"门诊慢特病待遇认定"_s, u"生育津贴申领"_s},
         u"《中华人民共和国社会保险法》"_s,
         u"办理结果通知书"_s},
        {u"市税务局"_s,
         u"legal_person"_s,
         {u"税务登记"_s, u"发票领用"_s, u"增值税一般纳税人登记"_s, u"跨区域涉税事项报告"_s},
         u"《中华人民共和国税收征收管理法》"_s,
         u"办理结果通知书"_s},
    };
    return d;
}

const QStringList kVariants = {u"新办"_s, u"变更"_s, u"延续"_s, u"注销"_s, u"补办"_s};
const QStringList kTypes = {u"行政许可"_s, u"行政确认"_s, u"公共服务"_s, u"行政给付"_s, u"其他行政权力"_s};
const QStringList kTypeCodes = {u"XK"_s, u"QR"_s, u"GG"_s, u"JF"_s, u"QT"_s};

QJsonObject field(const QString &key, const QString &label, const QString &type, bool required) {
    return QJsonObject{{u"key"_s, key}, {u"label"_s, label}, {u"type"_s, type}, {u"required"_s, required}};
}

QJsonObject material(const QString &id, const QString &name, bool required, bool commitment,
                     const QString &licenseType = {}) {
    QJsonObject m{{u"id"_s, id},
                  {u"name"_s, name},
                  {u"required"_s, required},
                  {u"copies"_s, 1},
                  {u"commitment_allowed"_s, commitment},
                  {u"notes"_s, u""_s}};
    if (!licenseType.isEmpty())
        m.insert(u"license_type"_s, licenseType);
    return m;
}

QJsonObject exampleItem() {
    QJsonObject area = field(u"area_m2"_s, u"经营场所面积（平方米）"_s, u"number"_s, true);
    area.insert(u"min"_s, 1);
    area.insert(u"max"_s, 100000);
    QJsonObject shop = field(u"shop_name"_s, u"经营者名称"_s, u"text"_s, true);
    shop.insert(u"max_length"_s, 100);
    QJsonObject cat = field(u"category"_s, u"主体业态"_s, u"select"_s, true);
    cat.insert(u"options"_s, QJsonArray{u"食品销售经营者"_s, u"餐饮服务经营者"_s, u"单位食堂"_s});
    return QJsonObject{
        {u"code"_s, u"430100-000201001000-XK-001"_s},
        {u"name"_s, u"食品经营许可（新办）"_s},
        {u"type"_s, u"行政许可"_s},
        {u"department"_s, u"市市场监督管理局"_s},
        {u"basis"_s, u"《中华人民共和国食品安全法》第三十五条"_s},
        {u"conditions"_s, u"具有与经营的食品品种、数量相适应的经营场所和食品安全管理制度。"_s},
        {u"service_object"_s, u"legal_person"_s},
        {u"process"_s, QJsonArray{u"申请"_s, u"受理"_s, u"审查"_s, u"决定"_s, u"送达"_s}},
        {u"legal_time_limit_days"_s, 20},
        {u"promised_time_limit_days"_s, 5},
        {u"result"_s, u"食品经营许可证"_s},
        {u"fee"_s, u"不收费"_s},
        {u"online"_s, true},
        {u"cross_province"_s, false},
        {u"commitment_allowed"_s, true},
        {u"materials"_s,
         QJsonArray{material(u"m1"_s, u"营业执照"_s, true, false, QString::fromLatin1(kBusinessLicenseType)),
                    material(u"m2"_s, u"食品安全管理制度文本"_s, true, true)}},
        {u"form"_s, QJsonArray{shop, field(u"uscc"_s, u"统一社会信用代码"_s, u"uscc"_s, true), area, cat}},
    };
}

QJsonObject generatedItem(int i) {
    const auto &depts = departments();
    const Dept &d = depts.at(i % depts.size());
    const int k = i / depts.size();
    const QString subject = d.subjects.at(k % d.subjects.size());
    const QString variant = kVariants.at((k / d.subjects.size()) % kVariants.size());
    const int round = k / int(d.subjects.size() * kVariants.size());
    const int t = (i / 3) % kTypes.size();
    QString name = subject + u"（"_s + variant + u"）"_s;
    if (round > 0)
        name += u"（"_s + QString::number(round + 1) + u"类）"_s;
    const QString objectKind =
        d.objectKind == u"both"_s ? (i % 2 ? u"natural_person"_s : u"legal_person"_s) : d.objectKind;
    const bool legal = objectKind == u"legal_person"_s;
    const int promised = 1 + (i * 7) % 10;
    const int legalDays = promised + 5 + (i * 3) % 16;

    QJsonArray materials;
    QJsonArray form;
    if (legal) {
        materials.append(
            material(u"m1"_s, u"营业执照"_s, true, false, QString::fromLatin1(kBusinessLicenseType)));
        materials.append(
            material(u"m2"_s, u"法定代表人身份证明"_s, true, false, QString::fromLatin1(kResidentIdType)));
        form.append(field(u"entity_name"_s, u"单位名称"_s, u"text"_s, true));
        form.append(field(u"uscc"_s, u"统一社会信用代码"_s, u"uscc"_s, true));
    } else {
        materials.append(
            material(u"m1"_s, u"申请人身份证件"_s, true, false, QString::fromLatin1(kResidentIdType)));
        form.append(field(u"applicant_name"_s, u"申请人姓名"_s, u"text"_s, true));
        form.append(field(u"id_number"_s, u"公民身份号码"_s, u"id_number"_s, true));
    }
    materials.append(material(u"m3"_s, subject + u"申请表"_s, true, true));
    if (i % 3 == 0)
        materials.append(material(u"m4"_s, u"相关证明材料"_s, false, true));
    form.append(field(u"phone"_s, u"联系电话"_s, u"phone"_s, true));
    QJsonObject reason = field(u"reason"_s, u"申请事由"_s, u"multiline"_s, false);
    reason.insert(u"max_length"_s, 500);
    form.append(reason);
    if (i % 4 == 1) {
        QJsonObject sel = field(u"delivery"_s, u"结果领取方式"_s, u"select"_s, false);
        sel.insert(u"options"_s, QJsonArray{u"窗口领取"_s, u"邮寄送达"_s});
        form.append(sel);
    }

    // 430100-<12-digit matter code>-<type>-<serial>: unique per index.
    const QString code = u"430100-%1-%2-%3"_s.arg(100000000000LL + qint64(i) * 1000 + t, 12, 10, QChar(u'0'))
                             .arg(kTypeCodes.at(t))
                             .arg((i % 999) + 1, 3, 10, QChar(u'0'));
    return QJsonObject{
        {u"code"_s, code},
        {u"name"_s, name},
        {u"type"_s, kTypes.at(t)},
        {u"department"_s, d.name},
        {u"basis"_s, d.basisLaw + u"第"_s + QString::number(10 + i % 60) + u"条"_s},
        {u"conditions"_s, u"申请人符合法定条件，材料齐全、符合法定形式。"_s},
        {u"service_object"_s, objectKind},
        {u"process"_s, QJsonArray{u"申请"_s, u"受理"_s, u"审查"_s, u"决定"_s, u"办结"_s}},
        {u"legal_time_limit_days"_s, legalDays},
        {u"promised_time_limit_days"_s, promised},
        {u"result"_s, subject + d.result},
        {u"fee"_s, i % 5 == 0 ? u"按规定标准收费"_s : u"不收费"_s},
        {u"online"_s, i % 3 != 2},
        {u"cross_province"_s, i % 7 == 0},
        {u"commitment_allowed"_s, i % 2 == 0},
        {u"materials"_s, materials},
        {u"form"_s, form},
        // Not in the contract: clients must ignore unknown fields (forward compatibility).
        {u"keywords"_s, QJsonArray{subject, d.name}},
    };
}

} // namespace

QList<QJsonObject> generateItems(int n) {
    QList<QJsonObject> items;
    items.reserve(n);
    for (int i = 0; i < n; ++i)
        items.append(i == 0 ? exampleItem() : generatedItem(i));
    return items;
}

QList<QJsonObject> generateBundles(const QList<QJsonObject> &items) {
    static const QList<std::pair<QString, QString>> themes = {
        {u"婚姻"_s, u"HY"_s}, {u"出生"_s, u"CS"_s},        {u"企业开办"_s, u"QY"_s}, {u"退休"_s, u"TX"_s},
        {u"就业"_s, u"JY"_s}, {u"不动产登记"_s, u"BDC"_s}, {u"开餐馆"_s, u"CG"_s},   {u"公民身后"_s, u"SH"_s},
    };
    QList<QJsonObject> bundles;
    const int count = items.size() < 4 ? 0 : qMax(1, int(items.size() / 40));
    for (int b = 0; b < count; ++b) {
        const auto &theme = themes.at(b % themes.size());
        const int serial = b / int(themes.size()) + 1;
        QJsonArray codes;
        const int size = 2 + b % 3;
        for (int j = 0; j < size; ++j)
            codes.append(items.at((b * 7 + j * 13 + 1) % items.size()).value(u"code"_s));
        // Duplicates are possible with tiny catalogs; a bundle lists each item once.
        QJsonArray unique;
        for (const auto &c : codes)
            if (!unique.contains(c))
                unique.append(c);
        bundles.append(QJsonObject{
            // "G" keeps generated codes apart from the demo hall's bundles (YJS-HY-001, ...).
            {u"code"_s, u"YJS-G%1-%2"_s.arg(theme.second).arg(serial, 3, 10, QChar(u'0'))},
            {u"name"_s, theme.first + u"一件事"_s + (serial > 1 ? u"（%1）"_s.arg(serial) : QString())},
            {u"theme"_s, theme.first},
            {u"item_codes"_s, unique},
            {u"promised_time_limit_days"_s, 3 + b % 3},
        });
    }
    return bundles;
}

} // namespace windowdesk::sim

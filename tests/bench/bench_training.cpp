// Training benchmark (issue 15): generating the question bank from a 10,000-item catalog (first run, then an
// unchanged second run), and drawing a 100-question paper from a 10,000-question bank (read the bank, draw,
// store the paper and count the uses, in one transaction; median and worst of 30 draws).
// Run: cmake --build build --target bench_training && build/tests/bench/bench_training
// Targets on the 2-core reference machine: generation ≤ 10 s, one draw ≤ 50 ms.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/training/questionbank.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;
using namespace windowdesk::training;

namespace {

const QStringList kStems{
    u"食品经营许可"_s,     u"药品经营许可"_s,   u"营业执照"_s,       u"税务登记"_s,
    u"社会保险登记"_s,     u"失业保险金申领"_s, u"就业创业证申领"_s, u"护士执业注册"_s,
    u"建筑工程施工许可"_s, u"不动产登记"_s,     u"临时用地审批"_s,   u"特种设备使用登记"_s,
    u"道路运输经营许可"_s, u"户口迁移"_s,       u"婚姻登记"_s,       u"残疾人证办理"_s,
    u"高龄津贴申领"_s,     u"教师资格认定"_s,   u"文化经营许可"_s,   u"粮食收购备案"_s};
const QStringList kSubjects{u""_s,         u"个体工商户"_s, u"有限责任公司"_s, u"农民专业合作社"_s,
                            u"分支机构"_s, u"个人"_s,       u"社会组织"_s,     u"事业单位"_s,
                            u"小微企业"_s, u"跨省"_s,       u"园区企业"_s,     u"老年人"_s,
                            u"退役军人"_s, u"民营企业"_s,   u"国有企业"_s,     u"外商投资企业"_s,
                            u"连锁企业"_s, u"新设主体"_s,   u"乡镇"_s,         u"自贸区"_s};
const QStringList kVariants{u"（新办）"_s, u"（变更）"_s, u"（延续）"_s, u"（注销）"_s, u"（补办）"_s,
                            u"（换发）"_s, u"（备案）"_s, u"（迁移）"_s, u"（撤回）"_s, u"（查询）"_s,
                            u"（首次）"_s, u"（年检）"_s, u"（核查）"_s, u"（确认）"_s, u"（申报）"_s,
                            u"（认定）"_s, u"（核准）"_s, u"（审批）"_s, u"（登记）"_s, u"（受理）"_s,
                            u"（续期）"_s, u"（增项）"_s, u"（减项）"_s, u"（转移）"_s, u"（更正）"_s};
const QStringList kDepartments{u"区市场监督管理局"_s, u"区税务局"_s,           u"区人力资源和社会保障局"_s,
                               u"区卫生健康局"_s,     u"区住房和城乡建设局"_s, u"区自然资源局"_s,
                               u"区公安分局"_s,       u"区民政局"_s,           u"区教育局"_s,
                               u"区退役军人事务局"_s, u"区文化旅游体育局"_s,   u"区交通运输局"_s};
const QStringList kTypes{u"行政许可"_s, u"行政确认"_s, u"公共服务"_s, u"行政给付"_s, u"其他行政权力"_s};
const QStringList kMaterials{u"居民身份证"_s, u"申请书"_s,       u"营业执照"_s,     u"户口簿"_s,
                             u"结婚证"_s,     u"不动产权证书"_s, u"劳动合同"_s,     u"社会保障卡"_s,
                             u"授权委托书"_s, u"经营场所证明"_s, u"健康证明"_s,     u"学历证书"_s,
                             u"退役证明"_s,   u"出生医学证明"_s, u"规划许可证"_s,   u"施工图审查合格书"_s,
                             u"车辆行驶证"_s, u"从业资格证"_s,   u"残疾评定材料"_s, u"收入证明"_s,
                             u"卫生许可证"_s, u"设备检验报告"_s, u"租赁合同"_s,     u"承诺书"_s};
const QList<int> kPromised{0, 1, 3, 5, 7, 10, 15, 20};

QJsonObject makeItem(int n, const QString &name) {
    const int d = n % int(kDepartments.size());
    const QString code = u"430104-"_s + QString::number(d + 1).rightJustified(4, u'0') +
                         QString::number(n).rightJustified(8, u'0') + u"000-XK-"_s +
                         QString::number(n % 1000).rightJustified(3, u'0');
    QJsonArray mats;
    const int m = 2 + n % 4;
    for (int i = 0; i < m; ++i)
        mats.append(QJsonObject{{u"id"_s, u"m%1"_s.arg(i + 1)},
                                {u"name"_s, kMaterials.at((n * 7 + i * 5 + d) % kMaterials.size())},
                                {u"required"_s, i < m - 1 || n % 3 != 0}});
    const int promised = kPromised.at(n % kPromised.size());
    return QJsonObject{{u"code"_s, code},
                       {u"name"_s, name},
                       {u"type"_s, kTypes.at(n % kTypes.size())},
                       {u"department"_s, kDepartments.at(d)},
                       {u"basis"_s, u"《中华人民共和国行政许可法》第十二条"_s},
                       {u"service_object"_s, u"both"_s},
                       {u"process"_s, QJsonArray{u"申请"_s, u"受理"_s, u"决定"_s}},
                       {u"legal_time_limit_days"_s, promised + 5 + n % 15},
                       {u"promised_time_limit_days"_s, promised},
                       {u"online"_s, true},
                       {u"cross_province"_s, false},
                       {u"commitment_allowed"_s, n % 5 == 0},
                       {u"materials"_s, mats},
                       {u"form"_s, QJsonArray{}},
                       {u"version"_s, 1}};
}

bool importCatalog(Database &db, int count, QTextStream &out) {
    QList<QJsonObject> items;
    int n = 0;
    for (const QString &variant : kVariants)
        for (const QString &subject : kSubjects)
            for (const QString &stem : kStems)
                if (n < count)
                    items.append(makeItem(n++, subject + stem + variant));
    CatalogImporter importer(db, SystemClock::instance());
    ImportOptions opt;
    opt.stream = u"catalog_items"_s;
    for (qsizetype i = 0; i < items.size(); i += 500) {
        QJsonArray a;
        for (qsizetype j = i; j < std::min(items.size(), i + 500); ++j)
            a.append(items.at(j));
        const auto r =
            importer.applyItemsPage(QJsonDocument(QJsonObject{{u"items"_s, a},
                                                              {u"deleted"_s, QJsonArray()},
                                                              {u"next_cursor"_s, u"c%1"_s.arg(i)},
                                                              {u"has_more"_s, i + 500 < items.size()}})
                                        .toJson(QJsonDocument::Compact),
                                    opt);
        if (!r || !r->rejected.isEmpty()) {
            out << "import failed: " << (r ? r->rejected.first().message : r.error().message) << Qt::endl;
            return false;
        }
    }
    // 200 bundles of 5 items each.
    QJsonArray bundles;
    for (int b = 0; b < 200; ++b) {
        QJsonArray codes;
        for (int k = 0; k < 5; ++k)
            codes.append(items.at((b * 37 + k * 11) % items.size()).value(u"code"_s));
        bundles.append(QJsonObject{{u"code"_s, u"YJS-%1"_s.arg(b, 4, 10, u'0')},
                                   {u"name"_s, u"主题%1一件事"_s.arg(b)},
                                   {u"theme"_s, u"办事"_s},
                                   {u"item_codes"_s, codes},
                                   {u"promised_time_limit_days"_s, 5},
                                   {u"version"_s, 1}});
    }
    opt.stream = u"catalog_bundles"_s;
    const auto r = importer.applyBundlesPage(QJsonDocument(QJsonObject{{u"bundles"_s, bundles},
                                                                       {u"deleted"_s, QJsonArray()},
                                                                       {u"next_cursor"_s, u"b"_s},
                                                                       {u"has_more"_s, false}})
                                                 .toJson(QJsonDocument::Compact),
                                             opt);
    if (!r || !r->rejected.isEmpty()) {
        out << "bundle import failed: " << (r ? r->rejected.first().message : r.error().message) << Qt::endl;
        return false;
    }
    return true;
}

// A bank of `count` trainer questions over the six categories and three kinds, in one transaction.
bool fillBank(Database &db, QuestionBank &bank, int count) {
    const QStringList cats = generatedCategories();
    const Status st = db.write([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            Question q;
            q.category = cats.at(i % cats.size());
            q.kind = QuestionKind(i % 3);
            q.stem = u"题目 %1"_s.arg(i);
            if (q.kind == QuestionKind::TrueFalse) {
                q.options = trueFalseOptions();
                q.correct = {i % 2};
            } else {
                q.options = {u"甲%1"_s.arg(i), u"乙%1"_s.arg(i), u"丙%1"_s.arg(i), u"丁%1"_s.arg(i)};
                q.correct = q.kind == QuestionKind::Single ? QList<int>{i % 4} : QList<int>{0, 2};
            }
            if (auto r = bank.addTrainerQuestion(q, u"bench"_s); !r)
                return r.error();
        }
        return {};
    });
    return st.ok();
}

double cpuMs(std::clock_t since) {
    return double(std::clock() - since) * 1000.0 / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const auto &clock = SystemClock::instance();

    // 1. Generation from a 10,000-item catalog.
    auto opened = Database::open(dir.filePath(u"catalog.db"_s));
    if (!opened) {
        out << "cannot open database: " << opened.error().message << Qt::endl;
        return 1;
    }
    Database &db = *opened.value();
    if (!importCatalog(db, 10000, out))
        return 1;
    QuestionBank bank(db, clock);
    QElapsedTimer t;
    t.start();
    std::clock_t cpu0 = std::clock();
    const auto first = bank.generateFromCatalog();
    const double firstMs = double(t.nsecsElapsed()) / 1e6;
    const double firstCpu = cpuMs(cpu0);
    if (!first) {
        out << "generate failed: " << first.error().message << Qt::endl;
        return 1;
    }
    t.restart();
    cpu0 = std::clock();
    const auto second = bank.generateFromCatalog();
    const double secondMs = double(t.nsecsElapsed()) / 1e6;
    const double secondCpu = cpuMs(cpu0);
    out << "generate, 10,000 items, 200 bundles: " << first->questions << " questions (" << first->single
        << " single, " << first->multiple << " multiple, " << first->trueFalse << " true/false)" << Qt::endl;
    out << "  first run:  " << QString::number(firstMs, 'f', 0) << " ms wall, "
        << QString::number(firstCpu, 'f', 0) << " ms CPU" << Qt::endl;
    out << "  second run (unchanged, new " << (second ? second->added : -1)
        << "): " << QString::number(secondMs, 'f', 0) << " ms wall, " << QString::number(secondCpu, 'f', 0)
        << " ms CPU" << Qt::endl;

    // 2. Drawing a 100-question paper from a 10,000-question bank.
    auto opened2 = Database::open(dir.filePath(u"bank.db"_s));
    if (!opened2)
        return 1;
    Database &db2 = *opened2.value();
    QuestionBank bank2(db2, clock);
    if (!fillBank(db2, bank2, 10000)) {
        out << "cannot fill the bank" << Qt::endl;
        return 1;
    }
    const auto blueprint = Blueprint::fromJson(R"({"name": "bench", "pass_score": 90, "multiple_policy":
        "proportional", "time_limit_s": 3600, "sections": [
        {"category": "materials", "kind": "single", "count": 20, "points": 1},
        {"category": "time_limits", "kind": null, "count": 20, "points": 1},
        {"category": null, "kind": "multiple", "count": 20, "points": 1},
        {"category": null, "kind": "true_false", "count": 20, "points": 1},
        {"category": null, "kind": null, "count": 20, "points": 1}]})");
    if (!blueprint)
        return 1;
    auto drawMany = [&](QuestionBank &b, int n, const QString &label) {
        QList<double> ms;
        for (int i = 0; i < n; ++i) {
            t.restart();
            const auto r = b.drawPaper(blueprint.value(), u"考生%1"_s.arg(i), quint64(i));
            ms.append(double(t.nsecsElapsed()) / 1e6);
            if (!r || !std::holds_alternative<StoredPaper>(r.value())) {
                out << "draw failed" << Qt::endl;
                return;
            }
        }
        std::sort(ms.begin(), ms.end());
        out << label << ": median " << QString::number(ms.at(ms.size() / 2), 'f', 1) << " ms, worst "
            << QString::number(ms.last(), 'f', 1) << " ms (" << n << " draws)" << Qt::endl;
    };
    drawMany(bank2, 30, u"draw 100 of 10,000 questions (read, draw, store, count uses)"_s);
    drawMany(bank, 10, u"draw 100 of the generated %1-question bank"_s.arg(first->questions));
    return 0;
}

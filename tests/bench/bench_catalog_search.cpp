// Catalog benchmark (issue 4): import of a generated 10,000-item catalog with realistic Chinese names,
// then search latency (median, p99) for Chinese, initials and code queries, against a naive LIKE '%q%' scan.
// Run: cmake --build build --target bench_catalog_search && build/tests/bench/bench_catalog_search
// Targets on the 2-core reference machine: import < 3 s, search p99 < 5 ms, >= 10x faster than the scan.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>

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

namespace {

// Real matter stems of county-level catalogs, the departments that handle them, and the usual variants.
const QStringList kStems{
    u"食品经营许可"_s,
    u"食品生产许可"_s,
    u"药品经营许可"_s,
    u"医疗器械经营备案"_s,
    u"营业执照"_s,
    u"税务登记"_s,
    u"发票领用"_s,
    u"增值税一般纳税人登记"_s,
    u"社会保险登记"_s,
    u"失业保险金申领"_s,
    u"就业创业证申领"_s,
    u"职业技能培训补贴"_s,
    u"医疗机构执业许可"_s,
    u"公共场所卫生许可"_s,
    u"母婴保健技术服务许可"_s,
    u"护士执业注册"_s,
    u"建设工程规划许可"_s,
    u"建筑工程施工许可"_s,
    u"商品房预售许可"_s,
    u"城镇污水排入排水管网许可"_s,
    u"不动产登记"_s,
    u"国有土地使用权出让"_s,
    u"临时用地审批"_s,
    u"消防设计审查"_s,
    u"特种设备使用登记"_s,
    u"道路运输经营许可"_s,
    u"出租汽车驾驶员证"_s,
    u"户口迁移"_s,
    u"居民身份证换领"_s,
    u"出入境证件办理"_s,
    u"婚姻登记"_s,
    u"最低生活保障审核"_s,
    u"残疾人证办理"_s,
    u"高龄津贴申领"_s,
    u"教师资格认定"_s,
    u"民办学校设立"_s,
    u"退役军人优待证"_s,
    u"文化经营许可"_s,
    u"烟草专卖零售许可"_s,
    u"粮食收购备案"_s,
};
const QStringList kSubjects{
    u""_s,         u"个体工商户"_s,     u"有限责任公司"_s, u"农民专业合作社"_s, u"外商投资企业"_s,
    u"分支机构"_s, u"个人"_s,           u"社会组织"_s,     u"事业单位"_s,       u"连锁企业"_s,
    u"小微企业"_s, u"跨省"_s,           u"省内"_s,         u"市级"_s,           u"区级"_s,
    u"乡镇"_s,     u"园区企业"_s,       u"高新区"_s,       u"自贸区"_s,         u"国有企业"_s,
    u"民营企业"_s, u"港澳台投资企业"_s, u"新设主体"_s,     u"老年人"_s,         u"退役军人"_s};
const QStringList kVariants{u"（新办）"_s, u"（变更）"_s, u"（延续）"_s, u"（注销）"_s, u"（补办）"_s,
                            u"（换发）"_s, u"（备案）"_s, u"（迁移）"_s, u"（撤回）"_s, u"（查询）"_s};
const QStringList kDepartments{u"区市场监督管理局"_s, u"区税务局"_s,           u"区人力资源和社会保障局"_s,
                               u"区卫生健康局"_s,     u"区住房和城乡建设局"_s, u"区自然资源局"_s,
                               u"区公安分局"_s,       u"区民政局"_s,           u"区教育局"_s,
                               u"区退役军人事务局"_s, u"区文化旅游体育局"_s,   u"区交通运输局"_s};

QJsonObject makeItem(int n, const QString &name, const QString &dept, int deptNo) {
    // 430104-DDDDNNNNNNNN000-XK-nnn (built by concatenation: "%2000" would read as placeholder %20)
    const QString code = u"430104-"_s + QString::number(deptNo).rightJustified(4, u'0') +
                         QString::number(n).rightJustified(8, u'0') + u"000-XK-"_s +
                         QString::number(n % 1000).rightJustified(3, u'0');
    return QJsonObject{
        {u"code"_s, code},
        {u"name"_s, name},
        {u"type"_s, u"行政许可"_s},
        {u"department"_s, dept},
        {u"basis"_s, u"《中华人民共和国行政许可法》第十二条"_s},
        {u"conditions"_s, u"符合法定条件"_s},
        {u"service_object"_s, u"both"_s},
        {u"process"_s, QJsonArray{u"申请"_s, u"受理"_s, u"审查"_s, u"决定"_s, u"送达"_s}},
        {u"legal_time_limit_days"_s, 20},
        {u"promised_time_limit_days"_s, 5},
        {u"result"_s, u"许可证"_s},
        {u"fee"_s, u"不收费"_s},
        {u"online"_s, true},
        {u"cross_province"_s, false},
        {u"commitment_allowed"_s, true},
        {u"materials"_s,
         QJsonArray{QJsonObject{{u"id"_s, u"m1"_s},
                                {u"name"_s, u"居民身份证"_s},
                                {u"required"_s, true},
                                {u"license_type"_s, u"11100000000013127D001"_s}},
                    QJsonObject{{u"id"_s, u"m2"_s}, {u"name"_s, u"申请书"_s}, {u"required"_s, true}},
                    QJsonObject{{u"id"_s, u"m3"_s},
                                {u"name"_s, u"营业执照"_s},
                                {u"required"_s, false},
                                {u"license_type"_s, u"11100000000013338W001"_s}}}},
        {u"form"_s,
         QJsonArray{QJsonObject{{u"key"_s, u"name"_s}, {u"label"_s, u"姓名"_s}, {u"type"_s, u"text"_s}},
                    QJsonObject{{u"key"_s, u"phone"_s}, {u"label"_s, u"电话"_s}, {u"type"_s, u"phone"_s}},
                    QJsonObject{
                        {u"key"_s, u"uscc"_s}, {u"label"_s, u"统一社会信用代码"_s}, {u"type"_s, u"uscc"_s}}}},
        {u"version"_s, 1}};
}

QList<QJsonObject> generate(int count) {
    QList<QJsonObject> out;
    int n = 0;
    for (const QString &variant : kVariants) {
        for (const QString &subject : kSubjects) {
            for (int s = 0; s < kStems.size(); ++s) {
                if (n >= count)
                    return out;
                const int d = s % int(kDepartments.size());
                out.append(makeItem(n, subject + kStems.at(s) + variant, kDepartments.at(d), d + 1));
                ++n;
            }
        }
    }
    return out;
}

struct Stats {
    double median = 0;
    double p99 = 0;
};
Stats stats(QList<double> v) {
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return {};
    return {v.at(v.size() / 2), v.at(std::min(v.size() - 1, qsizetype(std::ceil(v.size() * 0.99)) - 1))};
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = 10000;
    QTemporaryDir dir;
    // WINDOWDESK_BENCH_DB keeps the database for inspection (e.g. EXPLAIN QUERY PLAN in sqlite3).
    const QString path = qEnvironmentVariableIsSet("WINDOWDESK_BENCH_DB")
                             ? qEnvironmentVariable("WINDOWDESK_BENCH_DB")
                             : dir.filePath(u"bench.db"_s);
    auto opened = Database::open(path);
    if (!opened) {
        out << "cannot open database: " << opened.error().message << Qt::endl;
        return 1;
    }
    Database &db = *opened.value();
    const auto &clock = SystemClock::instance();

    const QList<QJsonObject> items = generate(count);
    // Pages of 500 (the platform's default limit), as the sync puller applies them.
    QList<QByteArray> pages;
    for (qsizetype i = 0; i < items.size(); i += 500) {
        QJsonArray a;
        for (qsizetype j = i; j < std::min(items.size(), i + 500); ++j)
            a.append(items.at(j));
        pages.append(QJsonDocument(QJsonObject{{u"items"_s, a},
                                               {u"deleted"_s, QJsonArray()},
                                               {u"next_cursor"_s, u"c%1"_s.arg(i)},
                                               {u"has_more"_s, i + 500 < items.size()}})
                         .toJson(QJsonDocument::Compact));
    }
    CatalogImporter importer(db, clock);
    ImportOptions opt;
    opt.stream = u"catalog_items"_s;
    QElapsedTimer t;
    t.start();
    // CPU time too: the wall time depends on what else the machine runs.
    const std::clock_t cpu0 = std::clock();
    for (const QByteArray &p : pages) {
        auto r = importer.applyItemsPage(p, opt);
        if (!r || !r->rejected.isEmpty()) {
            out << "import failed: " << (r ? r->rejected.first().message : r.error().message) << Qt::endl;
            return 1;
        }
    }
    const double importMs = double(t.nsecsElapsed()) / 1e6;
    const double importCpuMs = double(std::clock() - cpu0) * 1000.0 / CLOCKS_PER_SEC;
    if (app.arguments().contains(u"--import-only"_s)) { // for profiling the import alone
        out << "import: " << QString::number(importMs, 'f', 0) << " ms wall, "
            << QString::number(importCpuMs, 'f', 0) << " ms CPU" << Qt::endl;
        return 0;
    }

    CatalogSearch search(db);
    // Some use history, as a working window has.
    for (int i = 0; i < 300; ++i)
        (void)search.recordUse(u"A07"_s, items.at((i * 37) % count).value(u"code"_s).toString(), clock);

    const QList<std::pair<QString, QStringList>> categories{
        {u"chinese"_s,
         {u"食"_s, u"税"_s, u"食品"_s, u"登记"_s, u"许可"_s, u"经营许可"_s, u"不动产登记"_s, u"个体工商户"_s,
          u"社会保险"_s, u"卫生许可"_s, u"护士"_s, u"变更"_s}},
        {u"initials"_s,
         {u"s"_s, u"sp"_s, u"spjy"_s, u"swdj"_s, u"bdcdj"_s, u"yyzz"_s, u"gtgsh"_s, u"shbx"_s, u"jsgc"_s,
          u"hk"_s, u"tzsb"_s, u"ylj"_s}},
        {u"code"_s,
         {u"4"_s, u"430104"_s, u"430104-0001"_s, u"430104-00050000"_s, u"430104-0003000012"_s,
          u"430104-0012"_s}},
    };
    const int rounds = 50;
    QJsonObject figures{{u"items"_s, count}, {u"import_ms"_s, importMs}, {u"import_cpu_ms"_s, importCpuMs}};
    out << "catalog: " << count << " items imported in " << pages.size()
        << " pages of 500: " << QString::number(importMs, 'f', 0) << " ms\n";
    out << "search latency in ms (" << rounds
        << " rounds per query, limit 20), indexed vs naive LIKE '%q%' scan\n";
    out << "category    median    p99   | naive median   p99   | speed-up (median)\n";
    auto naive = [&](const QString &q) {
        const QString like = u"%"_s + q + u"%"_s;
        auto r = db.query(uR"(SELECT code, name, department FROM service_items
            WHERE is_current = 1 AND deleted = 0 AND (name LIKE ? OR code LIKE ? OR department LIKE ?)
            ORDER BY length(name), code LIMIT 20)"_s,
                          {like, like, like});
        int n = 0;
        while (r && r->next())
            ++n;
        return n;
    };
    bool ok = importMs < 3000;
    for (const auto &[category, queries] : categories) {
        QList<double> fast, slow;
        for (int round = 0; round < rounds; ++round) {
            for (const QString &q : queries) {
                t.restart();
                auto hits = search.search(q, u"A07"_s, 20);
                fast.append(double(t.nsecsElapsed()) / 1e6);
                if (!hits || (round == 0 && hits->isEmpty()))
                    out << "  note: no hits for " << q << "\n";
                t.restart();
                naive(q);
                slow.append(double(t.nsecsElapsed()) / 1e6);
            }
        }
        const Stats f = stats(fast), s = stats(slow);
        out << qSetFieldWidth(10) << Qt::left << category << qSetFieldWidth(0)
            << QString::number(f.median, 'f', 3) << "   " << QString::number(f.p99, 'f', 3) << " | "
            << QString::number(s.median, 'f', 3) << "      " << QString::number(s.p99, 'f', 3) << " | "
            << QString::number(s.median / f.median, 'f', 1) << "x\n";
        figures.insert(category, QJsonObject{{u"median_ms"_s, f.median},
                                             {u"p99_ms"_s, f.p99},
                                             {u"naive_median_ms"_s, s.median},
                                             {u"naive_p99_ms"_s, s.p99}});
        ok = ok && f.p99 < 5 && s.median >= 10 * f.median;
    }
    out << "targets (import < 3 s, p99 < 5 ms, >= 10x naive): " << (ok ? "met" : "NOT met") << "\n";
    out << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Compact)) << Qt::endl;
    return 0;
}

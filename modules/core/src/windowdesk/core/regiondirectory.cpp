#include "regiondirectory.h"

#include "pinyin.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

namespace {
bool isSixDigits(const QString &s) {
    if (s.size() != 6)
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}
} // namespace

RegionDirectory RegionDirectory::fromTsv(const QByteArray &tsv) {
    RegionDirectory d;
    const QList<QByteArray> lines = tsv.split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        Region r;
        r.code = QString::fromLatin1(line.left(tab)).trimmed();
        r.name = QString::fromUtf8(line.mid(tab + 1)).trimmed();
        if (!isSixDigits(r.code) || r.name.isEmpty() || d.m_byCode.contains(r.code))
            continue;
        d.m_byCode.insert(r.code, int(d.m_regions.size()));
        d.m_regions.append(r);
    }
    // The full name: the province, then the prefecture (when the code is below one that is listed).
    for (Region &r : d.m_regions) {
        QString full;
        const QString province = r.code.left(2) + u"0000"_s;
        const QString prefecture = r.code.left(4) + u"00"_s;
        if (province != r.code)
            if (const Region *p = d.find(province))
                full += p->name;
        if (prefecture != r.code && prefecture != province)
            if (const Region *p = d.find(prefecture))
                full += p->name;
        r.fullName = full + r.name;
        r.initials = pinyinInitialsCombinations(r.fullName, 1).value(0);
    }
    return d;
}

const RegionDirectory &RegionDirectory::embedded() {
    static const RegionDirectory d = [] {
        QFile f(u":/regions/gb2260.tsv"_s);
        return f.open(QIODevice::ReadOnly) ? fromTsv(f.readAll()) : RegionDirectory();
    }();
    return d;
}

const Region *RegionDirectory::find(const QString &code) const {
    const auto it = m_byCode.constFind(code.trimmed());
    return it == m_byCode.cend() ? nullptr : &m_regions.at(it.value());
}

QList<Region> RegionDirectory::search(const QString &text, int limit) const {
    const QString t = normalizeSearchText(text);
    QList<Region> out;
    if (t.isEmpty())
        return out;
    QList<int> seen;
    auto take = [&](auto pred) {
        for (int i = 0; i < m_regions.size() && out.size() < limit; ++i)
            if (!seen.contains(i) && pred(m_regions.at(i))) {
                seen.append(i);
                out.append(m_regions.at(i));
            }
    };
    take([&](const Region &r) { return r.code == t; });
    take([&](const Region &r) { return r.code.startsWith(t); });
    take([&](const Region &r) { return r.name.startsWith(t); });
    take([&](const Region &r) { return r.fullName.contains(t); });
    // Initials of the region's own name, then of the full name (szns matches 深圳市南山区 by its tail too).
    take([&](const Region &r) { return pinyinInitialsCombinations(r.name, 1).value(0).startsWith(t); });
    take([&](const Region &r) { return r.initials.contains(t); });
    return out;
}

} // namespace windowdesk::core

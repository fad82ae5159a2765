#pragma once
// GB/T 2260 administrative division codes (行政区划代码), the target region of a 跨省通办 receipt
// (platform-api.md 1.1). The list ships as data (db/regions/gb2260.tsv, from the Ministry of Civil Affairs'
// public code list; see db/regions/README.md) and is picked by name, pinyin initials or code.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace windowdesk::core {

struct Region {
    QString code;     // six digits, e.g. 440305
    QString name;     // 南山区
    QString fullName; // 广东省深圳市南山区: the province and prefecture above it, as notices print it
    QString initials; // pinyin initials of fullName's customary reading (gdsszsnsq)
    bool isProvince() const { return code.endsWith(QLatin1String("0000")); }
};

class RegionDirectory {
public:
    // The embedded list (parsed once).
    static const RegionDirectory &embedded();
    // "code<TAB>name" lines; blank lines and lines starting with '#' are skipped, malformed lines ignored.
    static RegionDirectory fromTsv(const QByteArray &tsv);

    int size() const { return int(m_regions.size()); }
    const QList<Region> &all() const { return m_regions; }
    // nullptr when the code is not in the list.
    const Region *find(const QString &code) const;
    // Best matches first: an exact code, codes starting with the digits typed, names containing the text,
    // then pinyin initials starting with it (szns → 深圳市南山区). At most `limit`.
    QList<Region> search(const QString &text, int limit = 30) const;

private:
    QList<Region> m_regions;
    QHash<QString, int> m_byCode;
};

} // namespace windowdesk::core

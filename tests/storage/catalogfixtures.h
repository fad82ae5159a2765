#pragma once
// Catalog records and pages for the storage tests (header-only, shared by tst_catalog*.cpp).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace catalogfixtures {

inline QJsonObject item(const QString &code, const QString &name,
                        const QString &department = QStringLiteral("区市场监督管理局"), int version = 1) {
    using namespace Qt::StringLiterals;
    return QJsonObject{
        {u"code"_s, code},
        {u"name"_s, name},
        {u"type"_s, u"行政许可"_s},
        {u"department"_s, department},
        {u"basis"_s, u"《中华人民共和国行政许可法》第十二条"_s},
        {u"service_object"_s, u"both"_s},
        {u"process"_s, QJsonArray{u"申请"_s, u"受理"_s, u"决定"_s}},
        {u"legal_time_limit_days"_s, 20},
        {u"promised_time_limit_days"_s, 5},
        {u"online"_s, true},
        {u"cross_province"_s, false},
        {u"commitment_allowed"_s, true},
        {u"materials"_s,
         QJsonArray{QJsonObject{{u"id"_s, u"m1"_s},
                                {u"name"_s, u"居民身份证"_s},
                                {u"required"_s, true},
                                {u"license_type"_s, u"11100000000013127D001"_s}},
                    QJsonObject{{u"id"_s, u"m2"_s}, {u"name"_s, u"申请书"_s}, {u"required"_s, true}}}},
        {u"form"_s,
         QJsonArray{QJsonObject{{u"key"_s, u"name"_s}, {u"label"_s, u"姓名"_s}, {u"type"_s, u"text"_s}}}},
        {u"version"_s, version}};
}

inline QByteArray page(const QString &key, const QJsonArray &records, const QJsonArray &deleted = {},
                       const QString &cursor = QStringLiteral("c1"), bool hasMore = false) {
    using namespace Qt::StringLiterals;
    return QJsonDocument(QJsonObject{{key, records},
                                     {u"deleted"_s, deleted},
                                     {u"next_cursor"_s, cursor},
                                     {u"has_more"_s, hasMore}})
        .toJson(QJsonDocument::Compact);
}

inline QByteArray itemsPage(const QJsonArray &records, const QJsonArray &deleted = {},
                            const QString &cursor = QStringLiteral("c1"), bool hasMore = false) {
    return page(QStringLiteral("items"), records, deleted, cursor, hasMore);
}

} // namespace catalogfixtures

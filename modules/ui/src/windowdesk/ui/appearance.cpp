#include "appearance.h"

#include "logging.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

namespace {
QTranslator *g_app = nullptr;
QTranslator *g_qt = nullptr;
QString g_language;
} // namespace

QString resolveLanguage(const QString &explicitLanguage, const QLocale &system) {
    const QString l = explicitLanguage.trimmed();
    if (l.startsWith(u"zh"_s, Qt::CaseInsensitive))
        return u"zh_CN"_s;
    if (l.startsWith(u"en"_s, Qt::CaseInsensitive))
        return u"en"_s;
    // Chinese is the hall's language: English only when the locale asks for it (LANG=en_US.UTF-8,
    // LANGUAGE=en). A C/POSIX locale (a bare service account, LANG=C.UTF-8) or one WindowDesk has no
    // translation for is not a request for English.
    return system.language() == QLocale::English ? u"en"_s : u"zh_CN"_s;
}

bool installTranslations(const QString &language) {
    auto *app = QCoreApplication::instance();
    for (QTranslator **t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    g_language = language;
    QLocale::setDefault(QLocale(language == u"zh_CN" ? u"zh_CN"_s : u"en_US"_s));
    bool ok = true;
    g_app = new QTranslator(app);
    if (g_app->load(u":/i18n/windowdesk_"_s + language + u".qm"_s)) {
        QCoreApplication::installTranslator(g_app);
    } else {
        ok = language == u"en";
        if (!ok)
            qCWarning(lcUi) << "no WindowDesk translation for" << language;
        delete g_app;
        g_app = nullptr;
    }
    // Qt's own strings (standard buttons, context menus) come from the Qt installation.
    g_qt = new QTranslator(app);
    if (language != u"en" &&
        g_qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(g_qt);
    } else {
        if (language != u"en")
            qCWarning(lcUi) << "no Qt translation qtbase_" << language;
        delete g_qt;
        g_qt = nullptr;
    }
    return ok;
}

QString installedLanguage() {
    return g_language;
}

void applyLookAndFeel(QApplication &app) {
    QFont f = app.font();
    // Noto Sans CJK SC (fonts-noto-cjk) on Debian/UOS/Kylin; the Windows and macOS equivalents after it.
    f.setFamilies({u"Noto Sans CJK SC"_s, u"Source Han Sans SC"_s, u"Microsoft YaHei UI"_s,
                   u"Microsoft YaHei"_s, u"PingFang SC"_s, u"WenQuanYi Micro Hei"_s, u"sans-serif"_s});
    if (f.pointSizeF() < 10)
        f.setPointSizeF(10);
    app.setFont(f);
    QFile qss(u":/qss/windowdesk.qss"_s);
    if (qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
}

QColor cardBackground(core::CardColour colour) {
    switch (colour) {
    case core::CardColour::Red:
        return QColor(0xf4, 0xb4, 0xb4);
    case core::CardColour::Yellow:
        return QColor(0xff, 0xec, 0x99);
    case core::CardColour::Warning:
        return QColor(0xff, 0xd8, 0xb0);
    case core::CardColour::Normal:
        return QColor(0xc8, 0xe6, 0xc9);
    case core::CardColour::None:
        break;
    }
    return {};
}

QColor attentionForeground() {
    return QColor(0xb3, 0x26, 0x1e);
}

} // namespace windowdesk::ui

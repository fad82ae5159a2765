#pragma once
// Language and look of the application: translators (WindowDesk's own .qm embedded under :/i18n and
// Qt's qtbase_*.qm from the Qt installation), the Chinese UI font, and the style sheet.
#include <windowdesk/core/cardcolour.h>

#include <QColor>
#include <QLocale>
#include <QString>

class QApplication;

namespace windowdesk::ui {

// The language to use: the explicit one (--lang or the ui.language setting) when given, otherwise en on an
// English system locale and zh_CN on every other (Chinese, C/POSIX, or one without a translation).
QString resolveLanguage(const QString &explicitLanguage, const QLocale &system = QLocale::system());

// Replaces the installed translators with those of `language` ("zh_CN" or "en"). Returns false when
// WindowDesk's translation for a non-English language is missing (the English source text shows).
bool installTranslations(const QString &language);
QString installedLanguage();

// Fonts with Chinese glyphs first (Noto Sans CJK SC), then the style sheet :/qss/windowdesk.qss if linked.
void applyLookAndFeel(QApplication &app);

// The background of a card cell, the same on every page that shows cards (My cases, the supervision board):
// red, yellow, warning orange, normal green; invalid for no card.
QColor cardBackground(core::CardColour colour);
// The text colour of something that needs the clerk (a case the platform refused, an overdue 差评).
QColor attentionForeground();

} // namespace windowdesk::ui

#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

AboutDialog::AboutDialog(const QList<std::pair<QString, QString>> &versions, QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About WindowDesk"));
    auto *title = new QLabel(tr("WindowDesk"), this);
    title->setObjectName(u"aboutTitle"_s);
    auto *subtitle =
        new QLabel(tr("The workbench of the comprehensive window of a government service hall."), this);
    subtitle->setWordWrap(true);

    auto *form = new QFormLayout;
    for (const auto &[component, version] : versions) {
        auto *v = new QLabel(version.isEmpty() ? tr("unknown") : version, this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setObjectName(u"version_"_s + component.toLower());
        form->addRow(tr("%1:").arg(component), v);
    }
    auto *licence = new QLabel(tr("Licensed under the Apache License, Version 2.0. Qt is used under the LGPL "
                                  "v3; QtKeychain, zint, OpenSSL and SQLite under their own permissive "
                                  "licences."),
                               this);
    licence->setObjectName(u"aboutLicence"_s);
    licence->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(24, 20, 24, 16);
    l->addWidget(title);
    l->addWidget(subtitle);
    l->addSpacing(8);
    l->addLayout(form);
    l->addSpacing(8);
    l->addWidget(licence);
    l->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace windowdesk::ui

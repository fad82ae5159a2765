<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Main</name>
    <message>
        <source>The database is damaged. It was copied aside and left in place; WindowDesk does not start on a damaged database. Ask the hall IT staff to restore it; the copy keeps the work that was not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of WindowDesk. Nothing was changed. Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version. The failed step was rolled back and nothing was changed; a backup copy was made before the upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file cannot be opened: it is not a WindowDesk database, or the disk or its permissions refuse access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Details: %2

Database: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo hall could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::AboutDialog</name>
    <message>
        <source>About WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbench of the comprehensive window of a government service hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0. Qt is used under the LGPL v3; QtKeychain, zint, OpenSSL and SQLite under their own permissive licences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk — Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comprehensive window workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached. You can log in with an account already used on this computer; work is kept and synced when the link returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask the hall administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MainWindow</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the next ticket, identify the applicant, fill in the unified acceptance form, check the materials and decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the service items and the &quot;one thing, one go&quot; bundles with their standard elements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases you accepted, their due dates and overdue cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live queue board, overdue board (warning, yellow and red cards), evaluations and the rectification ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks, papers, scenario drills and skill competitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out (switch user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain: the end of the audit log cannot be anchored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · Window %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform configured (demo hall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1 · offline, not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, shortcut %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::PlaceholderPage</name>
    <message>
        <source>This feature is still under development and will be provided in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: no platform, work on the demo hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform and window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum gap between scanner keys in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum scan length in characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter (CR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line feed (LF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port of the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: keyboard mode; e.g. /dev/ttyACM0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desks where a Chinese input method is often switched on should use serial mode: the scan then does not pass through the keyboard, so the input method cannot swallow or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. &amp;gap between keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. &amp;length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suffix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial p&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsStore</name>
    <message>
        <source>The platform address is not a valid web address. Example: https://zwfw.hunan.gov.cn/windowdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the platform address must use https://. Plain http:// is only allowed for this computer (127.0.0.1, localhost), because passwords and case data would travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

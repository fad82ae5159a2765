<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Main</name>
    <message>
        <source>The database is damaged. It was copied aside and left in place; WindowDesk does not start on a damaged database. Ask the hall IT staff to restore it; the copy keeps the work that was not synced yet.</source>
        <translation>数据库已损坏。已将其复制一份另存，原文件保持不动；综窗工作台不会在损坏的数据库上启动。请联系大厅信息技术人员恢复数据库；副本中保留了尚未同步的工作。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of WindowDesk. Nothing was changed. Install the newer version to open it.</source>
        <translation>该数据库由更新版本的综窗工作台写入，未做任何修改。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version. The failed step was rolled back and nothing was changed; a backup copy was made before the upgrade.</source>
        <translation>数据库无法升级到当前版本。失败的步骤已回滚，未做任何修改；升级前已制作备份副本。</translation>
    </message>
    <message>
        <source>The database file cannot be opened: it is not a WindowDesk database, or the disk or its permissions refuse access.</source>
        <translation>无法打开数据库文件：它不是综窗工作台的数据库，或磁盘、文件权限拒绝访问。</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>%1

Details: %2

Database: %3</source>
        <translation>%1

详细信息：%2

数据库：%3</translation>
    </message>
    <message>
        <source>WindowDesk cannot start</source>
        <translation>综窗工作台无法启动</translation>
    </message>
    <message>
        <source>The demo hall could not be loaded: %1</source>
        <translation>无法加载演示大厅：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::AboutDialog</name>
    <message>
        <source>About WindowDesk</source>
        <translation>关于综窗工作台</translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation>综窗工作台</translation>
    </message>
    <message>
        <source>The workbench of the comprehensive window of a government service hall.</source>
        <translation>政务服务中心综合窗口的工作台。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0. Qt is used under the LGPL v3; QtKeychain, zint, OpenSSL and SQLite under their own permissive licences.</source>
        <translation>依据 Apache 许可证 2.0 版发布。Qt 依据 LGPL v3 使用；QtKeychain、zint、OpenSSL 和 SQLite 依据各自的宽松许可证使用。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>WindowDesk — Log in</source>
        <translation>综窗工作台 — 登录</translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation>综窗工作台</translation>
    </message>
    <message>
        <source>Comprehensive window workbench</source>
        <translation>综合窗口工作台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts.</source>
        <translation>登录失败次数过多，该账户已被锁定。</translation>
    </message>
    <message>
        <source>The platform cannot be reached. You can log in with an account already used on this computer; work is kept and synced when the link returns.</source>
        <translation>无法连接平台。可使用曾在本机登录过的账户离线登录；工作内容会保存在本机，网络恢复后自动同步。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the hall administrator.</source>
        <translation>该账户已停用，请联系大厅管理员。</translation>
    </message>
    <message>
        <source>Login failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MainWindow</name>
    <message>
        <source>Clerk</source>
        <translation>综窗办事员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>窗口负责人</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的办件</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Call the next ticket, identify the applicant, fill in the unified acceptance form, check the materials and decide.</source>
        <translation>叫号、核验申请人身份、填写统一受理单、核对材料并作出受理决定。</translation>
    </message>
    <message>
        <source>Search the service items and the &quot;one thing, one go&quot; bundles with their standard elements.</source>
        <translation>查询政务服务事项和“一件事一次办”主题及其标准要素。</translation>
    </message>
    <message>
        <source>The cases you accepted, their due dates and overdue cards.</source>
        <translation>本人受理的办件、办结期限和超期亮牌情况。</translation>
    </message>
    <message>
        <source>Live queue board, overdue board (warning, yellow and red cards), evaluations and the rectification ledger.</source>
        <translation>实时排队看板、超期看板（预警、黄牌、红牌）、好差评和差评整改台账。</translation>
    </message>
    <message>
        <source>Question banks, papers, scenario drills and skill competitions.</source>
        <translation>题库、试卷、情景演练和业务技能竞赛。</translation>
    </message>
    <message>
        <source>WindowDesk — %1</source>
        <translation>综窗工作台 — %1</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Log &amp;out (switch user)</source>
        <translation>注销（切换用户）(&amp;O)</translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation>注销并退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About WindowDesk</source>
        <translation>关于综窗工作台(&amp;A)</translation>
    </message>
    <message>
        <source>No keychain: the end of the audit log cannot be anchored</source>
        <translation>无系统钥匙串：审计日志末尾无法锚定</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2 · Window %3</source>
        <translation>%1 · %2 · %3 号窗口</translation>
    </message>
    <message>
        <source>No platform configured (demo hall)</source>
        <translation>未配置平台（演示大厅）</translation>
    </message>
    <message>
        <source>Platform %1 · offline, not synced</source>
        <translation>平台 %1 · 离线，未同步</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, shortcut %2</source>
        <translation>%1，快捷键 %2</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::PlaceholderPage</name>
    <message>
        <source>This feature is still under development and will be provided in a later release.</source>
        <translation>此功能尚在开发中，将在后续版本提供</translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>即将推出</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Empty: no platform, work on the demo hall</source>
        <translation>留空：不连接平台，使用演示大厅</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Platform and window</source>
        <translation>平台与窗口</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>平台地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Window number:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <source>Maximum gap between scanner keys in milliseconds</source>
        <translation>扫码枪按键最大间隔（毫秒）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Minimum scan length in characters</source>
        <translation>扫码内容最短长度（字符）</translation>
    </message>
    <message>
        <source>Scan suffix</source>
        <translation>扫码后缀</translation>
    </message>
    <message>
        <source>Enter (CR)</source>
        <translation>回车（CR）</translation>
    </message>
    <message>
        <source>Line feed (LF)</source>
        <translation>换行（LF）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符（Tab）</translation>
    </message>
    <message>
        <source>Scan prefix</source>
        <translation>扫码前缀</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Serial port of the scanner</source>
        <translation>扫码枪串口</translation>
    </message>
    <message>
        <source>Empty: keyboard mode; e.g. /dev/ttyACM0 or COM3</source>
        <translation>留空：键盘模式；例如 /dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <source>Desks where a Chinese input method is often switched on should use serial mode: the scan then does not pass through the keyboard, so the input method cannot swallow or change it.</source>
        <translation>经常开启中文输入法的窗口建议使用串口模式：扫码内容不经过键盘，输入法无法截获或改动。</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Max. &amp;gap between keys:</source>
        <translation>按键最大间隔(&amp;G)：</translation>
    </message>
    <message>
        <source>Min. &amp;length:</source>
        <translation>最短长度(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Suffix:</source>
        <translation>后缀(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>Serial p&amp;ort:</source>
        <translation>串口(&amp;O)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>语言(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>无法读取设置：%1</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsStore</name>
    <message>
        <source>The platform address is not a valid web address. Example: https://zwfw.hunan.gov.cn/windowdesk</source>
        <translation>平台地址不是有效的网址。示例：https://zwfw.hunan.gov.cn/windowdesk</translation>
    </message>
    <message>
        <source>Refused: the platform address must use https://. Plain http:// is only allowed for this computer (127.0.0.1, localhost), because passwords and case data would travel unencrypted.</source>
        <translation>已拒绝：平台地址必须使用 https://。http:// 仅允许用于本机（127.0.0.1、localhost），否则密码和办件数据将以明文传输。</translation>
    </message>
</context>
</TS>

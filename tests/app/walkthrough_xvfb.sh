#!/usr/bin/env bash
# The training screens walked through as a person does it, on a real X server at a hall PC's size (Xvfb
# 1366×768, xcb) with keys sent by xdotool to the real windowdesk program on a fresh demo hall: the clerk logs
# in through the login dialog, Ctrl+6 opens 练习, Enter starts the scenario drill — the window title says
# 练习模式 — the applicant's name is typed where the keyboard is (it must be the name field: the screenshot of
# the field is checked not to be blank by comparing before/after); F12 is answered by the dialog and the title
# loses 练习模式. Then the trainer logs in, Ctrl+5: the 培训 page; F5 regenerates the bank (the bank's search
# field has the keyboard, so the page's keys work). Screenshots of each step are kept in $WALK_SHOTS if set.
# Exit 77 (skipped) when Xvfb, xdotool, ImageMagick's import or sqlite3 is missing (scripts/deps.sh --test).
set -u
BIN=${1:?usage: walkthrough_xvfb.sh path/to/windowdesk}
for tool in Xvfb xdotool import compare sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (scripts/deps.sh --test installs xvfb, xdotool, imagemagick, sqlite3)"
    exit 77
  fi
done

DIR=$(mktemp -d)
SHOTS=${WALK_SHOTS:-$DIR/shots}
mkdir -p "$SHOTS"
APP=
XVFB=
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$DIR"
}
trap cleanup EXIT
# A server of its own: Xvfb picks a free display and says which (-displayfd), so parallel runs never collide.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$DIR/display" 2>"$DIR/xvfb.log" &
XVFB=$!
for _ in $(seq 100); do [ -s "$DIR/display" ] && break; sleep 0.1; done
[ -s "$DIR/display" ] || { echo "FAIL: Xvfb did not start"; cat "$DIR/xvfb.log"; exit 1; }
export DISPLAY=":$(head -1 "$DIR/display")"
fail() { echo "FAIL: $*"; echo "--- program output:"; tail -20 "$DIR/app.log"; exit 1; }

# Waits (up to 30 s) until the program's visible window's title matches $1; prints the window id.
wait_title() {
  for _ in $(seq 300); do
    for w in $(xdotool search --onlyvisible --class windowdesk 2>/dev/null); do
      if xdotool getwindowname "$w" 2>/dev/null | grep -q -- "$1"; then echo "$w"; return 0; fi
    done
    sleep 0.1
  done
  return 1
}
keys() { xdotool key --clearmodifiers --delay 80 "$@"; }
typed() { xdotool type --delay 90 "$1"; }
shot() { import -window root "$SHOTS/$1.png" || fail "screenshot $1"; }
# The share of the screen's pixels that differ between two screenshots (ImageMagick compare, AE metric).
differs() { compare -metric AE "$SHOTS/$1.png" "$SHOTS/$2.png" null: 2>&1 | cut -d' ' -f1; }

start() {
  DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/windowdesk-walk QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
    "$BIN" --db "$DIR/hall.db" --lang zh_CN >>"$DIR/app.log" 2>&1 &
  APP=$!
}
login() { # user password
  local w
  w=$(wait_title '登录') || fail "no login dialog"
  xdotool windowfocus --sync "$w"
  keys alt+u ctrl+a
  typed "$1"
  keys Tab ctrl+a
  typed "$2"
  keys Return
}

start
login clerk 'Clerk@2026'
W=$(wait_title '李娜') || fail "the clerk's main window did not open"
xdotool windowfocus --sync "$W"
# The trainer's scenario drill (the screenshot mode's demo scenario), written as the drill editor stores it.
sqlite3 "$DIR/hall.db" "PRAGMA busy_timeout=5000; INSERT INTO training_drills (id, kind, title, definition_json,
  time_limit_s, created_by, created_at) VALUES ('s-walk', 'scenario', '失业保险金申领（证明未盖章）',
  '{\"applicant\":{\"id_number\":\"430104199003071237\",\"name\":\"李训练\",\"phone\":\"13800138000\"},\"brief\":\"我想申领失业保险金。\",\"documents\":[{\"material_id\":\"m1\",\"name\":\"居民身份证\",\"state\":\"good\"},{\"material_id\":\"m2\",\"name\":\"解除劳动关系证明（未盖章）\",\"state\":\"wrong\"},{\"material_id\":\"m3\",\"name\":\"社会保障卡\",\"state\":\"good\"}],\"events\":[],\"judged\":[{\"criterion\":\"attitude\",\"max\":10},{\"criterion\":\"explanation\",\"max\":10}],\"points\":{\"data\":10,\"decision\":20,\"item\":30,\"materials\":30,\"time\":10},\"target\":{\"decision\":\"correction_required\",\"item_code\":\"430104-000301002000-JF-002\"},\"time_limit_s\":420,\"title\":\"失业保险金申领（证明未盖章）\"}',
  420, 'u-demo-trainer', '2026-12-01T00:00:00Z')" || fail "cannot add the scenario drill"
keys ctrl+6
sleep 0.5
shot 01-practice
keys Return
W=$(wait_title '练习模式') || fail "Enter on the drill did not bring 练习模式 into the title"
sleep 0.5
shot 02-drill
typed 'li xun lian'
sleep 0.5
shot 03-drill-typed
[ "$(differs 02-drill 03-drill-typed)" -gt 200 ] || fail "the typed name did not appear (the keyboard was not on a field)"
keys F12
sleep 0.5
keys alt+y # the confirmation asks first (否 is its default): 是(Y)
for _ in $(seq 100); do
  xdotool getwindowname "$W" 2>/dev/null | grep -q '练习模式' || break
  sleep 0.1
done
xdotool getwindowname "$W" | grep -q '练习模式' && fail "F12 and Enter did not finish the drill"
shot 04-result
[ -z "$(ls "$DIR"/practice/*.db 2>/dev/null)" ] || fail "the drill's practice database was not removed"
xdotool windowfocus --sync "$W" # no window manager gives the window the keyboard back after the box
keys ctrl+shift+o # log out: the login dialog again

login trainer 'Train@2026'
W=$(wait_title '赵敏') || fail "the trainer's main window did not open"
xdotool windowfocus --sync "$W"
keys ctrl+5
sleep 0.5
shot 05-training
keys F5
for _ in $(seq 100); do
  [ "$(sqlite3 "$DIR/hall.db" 'SELECT count(*) FROM training_questions' 2>/dev/null)" -gt 0 ] 2>/dev/null && break
  sleep 0.1
done
[ "$(sqlite3 "$DIR/hall.db" 'SELECT count(*) FROM training_questions')" -gt 50 ] ||
  fail "F5 on the 培训 page did not generate the bank (the keyboard was not in the page)"
sleep 0.5
shot 06-bank
echo "PASS: walk-through at 1366x768 (screenshots in $SHOTS)"

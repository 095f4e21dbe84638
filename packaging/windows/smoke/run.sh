#!/usr/bin/env bash
# Runs the real Windows programs under Wine, from the real installer, as a
# Windows user named "Nguyễn Văn A" (so the programs, %AppData%\ParDesk and
# every file lie under C:\users\Nguyễn Văn A\…, with Vietnamese letters and
# spaces), and compares what pardesk.exe writes with the Linux build's:
#
#   packaging/windows/smoke/run.sh ParDesk-Setup-0.1.0.exe      (make windows-smoke)
#
# 1. a throwaway 64-bit Wine prefix in /tmp; the test-only
#    bcryptprimitives.dll shim (Wine 8 lacks ProcessPrng, which Go's
#    runtime loads) built with MinGW and put in its system32;
# 2. the installer: refused on Windows 7, then silent install on Windows
#    10; files, shortcuts and the HKCU uninstall entry checked;
# 3. pardesk.exe demo (default data path), report ranking, report
#    scorecard, export scores, import scores (its backup beside the data),
#    backup, check; the PDFs' text (pdftotext) and the workbooks' sheets
#    must equal the Linux build's;
# 4. reinstalling over the installed version keeps the data byte for byte;
# 5. pardesk-window.exe under Xvfb: a screenshot, and the window (frame
#    included, drawn by Wine as Windows would) must lie on the screen;
# 6. the uninstaller removes programs, shortcuts and entry, keeps the data.
#
# Output (screenshot, texts) goes to build/windows/smoke/. Exit 0 only when
# every step matched. KEEP_WINEPREFIX=1 keeps the prefix for a look.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
setup=$(readlink -f "$1")
out=$root/build/windows/smoke
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/pardesk-smoke.XXXXXX)

# The Linux build of the same source, for the comparisons (before HOME
# moves below: Go's caches stay where they are).
(cd "$root" && go build -o "$work/pardesk-linux" .)

WUSER="Nguyễn Văn A"
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all LC_ALL=C.UTF-8
# No Mono or Gecko prompts; no menu entries or icons written to the host.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine links the Windows Desktop and Documents to the Unix home: keep them
# in the throwaway folder.
export HOME=$work/home USER=$WUSER
mkdir -p "$HOME"
WINE=wine
[ -x /usr/lib/wine/wine64 ] && WINE=/usr/lib/wine/wine64

xvfb_pid=
cleanup() {
  wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ "${KEEP_WINEPREFIX:-}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
trap 'echo "windows-smoke: FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "windows-smoke: FAIL: $*" >&2; exit 1; }
w() { "$WINE" "$@"; }

step "Xvfb 1366x768 (an office laptop's screen)"
Xvfb -displayfd 7 -screen 0 1366x768x24 -nolisten tcp 7>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=:$(cat "$work/display")

step "Wine prefix $WINEPREFIX, user $WUSER"
w wineboot -i >"$work/wineboot.log" 2>&1 || true
wineserver -w
uhome=$WINEPREFIX/drive_c/users/$WUSER
[ -d "$uhome" ] || fail "Wine made no profile folder for $WUSER: $(ls "$WINEPREFIX/drive_c/users")"
# Wine draws the window frames itself (title bar, borders), as Windows
# does, instead of leaving them to an X window manager (there is none).
w reg add 'HKCU\Software\Wine\X11 Driver' /v Decorated /d N /f >/dev/null
w reg add 'HKCU\Software\Wine\X11 Driver' /v Managed /d N /f >/dev/null

step "bcryptprimitives.dll shim (test only)"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

step "installer on Windows 7: refused"
w winecfg -v win7
if w "$setup" /S; then fail "the installer ran on Windows 7"; fi
[ ! -e "$uhome/AppData/Local/Programs/ParDesk" ] || fail "the refused installer left files"

step "installer on Windows 10: silent per-user install"
w winecfg -v win10
w "$setup" /S || fail "the installer failed"
inst=$uhome/AppData/Local/Programs/ParDesk
for f in pardesk-window.exe pardesk.exe uninstall.exe; do
  [ -f "$inst/$f" ] || fail "$inst/$f not installed"
done
[ -f "$uhome/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ParDesk.lnk" ] || fail "no Start-menu shortcut"
desktop=$(readlink -f "$uhome/Desktop")
[ -f "$desktop/ParDesk.lnk" ] || fail "no desktop shortcut"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ParDesk'
w reg query "$key" | tr -d '\r' | tee "$out/uninstall-key.txt"
# (reg prints through the console's code page: "Nguy?n Van A")
grep -q 'UninstallString.*\\AppData\\Local\\Programs\\ParDesk\\uninstall.exe"$' "$out/uninstall-key.txt" ||
  fail "the uninstall entry does not point at the installed uninstaller"

lin() { "$work/pardesk-linux" "$@"; }
pdw() { w "$inst/pardesk.exe" "$@"; }

# Windows paths (C:\users\Nguyễn Văn A\…) and the same layout on Linux.
wdocs='C:\users\'"$WUSER"'\Documents\Báo cáo CCHC'
udocs=$uhome/Documents/Báo\ cáo\ CCHC
mkdir -p "$udocs"
ldir="$work/linux/$WUSER"
ldocs="$ldir/Báo cáo CCHC"
mkdir -p "$ldocs"
ldb="$ldir/pardesk.db"
wdata=$uhome/AppData/Roaming/ParDesk

step "pardesk.exe demo (default data path %AppData%\\ParDesk\\pardesk.db)"
pdw demo
[ -f "$wdata/pardesk.db" ] || fail "demo wrote no $wdata/pardesk.db"
lin demo --db "$ldb"

run_both() { # NAME ARGS… with @OUT@ for the output file's folder
  local name=$1; shift
  local wargs=() largs=()
  for a in "$@"; do wargs+=("${a//@OUT@/$wdocs\\}"); largs+=("${a//@OUT@/$ldocs/}"); done
  echo "pardesk.exe ${wargs[*]}"
  pdw "${wargs[@]}" >"$out/$name.win.txt" 2>&1 || { cat "$out/$name.win.txt"; fail "pardesk.exe $name"; }
  lin "${largs[@]}" --db "$ldb" >"$out/$name.linux.txt" 2>&1 || { cat "$out/$name.linux.txt"; fail "linux $name"; }
  tr -d '\r' <"$out/$name.win.txt" | sed 's/^/  /'
}

same_pdf() { # FILE (in both document folders)
  pdftotext -layout "$udocs/$1" "$out/${1%.pdf}.win.txt"
  pdftotext -layout "$ldocs/$1" "$out/${1%.pdf}.linux.txt"
  if ! cmp -s "$out/${1%.pdf}.win.txt" "$out/${1%.pdf}.linux.txt"; then
    diff "$out/${1%.pdf}.win.txt" "$out/${1%.pdf}.linux.txt" | head -20
    fail "$1: the Windows build's text differs from the Linux build's"
  fi
  if cmp -s "$udocs/$1" "$ldocs/$1"; then echo "  $1: identical to the Linux build's, byte for byte"
  else echo "  $1: same text as the Linux build's ($(wc -l <"$out/${1%.pdf}.win.txt") lines)"; fi
}

same_xlsx() { # FILE: every part of the workbook but its timestamps
  rm -rf "$work/xw" "$work/xl"
  unzip -q -o "$udocs/$1" -d "$work/xw"
  unzip -q -o "$ldocs/$1" -d "$work/xl"
  sed -i -E 's#<dcterms:(created|modified)[^<]*</dcterms:(created|modified)>##g' "$work/xw/docProps/core.xml" "$work/xl/docProps/core.xml" 2>/dev/null || true
  if ! diff -r "$work/xw" "$work/xl" >"$out/${1%.xlsx}.diff"; then
    head -20 "$out/${1%.xlsx}.diff"
    fail "$1: the Windows build's workbook differs from the Linux build's"
  fi
  echo "  $1: every sheet and part identical to the Linux build's ($(ls "$work/xw/xl/worksheets" | wc -l) sheets)"
}

step "report ranking"
run_both ranking report ranking --year 2022 --number 12 --date 09/06/2023 --out "@OUT@xếp hạng 2022.pdf"
same_pdf "xếp hạng 2022.pdf"

step "report scorecard"
run_both scorecard report scorecard --unit NBI --year 2022 --date 09/06/2023 --out "@OUT@phiếu chấm điểm NBI.pdf"
same_pdf "phiếu chấm điểm NBI.pdf"

step "export scores"
run_both export export scores --year 2023 --out "@OUT@bảng điểm 2023.xlsx"
same_xlsx "bảng điểm 2023.xlsx"

step "import scores (a backup is taken beside the data file first)"
before=$(find "$wdata" -path '*/backups/*' -type f | wc -l)
run_both import import scores "@OUT@bảng điểm 2023.xlsx"
after=$(find "$wdata" -path '*/backups/*' -type f | wc -l)
[ "$after" -gt "$before" ] || fail "the import left no backup in $wdata/backups"
ls "$wdata/backups" | sed 's/^/  backup: /'

step "after the import: the ranking again, a backup, the whole-file check"
run_both ranking2023 report ranking --year 2023 --number 13 --date 10/06/2024 --out "@OUT@xếp hạng 2023.pdf"
same_pdf "xếp hạng 2023.pdf"
run_both backup backup
run_both check check

step "restore the backup taken before the import"
b=$(ls "$wdata/backups" | grep -- '-truoc-nhap\.db$' | head -1)
pdw restore 'C:\users\'"$WUSER"'\AppData\Roaming\ParDesk\backups\'"$b" | tr -d '\r' | sed 's/^/  /' || fail "restore"
pdw check | tr -d '\r' | sed 's/^/  /' || fail "check after the restore"

step "reinstalling over the installed version keeps the data"
sum_before=$(sha256sum <"$wdata/pardesk.db")
w "$setup" /S || fail "the reinstall failed"
[ "$(sha256sum <"$wdata/pardesk.db")" = "$sum_before" ] || fail "the reinstall changed the data file"
echo "  pardesk.db unchanged"

step "pardesk-window.exe under Xvfb"
w "$inst/pardesk-window.exe" >"$out/window.log" 2>&1 &
wid=
for _ in $(seq 120); do
  wid=$(xwininfo -root -tree 2>/dev/null | awk '/"ParDesk"/ {print $1; exit}')
  [ -n "$wid" ] && xwininfo -id "$wid" | grep -q 'IsViewable' && break
  wid=
  sleep 1
done
[ -n "$wid" ] || { cat "$out/window.log"; fail "no ParDesk window after 120 s"; }
sleep 15 # let it draw the first screen
import -window root "$out/window.png"
xwininfo -id "$wid" | tee "$out/window-geometry.txt" | grep -E 'Absolute|Width|Height' | sed 's/^ */  /'
x=$(awk '/Absolute upper-left X/ {print $NF}' "$out/window-geometry.txt")
y=$(awk '/Absolute upper-left Y/ {print $NF}' "$out/window-geometry.txt")
ww=$(awk '/Width:/ {print $NF}' "$out/window-geometry.txt")
wh=$(awk '/Height:/ {print $NF}' "$out/window-geometry.txt")
echo "  screenshot: $out/window.png"
w taskkill /im pardesk-window.exe >/dev/null 2>&1 || true
wineserver -k 2>/dev/null || true
wineserver -w
if [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $((x + ww)) -gt 1366 ] || [ $((y + wh)) -gt 768 ]; then
  fail "the window (${ww}x${wh} at $x,$y, frame included) does not lie on the 1366x768 screen"
fi

step "uninstaller: programs, shortcuts and entry gone, data kept"
w "$inst/uninstall.exe" /S
wineserver -w # the uninstaller runs from a copy in %TEMP% and returns at once
for f in pardesk-window.exe pardesk.exe uninstall.exe; do
  [ ! -e "$inst/$f" ] || fail "$f left after uninstalling"
done
[ ! -e "$uhome/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ParDesk.lnk" ] || fail "Start-menu shortcut left"
[ ! -e "$desktop/ParDesk.lnk" ] || fail "desktop shortcut left"
if w reg query "$key" >/dev/null 2>&1; then fail "uninstall entry left"; fi
[ -f "$wdata/pardesk.db" ] && [ -d "$wdata/backups" ] || fail "the uninstaller touched the data in $wdata"
echo "  kept: $(ls "$wdata" | tr '\n' ' ')"

step "windows-smoke: all steps passed"

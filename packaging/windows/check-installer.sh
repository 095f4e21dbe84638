#!/usr/bin/env bash
# Lists the installer's contents (7-Zip reads NSIS installers) and checks
# that it is a 64-bit Unicode NSIS installer holding the two programs
# exactly as `make windows` built them, and an uninstaller.
#   packaging/windows/check-installer.sh ParDesk-Setup-0.1.0.exe [DIR_OF_EXES]
set -euo pipefail
setup=$1
src=${2:-.}
listing=$(7z l "$setup")
echo "$listing" | sed -n '/^SubType/p;/^   Date/,$p'
fail() { echo "check-installer: $setup: $*" >&2; exit 1; }
echo "$listing" | grep -q '^SubType = NSIS-3 Unicode 64-bit' || fail "not a 64-bit Unicode NSIS 3 installer"
for f in pardesk-window.exe pardesk.exe uninstall.exe; do
  echo "$listing" | grep -qE "[[:space:]]$f\$" || fail "$f is not in it"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
7z x -y -o"$tmp" "$setup" pardesk-window.exe pardesk.exe >/dev/null
for f in pardesk-window.exe pardesk.exe; do
  cmp -s "$tmp/$f" "$src/$f" || fail "$f differs from $src/$f"
done
echo "check-installer: $setup: ok (pardesk-window.exe, pardesk.exe as built, uninstall.exe)"

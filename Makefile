# ParDesk build and test entry points. `make run` and `make test` work on a
# fresh Debian/Ubuntu machine: they first install the system packages that
# Fyne's cgo build and the PDF tests need (as root directly, else via sudo).

GO      ?= go
DB      ?=
APT_PKGS = gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils
SUDO     = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps run build test bench vet fmt demo windows windows-resources windows-check installer windows-smoke

# deps installs only what is missing, so repeated runs cost a dpkg query.
deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 or newer (https://go.dev/dl)"; exit 1; }

# pardesk is the command line (pure Go, no window libraries: a report
# starts as fast as a plain PDF program); pardesk-window is the window,
# which `pardesk` with no command starts from beside itself.
build: deps
	$(GO) build -o pardesk .
	$(GO) build -o pardesk-window ./cmd/pardesk-window

run: build
	./pardesk $(if $(DB),--db $(DB))

test: deps
	$(GO) vet ./...
	$(GO) test ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 20x ./...

# The version and build number are kept in FyneApp.toml only; the Windows
# programs' version information and the installer's name come from there.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml)
WINVER   = $(VERSION).$(BUILDNO)
# go-winres writes the icon, version information and manifest as .syso
# objects that `go build` links into a Windows build of the package
# beside them (and ignores for every other target).
WINRES   = $(GO) run github.com/tc-hib/go-winres@v0.3.3
WIN_APT  = gcc-mingw-w64-x86-64
define apt_need
@missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "Installing:$$missing"; \
  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

# windows cross-builds the offices' Windows programs: pardesk-window.exe
# with Debian's MinGW-w64 (Fyne needs cgo), a GUI program with no console
# window behind it, for the Start-menu shortcut; and pardesk.exe, the
# console command line (pure Go), which cmd.exe waits for and prints from.
# Both carry the application icon and the version information.
windows: windows-resources
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) build -ldflags "-s -w -H=windowsgui" -o pardesk-window.exe ./cmd/pardesk-window
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -ldflags "-s -w" -o pardesk.exe .

windows-resources:
	$(call apt_need,$(WIN_APT))
	$(WINRES) simply --arch amd64 --out cmd/pardesk-window/rsrc --manifest gui \
	  --icon app/assets/icon.png --product-name ParDesk --product-version $(WINVER) --file-version $(WINVER) \
	  --file-description "ParDesk - Chỉ số cải cách hành chính" --original-filename pardesk-window.exe \
	  --copyright "ParDesk"
	$(WINRES) simply --arch amd64 --out rsrc --manifest cli \
	  --icon app/assets/icon.png --product-name ParDesk --product-version $(WINVER) --file-version $(WINVER) \
	  --file-description "ParDesk - dòng lệnh" --original-filename pardesk.exe \
	  --copyright "ParDesk"

# windows-check looks inside what `make windows` and `make installer`
# built: PE32+ x86-64, the subsystems, icon, version and manifest, and the
# installer's contents. Not run by CI (the cold cross-compile alone takes
# minutes on a loaded machine): run it before a release.
windows-check: windows installer
	$(GO) run ./packaging/windows/pecheck -version $(WINVER) pardesk-window.exe=gui pardesk.exe=console
	packaging/windows/check-installer.sh ParDesk-Setup-$(VERSION).exe

# installer packs both programs with NSIS into a per-user installer that
# needs no administrator rights.
installer: windows
	$(call apt_need,nsis imagemagick)
	mkdir -p build/windows
	convert app/assets/icon.png -define icon:auto-resize=256,64,48,32,16 build/windows/pardesk.ico
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$(VERSION) -DWINVER=$(WINVER) -DSRCDIR=$(CURDIR) \
	  -DICON=$(CURDIR)/build/windows/pardesk.ico -DOUTFILE=$(CURDIR)/ParDesk-Setup-$(VERSION).exe \
	  packaging/windows/pardesk.nsi

# windows-smoke runs the real .exe files under Wine: the installer, the
# command line's demo, reports, export and import on a user folder with
# Vietnamese letters and spaces, compared with the Linux build's output,
# the uninstaller, and a screenshot of the window under Xvfb.
windows-smoke: installer
	$(call apt_need,wine wine64 xvfb x11-utils imagemagick poppler-utils p7zip-full unzip)
	packaging/windows/smoke/run.sh ParDesk-Setup-$(VERSION).exe

fmt:
	gofmt -w .

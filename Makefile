# ParDesk build and test entry points. `make run` and `make test` work on a
# fresh Debian/Ubuntu machine: they first install the system packages that
# Fyne's cgo build and the PDF tests need (as root directly, else via sudo).

GO      ?= go
DB      ?=
APT_PKGS = gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils
SUDO     = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps run build test bench vet fmt demo windows

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

# windows cross-builds the offices' Windows programs: pardesk-window.exe
# with Debian's MinGW-w64 (Fyne needs cgo), a GUI program with no console
# window behind it, for the Start-menu shortcut; and pardesk.exe, the
# console command line (pure Go), which cmd.exe waits for and prints from.
windows:
	@dpkg-query -W -f='$${Status}' gcc-mingw-w64-x86-64 2>/dev/null | grep -q "ok installed" || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gcc-mingw-w64-x86-64; }
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) build -ldflags "-H=windowsgui" -o pardesk-window.exe ./cmd/pardesk-window
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -o pardesk.exe .

fmt:
	gofmt -w .

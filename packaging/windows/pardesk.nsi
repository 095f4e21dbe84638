; ParDesk's Windows installer, built by `make installer` with NSIS 3:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DWINVER=0.1.0.1 -DSRCDIR=. \
;            -DICON=build/windows/pardesk.ico -DOUTFILE=ParDesk-Setup-0.1.0.exe pardesk.nsi
;
; A per-user install: no administrator rights, the programs go under the
; user's own programs folder (%LocalAppData%\Programs\ParDesk), shortcuts
; in the user's Start menu and desktop, the uninstall entry under HKCU.
; The data file is never here: it lives in %AppData%\ParDesk, which neither
; an upgrade nor the uninstaller touches.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define APPNAME   "ParDesk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ParDesk"
!define APPKEY    "Software\ParDesk"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\ParDesk"
InstallDirRegKey HKCU "${APPKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${WINVER}"
VIFileVersion "${WINVER}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${WINVER}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APPNAME} ${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APPNAME}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\pardesk-window.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ParDesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; A program still open during an upgrade cannot be overwritten: the retry
; dialog says to close it instead of NSIS's generic text.
FileErrorText "Không ghi được tệp:$\r$\n$\r$\n$0$\r$\n$\r$\nHãy đóng ParDesk (cửa sổ và dòng lệnh) rồi bấm Retry / Thử lại."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastBuild} 10240
    MessageBox MB_OK|MB_ICONSTOP "ParDesk cần Windows 10 hoặc Windows 11 bản 64-bit." /SD IDOK
    Abort
  ${EndIf}
  SetShellVarContext current
FunctionEnd

Section "ParDesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade writes the new programs over the old ones; the data file
  ; (%AppData%\ParDesk) is elsewhere and stays as it is.
  SetOverwrite on
  File "${SRCDIR}\pardesk-window.exe"
  File "${SRCDIR}\pardesk.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\ParDesk.lnk" "$INSTDIR\pardesk-window.exe" "" "$INSTDIR\pardesk-window.exe" 0
  CreateShortcut "$DESKTOP\ParDesk.lnk" "$INSTDIR\pardesk-window.exe" "" "$INSTDIR\pardesk-window.exe" 0

  WriteRegStr HKCU "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APPKEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\pardesk-window.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; The uninstaller removes the programs, shortcuts and registry entries it
; made, by name (never the whole folder: an officer may have put files
; there), and never the data: it says where the data stays.
Section "Uninstall"
  Delete "$INSTDIR\pardesk-window.exe"
  Delete "$INSTDIR\pardesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\ParDesk.lnk"
  Delete "$DESKTOP\ParDesk.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${APPKEY}"
  DetailPrint "Dữ liệu được giữ lại tại $APPDATA\ParDesk"
  MessageBox MB_OK|MB_ICONINFORMATION "Đã gỡ ParDesk khỏi máy.$\r$\n$\r$\nDữ liệu KHÔNG bị xoá, vẫn ở thư mục:$\r$\n$APPDATA\ParDesk$\r$\n$\r$\nCài lại ParDesk sẽ mở lại đúng dữ liệu này. Khi không còn cần, bạn có thể tự xoá thư mục đó." /SD IDOK
SectionEnd

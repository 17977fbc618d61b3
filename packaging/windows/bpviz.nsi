; Windows installer for bpviz (NSIS 3). Build the PyInstaller bundle on Windows first:
;   py -m pip install ".[build]" && py packaging\make_icons.py build\icons
;   py -m PyInstaller packaging\bpviz.spec --distpath build\dist --workpath build\pyinstaller --noconfirm
;   makensis /DVERSION=0.1.0 packaging\windows\bpviz.nsi
; (makensis works from the script's folder: the default paths below are relative to it; /DBUNDLE=, /DICON= and
; /DOUTFILE= take absolute paths.)
; It installs per machine into Program Files, adds a Start-menu entry, an uninstaller (Apps & features), and
; opens .bpviz session files with bpviz. (packaging/build.py --nsis compiles it on Linux as a check.)
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\build\dist\bpviz"
!endif
!ifndef ICON
  !define ICON "..\..\build\icons\bpviz.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\build\bpviz-${VERSION}-setup.exe"
!endif
!define APP "bpviz"
!define PROGID "bpviz.session"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\bpviz"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\bpviz.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "bpviz" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  ; Start menu
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\bpviz.exe" "" "$INSTDIR\bpviz.exe" 0
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\uninstall.exe"
  ; .bpviz session files open in bpviz
  WriteRegStr HKLM "Software\Classes\.bpviz" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "bpviz session"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\bpviz.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\bpviz.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; Apps & features
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "bpviz developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bpviz.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\bpviz.exe"
  Delete "$INSTDIR\bpviz-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  RMDir /r "$SMPROGRAMS\${APP}"
  ReadRegStr $0 HKLM "Software\Classes\.bpviz" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKLM "Software\Classes\.bpviz"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

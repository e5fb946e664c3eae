; VocPlan - plan a route into work, education, training or volunteering.
; Copyright 2026 The VocPlan authors. Licensed under the GPL-3.0-or-later.
;
; Inno Setup script for the Windows installer. BUILT ON WINDOWS ONLY: PyInstaller
; cannot cross-build, so the one-folder bundle this script packs must itself be
; built on Windows first. Needs Inno Setup 6.3 or newer. From the repository root:
;
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build packaging\vocplan.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\vocplan.iss
;
; gives dist\installer\VocPlan-0.1.0-setup.exe. See packaging\README.md.
;
; The installer is per user: no administrator rights, installed under
; %LOCALAPPDATA%\Programs\VocPlan, with a Start-menu shortcut and an uninstaller.
; The plans themselves live in %LOCALAPPDATA%\VocPlan (vocplan/paths.py), not in
; the program folder, so uninstalling or upgrading never deletes anyone's plan.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  ; The PyInstaller output folder, relative to this script.
  #define BundleDir "..\..\dist\vocplan"
#endif
#define AppName "VocPlan"
; The windowed executable: starts the app without opening a console window.
#define AppExe "vocplanw.exe"

[Setup]
; AppId identifies VocPlan to Windows for upgrades and uninstalling: never change it.
AppId={{2EB4EC6F-08AB-4307-B109-29F34CAAD07B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The VocPlan authors
AppComments=Plan a route into work, education, training or volunteering
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; Ask a running VocPlan to close before replacing its files.
CloseApplications=yes
#if FileExists(AddBackslash(SourcePath) + "..\..\LICENSE")
LicenseFile=..\..\LICENSE
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
; Welsh is not among Inno Setup's bundled translations. To add it, put an
; unofficial Welsh.isl (from the Inno Setup translations page) next to this
; script and add:  Name: "welsh"; MessagesFile: "Welsh.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: vocplan.exe (command line), vocplanw.exe (the app) and _internal\.
; A portable.txt is never installed: an installed VocPlan keeps its data per user.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Plan a route into work, education, training or volunteering"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder, on purpose: the plans are records
; that belong to the people in them and must survive an uninstall.

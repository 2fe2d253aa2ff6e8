; Inno Setup 6 script: the Windows installer of Closed Loop (闭环).
;
; On Windows 10/11 x64, after packaging\windows\build.ps1 has built dist\closedloop\ (or run it, it
; calls this script at the end):
;     iscc packaging\windows\closedloop.iss
; writes dist\ClosedLoop-<version>-windows-x64-setup.exe.
;
; The version is read from the version resource of the built closedloop.exe, which PyInstaller
; writes from packaging\windows\version_info.txt (generated from pyproject.toml): one source.
; Override with iscc /DAppVersion=1.2.3 if needed.
;
; Installs per user by default (no administrator rights; the wizard offers "for all users").
; Uninstalling removes the program folder and its shortcuts only. Saved games and settings live in
; the user's profile (%APPDATA%\... , Qt's AppDataLocation), which this installer never writes to,
; so they survive uninstalling and upgrading.

#define AppName "Closed Loop"
#define AppPublisher "The Closed Loop project"
#define ExeName "closedloop.exe"
#define BuildDir AddBackslash(SourcePath) + "..\..\dist\closedloop"
#define IconFile AddBackslash(SourcePath) + "..\..\build\closedloop\generated\icons\closedloop.ico"

#if !FileExists(BuildDir + "\" + ExeName)
  #error dist\closedloop\closedloop.exe not found: run packaging\windows\build.ps1 first
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + ExeName, "ProductVersion")
#endif
#define NumericVersion GetVersionNumbersString(BuildDir + "\" + ExeName)

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it (same as bundle.WINDOWS_APP_ID).
AppId={{8C7D1E0B-3F51-4C2A-9A57-2B4E6D1C0F3A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright={#AppPublisher}; MIT licence
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=ClosedLoop-{#AppVersion}-windows-x64-setup
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese ships with recent Inno Setup 6 releases; older ones get it from
; https://jrsoftware.org/files/istrans/ (copy ChineseSimplified.isl into Inno Setup's Languages folder).
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: closedloop.exe (the game), closedloop-cli.exe (the command line),
; _internal\ (Python, Qt, scenarios, translations, fonts) and licenses\.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files wholesale, so modules removed in a newer version do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: the uninstaller removes exactly what was installed, never the
; user's saved games.

; Inno Setup script for Windows: installs the PyInstaller folder (dist\hromada-desk\) per user,
; with Ukrainian and English texts, a Start-menu shortcut, an optional desktop shortcut, and an
; uninstaller that keeps the office's data unless the person explicitly asks to delete it.
; Build: first `py -m PyInstaller installer\hromada-desk.spec` (see installer/README.md), then
;   iscc /DAppVersion=0.1.0 installer\hromada-desk.iss
; The result is installer\Output\hromada-desk-setup-<version>.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Hromada Desk"
#define AppExe "hromada-desk.exe"
; platformdirs.user_data_dir("HromadaDesk", "Hromada", roaming=False) on Windows:
#define DataDir "{localappdata}\Hromada\HromadaDesk"

[Setup]
AppId={{6F0B8E2A-3C1D-4C0B-9D1E-48A1D3C2B7F1}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Hromada Desk
DefaultDirName={autopf}\Hromada Desk
DefaultGroupName={#AppName}
; Per user, no administrator needed: a hub laptop is often not under the office's control.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=hromada-desk-setup-{#AppVersion}
SetupIconFile=hromada-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
uk.DesktopIcon=Створити значок на робочому столі
en.DesktopIcon=Create a desktop shortcut
uk.LaunchApp=Запустити Hromada Desk
en.LaunchApp=Start Hromada Desk
uk.DeleteData=Видалити також дані офісу (людей, заходи, ідеї та резервні копії) з цього комп’ютера?%n%nЯкщо їх ще не надіслано до ради і немає копії, їх буде втрачено назавжди.%n%nНатисніть «Ні», щоб зберегти дані (рекомендовано).
en.DeleteData=Also delete the office's data (people, events, ideas and backups) from this computer?%n%nIf it has not been sent to the council and there is no copy, it will be lost for good.%n%nChoose No to keep the data (recommended).
uk.Comment=Реєстрація на заходах, ідеї мешканців, довідник ГО; працює без Інтернету
en.Comment=Register people at events, take in ideas, keep the CSO directory; works offline

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "..\dist\hromada-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder is the office's, not the program's: it stays unless the person says
  otherwise, and a silent uninstall never deletes it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{#DataDir}');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;

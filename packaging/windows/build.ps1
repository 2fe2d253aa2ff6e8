# Build the Windows installer of Closed Loop (Windows 10/11 x64, Python 3.11+ from python.org,
# Inno Setup 6 from https://jrsoftware.org/isinfo.php):
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# 1. a virtual environment .venv with the project and PyInstaller (the "packaging" extra);
# 2. PyInstaller with packaging\closedloop.spec -> dist\closedloop\ (closedloop.exe: the game,
#    closedloop-cli.exe: the command line, with the version resource and icon);
# 3. a smoke test of the frozen CLI and, when `closedloop-cli --help` lists it, `selftest`;
# 4. Inno Setup -> dist\ClosedLoop-<version>-windows-x64-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked {
    param([string]$Exe, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) { Invoke-Checked py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
Invoke-Checked $py -m pip install --quiet -e ".[packaging]"

Remove-Item -Recurse -Force "build\closedloop", "dist\closedloop" -ErrorAction SilentlyContinue
Invoke-Checked $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging\closedloop.spec

$cli = "dist\closedloop\closedloop-cli.exe"
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked $cli --version
Invoke-Checked $cli scenarios
Invoke-Checked $cli play --scenario xiaomi-2024 --quarters 2 --json "$env:TEMP\closedloop-smoke.json"
if ((& $cli --help) -match "selftest") {
    foreach ($lang in "en", "zh_CN") {
        $out = Join-Path $env:TEMP "closedloop-selftest-$lang"
        Invoke-Checked $cli selftest --out $out --lang $lang
        $shots = (Get-ChildItem $out -Filter *.png).Count
        if ($shots -lt 3) { throw "selftest --lang $lang wrote $shots screenshots, expected 3 or more" }
    }
}
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue
if ($iscc) { $iscc = $iscc.Source } else { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 not found: install it from https://jrsoftware.org/isinfo.php" }
Invoke-Checked $iscc packaging\windows\closedloop.iss
Get-ChildItem dist\ClosedLoop-*-windows-x64-setup.exe | ForEach-Object { "installer: $($_.FullName) ($([math]::Round($_.Length / 1MB, 1)) MiB)" }

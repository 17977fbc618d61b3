#!/bin/sh
# macOS: build bpviz.app and a .dmg (run on a Mac; PyInstaller does not cross-build).
#   python3 -m venv build/venv && . build/venv/bin/activate && pip install ".[build]"
#   sh packaging/macos/build_dmg.sh
# The .app (packaging/bpviz.spec, BUNDLE section) has the icon, no console, the bundle id
# io.github.bpviz.bpviz and opens .bpviz session files. Unsigned: for distribution, sign and notarize it:
#   codesign --deep --force --options runtime --sign "Developer ID Application: ..." build/dist/bpviz.app
#   xcrun notarytool submit build/bpviz-$VERSION.dmg --keychain-profile ... --wait
set -eu
cd "$(dirname "$0")/../.."
VERSION=$(python3 -c "import re; print(re.search(r'__version__ = \"([^\"]+)\"', open('bpviz/__init__.py').read()).group(1))")
python3 packaging/make_icons.py build/icons
python3 -m PyInstaller packaging/bpviz.spec --distpath build/dist --workpath build/pyinstaller --noconfirm
build/dist/bpviz.app/Contents/MacOS/bpviz --self-check
rm -rf build/dmg && mkdir -p build/dmg
cp -R build/dist/bpviz.app build/dmg/
ln -s /Applications build/dmg/Applications
hdiutil create -volname "bpviz $VERSION" -srcfolder build/dmg -ov -format UDZO "build/bpviz-$VERSION.dmg"
echo "built build/bpviz-$VERSION.dmg"

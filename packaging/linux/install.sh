#!/bin/sh
# Install bpviz from the portable tarball, for the current user (no root needed):
#   ./install.sh            puts the app in ~/.local/opt/bpviz, a `bpviz` command in ~/.local/bin,
#                           and a menu entry with its icon
#   ./install.sh --system   the same for everyone, in /opt/bpviz and /usr/local (run as root)
#   ./install.sh --uninstall [--system]
# bpviz needs a few system libraries most desktops have: libGL/libEGL, fontconfig and a font, and the X11 or
# Wayland client libraries Qt uses (Debian/Ubuntu: libgl1 libegl1 fontconfig fonts-dejavu-core libxcb-cursor0).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.bpviz.bpviz
if [ "${1:-}" = "--system" ] || [ "${2:-}" = "--system" ]; then
  opt=/opt/bpviz bin=/usr/local/bin share=/usr/local/share
else
  opt="$HOME/.local/opt/bpviz" bin="$HOME/.local/bin" share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/bpviz" "$share/applications/$app_id.desktop" "$share/icons/hicolor/scalable/apps/$app_id.svg" \
         "$share/mime/packages/$app_id.xml"
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" || true
  echo "bpviz removed"
  exit 0
fi
rm -rf "$opt"  # a reinstall or an upgrade: no files of the old version left behind
mkdir -p "$opt" "$bin" "$share/applications" "$share/icons/hicolor/scalable/apps" "$share/mime/packages"
cp -R "$here/bpviz/." "$opt/"
ln -sf "$opt/bpviz" "$bin/bpviz"
sed "s|^Exec=bpviz|Exec=$opt/bpviz|" "$here/share/$app_id.desktop" > "$share/applications/$app_id.desktop"
cp "$here/share/$app_id.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
cp "$here/share/$app_id.xml" "$share/mime/packages/$app_id.xml"  # .bpviz session files open in bpviz
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" || true
echo "bpviz installed: run 'bpviz' (add $bin to your PATH if needed) or find it in the application menu"
"$opt/bpviz" --version

#!/bin/sh
# Put Cortège in your menu and let a double-click on a bundle open it (for you only, no root):
#   ./install.sh            install (run it from the unpacked Cortege folder)
#   ./install.sh --remove   take it out again (your data stays where it is)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
id=org.cortege.Cortege

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$data/applications/$id.desktop" "$data/mime/packages/$id.xml" \
        "$data/metainfo/$id.metainfo.xml" "$bin/cortege"
  find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
  refresh
  echo "Cortège is no longer in your menu. Your plans are still in $data/Cortege."
  exit 0
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/metainfo" "$bin"
cp -R "$here/share/icons" "$data/"
cp "$here/share/mime/packages/$id.xml" "$data/mime/packages/"
cp "$here/share/metainfo/$id.metainfo.xml" "$data/metainfo/"
sed "s|^Exec=cortege|Exec=\"$here/Cortege\"|; s|^TryExec=cortege|TryExec=$here/Cortege|" \
  "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
ln -sf "$here/Cortege" "$bin/cortege"
refresh
echo "Cortège is in your menu; bundles open in it with a double-click; 'cortege' runs it in a terminal."

"""Build bpviz's Linux installers from a clean checkout, in one command.

    python3 packaging/build.py            # .deb and portable tarball in build/
    python3 packaging/build.py --nsis     # also compile the Windows installer script (needs makensis) as a check

Steps: a fresh virtual environment in build/venv with bpviz and PyInstaller; the icons (packaging/make_icons.py);
the one-folder bundle (packaging/bpviz.spec); the bundle's own --self-check; then the .deb (dpkg-deb: the app
in /opt/bpviz, /usr/bin/bpviz, the desktop entry, hicolor icons, AppStream metainfo, the session MIME type) and
a tarball for other distributions. Prints the time taken and the sizes. Windows and macOS: packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
APP_ID = "io.github.bpviz.bpviz"
VERSION = re.search(r'__version__ = "([^"]+)"', (ROOT / "bpviz" / "__init__.py").read_text()).group(1)
# What the bundle needs from the system (the rest it carries): GL/EGL and fonts for Qt, the X11 and Wayland
# client libraries of Qt's xcb/wayland platform plugins. fonts-noto-cjk: the window in Simplified Chinese.
DEPENDS = ("libc6 (>= 2.34), libgl1, libegl1, libfontconfig1, fontconfig, fonts-dejavu-core, fonts-noto-cjk, "
           "libdbus-1-3, "
           "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
           "libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxcb-randr0, libxcb-xinerama0, libwayland-client0, "
           "libwayland-cursor0")


STEPS: list[tuple[str, float]] = []  # (title, start time): build.py reports how long each step took


def step(title: str) -> None:
    STEPS.append((title, time.perf_counter()))
    print(f"\n== {title}", flush=True)


def run(*cmd, **kw) -> None:
    print("$ " + " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def size(path: Path) -> str:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)  # symlinks (the bundle has some) counted once
    return f"{total / 1e6:,.0f} MB"


def build_venv() -> Path:
    step("virtual environment with bpviz and PyInstaller")
    env_dir = BUILD / "venv"
    if not (env_dir / "bin" / "python").exists():
        venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", f"{ROOT}[build]")
    return python


def build_bundle(python: Path) -> Path:
    step("icons")
    run(python, ROOT / "packaging" / "make_icons.py", BUILD / "icons")
    step("PyInstaller one-folder bundle")
    run(python, "-m", "PyInstaller", ROOT / "packaging" / "bpviz.spec", "--distpath", BUILD / "dist",
        "--workpath", BUILD / "pyinstaller", "--noconfirm", "--log-level", "WARN")
    bundle = BUILD / "dist" / "bpviz"
    step("the bundle checks itself (no display needed)")
    run(bundle / "bpviz", "--self-check", env={k: v for k, v in os.environ.items() if k != "DISPLAY"})
    return bundle


def build_deb(bundle: Path) -> Path:
    step(".deb package")
    root = BUILD / "deb" / "root"
    shutil.rmtree(root.parent, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "bpviz", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/bpviz/bpviz", root / "usr" / "bin" / "bpviz")
    share = root / "usr" / "share"
    res = ROOT / "resources"
    icons = share / "icons" / "hicolor"
    for src, dest in ((res / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
                      (res / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
                      (res / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml"),
                      (res / "icons" / "bpviz.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg")):
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    for png in sorted((BUILD / "icons").glob("bpviz-*.png")):
        px = png.stem.split("-")[1]
        dest = share / "icons" / "hicolor" / f"{px}x{px}" / "apps" / f"{APP_ID}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, dest)
    doc = share / "doc" / "bpviz"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", doc / "README.md")
    installed_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip() or "amd64"
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(f"""Package: bpviz
Version: {VERSION}
Section: education
Priority: optional
Architecture: {arch}
Maintainer: bpviz developers <bpviz@users.noreply.github.com>
Installed-Size: {installed_kb}
Depends: {DEPENDS}
Homepage: https://github.com/bpviz/bpviz
Description: see and learn backpropagation
 bpviz makes backpropagation visible: step one forward and backward pass of the
 classic 2-2-2 sigmoid network by hand and see every number on a live diagram,
 then train networks on red and blue points and watch weights, gradients, the
 loss curve and the decision regions change live. Plots export as PNG, SVG and
 CSV; sessions save and reopen.
""")
    deb = BUILD / f"bpviz_{VERSION}_{arch}.deb"
    run("dpkg-deb", "--build", "--root-owner-group", "-Zxz", root, deb)
    return deb


def build_tarball(bundle: Path) -> Path:
    step("portable tarball (any Linux with glibc >= 2.34)")
    arch = os.uname().machine
    tarball = BUILD / f"bpviz-{VERSION}-linux-{arch}.tar.gz"
    top = f"bpviz-{VERSION}"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(bundle, arcname=f"{top}/bpviz")
        tar.add(ROOT / "resources" / f"{APP_ID}.desktop", arcname=f"{top}/share/{APP_ID}.desktop")
        tar.add(ROOT / "resources" / "icons" / "bpviz.svg", arcname=f"{top}/share/{APP_ID}.svg")
        tar.add(ROOT / "resources" / f"{APP_ID}.mime.xml", arcname=f"{top}/share/{APP_ID}.xml")
        tar.add(ROOT / "packaging" / "linux" / "install.sh", arcname=f"{top}/install.sh")
        tar.add(ROOT / "README.md", arcname=f"{top}/README.md")
    return tarball


def check_nsis(bundle: Path) -> None:
    step("Windows installer script (compiled as a check: the real bundle must be built on Windows)")
    if shutil.which("makensis") is None:
        print("makensis not found (Debian: apt-get install nsis); skipped")
        return
    run("makensis", "-V2", f"-DVERSION={VERSION}", f"-DBUNDLE={bundle}", f"-DOUTFILE={BUILD / 'nsis-check.exe'}",
        f"-DICON={BUILD / 'icons' / 'bpviz.ico'}", ROOT / "packaging" / "windows" / "bpviz.nsi")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nsis", action="store_true", help="also compile the Windows installer script (a check)")
    args = parser.parse_args()
    if sys.platform != "linux":
        print("build.py makes the Linux installers; see packaging/README.md for Windows and macOS", file=sys.stderr)
        return 2
    started = time.perf_counter()
    BUILD.mkdir(exist_ok=True)
    python = build_venv()
    bundle = build_bundle(python)
    outputs = [build_deb(bundle), build_tarball(bundle)]
    if args.nsis:
        check_nsis(bundle)
    step("done")
    for (title, start), (_, end) in zip(STEPS, STEPS[1:]):
        print(f"{end - start:6.0f} s  {title}")
    print(f"bundle   {bundle}  {size(bundle)}")
    for path in outputs:
        print(f"{path.suffix[1:] if path.suffix != '.gz' else 'tar.gz':7s}  {path}  {size(path)}")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

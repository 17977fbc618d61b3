"""The installers' parts: the app's --self-check, the icons, the .deb and tarball layout, the NSIS script, and the
PyInstaller bundle itself (built from packaging/bpviz.spec and made to check itself).

The bundle build takes about half a minute; `pytest -m "not bundle"` leaves it out of a quick run.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.bpviz.bpviz"


def _headless_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture(scope="module")
def build_script():
    spec = importlib.util.spec_from_file_location("bpviz_build_script", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(out)], check=True,
                   env=_headless_env(), capture_output=True)
    return out


def _fake_bundle(folder: Path, program: str = "bpviz") -> Path:
    """A stand-in for PyInstaller's folder: a program and its _internal directory."""
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    exe = folder / program
    exe.write_text("#!/bin/sh\necho bpviz 0.0\n")
    exe.chmod(0o755)
    return folder


def test_self_check_passes_and_names_each_check():
    done = subprocess.run([sys.executable, "-m", "bpviz", "--self-check"], capture_output=True, text=True,
                          env=_headless_env(), timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in ("main window", "worked example pass", "training slice", "lesson pages", "render",
                 "export PNG and SVG", "clean shutdown"):
        assert any(line.startswith("ok") and name in line for line in lines), (name, done.stdout)
    assert "E_total = 0.298371109" in done.stdout
    assert lines[-1].startswith("self-check passed")


def test_self_check_fails_with_exit_1_when_a_check_fails():
    # The same run, but expecting a wrong published error: the check must say so and exit 1.
    code = ("import sys, bpviz.gui.self_check as check; check.PUBLISHED_E_TOTAL = 0.3; sys.exit(check.run())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_headless_env(),
                          timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL worked example pass" in done.stdout
    assert "self-check FAILED: worked example pass" in done.stdout


def test_icons_come_in_every_hicolor_size_and_as_ico(icons):
    from PySide6.QtGui import QImage

    for size in (16, 32, 48, 128, 256, 512):
        image = QImage(str(icons / f"bpviz-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() > 0
    assert (icons / "bpviz.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # the ICO header


def test_desktop_entry_and_metainfo_agree_with_the_app():
    from bpviz.gui.app import APP_ID as app_id

    assert app_id == APP_ID
    entry = (ROOT / "resources" / f"{APP_ID}.desktop").read_text()
    assert f"Icon={APP_ID}\n" in entry and "Exec=bpviz %f\n" in entry
    assert "MimeType=application/x-bpviz-session;" in entry
    assert "*.bpviz" in (ROOT / "resources" / f"{APP_ID}.mime.xml").read_text()
    metainfo = (ROOT / "resources" / f"{APP_ID}.metainfo.xml").read_text()
    assert f"<id>{APP_ID}</id>" in metainfo and f"<launchable type=\"desktop-id\">{APP_ID}.desktop" in metainfo
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(ROOT / "resources" / f"{APP_ID}.desktop")],
                              capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
def test_deb_puts_the_app_in_opt_with_a_command_menu_entry_icons_and_metainfo(build_script, icons, tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(build_script, "BUILD", tmp_path)
    shutil.copytree(icons, tmp_path / "icons")
    deb = build_script.build_deb(_fake_bundle(tmp_path / "bundle"))
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/bpviz/bpviz", "./opt/bpviz/_internal/base_library.zip",
                 f"./usr/share/applications/{APP_ID}.desktop", f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                 f"./usr/share/mime/packages/{APP_ID}.xml", f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                 f"./usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
                 f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"):
        assert f" {path}" in listing, path
    assert "./usr/bin/bpviz -> /opt/bpviz/bpviz" in listing
    program = next(line for line in listing.splitlines() if line.endswith(" ./opt/bpviz/bpviz"))
    assert program.startswith("-rwxr-xr-x root/root")  # executable, owned by root whoever built it
    fields = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
                            capture_output=True, text=True, check=True).stdout
    assert "Package: bpviz" in fields and f"Version: {build_script.VERSION}" in fields
    for dependency in ("libgl1", "libegl1", "fontconfig", "fonts-dejavu-core"):
        assert dependency in fields


def test_tarball_carries_the_bundle_the_menu_entry_and_an_installer_that_works(build_script, tmp_path, monkeypatch):
    monkeypatch.setattr(build_script, "BUILD", tmp_path)
    tarball = build_script.build_tarball(_fake_bundle(tmp_path / "bundle"))
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    top = tmp_path / "unpacked" / f"bpviz-{build_script.VERSION}"
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "XDG_DATA_HOME": str(home / "share")}
    done = subprocess.run(["sh", str(top / "install.sh")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "bpviz 0.0" in done.stdout  # install.sh ends by running the installed program
    assert (home / ".local" / "bin" / "bpviz").resolve() == (home / ".local" / "opt" / "bpviz" / "bpviz")
    entry = (home / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={home}/.local/opt/bpviz/bpviz %f" in entry
    assert (home / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    assert (home / "share" / "mime" / "packages" / f"{APP_ID}.xml").exists()
    done = subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "opt" / "bpviz").exists() and not (home / ".local" / "bin" / "bpviz").exists()
    assert not (home / "share" / "applications" / f"{APP_ID}.desktop").exists()


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis is not installed (Debian: nsis)")
def test_windows_installer_script_compiles(icons, tmp_path):
    bundle = _fake_bundle(tmp_path / "bundle", "bpviz.exe")
    (bundle / "bpviz-cli.exe").write_bytes(b"MZ")
    out = tmp_path / "setup.exe"
    done = subprocess.run(["makensis", "-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTFILE={out}",
                           f"-DICON={icons / 'bpviz.ico'}", str(ROOT / "packaging" / "windows" / "bpviz.nsi")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


@pytest.mark.bundle
def test_pyinstaller_bundle_runs_its_self_check(tmp_path):
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install \".[build]\")")
    done = subprocess.run([sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "bpviz.spec"),
                           "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
                           "--noconfirm", "--log-level", "WARN"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    bundle = tmp_path / "dist" / "bpviz"
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    # Qt left out where bpviz never uses it; kept where the window, SVG and images need it.
    assert not [f for f in files if "Qt6Qml" in f or "Qt6Quick" in f or "Qt6Network" in f or "/qmltooling/" in f]
    for needed in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "imageformats/libqsvg.so",
                   "libQt6Svg.so.6"):
        assert any(f.endswith(needed) for f in files), needed
    version = subprocess.run([str(bundle / "bpviz"), "--version"], capture_output=True, text=True, timeout=60)
    from bpviz import __version__

    assert version.stdout.strip() == f"bpviz {__version__}"
    check = subprocess.run([str(bundle / "bpviz"), "--self-check"], capture_output=True, text=True, timeout=120,
                           env={k: v for k, v in _headless_env().items() if k != "PYTHONPATH"})
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1].startswith("self-check passed")

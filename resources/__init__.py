"""Data files of bpviz (icons, desktop entry, AppStream metainfo, screenshots).

Installed as the package ``bpviz.resources`` (see pyproject.toml) so that ``importlib.resources`` finds them
in a wheel; ``bpviz.gui.resources`` also finds them in a source checkout and in the PyInstaller bundle.
"""

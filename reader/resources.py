"""Where the files the app ships are: the bundled content pack and `resources/` (schema, icons,
styles, kiosk service files).

The one place that knows. An installed wheel or a PyInstaller bundle carries them inside the
package, in `reader/_data/` (the build copies the top-level `content/` and `resources/` there);
a source checkout or an editable install uses those top-level folders themselves. Never the
current directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGED_DATA_DIR = PACKAGE_DIR / "_data"


def _data_root() -> Path:
    if PACKAGED_DATA_DIR.is_dir():
        return PACKAGED_DATA_DIR  # a wheel or a bundle
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout  # the source tree, run as it is or installed in editable mode
    return PACKAGED_DATA_DIR  # a broken install: loading then says which file is missing


DATA_ROOT = _data_root()
RESOURCES_DIR = DATA_ROOT / "resources"
BUNDLED_CONTENT_DIR = DATA_ROOT / "content"


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. `resource_path("schema", "topic.schema.json")`."""
    return RESOURCES_DIR.joinpath(*parts)

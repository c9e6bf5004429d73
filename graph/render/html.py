"""Assemble the self-contained HTML page: our template, vis-network inlined.

pyvis 0.3.2 ships the vis-network bundle we inline; its own template is not
used because it fetches Bootstrap from a CDN, inserts the heading unescaped and
switches every tooltip to innerHTML as soon as one contains "href".
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from graph.errors import RenderError

VIS_VERSION = "9.1.2"
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network bundle shipped inside pyvis, without its source-map link."""
    try:
        import pyvis

        path = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
        text = path.read_text(encoding="utf-8")
    except (ImportError, OSError) as e:
        raise RenderError(
            f"cannot read vis-network {VIS_VERSION} from pyvis ({e}); reinstall pyvis==0.3.2"
        ) from e
    return re.sub(r"//# sourceMappingURL=\S*", "", text)


def _asset(name: str) -> str:
    return resources.files("graph.render").joinpath(name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so neither ``</script>``
    nor ``<!--`` in a document string can end or change the script block.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_html(data: dict[str, Any], *, title: str) -> str:
    """The whole page; placeholders are filled in one pass, never re-scanned."""
    parts = {
        "TITLE": html.escape(title),
        "DATA": script_json(data),
        "VIS_JS": vis_network_js(),
        "PANEL_JS": _asset("panel.js"),
        "CLUSTER_JS": _asset("clusters.js"),
        "APP_JS": _asset("app.js"),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("template.html"))

"""The Lambda handler module: ``Handler: lambda_entry.lambda_handler``.

SAM packages ``functions/route_request/`` as the root of the zip (``/var/task``), so its
modules are top-level there and their relative imports (``from .store import …``) would
fail. This shim registers the folder as the package ``route_request`` and imports the real
handler from it; the same modules stay importable as ``functions.route_request`` locally.
A test unpacks the folder on its own and imports this file the way Lambda does.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

_PACKAGE = "route_request"
_HERE = Path(__file__).resolve().parent

if __package__:  # imported as part of a package already (local use): no shim needed
    _handler = importlib.import_module(f"{__package__}.handler")
else:
    if _PACKAGE not in sys.modules:
        _spec = importlib.util.spec_from_file_location(
            _PACKAGE, _HERE / "__init__.py", submodule_search_locations=[str(_HERE)]
        )
        assert _spec is not None and _spec.loader is not None
        _module = importlib.util.module_from_spec(_spec)
        sys.modules[_PACKAGE] = _module
        _spec.loader.exec_module(_module)
    _handler = importlib.import_module(f"{_PACKAGE}.handler")

lambda_handler = _handler.lambda_handler

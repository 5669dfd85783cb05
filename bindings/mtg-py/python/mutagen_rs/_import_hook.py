"""Make ``import mutagen`` resolve to ``mutagen_rs``.

After :func:`install_as_mutagen` every import of ``mutagen`` or
``mutagen.<sub>`` returns the module ``mutagen_rs`` or ``mutagen_rs.<sub>``
itself (the same module object, so ``isinstance`` checks and monkeypatching
behave as one would expect). The hook owns the whole ``mutagen`` namespace: a
submodule that ``mutagen_rs`` lacks raises ``ModuleNotFoundError``; it never
falls through to a real ``mutagen`` installed beside it.
"""

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys

_ALIAS = "mutagen"
_TARGET = "mutagen_rs"


def _target_name(fullname):
    if fullname == _ALIAS:
        return _TARGET
    if fullname.startswith(_ALIAS + "."):
        return _TARGET + fullname[len(_ALIAS):]
    return None


class _AliasLoader(importlib.abc.Loader):
    """Loads ``mutagen.X`` by importing ``mutagen_rs.X`` and handing it over."""

    def __init__(self, target):
        self._target = target
        self._saved = {}

    def create_module(self, spec):
        module = importlib.import_module(self._target)
        # The import machinery writes the alias spec onto the module it gets
        # back; remember the real attributes to put them back in exec_module.
        self._saved = {
            k: module.__dict__[k]
            for k in ("__spec__", "__loader__")
            if k in module.__dict__
        }
        return module

    def exec_module(self, module):
        module.__dict__.update(self._saved)


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Answers for ``mutagen`` and every ``mutagen.*`` name."""

    def find_spec(self, fullname, path=None, target=None):
        real = _target_name(fullname)
        if real is None:
            return None
        if importlib.util.find_spec(real) is None:
            raise ModuleNotFoundError(
                "No module named %r (mutagen_rs has no %r)" % (fullname, real),
                name=fullname,
            )
        is_pkg = hasattr(importlib.import_module(real), "__path__")
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(real), is_package=is_pkg
        )


_FINDER = _AliasFinder()


def install_as_mutagen():
    """Route ``import mutagen`` and ``import mutagen.<sub>`` to ``mutagen_rs``.

    Call it once, before the first ``import mutagen``. Modules of a real
    mutagen that were imported earlier are dropped from ``sys.modules`` so
    that later imports see ``mutagen_rs``. Calling it again does nothing.
    """
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    for name in list(sys.modules):
        if _target_name(name) is not None:
            mod = sys.modules[name]
            if not getattr(mod, "__name__", "").startswith(_TARGET):
                del sys.modules[name]


def uninstall_as_mutagen():
    """Undo :func:`install_as_mutagen` (aliases already imported stay)."""
    while _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)

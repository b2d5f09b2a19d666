"""msgpack support for what the stages leave on a Doc: ``doc._.candidates`` and ``doc._.events``.

spaCy writes ``doc.user_data`` (where ``doc._`` values live) with srsly's msgpack, in ``Doc.to_bytes``,
``DocBin(store_user_data=True)`` and between the processes of ``nlp.pipe(n_process=N)``. srsly lets a
package add encoders and decoders to its ``msgpack_encoders``/``msgpack_decoders`` registries (as it does
itself for numpy arrays): a Candidate or an Event is packed as its ``to_dict`` with a marker key, and
unpacked with ``from_dict``. ``register`` is called by ``extensions.register_extensions``, so every process
that builds a coaching component, or imports the package, can pack and unpack them.
"""
from __future__ import annotations

from typing import Any, Callable

from srsly.msgpack import msgpack_decoders, msgpack_encoders

from .candidates import Candidate
from .schema import Event

MARKER = "__coaching_events__"
_TYPES: dict[str, Any] = {"candidate": Candidate, "event": Event}


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A Candidate or an Event as a msgpack map; anything else to the next encoder."""
    for name, cls in _TYPES.items():
        if type(obj) is cls:
            return {MARKER: name, **obj.to_dict()}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A map packed by :func:`encode` back as its Candidate or Event; anything else to the next decoder."""
    if isinstance(obj, dict) and obj.get(MARKER) in _TYPES:
        data = dict(obj)
        return _TYPES[data.pop(MARKER)].from_dict(data)
    return obj if chain is None else chain(obj)


def register() -> None:
    msgpack_encoders.register("coaching_events", func=encode)
    msgpack_decoders.register("coaching_events", func=decode)

"""Output files that appear whole or not at all.

An output is written to a temporary file beside its target (same folder, so
the final rename is atomic) and renamed over the target only when the run
ends well; a run that fails, is interrupted or killed leaves the previous
complete output as it was. A ``kill -9`` may leave the temporary file
(``.NAME.XXXX.partial``) behind; it is never mistaken for a finished output.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".partial"


class AtomicFile:
    """A binary file written at a temporary path, renamed to ``path`` on :meth:`commit`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                             suffix=PARTIAL_SUFFIX)
        self.temporary = Path(temporary)
        os.chmod(handle, 0o666 & ~_umask())  # mkstemp makes it private; an output is not
        self.stream: BinaryIO = os.fdopen(handle, "wb")

    def commit(self) -> None:
        """Close and move the file into place (replacing an older one)."""
        self.stream.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        """Close and delete the temporary file; the target is left as it was."""
        self.stream.close()
        self.temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale(path: str | Path) -> bool:
    """Delete an output of an earlier run that this run did not write; True when there was one."""
    try:
        Path(path).unlink()
    except FileNotFoundError:
        return False
    return True

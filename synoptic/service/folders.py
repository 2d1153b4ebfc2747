"""A folder the server owns (``--articles-dir``) whose subfolders are clusters clients brief by name.

A client names a subfolder; it never gives a path. The name must be one of the listed subfolders, so
"..", "a/b" or an absolute path match nothing, and symbolic links are neither listed nor followed, so
no file outside the folder can be read through it.
"""

from __future__ import annotations

import os
from pathlib import Path

from synoptic.errors import SynopticError
from synoptic.ingest import READERS, passed_over_note, reader_suffix
from synoptic.service.engine import RawFile
from synoptic.service.errors import NotFoundError, TooLargeError


class ArticleFolders:
    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise SynopticError(f"{root}: no such folder; give --articles-dir a folder whose subfolders hold articles")
        self.root = root.resolve()

    def names(self) -> list[str]:
        """The subfolders that can be briefed: real directories, not hidden, not links."""
        with os.scandir(self.root) as entries:
            return sorted(e.name for e in entries if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))

    def read(self, name: str, max_files: int, max_bytes: int) -> tuple[list[RawFile], list[str]]:
        """The supported files of one subfolder, recursively, in sorted order (as ``synoptic brief DIR`` reads them),
        and the note naming the others, which no reader takes (none when there are none)."""
        if name not in self.names():
            choices = ", ".join(self.names()) or "none: the folder is empty"
            raise NotFoundError(f"folder '{name}' not found; choose one of: {choices}")
        folder = self.root / name
        paths: list[Path] = []
        passed_over: list[str] = []
        for dirpath, dirnames, filenames in os.walk(folder):  # os.walk does not descend into linked folders
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for f in filenames:
                path = Path(dirpath, f)
                if f.startswith(".") or path.is_symlink():
                    continue
                if reader_suffix(path) in READERS:  # ".warc.gz", not ".gz"
                    paths.append(path)
                else:
                    passed_over.append(path.relative_to(folder).as_posix())
        if len(paths) > max_files:
            raise TooLargeError(f"folder '{name}' holds {len(paths)} files; this server briefs at most {max_files} at once (see --max-articles)")
        files, total = [], 0
        for path in sorted(paths):
            data = path.read_bytes()
            total += len(data)
            if total > max_bytes:
                raise TooLargeError(f"folder '{name}' holds more than {max_bytes // (1024 * 1024)} MB of articles; split it into smaller clusters")
            files.append(RawFile(origin=f"{name}/{path.relative_to(folder).as_posix()}", data=data, suffix=reader_suffix(path)))
        return files, [passed_over_note(name, sorted(passed_over))] if passed_over else []

"""Read-only Whoosh storage over memory maps that copies only the bytes a search reads.

Whoosh's own memory-mapped reading copies each segment's terms and postings into a BytesIO
when a reader opens (50+ ms and as much memory as the index, for a large pack); reading
without maps is slower per query. Here a segment file is mapped once and every part of it
Whoosh asks for is a view of the map: opening reads nothing, queries read from memory.
A map also keeps a deleted file readable, so a reader survives another process swapping
in a newer index version.

Imported only where Whoosh is already in use.
"""

from __future__ import annotations

import mmap
import os
from array import array
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import _SIZEMAP, StructFile
from whoosh.system import IS_LITTLE


class _ViewReader:
    """The file methods StructFile and pickle need (read, readinto, readline, seek, tell) over a view."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        data = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        pos = self._pos
        while pos < end:
            chunk = self._view[pos : min(end, pos + 256)].tobytes()
            newline = chunk.find(b"\n")
            if newline >= 0:
                return self.read(pos + newline + 1 - self._pos)
            pos += len(chunk)
        return self.read(end - self._pos)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        pass  # the map is unmapped when its last view is garbage: closing it could break open readers


class MappedFile(StructFile):
    """A read-only file, or part of one, as a view of a memory map."""

    def __init__(self, view: memoryview, name: str | None = None, onclose: Any = None) -> None:
        super().__init__(_ViewReader(view), name=name, onclose=onclose)
        self._view = view
        self.is_real = False

    def get(self, position: int, length: int) -> bytes:
        return self._view[position : position + length].tobytes()

    def get_array(self, position: int, typecode: str, length: int) -> array[Any]:
        values = array(typecode)
        values.frombytes(self.get(position, length * _SIZEMAP[typecode]))
        if IS_LITTLE:
            values.byteswap()
        return values

    def subset(self, position: int, length: int, name: str | None = None) -> MappedFile:
        return MappedFile(self._view[position : position + length], name or self._name)


class MappedStorage(FileStorage):
    """A read-only FileStorage whose files are MappedFiles.

    `supports_mmap` is False so that Whoosh's compound segments take the parts of a segment
    through `MappedFile.subset` (views) rather than map and copy them again.
    """

    supports_mmap = False

    def __init__(self, path: str) -> None:
        super().__init__(path, supports_mmap=False, readonly=True)

    def open_file(self, name: str, **kwargs: Any) -> MappedFile:
        with open(self._fpath(name), "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:  # an empty file cannot be mapped
                return MappedFile(memoryview(b""), name, kwargs.get("onclose"))
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return MappedFile(memoryview(mapped), name, kwargs.get("onclose"))

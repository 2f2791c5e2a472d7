"""The one helper that reads files another party can write: regular files only, never more than
the limit plus one byte, the file checked being the file read. (Whole-program cases with a FIFO
and /dev/zero, in child processes, are in tests/reliability/test_special_files.py.)"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader import filereading
from reader.filereading import (
    FileRefusedError,
    FileTooLargeError,
    NotARegularFileError,
    check_regular_file,
    read_bytes_limited,
    read_text_limited,
)


def test_a_regular_file_and_a_link_to_one_are_read(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_bytes("id: é\n".encode())
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert read_bytes_limited(path, 100) == "id: é\n".encode()
    assert read_text_limited(link, 100) == "id: é\n"
    check_regular_file(link, 100)


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLargeError) as refused:
        read_bytes_limited(path, 100)
    assert refused.value.size == 101 and refused.value.limit == 100
    assert str(path) in str(refused.value) and "too large" in str(refused.value)
    assert read_bytes_limited(path, 101) == b"x" * 101, "exactly the limit is fine"


def test_a_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFileError, match="not a regular file \\(a folder\\)"):
        read_bytes_limited(tmp_path, 100)
    with pytest.raises(NotARegularFileError):
        check_regular_file(tmp_path, 100)


def test_refusals_are_os_errors_that_name_the_file(tmp_path: Path) -> None:
    """Callers that already handle OSError (and show `strerror`) keep working."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as refused:
        read_bytes_limited(fifo, 100)
    assert isinstance(refused.value, FileRefusedError)
    assert refused.value.strerror == "not a regular file (a named pipe (FIFO))"
    assert str(refused.value) == f"{fifo}: not a regular file (a named pipe (FIFO))"


def test_the_open_file_is_checked_not_only_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regular file swapped for a FIFO between the check by name and the open is still refused:
    the descriptor itself is checked (fstat). A writer keeps the FIFO from blocking the test."""
    fifo = tmp_path / "swapped.yaml"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    os.write(writer, b"y" * 200)
    regular = tmp_path / "regular.yaml"
    regular.write_bytes(b"ok")
    real_stat = os.stat
    monkeypatch.setattr(filereading.os, "stat", lambda p, *a, **k: real_stat(regular))
    try:
        with pytest.raises(NotARegularFileError):
            read_bytes_limited(fifo, 100)
    finally:
        os.close(writer)


def test_a_file_that_grows_past_its_size_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A size that lies (a file in /proc says 0, a file still being written): at most limit + 1
    bytes are read, and the file is refused."""
    path = tmp_path / "growing.yaml"
    path.write_bytes(b"z" * 10_000)
    reads: list[int] = []
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read

    def size_zero(real: os.stat_result) -> os.stat_result:
        fields = list(real)
        fields[stat.ST_SIZE] = 0
        return os.stat_result(fields)

    def counted_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(filereading.os, "stat", lambda p, *a, **k: size_zero(real_stat(p)))
    monkeypatch.setattr(filereading.os, "fstat", lambda fd: size_zero(real_fstat(fd)))
    monkeypatch.setattr(filereading.os, "read", counted_read)
    with pytest.raises(FileTooLargeError):
        read_bytes_limited(path, 100)
    assert sum(reads) <= 101

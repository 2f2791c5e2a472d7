"""Errors escaping Qt slots and worker threads are logged and shown; logging goes to a rotating file."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from reader.excepthook import ExceptionHook
from reader.logging_setup import LOG_FILE_NAME, RotatingLogFile, configure_logging


class _Emitter(QObject):
    fired = Signal()


@pytest.fixture
def hook():
    messages: list[str] = []
    installed = ExceptionHook(messages.append).install()
    installed.messages = messages  # type: ignore[attr-defined]
    yield installed
    installed.uninstall()


def test_error_in_a_slot_is_logged_and_shown_and_the_app_keeps_running(
    qtbot, hook, caplog: pytest.LogCaptureFixture
) -> None:
    emitter = _Emitter()

    def broken_slot() -> None:
        raise ValueError("bad value in slot")

    emitter.fired.connect(broken_slot)
    with caplog.at_level(logging.CRITICAL, logger="reader.excepthook"):
        emitter.fired.emit()
    assert hook.count == 1
    assert hook.messages == [
        "Something went wrong (ValueError). The reader is still running; details are in the log."
    ]
    assert "bad value in slot" in caplog.text and "Traceback" in caplog.text
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])  # the event loop still runs


def test_error_in_a_worker_thread_is_caught(hook) -> None:
    def work() -> None:
        raise RuntimeError("worker failed")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert hook.count == 1 and "RuntimeError" in hook.messages[0]


def test_a_failing_notifier_does_not_raise(caplog: pytest.LogCaptureFixture) -> None:
    def bad_notify(_: str) -> None:
        raise OSError("display gone")

    hook = ExceptionHook(bad_notify).install()
    try:
        try:
            raise KeyError("k")
        except KeyError as exc:
            hook._handle(KeyError, exc, exc.__traceback__)
    finally:
        hook.uninstall()
    assert hook.count == 1 and "could not show the error message" in caplog.text


def test_log_file_is_written_and_rotates(tmp_path: Path) -> None:
    path = configure_logging(verbose=False, log_dir=tmp_path / "logs")
    try:
        assert path == tmp_path / "logs" / LOG_FILE_NAME
        logger = logging.getLogger("reader.test")
        logger.info("hello from the test")
        logger.debug("not in the file without --verbose")
        for _ in range(3000):
            logger.warning("x" * 500)
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert path.exists() and path.stat().st_size <= 1_100_000
        assert (tmp_path / "logs" / f"{LOG_FILE_NAME}.1").exists()
        text = "".join(p.read_text("utf-8") for p in (tmp_path / "logs").iterdir())
        assert "not in the file" not in text
    finally:
        configure_logging(verbose=False, log_dir=None)


def test_the_log_keeps_its_newest_records_and_at_most_its_backups(tmp_path: Path) -> None:
    path = tmp_path / LOG_FILE_NAME
    handler = RotatingLogFile(path, max_bytes=100, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.Logger("rotation-test")
    logger.addHandler(handler)
    try:
        for number in range(10):
            logger.warning("record %02d %s", number, "x" * 30)  # 41 bytes a line: two to a file
    finally:
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert all(p.stat().st_size <= 100 for p in tmp_path.iterdir())
    assert path.read_text("utf-8").startswith("record 08") and "record 09" in path.read_text("utf-8")
    assert (tmp_path / f"{LOG_FILE_NAME}.2").read_text("utf-8").startswith("record 04")


def test_unwritable_log_dir_falls_back_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("not a dir")
        log_dir = blocker / "logs"  # cannot be created, even by root
    else:
        log_dir = tmp_path / "ro"
        log_dir.mkdir(mode=0o500)
    try:
        assert configure_logging(verbose=False, log_dir=log_dir) is None
        assert "cannot write the log file" in capsys.readouterr().err
    finally:
        configure_logging(verbose=False, log_dir=None)

"""A global exception hook: an error escaping a Qt slot or a worker is logged with its
traceback and shown to the user as a short message, and the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from reader.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

Notifier = Callable[[str], None]

USER_MESSAGE = QT_TRANSLATE_NOOP(
    "ExceptionHook", "Something went wrong ({kind}). The reader is still running; details are in the log."
)


def short_message(error: BaseException, translate: Callable[[str], str] = str) -> str:
    """What the user is told; `translate` puts the English source in the interface language."""
    return translate(USER_MESSAGE).format(kind=type(error).__name__)


class ExceptionHook:
    """Installs itself as sys.excepthook and threading.excepthook; `uninstall()` restores both."""

    def __init__(self, notify: Notifier | None = None, translate: Callable[[str], str] = str) -> None:
        self._notify = notify
        self._translate = translate  # the window's: Qt's catalogue (this module stays Qt-free)
        self._previous = (sys.excepthook, threading.excepthook)
        self.count = 0

    def install(self) -> ExceptionHook:
        sys.excepthook = self._handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def set_notifier(self, notify: Notifier | None) -> None:
        self._notify = notify

    def _handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, tb)
            return
        self.count += 1
        log.critical("unhandled error:\n%s", "".join(traceback.format_exception(kind, error, tb)).rstrip())
        if self._notify is not None:
            try:
                self._notify(short_message(error, self._translate))
            except Exception:  # the notifier itself must never take the app down
                log.exception("could not show the error message")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._handle(args.exc_type, args.exc_value, args.exc_traceback)

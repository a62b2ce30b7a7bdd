"""Make the database go away under a running app, the way it does in production.

* PostgreSQL: the app connects through :class:`TcpProxy` on 127.0.0.1; ``cut()`` drops every open
  connection and refuses new ones (the server, or the network to it, is gone), ``restore()``
  listens again on the same port.
* SQLite: ``cut()`` moves the database files aside and puts a directory where the file was, so
  opening it fails ("unable to open database file") even for root; ``restore()`` puts them back.

:func:`fail_mid_transaction` breaks the connection at a chosen statement inside a transaction,
so a test can prove that a multi-row write is all or nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, event


class Outage(Protocol):
    """A database the test can switch off and on."""

    url: str
    """The URL the app under test must use."""

    def cut(self) -> None:
        """The database becomes unreachable."""
        ...

    def restore(self) -> None:
        """The database is back."""
        ...

    def close(self) -> None:
        """Tear down."""
        ...


class TcpProxy:
    """A loopback TCP relay to ``target``; the test decides when the line is cut."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self.port = 0

    def start(self) -> TcpProxy:
        """Listen on 127.0.0.1 (a free port the first time, the same port after a restore)."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = int(listener.getsockname()[1])
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Refuse new connections and reset every open one."""
        with self._lock:
            listener, self._listener = self._listener, None
            open_sockets, self._sockets = self._sockets, set()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept() (Linux)
            listener.close()
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self) -> None:
        """Listen again on the same port."""
        self.start()

    def close(self) -> None:
        """Tear down."""
        self.cut()


class PostgresOutage:
    """PostgreSQL behind a :class:`TcpProxy`."""

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self._proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432).start()
        netloc = parts.netloc.rsplit("@", 1)
        host = f"127.0.0.1:{self._proxy.port}"
        self.url = urllib.parse.urlunsplit(
            parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host)
        )

    def cut(self) -> None:
        """The server is gone."""
        self._proxy.cut()

    def restore(self) -> None:
        """The server is back."""
        self._proxy.restore()

    def close(self) -> None:
        """Tear down."""
        self._proxy.close()


class SqliteOutage:
    """An SQLite file that can be made unopenable."""

    SUFFIXES = ("", "-wal", "-shm")

    def __init__(self, url: str) -> None:
        self.url = url
        self._path = Path(url.split("///", 1)[1])
        self._aside = self._path.with_name(self._path.name + ".aside")
        self._cut = False

    def cut(self) -> None:
        """Nothing can open the database any more."""
        self._aside.mkdir()
        for suffix in self.SUFFIXES:
            source = Path(str(self._path) + suffix)
            if source.exists():
                source.rename(self._aside / (self._path.name + suffix))
        self._path.mkdir()
        self._cut = True

    def restore(self) -> None:
        """The files are back."""
        if not self._cut:
            return
        self._path.rmdir()
        for moved in self._aside.iterdir():
            moved.rename(self._path.with_name(moved.name))
        shutil.rmtree(self._aside)
        self._cut = False

    def close(self) -> None:
        """Leave the files where they belong."""
        self.restore()


def outage_for(url: str) -> Outage:
    """The right kind of outage for a test database URL."""
    return PostgresOutage(url) if url.startswith("postgresql") else SqliteOutage(url)


@contextlib.contextmanager
def fail_mid_transaction(engine: Engine, table: str, outage: Outage | None = None) -> Iterator[list[str]]:
    """Break the database at the first ``INSERT INTO <table>``, inside whatever transaction runs it.

    With a PostgreSQL ``outage`` the line to the server is cut right then (the statement never
    arrives; the server rolls the open transaction back). Otherwise the statement fails with the
    driver's own OperationalError, as a disk I/O error or a dropped connection would raise it.
    Yields the statements seen before the failure.
    """
    seen: list[str] = []
    fired: list[bool] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.split("(", 1)[0].strip())
        if fired or not statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            return
        fired.append(True)
        if outage is not None and engine.dialect.name == "postgresql":
            outage.cut()
            return
        raise engine.dialect.loaded_dbapi.OperationalError("disk I/O error (injected by the test)")

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
        if outage is not None:
            outage.restore()

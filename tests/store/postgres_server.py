"""A throwaway PostgreSQL on 127.0.0.1 for tests and benchmarks, run by pytest-postgresql's executor.

PostgreSQL refuses to run as root (CI containers often are root), so as root pg_ctl runs as the
`postgres` system user through a two-line wrapper, in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from pytest_postgresql.executors import PostgreSQLExecutor

SERVICE_USER = "postgres"


def find_pg_ctl() -> Path | None:
    """Return pg_ctl from PATH or Debian's versioned folder (the newest), or None."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path)
    versions = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl") if p.split("/")[4].isdigit()]
    return max(versions, key=lambda p: int(p.parts[4])) if versions else None


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One PostgreSQL server in its own temporary folder; databases are created per test."""

    def __init__(self, pg_ctl: Path, *, durable: bool = False) -> None:
        # Under pytest's private (0700) folders the postgres user could not reach its files.
        self.folder = Path(tempfile.mkdtemp(prefix="coach-pg-"))
        self.folder.chmod(0o755)
        self.port = free_port()
        executable = str(pg_ctl)
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root needs runuser to start PostgreSQL as the postgres user")
            wrapper = self.folder / "pg_ctl"
            wrapper.write_text(f'#!/bin/sh\nexec runuser -u {SERVICE_USER} -- "{pg_ctl}" "$@"\n')
            wrapper.chmod(0o755)
            executable = str(wrapper)
        run = self.folder / "run"
        run.mkdir()
        if os.geteuid() == 0:
            shutil.chown(run, SERVICE_USER, SERVICE_USER)
        options = "-c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            # Tests need the safety of a killed client process, not of a machine losing power.
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self.executor = PostgreSQLExecutor(
            executable=executable,
            host="127.0.0.1",
            port=self.port,
            datadir=str(run / "data"),
            unixsocketdir=str(run),
            logfile=str(run / "server.log"),
            startparams="-w",
            dbname="postgres",
            postgres_options=options,
        )

    def start(self) -> None:
        """Create the cluster and start the server, waiting until it accepts connections."""
        self.executor.start()

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self.executor.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """Return the URL of a database on this server."""
        return f"postgresql://{SERVICE_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        deadline = time.monotonic() + 60
        while True:
            try:
                with psycopg.connect(self.url(), autocommit=True, connect_timeout=10) as admin:
                    admin.execute(f'CREATE DATABASE "{name}"')
                return self.url(name)
            except psycopg.OperationalError:
                # The port opens a moment before the server accepts sessions ("starting up").
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

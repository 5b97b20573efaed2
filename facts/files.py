"""Reading and writing the user's files safely.

``safe_write`` is the one way this program writes a file the user named (``--out``,
``--save``, a rescue file). It is atomic: the data goes to a temporary file in the same
directory, which then replaces the target by a rename, so the target is either the old file
or the complete new one. It refuses, with an ``OutputError`` and without touching anything:

- an empty path;
- a path that is an input of the same run (``batch x.yaml --out x.yaml``);
- a directory, or anything that is not a regular file or a new name: a FIFO, a character or
  block device, a socket, or any path under /dev, /proc or /sys (so ``--out /dev/null`` or
  ``--out /dev/stdout`` is refused, never replaced by a regular file, even as root, and never
  followed to the file the shell opened for standard output);
- an existing file when ``overwrite=False``;
- a path whose folder does not exist.

A symbolic link is followed: its target is written and the link stays a link (the user's
intent when a link names the file), and the target is checked as above. An existing file
keeps its mode (and, where allowed, its owner); a new file gets the mode the umask gives
(0644 with the usual umask 022), not the 0600 of a temporary file.

The temporary file is removed on any failure, also on SIGTERM, SIGHUP and SIGINT: the
command line turns those signals into an ``Interrupted`` exception (see cli.py), and when no
handler is installed (a library caller) safe_write installs one for the duration of the write.
"""
from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from collections.abc import Iterable

#: The signals that end a run; each becomes an ``Interrupted`` exception, exit code 130.
STOP_SIGNALS = tuple(s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP", "SIGINT")) if s)


class Interrupted(BaseException):
    """The run was stopped by a signal (SIGTERM, SIGHUP; SIGINT is KeyboardInterrupt).

    A BaseException, so ``except Exception`` does not swallow it and every ``finally`` runs."""

    def __init__(self, signum: int = signal.SIGTERM):
        self.signum = signum
        super().__init__(signum)

    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"


def raise_interrupted(signum, frame) -> None:
    """A signal handler: turn the signal into an exception, so cleanup code runs."""
    raise Interrupted(signum)


class OutputError(Exception):
    """A file that cannot or must not be written; ``line()`` names the path in one line."""

    def __init__(self, path: str | os.PathLike, message: str):
        self.path, self.message = str(path), message
        super().__init__(self.line())

    def line(self) -> str:
        from render.safe import one_line
        return one_line(f"{self.path}: {self.message}")


#: Paths that name devices and open files of a process, never a user's file.
_SYSTEM = ("/dev/", "/proc/", "/sys/")


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask is process-wide)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def check_target(path: str | os.PathLike, *, inputs: Iterable[str | os.PathLike] = (),
                 overwrite: bool = True) -> tuple[Path, os.stat_result | None]:
    """The real file to write and its current status (None for a new name), or an OutputError.

    Nothing is touched; call it early (before a long run) to refuse a bad path at once."""
    shown = os.fspath(path)
    if not shown or not shown.strip():
        raise OutputError("''", "an empty file name")
    if shown in ("-",):
        raise OutputError(shown, "give a file name ('-' is not a file)")
    if os.path.isdir(shown):
        raise OutputError(shown, "is a directory, not a file")
    target = Path(os.path.realpath(shown))  # follows symlinks, also a dangling one
    for place in (os.path.abspath(shown), str(target)):
        if place.startswith(_SYSTEM):  # /dev/stdout -> /proc/self/fd/1 -> the shell's file
            raise OutputError(shown, "is a device or a system file, not a regular file; it is not replaced")
    for given in inputs:
        given = os.fspath(given)
        if given and given != "-" and _same(shown, given):
            raise OutputError(shown, "is also an input of this run; it would be overwritten")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except PermissionError:
        raise OutputError(shown, "cannot be written (permission denied)") from None
    except OSError as exc:
        raise OutputError(shown, f"cannot be written ({exc.strerror or exc})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(shown, "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
                    else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                    else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
            raise OutputError(shown, f"is {kind}, not a regular file; it is not replaced")
        if not overwrite:
            raise OutputError(shown, "already exists; it is not overwritten")
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(shown, "the folder does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(shown, "cannot be written (the folder is not writable)")
    return target, st


def safe_write(path: str | os.PathLike, data: str | bytes, *, inputs: Iterable[str | os.PathLike] = (),
               overwrite: bool = True) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; see the module docstring."""
    target, st = check_target(path, inputs=inputs, overwrite=overwrite)
    shown = os.fspath(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    own_handler = _install_handlers()
    tmp = None
    try:
        # no signal between creating the temporary file and knowing its name
        blocked = _block()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
        finally:
            _unblock(blocked)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
            if st is not None:
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except OSError:
                    pass  # not allowed to give it away: the writer owns the new file
            else:
                os.fchmod(fh.fileno(), 0o666 & ~_umask())
        if not overwrite and os.path.lexists(target):  # appeared meanwhile
            raise OutputError(shown, "already exists; it is not overwritten")
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(shown, f"cannot be written ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        _restore_handlers(own_handler)


def _block():
    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))
    return None


def _unblock(old) -> None:
    if old is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _install_handlers() -> dict:
    """Handlers for SIGTERM/SIGHUP where none is installed (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    saved = {}
    for sig in STOP_SIGNALS:
        if sig == signal.SIGINT:
            continue  # the default SIGINT handler already raises KeyboardInterrupt
        if signal.getsignal(sig) == signal.SIG_DFL:
            saved[sig] = signal.signal(sig, raise_interrupted)
    return saved


def _restore_handlers(saved: dict) -> None:
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def discard_stdout() -> None:
    """After a broken pipe (``| head -1``): send the rest of standard output nowhere, so
    neither later writes nor the final flush at exit fail, and the run ends quietly."""
    import sys
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass

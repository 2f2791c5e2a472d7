"""`python main.py pack ...`: make keys, build, verify, install, list, remove and roll back content
packs (docs/content-packs.md). Each command prints one line per problem and returns an exit code.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from reader.resources import BUNDLED_CONTENT_DIR


def add_pack_commands(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser(
        "pack", help="content packs: keygen, build, verify, install, list, remove, rollback"
    )
    sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    keygen = sub.add_parser("keygen", help="make a publisher key pair (minisign format)")
    keygen.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for NAME.pub and NAME.key"
    )
    keygen.add_argument("--name", default="publisher", help="file name of the pair (default: publisher)")
    _passphrase_options(keygen, new=True)
    keygen.set_defaults(run=run_keygen)

    build = sub.add_parser("build", help="check a pack folder, sign it and write NAME-VERSION.hrpack")
    build.add_argument("folder", type=Path, metavar="DIR", help="the pack folder (topics/, pack.yaml, ...)")
    signing = build.add_mutually_exclusive_group(required=True)
    signing.add_argument(
        "--key", type=Path, metavar="SECRET", help="the publisher's secret key (ours or minisign's)"
    )
    signing.add_argument(
        "--unsigned",
        action="store_true",
        help="no signature: sign pack.json with minisign, then add-signature",
    )
    build.add_argument("--version", dest="pack_version", type=int, required=True, metavar="N")
    build.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: ID-VERSION.hrpack here")
    _passphrase_options(build, new=False)
    build.set_defaults(run=run_build)

    verify = sub.add_parser("verify", help="check a pack file and print what it is and the verdict")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="PUBKEY",
        help="also trust this public key file (may be repeated)",
    )
    _library_option(verify)
    verify.set_defaults(run=run_verify)

    install = sub.add_parser("install", help="verify and install a pack file into the library")
    install.add_argument("file", type=Path, metavar="FILE")
    install.add_argument(
        "--allow-unverified",
        action="store_true",
        help="administrators only: install an unsigned or unknown-key pack (development)",
    )
    _library_option(install)
    install.set_defaults(run=run_install)

    attach = sub.add_parser(
        "add-signature", help="put a signature of pack.json made by `minisign -S` into a pack"
    )
    attach.add_argument("file", type=Path, metavar="FILE")
    attach.add_argument(
        "signature", type=Path, metavar="SIG", help="the .minisig file of the pack's pack.json"
    )
    attach.set_defaults(run=run_add_signature)

    trust = sub.add_parser("trust", help="add a publisher's public key to the trust file of the library")
    trust.add_argument("pubkey", type=Path, metavar="PUBKEY", help="the publisher's .pub file")
    trust.add_argument("--name", help="who the key belongs to (default: the file name)")
    _library_option(trust)
    trust.set_defaults(run=run_trust)

    listing = sub.add_parser("list", help="the installed packs")
    _library_option(listing)
    listing.set_defaults(run=run_list)

    for name, run, text in (
        ("remove", run_remove, "remove an installed pack"),
        ("rollback", run_rollback, "go back to the version installed before"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("pack_id", metavar="ID")
        _library_option(command)
        command.set_defaults(run=run)


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the pack library (default: /var/lib/health-reader/packs if it exists, "
        "else ~/.local/share/health-reader/packs)",
    )


def _passphrase_options(parser: argparse.ArgumentParser, *, new: bool) -> None:
    parser.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from one line of stdin"
    )
    if new:
        parser.add_argument(
            "--no-passphrase",
            action="store_true",
            help="store the secret key unprotected (a warning is printed)",
        )


def _fail(message: str) -> int:
    print(f"health-reader: {message}", file=sys.stderr)
    return 1


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    if args.passphrase_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Passphrase for the secret key: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise ValueError("the two passphrases differ")
    return first


def run_keygen(args: argparse.Namespace) -> int:
    from reader.packs import minisign

    public, secret = args.out / f"{args.name}.pub", args.out / f"{args.name}.key"
    for path in (public, secret):
        if path.exists():
            return _fail(f"{path} exists already: not overwriting a key")
    try:
        passphrase = None if args.no_passphrase else _passphrase(args, confirm=True)
    except ValueError as exc:
        return _fail(str(exc))
    if not passphrase and not args.no_passphrase:
        return _fail("an empty passphrase: use --no-passphrase to store the key unprotected")
    key = minisign.generate()
    args.out.mkdir(parents=True, exist_ok=True)
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(minisign.secret_key_text(key, passphrase))
    public.write_text(key.public.file_text(), encoding="ascii")
    if not passphrase:
        print(
            "WARNING: the secret key is NOT protected by a passphrase: anyone who copies "
            f"{secret} can sign packs in your name. Keep it offline.",
            file=sys.stderr,
        )
    print(f"public key: {public} (key {key.public.id_hex}); give it to the clinics")
    print(f"secret key: {secret}; keep it secret")
    return 0


def run_build(args: argparse.Namespace) -> int:
    from reader.filereading import read_text_limited
    from reader.packs import minisign
    from reader.packs.build import BuildError, build_pack
    from reader.packs.manifest import ManifestError, read_description

    try:
        key = None
        if not args.unsigned:
            text = read_text_limited(args.key, 4096)
            phrase = _passphrase(args, confirm=False) if minisign.secret_key_is_protected(text) else None
            key = minisign.parse_secret_key(text, phrase)
        out = args.output or Path(f"{read_description(args.folder).pack_id}-{args.pack_version}.hrpack")
        built = build_pack(args.folder, key, args.pack_version, out)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return _fail(f"{args.folder}: not built: the pack has errors (see above)")
    except (OSError, UnicodeDecodeError, ValueError, ManifestError) as exc:
        return _fail(str(exc))
    m = built.manifest
    if key is None:
        print(f"built {built.path}: {m.pack_id} version {m.version}, {len(m.files)} file(s), NOT signed")
        return 0
    print(
        f"built {built.path}: {m.pack_id} version {m.version}, {len(m.files)} file(s), "
        f"signed by key {built.key_id}"
    )
    return 0


def _library(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reader import paths
    from reader.packs.library import PackLibrary

    return PackLibrary(paths.pack_library(args.library))


def _trust(library_root: Path, extra: list[Path]):  # type: ignore[no-untyped-def]
    from reader import paths
    from reader.packs.trust import load_trust

    trust = load_trust(paths.pack_trust_files(library_root), extra)
    for error in trust.errors:
        print(f"health-reader: trust file: {error}", file=sys.stderr)
    return trust


def run_verify(args: argparse.Namespace) -> int:
    from reader.packs.verify import verify_pack

    library = _library(args)
    verdict = verify_pack(args.file, _trust(library.root, args.trust))
    m = verdict.manifest
    print(f"file: {args.file}")
    if m is not None:
        print(f"pack: {m.pack_id} ({m.title})")
        print(f"version: {m.version}")
        print(f"publisher: {m.publisher}")
        print(f"created: {m.created}")
        if m.review_by is not None:
            print(f"review by: {m.review_by.isoformat()}")
        print(f"needs reader: {m.min_reader_version} or newer")
        print(f"files: {len(m.files)} ({m.total_size:,} bytes)")
        for entry in m.files:
            print(f"  {entry.sha256[:16]}  {entry.size:>9}  {entry.path}")
    print(f"verdict: {verdict.summary()}")
    return 0 if verdict.trusted else 1


def run_install(args: argparse.Namespace) -> int:
    from reader.packs.library import InstallError
    from reader.packs.sources import install_beside

    library = _library(args)
    trust = _trust(library.root, [])
    try:
        pack, verdict = install_beside(
            library, args.file, trust, BUNDLED_CONTENT_DIR, allow_unverified=args.allow_unverified
        )
    except (InstallError, OSError) as exc:
        return _fail(f"not installed: {exc}")
    how = (
        f"signed by {pack.signer}" if pack.verified else "UNVERIFIED content (allowed by --allow-unverified)"
    )
    print(f"installed {pack.pack_id} version {pack.version} ({pack.manifest.title}) in {library.root}; {how}")
    if not pack.verified:
        print(f"verdict was: {verdict.summary()}")
    return 0


def run_add_signature(args: argparse.Namespace) -> int:
    from reader.filereading import read_text_limited
    from reader.packs.archive import PackFormatError, add_signature
    from reader.packs.minisign import MinisignError, parse_signature

    try:
        text = read_text_limited(args.signature, 16 * 1024)
        sig = parse_signature(text)
        add_signature(args.file, text.encode("utf-8"))
    except (OSError, UnicodeDecodeError, MinisignError, PackFormatError) as exc:
        return _fail(f"not changed: {exc}")
    print(f"{args.file}: signature by key {sig.id_hex} added; check it with 'pack verify'")
    return 0


def run_trust(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.atomicfile import write_atomically
    from reader.filereading import read_text_limited
    from reader.packs.minisign import MinisignError, parse_public_key
    from reader.packs.trust import Trust, read_trust_file, trust_file_text

    library = _library(args)
    target = paths.pack_trust_files(library.root)[
        -1
    ]  # the user's file, or the system's for the system library
    try:
        key = parse_public_key(read_text_limited(args.pubkey, 4096))
    except (OSError, UnicodeDecodeError, MinisignError) as exc:
        return _fail(f"{args.pubkey}: {exc}")
    listed = Trust()
    if target.is_file():
        read_trust_file(target, listed)
        if listed.errors:
            return _fail(f"not changed: {listed.errors[0]}")
    if any(k.key.key_id == key.key_id for k in listed.keys):
        print(f"key {key.id_hex} is already trusted in {target}")
        return 0
    entries = [(k.name, k.key) for k in listed.keys] + [(args.name or args.pubkey.stem, key)]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, trust_file_text(entries).encode("utf-8"), 0o644)
    except OSError as exc:
        return _fail(f"cannot write {target}: {exc.strerror or exc}")
    print(f"trusted key {key.id_hex} ({args.name or args.pubkey.stem}) in {target}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    library = _library(args)
    packs = library.packs()
    print(f"library: {library.root}")
    if not packs:
        print("no packs installed")
    for p in packs:
        state = "verified" if p.verified else "UNVERIFIED"
        older = f"; rollback to {p.older[-1]} possible" if p.older else ""
        print(
            f"{p.pack_id}  version {p.version}  {p.manifest.publisher}  {p.manifest.created}  {state}{older}"
        )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from reader.packs.library import InstallError

    library = _library(args)
    try:
        pack = library.remove(args.pack_id)
    except (InstallError, OSError) as exc:
        return _fail(f"not removed: {exc}")
    print(f"removed {pack.pack_id} version {pack.version} from {library.root}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    from reader.packs.library import InstallError

    library = _library(args)
    try:
        pack, left = library.rollback(args.pack_id)
    except (InstallError, OSError) as exc:
        return _fail(f"not rolled back: {exc}")
    print(f"rolled back {pack.pack_id} from version {left} to version {pack.version}")
    return 0
